//! The framework builder's words. A table of its own: the builder is a page apart, and the main
//! app's WebAssembly does not carry them.

use cchc_core::Lang;
use leptos::prelude::Get;

crate::i18n::messages! {
    Heading
        vi "Dựng bộ tiêu chí từ Phụ lục của quyết định"
        en "Build a framework from the decision's annex";
    Intro
        vi "Chọn tệp Word (.docx) của Phụ lục, bảng điểm Excel (.xlsx, .csv), hoặc dán bảng sao chép từ Word hay Excel. Mọi việc diễn ra trên máy này; không có gì được gửi đi."
        en "Choose the annex as a Word file (.docx), the Excel score sheet (.xlsx, .csv), or paste a table copied from Word or Excel. Everything happens on this computer; nothing is sent anywhere.";
    BackToApp
        vi "← Về trang chính"
        en "← Back to the app";
    ChooseFile
        vi "Chọn tệp Phụ lục (.docx, .xlsx, .csv)"
        en "Choose the annex file (.docx, .xlsx, .csv)";
    PasteLabel
        vi "Hoặc dán bảng (chọn cả bảng trong Word/Excel, Ctrl+C, rồi Ctrl+V vào đây)"
        en "Or paste the table (select the whole table in Word/Excel, Ctrl+C, then Ctrl+V here)";
    ReadPasted
        vi "Đọc bảng đã dán"
        en "Read the pasted table";
    Template
        vi "Tải bảng mẫu (.xlsx) với các cột cần có"
        en "Download the template (.xlsx) with the expected columns";
    Reading
        vi "Đang đọc tệp…"
        en "Reading the file…";
    Restored
        vi "Đã mở lại phần đang làm dở:"
        en "Reopened the work in progress:";
    WorkNotSaved
        vi "Không lưu được phần đang làm vào bộ nhớ trình duyệt (bị tắt hoặc đã đầy). Công việc vẫn còn trên trang này: hãy tải tệp bộ tiêu chí về trước khi đóng trang."
        en "The work in progress could not be kept in the browser's storage (disabled or full). It is still on this page: download the framework file before closing it.";
    EmptyPaste
        vi "Chưa có gì để đọc: hãy dán bảng vào ô trên."
        en "Nothing to read: paste a table into the box above.";
    SourceHeading
        vi "Nguồn"
        en "Source";
    ColumnsHeading
        vi "Ý nghĩa của các cột"
        en "What each column holds";
    ColumnsHelp
        vi "Ứng dụng đoán theo tên cột; hãy kiểm tra và sửa nếu cần."
        en "Guessed from the header words; check and change them if needed.";
    ColCode
        vi "STT / Mã"
        en "No. / code";
    ColTitle
        vi "Lĩnh vực, tiêu chí"
        en "Field, criterion";
    ColMax
        vi "Điểm tối đa"
        en "Maximum points";
    ColMethod
        vi "Cách chấm điểm"
        en "Scoring method";
    ColEvidence
        vi "Tài liệu kiểm chứng"
        en "Evidence";
    ColIgnored
        vi "Không dùng"
        en "Not used";
    Column
        vi "Cột"
        en "Column";
    MetaHeading
        vi "Thông tin bộ tiêu chí"
        en "About the framework";
    MetaId
        vi "Mã bộ tiêu chí (chữ không dấu, số, dấu -)"
        en "Framework id (letters, digits, -)";
    MetaVersion
        vi "Phiên bản"
        en "Version";
    MetaTitle
        vi "Tên bộ tiêu chí"
        en "Title";
    MetaUnitType
        vi "Áp dụng cho"
        en "For";
    UnitSo
        vi "Sở, ban, ngành"
        en "Provincial departments";
    UnitXa
        vi "UBND xã, phường, đặc khu"
        en "Commune and ward People's Committees";
    UnitHuyen
        vi "UBND cấp huyện (đến năm 2024)"
        en "District People's Committees (up to 2024)";
    UnitKhac
        vi "Khác"
        en "Other";
    MetaDecision
        vi "Số quyết định"
        en "Decision number";
    MetaDate
        vi "Ngày ban hành"
        en "Date issued";
    MetaIssuer
        vi "Cơ quan ban hành"
        en "Issued by";
    MetaYear
        vi "Áp dụng từ năm đánh giá"
        en "First assessed year";
    OfficialNote
        vi "Bộ tiêu chí chỉ được ghi là chính thức khi có số và ngày của quyết định; nếu chưa, ứng dụng ghi là bộ tiêu chí mẫu."
        en "The framework is marked official only with the decision's number and date; until then it is marked as a model.";
    TreeHeading
        vi "Cây tiêu chí đọc được"
        en "The criteria tree as read";
    RowsHeading
        vi "Các dòng của bảng nguồn"
        en "The source table's rows";
    RowWord
        vi "dòng"
        en "row";
    StateRead
        vi "Đọc từ nội dung"
        en "Read from the text";
    StateChecklist
        vi "Danh sách a, b, c"
        en "Checklist a, b, c";
    StateNeedsChoice
        vi "Cần chọn cách chấm"
        en "Needs a choice";
    StateEdgesOpen
        vi "Cần xác nhận mức"
        en "Edge to confirm";
    StateChosen
        vi "Đã chọn"
        en "Chosen";
    ChooseRule
        vi "Chọn cách chấm"
        en "Choose the rule";
    RewriteLabel
        vi "Hoặc viết lại cách chấm theo mẫu (ví dụ: “Có: 1 điểm; không: 0 điểm”, “Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm”)"
        en "Or rewrite the method in a known shape (e.g. “Có: 1 điểm; không: 0 điểm”)";
    ReadAgain
        vi "Đọc lại"
        en "Read again";
    EdgeUpper
        vi "thuộc mức trên"
        en "belongs to the band above";
    EdgeLower
        vi "thuộc mức dưới (đúng như chữ viết)"
        en "belongs to the band below (as written)";
    ConfirmEdges
        vi "Xác nhận"
        en "Confirm";
    UndoChoice
        vi "Bỏ lựa chọn"
        en "Undo the choice";
    ProblemsHeading
        vi "Cần sửa trước khi lưu"
        en "To fix before saving";
    NoProblems
        vi "Bộ tiêu chí đã đủ và đúng: có thể lưu vào ứng dụng."
        en "The framework is complete and sound: it can be saved into the app.";
    MixedMarks
        vi "Điểm trong bảng ghi lẫn dấu phẩy và dấu chấm thập phân; cả hai đều được đọc là dấu thập phân — hãy kiểm tra các dòng:"
        en "Points are written with both decimal commas and dots; both are read as decimal marks — check the rows:";
    Save
        vi "Lưu vào ứng dụng"
        en "Save into the app";
    Export
        vi "Tải tệp bộ tiêu chí (.json)"
        en "Download the framework file (.json)";
    Saved
        vi "Đã lưu bộ tiêu chí. Mở trang chính để tạo bản tự đánh giá theo bộ này."
        en "Framework saved. Open the app to start a self-assessment with it.";
    OpenApp
        vi "Mở trang chính"
        en "Open the app";
    AlreadyStored
        vi "Ứng dụng đã có một bộ tiêu chí cùng mã và phiên bản. Thay thế bằng bộ này? Các bản tự đánh giá đã làm theo bộ cũ vẫn được giữ, nhưng sẽ được chấm lại theo bộ mới; nếu bộ đã đổi điểm hay cách chấm, hãy đổi phiên bản thay vì thay thế."
        en "The app already has a framework with this id and version. Replace it? Self-assessments made with the old one are kept but will be scored with the new one; if points or rules changed, change the version instead of replacing.";
    Replace
        vi "Thay thế"
        en "Replace";
    Cancel
        vi "Thôi"
        en "Cancel";
    SaveFailed
        vi "Không lưu được vào bộ nhớ trình duyệt (bị tắt hoặc đã đầy). Hãy tải tệp bộ tiêu chí về và nạp ở trang chính."
        en "Could not save into the browser's storage (disabled or full). Download the framework file and load it on the main page.";
    StartOver
        vi "Bỏ phần đang làm"
        en "Discard this work";
    StartOverConfirm
        vi "Bỏ hẳn phần đang làm (bảng, lựa chọn, thông tin)?"
        en "Discard the work in progress (table, choices, details)?";
    Yes
        vi "Bỏ"
        en "Discard";
    Items
        vi "tiêu chí chấm điểm"
        en "scored items";
    FileTooLarge
        vi "Tệp quá lớn (trên 10 MB)."
        en "The file is too large (over 10 MB).";
    FileUnreadable
        vi "Không đọc được tệp này từ máy."
        en "This file could not be read from the computer.";
    WorkerFailed
        vi "Không tạo được tệp mẫu (.xlsx) trong trình duyệt này."
        en "The template (.xlsx) could not be made in this browser.";
    SwitchLanguage
        vi "English"
        en "Tiếng Việt";
    EditCell
        vi "Sửa ô này"
        en "Correct this cell";
    EditCellHelp
        vi "Bấm vào một ô để sửa (ví dụ điểm tối đa ghi sai, cách chấm viết lại cho rõ); Ctrl+Enter để lưu, Esc để thôi. Cây tiêu chí được dựng lại ngay."
        en "Click a cell to correct it (a wrong maximum, a method rewritten clearly); Ctrl+Enter saves, Esc cancels. The tree is built again at once.";
    SaveCell
        vi "Lưu ô"
        en "Save the cell";
    EditorHeading
        vi "Soạn bộ tiêu chí"
        en "Edit the framework";
    EditorIntro
        vi "Sửa trực tiếp từng lĩnh vực, tiêu chí và cách chấm. Ứng dụng kiểm tra ngay khi gõ (tổng điểm, khoảng tỷ lệ, mã trùng); mỗi lỗi dẫn tới đúng chỗ cần sửa. Phần đang soạn được giữ lại khi tải lại trang."
        en "Edit each field, criterion and way of scoring directly. The app checks as you type (sums, bands, duplicate codes); each problem links to its place. The work is kept when the page is reloaded.";
    OpenHeading
        vi "Hoặc sửa một bộ tiêu chí có sẵn"
        en "Or edit an existing framework";
    OpenStored
        vi "Bộ tiêu chí trong ứng dụng"
        en "Frameworks in the app";
    OpenStoredButton
        vi "Mở để sửa"
        en "Open to edit";
    OpenJsonFile
        vi "Mở tệp bộ tiêu chí (.json)"
        en "Open a framework file (.json)";
    OpenBlank
        vi "Bắt đầu một bộ tiêu chí trống"
        en "Start an empty framework";
    ToEditor
        vi "Soạn chi tiết: thêm, xóa, sửa tiêu chí và cách chấm"
        en "Edit in detail: add, delete and change criteria and scoring";
    ResumeEditor
        vi "Có một bộ tiêu chí đang soạn dở:"
        en "A framework is being edited:";
    ResumeEditorButton
        vi "Tiếp tục soạn"
        en "Go on editing";
    BackToSource
        vi "← Chọn nguồn khác"
        en "← Choose another source";
    ReplacePending
        vi "Mở bộ này sẽ thay bộ tiêu chí đang soạn. Phần đang soạn chưa lưu vào ứng dụng sẽ mất; hãy tải tệp về trước nếu cần giữ."
        en "Opening this replaces the framework being edited. What has not been saved into the app is lost; download the file first to keep it.";
    ReplaceYes
        vi "Thay bộ đang soạn"
        en "Replace it";
    RemovedNode
        vi "Đã xóa tiêu chí"
        en "Deleted";
    PutBack
        vi "Hoàn tác"
        en "Undo";
    FormTreeHeading
        vi "Cây tiêu chí"
        en "Criteria tree";
    AddField
        vi "+ Thêm lĩnh vực"
        en "+ Add a field";
    AddChild
        vi "+ Con"
        en "+ Child";
    AddChildLong
        vi "Thêm tiêu chí con"
        en "Add a child criterion";
    AddAfter
        vi "+ Sau"
        en "+ After";
    AddAfterLong
        vi "Thêm tiêu chí ngang hàng ngay sau"
        en "Add a sibling right after";
    MoveUp
        vi "Chuyển lên"
        en "Move up";
    MoveDown
        vi "Chuyển xuống"
        en "Move down";
    Indent
        vi "Thụt vào: làm tiêu chí con của tiêu chí ngay trên"
        en "Indent: make it a child of the one above";
    Outdent
        vi "Lùi ra: đưa lên ngang hàng với tiêu chí cha"
        en "Outdent: make it a sibling of its parent";
    Delete
        vi "Xóa tiêu chí này (và các tiêu chí con)"
        en "Delete this criterion (and its children)";
    Details
        vi "Chi tiết"
        en "Details";
    HideDetails
        vi "Thu gọn"
        en "Hide";
    FieldCode
        vi "Mã"
        en "Code";
    FieldTitle
        vi "Tên"
        en "Title";
    FieldTitleEn
        vi "Tên tiếng Anh (không bắt buộc)"
        en "English title (optional)";
    FieldMax
        vi "Điểm tối đa"
        en "Maximum";
    ChildrenSum
        vi "tổng các tiêu chí con:"
        en "children add up to:";
    Guidance
        vi "Hướng dẫn chấm"
        en "Scoring guidance";
    Evidence
        vi "Tài liệu kiểm chứng cần có"
        en "Evidence expected";
    SourceRef
        vi "Căn cứ (quyết định, mục)"
        en "Source (decision, item)";
    AllowNa
        vi "Cho phép đơn vị chọn “không áp dụng” (kèm lý do)"
        en "Units may mark it “not applicable” (with a reason)";
    AllowNoTask
        vi "Cho phép đơn vị khai “không phát sinh nhiệm vụ” (đạt điểm tối đa)"
        en "Units may declare “no task this year” (full points)";
    BlockLabel
        vi "Loại lĩnh vực"
        en "Kind of field";
    BlockRegular
        vi "Điểm thường (trong thang điểm)"
        en "Regular (on the scale)";
    BlockBonus
        vi "Điểm thưởng (cộng, có mức tối đa)"
        en "Bonus (added, capped)";
    BlockPenalty
        vi "Điểm trừ (trừ, có mức tối đa)"
        en "Penalty (subtracted, capped)";
    RuleKindLabel
        vi "Cách chấm"
        en "Scoring";
    NoKind
        vi "— Chưa chọn —"
        en "— Not chosen —";
    YesPoints
        vi "Điểm khi “Có” (để trống: bằng điểm tối đa)"
        en "Points for “yes” (empty: the maximum)";
    LevelLabel
        vi "Mức"
        en "Level";
    PointsWord
        vi "Điểm"
        en "Points";
    AddLevel
        vi "+ Thêm mức"
        en "+ Add a level";
    Numerator
        vi "Tử số (số đạt yêu cầu)"
        en "Numerator (number meeting the requirement)";
    Denominator
        vi "Mẫu số (tổng số)"
        en "Denominator (total)";
    WhenZero
        vi "Khi mẫu số bằng 0"
        en "When the denominator is 0";
    FromPercent
        vi "Từ (%)"
        en "From (%)";
    ToPercent
        vi "Đến (%) — để trống: đến 100"
        en "To (%) — empty: up to 100";
    Inclusive
        vi "kể cả"
        en "included";
    AddBand
        vi "+ Thêm khoảng"
        en "+ Add a band";
    FullAt
        vi "Đạt điểm tối đa từ tỷ lệ (%) — để trống: 100"
        en "Full points from (%) — empty: 100";
    CountLabel
        vi "Đếm gì"
        en "What is counted";
    FromCount
        vi "Từ"
        en "From";
    ToCount
        vi "Đến — để trống: trở lên"
        en "To — empty: and more";
    PointsEach
        vi "Điểm mỗi lần"
        en "Points each";
    PartId
        vi "Ký hiệu"
        en "Mark";
    PartLabel
        vi "Nội dung"
        en "Content";
    AddPart
        vi "+ Thêm nội dung"
        en "+ Add a part";
    SurveyMethod
        vi "Cách điều tra (không bắt buộc)"
        en "Survey method (optional)";
    RemoveRow
        vi "Xóa dòng"
        en "Delete the row";
    RaiseRow
        vi "Chuyển dòng lên"
        en "Move the row up";
    TotalMax
        vi "Tổng điểm (thang điểm)"
        en "Total (the scale)";
    SplitLine
        vi "Phần tự chấm / điều tra xã hội học:"
        en "Self-scored / survey part:";
    YearTo
        vi "Đến năm (để trống: còn hiệu lực)"
        en "Last year (empty: still in force)";
    MarkedOfficial
        vi "Đây là Phụ lục chính thức của quyết định (không phải bộ mẫu)"
        en "This is the decision's official annex (not a model)";
    WillBeOfficial
        vi "Sẽ lưu là bộ tiêu chí chính thức."
        en "Will be saved as an official framework.";
    WillBeModel
        vi "Sẽ lưu là bộ tiêu chí mẫu: chỉ là chính thức khi được đánh dấu và có số, ngày của quyết định."
        en "Will be saved as a model: official only when marked so, with the decision's number and date.";
    StatusNote
        vi "Ghi chú hiện kèm bộ mẫu"
        en "Note shown with a model";
    BandsHeading
        vi "Xếp loại theo chỉ số (%)"
        en "Classification by index (%)";
    BandLabel
        vi "Xếp loại"
        en "Class";
    WholeFramework
        vi "Thông tin chung"
        en "Details";
    DiscardEditorConfirm
        vi "Bỏ hẳn bộ tiêu chí đang soạn?"
        en "Discard the framework being edited?";
    NotAFrameworkPick
        vi "Chọn một bộ tiêu chí trong danh sách."
        en "Choose a framework from the list.";
    NodeActions
        vi "Thao tác với tiêu chí"
        en "Criterion actions";
    Method
        vi "Cách chấm"
        en "Method";
    Rule
        vi "Quy tắc"
        en "Rule";
    TabFrameworks
        vi "Bộ tiêu chí"
        en "Frameworks";
    TabUnits
        vi "Danh sách đơn vị"
        en "Unit lists";
    UnitsIntro
        vi "Danh sách các cơ quan, đơn vị được đánh giá: trang chính dùng danh sách đang chọn khi tạo bản tự đánh giá, và trang Sở Nội vụ dùng nó để biết đơn vị nào chưa nộp. Mỗi tỉnh, mỗi giai đoạn có thể có một danh sách riêng; mọi việc diễn ra trên máy này."
        en "The lists of the units that are assessed: the main page offers the list in use when a self-assessment is started, and the Sở Nội vụ view uses it to tell which units have sent nothing. Each province or period can have a list of its own; everything happens on this computer.";
    KeptLists
        vi "Các danh sách trong ứng dụng"
        en "The lists in the app";
    ListName
        vi "Danh sách"
        en "List";
    ListUnits
        vi "Số đơn vị"
        en "Units";
    ListState
        vi "Trạng thái"
        en "State";
    Actions
        vi "Thao tác"
        en "Actions";
    InUse
        vi "Đang dùng"
        en "In use";
    Shipped
        vi "có sẵn trong ứng dụng"
        en "shipped with the app";
    CopyToEdit
        vi "Sao chép để sửa"
        en "Copy to edit";
    OpenToEdit
        vi "Mở để sửa"
        en "Open to edit";
    UseThisList
        vi "Dùng danh sách này"
        en "Use this list";
    DownloadList
        vi "Tải tệp danh sách (.json)"
        en "Download the list file (.json)";
    DeleteListConfirm
        vi "Xóa danh sách này khỏi ứng dụng? Các bản tự đánh giá đã tạo vẫn giữ tên đơn vị."
        en "Delete this list from the app? Self-assessments already made keep their units' names.";
    NewUnitList
        vi "Lập danh sách mới"
        en "Make a new list";
    UnitsColumns
        vi "Bảng cần có cột “Tên đơn vị”; nên có cột “Loại đơn vị” (Sở, ban, ngành · Xã, phường, đặc khu · Huyện) và “Mã”. Thiếu cột loại thì loại được đọc từ tên (UBND xã…, UBND phường…, Sở…). Tệp danh sách (.json) đã tải về cũng mở được ở đây."
        en "The table needs a “Tên đơn vị” (unit name) column; a “Loại đơn vị” (type) and a “Mã” (code) column help. Without a type column, the type is read from the name (UBND xã…, UBND phường…, Sở…). A list file (.json) downloaded before opens here too.";
    ChooseUnitsFile
        vi "Chọn tệp danh sách (.xlsx, .csv, .docx, .json)"
        en "Choose the list file (.xlsx, .csv, .docx, .json)";
    EmptyUnitList
        vi "Danh sách trống, tự nhập"
        en "An empty list, typed in";
    PasteUnits
        vi "Hoặc dán bảng danh sách đơn vị (sao chép từ Excel hay Word)"
        en "Or paste the table of units (copied from Excel or Word)";
    ReplaceOpenList
        vi "Đang có một danh sách mở để sửa; mở danh sách khác sẽ thay nó (phần đã lưu vào ứng dụng vẫn còn). Tiếp tục?"
        en "A list is open for editing; opening another replaces it (what was saved into the app stays). Go on?";
    UnitsSaved
        vi "Đã lưu danh sách vào ứng dụng:"
        en "The list is saved into the app:";
    UnnamedList
        vi "Danh sách chưa đặt tên"
        en "Unnamed list";
    UnitsWord
        vi "đơn vị"
        en "units";
    Province
        vi "Tỉnh, thành phố"
        en "Province or city";
    ListFrom
        vi "Dùng từ năm đánh giá"
        en "Used from assessed year";
    ListTo
        vi "Đến năm (để trống nếu còn dùng)"
        en "Until year (empty if still in use)";
    ListUsable
        vi "Danh sách hợp lệ: có thể lưu vào ứng dụng."
        en "The list is sound: it can be saved into the app.";
    ListProblems
        vi "Cần sửa trước khi lưu:"
        en "To mend before saving:";
    SaveList
        vi "Lưu vào ứng dụng"
        en "Save into the app";
    CloseList
        vi "Đóng danh sách"
        en "Close the list";
    CloseListConfirm
        vi "Đóng danh sách đang sửa? Những thay đổi chưa lưu vào ứng dụng sẽ mất."
        en "Close the list being edited? Changes not saved into the app are lost.";
    UnitCode
        vi "Mã"
        en "Code";
    UnitNameCol
        vi "Tên đơn vị"
        en "Unit name";
    UnitTypeCol
        vi "Loại đơn vị"
        en "Unit type";
    RetiredFrom
        vi "Thôi đánh giá từ năm"
        en "No longer assessed from";
    MergedInto
        vi "Sáp nhập vào"
        en "Merged into";
    AddUnit
        vi "Thêm đơn vị"
        en "Add a unit";
    RemoveUnit
        vi "Xóa dòng này"
        en "Remove this row";
    ChooseType
        vi "— Chọn loại —"
        en "— Choose the type —";
    PastedTable
        vi "bảng dán"
        en "pasted table";
    UnitsNotSaved
        vi "Không lưu được vào bộ nhớ trình duyệt (bị tắt hoặc đã đầy). Danh sách vẫn còn trên trang: hãy tải tệp danh sách về."
        en "Could not save into the browser's storage (disabled or full). The list is still on the page: download the list file.";
    DownloadFailed
        vi "Trình duyệt không cho tải tệp về."
        en "The browser refused the download.";
    UnitsWorkNotSaved
        vi "Không giữ được danh sách đang sửa trong bộ nhớ trình duyệt (bị tắt hoặc đã đầy). Nó vẫn còn trên trang này: hãy tải tệp danh sách về trước khi đóng trang."
        en "The list being edited could not be kept in the browser's storage (disabled or full). It is still on this page: download the list file before closing it.";
    TabCompare
        vi "So sánh bộ tiêu chí"
        en "Compare frameworks";
    CompareIntro
        vi "Đặt hai bộ tiêu chí cạnh nhau — hai phiên bản (năm trước và năm nay), hoặc của hai tỉnh: điểm tối đa và số tiêu chí của từng lĩnh vực, rồi từng tiêu chí thêm mới, bỏ đi, chuyển mã hay thay đổi (điểm tối đa, cách chấm, các mức, khoảng, nội dung)."
        en "Two frameworks side by side — two versions (last year and this year), or two provinces': each field's maximum and number of items, then every item added, removed, renumbered or changed (maximum, way of scoring, levels, bands, wording).";
    CompareChoose
        vi "Chọn hai bộ tiêu chí"
        en "Choose two frameworks";
    CompareOld
        vi "Bộ trước"
        en "Earlier";
    CompareNew
        vi "Bộ sau"
        en "Later";
    CompareFile
        vi "hoặc mở tệp bộ tiêu chí (.json)"
        en "or open a framework file (.json)";
    Problems
        vi "vấn đề"
        en "problems";
    DiffTitle
        vi "Nội dung"
        en "Wording";
    DiffMax
        vi "Điểm tối đa"
        en "Maximum";
    DiffRuleKind
        vi "Cách chấm"
        en "Way of scoring";
    DiffRule
        vi "Mức, khoảng, điểm"
        en "Levels, bands, points";
    DiffGuidance
        vi "Hướng dẫn chấm"
        en "Guidance";
    DiffEvidence
        vi "Tài liệu kiểm chứng"
        en "Evidence";
    DiffOptions
        vi "Được chọn"
        en "May be declared";
    OptNotApplicable
        vi "không áp dụng"
        en "not applicable";
    OptNoTask
        vi "không phát sinh nhiệm vụ"
        en "no task this year";
    CountAdded
        vi "thêm mới"
        en "added";
    CountRemoved
        vi "bỏ đi"
        en "removed";
    CountMoved
        vi "chuyển mã"
        en "renumbered";
    CountChanged
        vi "thay đổi"
        en "changed";
    CountUnchanged
        vi "giữ nguyên"
        en "unchanged";
    KindAdded
        vi "Thêm mới"
        en "Added";
    KindRemoved
        vi "Bỏ đi"
        en "Removed";
    KindMoved
        vi "Chuyển mã"
        en "Renumbered";
    KindChanged
        vi "Thay đổi"
        en "Changed";
    CompareHeading
        vi "Kết quả so sánh"
        en "What changed";
    Print
        vi "In"
        en "Print";
    CompareFields
        vi "Theo lĩnh vực"
        en "By field";
    FieldCol
        vi "Lĩnh vực"
        en "Field";
    ItemsCol
        vi "Số tiêu chí chấm điểm"
        en "Scored items";
    TotalCol
        vi "Tổng"
        en "Total";
    CompareItems
        vi "Theo tiêu chí"
        en "By item";
    CompareSame
        vi "Không có tiêu chí nào khác nhau."
        en "No item differs.";
    ChangeCol
        vi "Thay đổi"
        en "Change";
    CodeCol
        vi "Mã"
        en "Code";
    ItemCol
        vi "Tiêu chí"
        en "Item";
    WhatChangedCol
        vi "Khác nhau ở"
        en "What differs";
}

/// A reactive text for `msg` in the builder's current language.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = super::state::BuilderState::expect().lang;
    move || msg.text(lang.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builder_message_is_translated() {
        for m in Msg::ALL {
            assert_ne!(m.text(Lang::Vi), m.text(Lang::En), "{m:?}");
        }
    }
}
