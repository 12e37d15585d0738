//! Every interface string, Vietnamese beside English, grouped by the screen that shows it. Adding
//! a message is one edit here; a message without both languages does not compile (the macro
//! takes exactly one of each). Criteria texts are not here: they live in the framework data.

use cchc_core::{ItemMark, Lang};
use leptos::prelude::Get;

use crate::file_io::{FileError, ReadError};
use crate::storage::StorageError;

/// Declares `Msg` and its texts from a list of `Name vi "…" en "…";`.
macro_rules! messages {
    ($( $name:ident vi $vi:literal en $en:literal; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $( $name, )*
        }

        impl Msg {
            /// Every message, for the tests.
            #[cfg(test)]
            const ALL: &[Msg] = &[$( Msg::$name, )*];

            /// Each message's words, in the order of the variants: a table rather than an arm
            /// per message (about 1 KB less gzipped WebAssembly, measured).
            const WORDS: &[[&'static str; 2]] = &[$( [$vi, $en], )*];

            pub fn text(self, lang: Lang) -> &'static str {
                // The table has one row per variant, built by the same repetition.
                let [vi, en] = Self::WORDS[self as usize];
                match lang {
                    Lang::Vi => vi,
                    Lang::En => en,
                }
            }
        }
    };
}

// The framework builder (its own page and WebAssembly) declares its words with the same macro.
pub(crate) use messages;

messages! {
    // Words used on several screens
    Opening
        vi "Đang mở…"
        en "Opening…";
    CarryHandoverFailed
        vi "Không mở được phần chuyển câu trả lời sang bộ tiêu chí khác: trình duyệt không cho lưu tạm trong thẻ này. Bản nháp và tệp vẫn nguyên vẹn. Hãy mở ứng dụng đầy đủ và chuyển từ đó."
        en "The carrying of answers into another framework could not be opened: the browser refuses this tab's temporary storage. The draft and the file are untouched. Open the full app and carry them from there.";
    OpenFullProgram
        vi "Mở ứng dụng đầy đủ"
        en "Open the full app";
    LikelyAfterAppraisal
        vi "Dự kiến sau thẩm định"
        en "Likely after appraisal";
    ProvisionalTotal
        vi "Tổng điểm tạm tính"
        en "Provisional total";
    PenaltyPoints
        vi "Điểm trừ"
        en "Penalty points";
    BonusPoints
        vi "Điểm thưởng"
        en "Bonus points";
    ComponentIndexes
        vi "Chỉ số thành phần theo lĩnh vực"
        en "Component index by field";
    ComponentIndex
        vi "Chỉ số thành phần"
        en "Component index";
    Field
        vi "Lĩnh vực"
        en "Field";
    Note
        vi "Ghi chú"
        en "Note";
    EvidenceDocuments
        vi "Tài liệu kiểm chứng"
        en "Evidence";
    EvidenceExpected
        vi "Tài liệu kiểm chứng cần có"
        en "Evidence expected";
    Guidance
        vi "Hướng dẫn chấm"
        en "How it is scored";
    NextItem
        vi "Tiêu chí sau →"
        en "Next item →";
    Chart
        vi "Biểu đồ"
        en "Chart";
    BackToCriteriaList
        vi "← Danh sách tiêu chí"
        en "← List of items";
    PreviousItem
        vi "← Tiêu chí trước"
        en "← Previous item";
    Summary
        vi "Tổng hợp"
        en "Summary";
    Index
        vi "Chỉ số"
        en "Index";
    TotalPoints
        vi "Tổng điểm"
        en "Total points";
    Cancel
        vi "Không"
        en "Cancel";
    Answered
        vi "Đã trả lời"
        en "Answered";
    Year
        vi "Năm"
        en "Year";
    FrameworkMissing
        vi "Bộ tiêu chí của bản này chưa được nạp vào ứng dụng."
        en "This draft's framework is not loaded in the app.";
    StorageWriteFailed
        vi "Không ghi được vào bộ nhớ của trình duyệt."
        en "The browser's storage refused the change.";
    StorageUnavailable
        vi "Trình duyệt này không cho lưu dữ liệu (bộ nhớ cục bộ bị tắt). Vẫn làm việc được, nhưng hãy xuất tệp trước khi đóng trang."
        en "This browser does not allow saving (local storage is off). You can still work, but export a file before closing the page.";
    AssessedYear
        vi "Năm đánh giá"
        en "Assessed year";
    Unit
        vi "Đơn vị"
        en "Unit";
    Framework
        vi "Bộ tiêu chí"
        en "Framework";
    SurveyPart
        vi "Phần điều tra xã hội học"
        en "Survey part";
    SelfScoredPart
        vi "Phần tự đánh giá"
        en "Self-scored part";
    MaxPoints
        vi "Điểm tối đa"
        en "Max points";
    FileTooLarge
        vi "Tệp lớn hơn 10 MB; ứng dụng không đọc tệp này."
        en "The file is over 10 MB; the app does not read it.";
    FileUnreadable
        vi "Không đọc được tệp (không phải văn bản UTF-8?)."
        en "The file cannot be read (not UTF-8 text?).";
    FrameworkAlreadyLoaded
        vi "Bộ tiêu chí cùng mã và phiên bản này đã có trong ứng dụng."
        en "A framework with this id and version is already loaded.";
    FrameworkLoaded
        vi "Đã nạp bộ tiêu chí:"
        en "Framework loaded:";
    FrameworkHasProblems
        vi "Tệp bộ tiêu chí có lỗi, chưa nạp. Các lỗi cần sửa"
        en "The framework file has problems and was not loaded. To fix";
    XlsxFailed
        vi "Không tạo được tệp Excel:"
        en "The Excel file could not be made:";
    SpreadsheetWriterUnavailable
        vi "không tải được bộ tạo tệp Excel."
        en "the spreadsheet writer could not be loaded.";
    EditedMark
        vi "Đã bị chỉnh sửa ngoài ứng dụng"
        en "Edited outside the app";

    // The app shell: header, navigation, language switch
    SwitchLanguageLabel
        vi "Chuyển giao diện sang tiếng Anh"
        en "Switch the interface to Vietnamese";
    SwitchLanguage
        vi "English"
        en "Tiếng Việt";
    SkipToContent
        vi "Bỏ qua, đến nội dung chính"
        en "Skip to main content";
    AppTitle
        vi "Tự đánh giá Chỉ số cải cách hành chính"
        en "Public Administration Reform Index self-assessment";
    AppTitleShort
        vi "Chỉ số CCHC"
        en "PAR Index";
    MainNavigation
        vi "Chức năng"
        en "Sections";
    SelfAssessment
        vi "Tự đánh giá"
        en "Self-assessment";
    EvaluatorNav
        vi "Sở Nội vụ (xếp hạng)"
        en "Home Affairs (ranking)";
    TrainerNav
        vi "Hướng dẫn tiêu chí"
        en "Criteria guide";

    // Start screen: new draft, the stored drafts, frameworks
    Undo
        vi "Hoàn tác"
        en "Undo";
    DeletedDraftOf
        vi "Đã xóa bản tự đánh giá của"
        en "Deleted the self-assessment of";
    ConfirmDiscard
        vi "Bỏ hẳn bản không đọc được này?"
        en "Discard this unreadable draft for good?";
    Discard
        vi "Bỏ bản này"
        en "Discard it";
    DownloadAsIs
        vi "Tải về nguyên trạng"
        en "Download it as it is";
    UnreadableDraft
        vi "Có một bản lưu không đọc được"
        en "A saved draft cannot be read";
    ConfirmDelete
        vi "Xóa bản tự đánh giá này?"
        en "Delete this self-assessment?";
    Delete
        vi "Xóa"
        en "Delete";
    Export
        vi "Xuất tệp"
        en "Export";
    ProvisionalIndex
        vi "Chỉ số tạm tính"
        en "Provisional index";
    Progress
        vi "Số tiêu chí đã trả lời / số tiêu chí áp dụng"
        en "Items answered / applicable items";
    SavedAt
        vi "lưu lúc"
        en "saved";
    NoDrafts
        vi "Chưa có bản tự đánh giá nào trên máy này."
        en "No self-assessment is saved on this computer yet.";
    YearInvalid
        vi "Năm đánh giá phải là một năm từ 2000 đến 2100."
        en "The assessed year must be a year from 2000 to 2100.";
    TypeUnitName
        vi "Hãy nhập tên đơn vị."
        en "Type the unit's name.";
    ChooseUnit
        vi "Hãy chọn đơn vị."
        en "Choose the unit.";
    ChooseFramework
        vi "Hãy chọn bộ tiêu chí."
        en "Choose a framework.";
    CreateDraft
        vi "Tạo bản tự đánh giá"
        en "Start the self-assessment";
    UnitName
        vi "Tên đơn vị"
        en "Unit name";
    OtherUnit
        vi "Đơn vị khác (tự nhập tên)"
        en "Another unit (type its name)";
    ChooseUnitOption
        vi "— Chọn đơn vị —"
        en "— Choose the unit —";
    UnitList
        vi "Danh sách đơn vị"
        en "Unit list";
    ListOutOfYears
        vi "Danh sách đơn vị đang dùng được lập cho các năm khác (chọn danh sách khác, hoặc chọn “Đơn vị khác” và tự nhập tên):"
        en "The unit list in use was made for other years (choose another list, or choose “Another unit” and type its name):";
    ManageUnitLists
        vi "Quản lý danh sách đơn vị"
        en "Manage unit lists";
    WhatChanged
        vi "So sánh với bộ khác (những gì thay đổi)"
        en "Compare with another (what changed)";
    YourDrafts
        vi "Bản tự đánh giá đã lưu trên máy này"
        en "Self-assessments saved on this computer";
    NewAssessment
        vi "Tạo bản tự đánh giá mới"
        en "Start a new self-assessment";
    OfficialFramework
        vi "Bộ tiêu chí chính thức"
        en "Official framework";
    ModelFramework
        vi "Bộ tiêu chí mẫu"
        en "Model framework";
    Decision
        vi "Theo"
        en "Follows";
    Items
        vi "tiêu chí chấm điểm"
        en "scored items";
    BuiltInFrameworks
        vi "Bộ tiêu chí có sẵn"
        en "Built-in frameworks";
    LoadFrameworkFile
        vi "Nạp bộ tiêu chí từ tệp (JSON)"
        en "Load a framework file (JSON)";
    LoadFrameworkHelp
        vi "Dùng để thay bộ tiêu chí mẫu bằng Phụ lục chính thức do Sở Nội vụ soạn theo định dạng của ứng dụng."
        en "Use it to replace a model framework with the official annex, written by Sở Nội vụ in the app's format.";
    OpenBuilder
        vi "Dựng bộ tiêu chí từ Phụ lục của quyết định (Word, Excel hoặc bảng dán)"
        en "Build a framework from the decision's annex (Word, Excel or a pasted table)";

    // A new release
    NewRelease
        vi "Có phiên bản mới của ứng dụng."
        en "A new version of the app is available.";
    ReloadRelease
        vi "Tải lại"
        en "Reload";
    SaveBeforeReload
        vi "Bản nháp chưa lưu được vào máy; hãy xử lý thông báo lưu (hoặc xuất tệp) trước khi tải lại."
        en "The draft could not be saved yet; settle the saving notice (or export the file) before reloading.";

    // Carrying answers into another framework
    CarryDraft
        vi "Mang sang bộ tiêu chí khác"
        en "Carry into another framework";
    CarryFromFile
        vi "Mang câu trả lời sang một bộ tiêu chí có trong ứng dụng"
        en "Carry the answers into a framework the app has";
    CarryHeading
        vi "Mang câu trả lời sang bộ tiêu chí khác"
        en "Carry the answers into another framework";
    CarryOriginalKept
        vi "Kết quả là một bản nháp mới; bản gốc giữ nguyên. Trước khi tạo, danh sách dưới đây cho biết những tiêu chí không chuyển đủ và lý do."
        en "The result is a new draft; the original stays as it is. Before anything is created, the list below says which items do not arrive whole, and why.";
    CarryInto
        vi "Sang bộ tiêu chí"
        en "Into the framework";
    CarryRenames
        vi "Mã tiêu chí đã đổi"
        en "Codes that changed";
    CarryRenamesHelp
        vi "Bộ tiêu chí mới không có các mã dưới đây. Nếu tiêu chí chỉ được đánh số lại, chọn mã mới của nó (ví dụ 2.3.1 → 2.4.1); mã gợi ý sẵn là tiêu chí cùng tên."
        en "The new framework lacks these codes. If an item was only renumbered, choose its new code (e.g. 2.3.1 → 2.4.1); a code already offered is the item of the same title.";
    CarryOldCode
        vi "Mã cũ"
        en "Old code";
    CarryNewCode
        vi "Mã mới"
        en "New code";
    CarryLeaveOut
        vi "— Không mang sang —"
        en "— Leave behind —";
    CarryLeftHeading
        vi "Không chuyển đủ"
        en "Not carried whole";
    CarryOutsideYear
        vi "Sổ tài liệu kiểm chứng được mang sang nguyên vẹn; các tài liệu sau có ngày ban hành không thuộc năm đánh giá"
        en "The evidence register moves whole; these documents are dated outside the assessed year";
    CarryRemarksStay
        vi "Phần khó khăn, vướng mắc và đề xuất thuộc năm cũ nên không mang sang."
        en "The difficulties and proposals belong to the old year and stay behind.";
    CarryCreate
        vi "Tạo bản nháp mới"
        en "Create the new draft";

    // Opening a file: preview and refusals
    OpenSubmissionFile
        vi "Mở tệp tự đánh giá (.json)"
        en "Open a self-assessment file (.json)";
    OpenSubmissionHelp
        vi "Hoặc kéo thả tệp vào bất kỳ đâu trong cửa sổ. Tệp được kiểm tra trước, chưa thay đổi gì cho đến khi bạn chọn nhập."
        en "Or drop the file anywhere on the window. It is checked first; nothing changes until you choose to import it.";
    ImportPreviewHeading
        vi "Nội dung tệp"
        en "What the file holds";
    LastChanged
        vi "Sửa lần cuối"
        en "Last changed";
    FileEditedOutside
        vi "Tệp đã bị chỉnh sửa ngoài ứng dụng (mã kiểm tra không khớp). Vẫn có thể nhập; bản nhập sẽ mang dấu “đã bị chỉnh sửa”."
        en "The file was edited outside the app (its checksum does not match). It can still be imported; the draft will carry an “edited” mark.";
    SnapshotDiffers
        vi "Điểm ghi trong tệp khác điểm tính lại; ứng dụng dùng điểm tính lại từ câu trả lời."
        en "The scores written in the file differ from the recomputed ones; the app uses the scores recomputed from the answers.";
    SameDraftExists
        vi "Máy này đã có bản tự đánh giá cùng mã với tệp."
        en "This computer already has the self-assessment this file was made from.";
    ImportAsNew
        vi "Nhập thành bản mới"
        en "Import as a new draft";
    ImportReplace
        vi "Thay bản đã có (bản cũ vẫn hoàn tác được)"
        en "Replace the existing one (it stays restorable)";
    Import
        vi "Nhập"
        en "Import";
    CannotImport
        vi "Không nhập được tệp"
        en "The file cannot be imported";
    NothingChanged
        vi "Không có bản tự đánh giá nào bị thay đổi."
        en "No self-assessment was changed.";
    Close
        vi "Đóng"
        en "Close";
    FrameworkTextsDiffer
        vi "Bộ tiêu chí cùng phiên bản đã được sửa lời văn (mã, điểm tối đa và cách chấm không đổi); câu trả lời vẫn dùng được."
        en "The framework of the same version has had its wording edited (codes, maxima and rules are unchanged); the answers still apply.";

    // Workspace: header and save status, criteria tree, item panel, inputs, evidence
    Explanation
        vi "Giải trình (khi thiếu hoặc chưa đủ tài liệu kiểm chứng)"
        en "Explanation (giải trình, where evidence is missing or incomplete)";
    AddAndAttach
        vi "Thêm và gắn vào tiêu chí"
        en "Add and attach to this item";
    DocLink
        vi "Đường dẫn hoặc tên tệp (không bắt buộc)"
        en "Link or file name (optional)";
    DocSection
        vi "Mục, trang chứng minh"
        en "Section or page that proves it";
    DocTitle
        vi "Trích yếu"
        en "Title";
    DocIssuer
        vi "Cơ quan ban hành"
        en "Issued by";
    DocDate
        vi "Ngày ban hành"
        en "Date issued";
    DocNumber
        vi "Số, ký hiệu (ví dụ 123/QĐ-UBND)"
        en "Number (e.g. 123/QĐ-UBND)";
    AddDocument
        vi "Thêm văn bản mới"
        en "Add a new document";
    Attach
        vi "Gắn"
        en "Attach";
    ChooseDocument
        vi "— Chọn văn bản —"
        en "— Choose a document —";
    AttachExisting
        vi "Gắn văn bản đã có trong sổ"
        en "Attach a document already registered";
    NumberOrTitleRequired
        vi "Cần có số, ký hiệu hoặc trích yếu của văn bản."
        en "Give the document's number or its title.";
    Detach
        vi "Bỏ gắn"
        en "Detach";
    DocumentMissing
        vi "Tài liệu không còn trong sổ"
        en "Document no longer in the register";
    NoEvidenceYet
        vi "Chưa gắn tài liệu kiểm chứng nào."
        en "No evidence attached yet.";
    Ratio
        vi "Tỷ lệ:"
        en "Ratio:";
    ZeroDenominator
        vi "Mẫu số bằng 0."
        en "The denominator is 0.";
    EnterBothNumbers
        vi "Hãy nhập cả hai số."
        en "Enter both numbers.";
    NumeratorAboveDenominator
        vi "Tử số lớn hơn mẫu số; tỷ lệ được tính là 100 %."
        en "The numerator is above the denominator; counted as 100 %.";
    EnterPoints
        vi "Hãy nhập số điểm, ví dụ 2,5."
        en "Enter points, e.g. 2.5.";
    EstimateOutOfRange
        vi "Điểm ước tính phải từ 0 đến điểm tối đa."
        en "The estimate must be between 0 and the max.";
    OptionalEstimate
        vi "Điểm ước tính (không bắt buộc)"
        en "Estimate (optional)";
    SurveyScoredByProvince
        vi "Tiêu chí này do tỉnh chấm qua điều tra xã hội học; đơn vị không tự chấm. Có thể ghi điểm ước tính để tham khảo — điểm này tách riêng, không cộng vào điểm tự đánh giá."
        en "The province scores this item through its survey; the unit does not. You may record an estimate for reference — it is kept apart from the self-score.";
    No
        vi "Không"
        en "No";
    Yes
        vi "Có"
        en "Yes";
    PointsUnit
        vi "điểm"
        en "pts";
    ClearAnswer
        vi "Xóa câu trả lời"
        en "Clear the answer";
    ReasonRequired
        vi "Cần nêu lý do; khi chưa có lý do, tiêu chí được tính như chưa trả lời."
        en "A reason is required; without it the item counts as unanswered.";
    NotApplicableReason
        vi "Lý do không áp dụng (bắt buộc)"
        en "Why it does not apply (required)";
    NotApplicable
        vi "Không áp dụng đối với đơn vị"
        en "Not applicable to this unit";
    NoTaskThisYear
        vi "Không phát sinh nhiệm vụ trong năm (đạt điểm tối đa)"
        en "Nothing to do this year (full points)";
    YourAnswer
        vi "Kết quả thực hiện"
        en "Your answer";
    NumberTooLarge
        vi "Số quá lớn."
        en "The number is too large.";
    WholeNumberOnly
        vi "Chỉ nhập số nguyên không âm, không dùng dấu chấm hay dấu phẩy."
        en "Enter a whole number without dots or commas.";
    EnterANumber
        vi "Hãy nhập một số."
        en "Enter a number.";
    ItemNavigation
        vi "Chuyển tiêu chí"
        en "Move between items";
    Why
        vi "Vì sao được số điểm này?"
        en "Why these points?";
    Answer
        vi "Trả lời"
        en "Answer";
    Follows
        vi "Căn cứ:"
        en "Follows:";
    PenaltyItem
        vi "Điểm trừ"
        en "Penalty";
    BonusItem
        vi "Điểm thưởng"
        en "Bonus";
    PointsNow
        vi "Điểm hiện tại:"
        en "Points now:";
    Deduction
        vi "Điểm trừ:"
        en "Deduction:";
    SurveyEstimate
        vi "Ước tính điều tra xã hội học:"
        en "Survey estimate:";
    NotApplicableShort
        vi "Không áp dụng — không tính vào điểm tối đa"
        en "Not applicable — left out of the maximum";
    ItemNotFound
        vi "Không có tiêu chí này trong bộ tiêu chí."
        en "This item is not in the framework.";
    CriteriaTree
        vi "Danh sách tiêu chí"
        en "List of criteria";
    ExportFile
        vi "Xuất tệp nộp"
        en "Export the file";
    Criteria
        vi "Tiêu chí"
        en "Criteria";
    DraftActions
        vi "Bản tự đánh giá"
        en "Self-assessment";
    ExportFailed
        vi "Không tạo được tệp để tải về."
        en "The file could not be created.";
    KeepThisTab
        vi "Giữ bản của thẻ này"
        en "Keep this tab's version";
    TakeOtherTab
        vi "Dùng bản từ thẻ kia"
        en "Use the other tab's version";
    ExportThisTab
        vi "Xuất bản của thẻ này ra tệp"
        en "Export this tab's version";
    ConflictExplained
        vi "Bản tự đánh giá này vừa được lưu từ một thẻ (cửa sổ) khác. Để không ghi đè lên nhau, thẻ này tạm dừng lưu. Hãy chọn giữ bản nào."
        en "This self-assessment was just saved from another tab (window). So that neither overwrites the other, this tab has paused saving. Choose which version to keep.";
    ExportNow
        vi "Xuất tệp ngay"
        en "Export a file now";
    SaveFailedExplained
        vi "Mọi thay đổi vẫn còn trong trang này và bản đã lưu trước đó không bị ghi đè. Hãy xuất tệp ngay để giữ an toàn."
        en "Every change is still in this page and the earlier saved copy was not overwritten. Export a file now to keep it safe.";
    SaveConflict
        vi "Chưa lưu: bản này vừa được sửa ở một thẻ khác."
        en "Not saved: this draft was just changed in another tab.";
    SaveFailedRefused
        vi "Chưa lưu được: bộ nhớ của trình duyệt đã đầy hoặc từ chối ghi."
        en "Not saved: the browser's storage is full or refused the write.";
    SaveFailedUnavailable
        vi "Chưa lưu được: trình duyệt không cho lưu."
        en "Not saved: the browser does not allow saving.";
    SavedAtTime
        vi "Đã lưu lúc"
        en "Saved at";
    Saving
        vi "Đang lưu…"
        en "Saving…";
    BackToStart
        vi "Về trang đầu"
        en "Back to the start page";
    DraftUnreadable
        vi "Bản tự đánh giá này không đọc được; hãy về trang đầu để tải nó về nguyên trạng."
        en "This self-assessment cannot be read; go back to the start page to download it as it is.";
    DraftNotFound
        vi "Không tìm thấy bản tự đánh giá này trên máy."
        en "This self-assessment is not on this computer.";
    ExportXlsx
        vi "Xuất bảng điểm Excel"
        en "Export the score table (Excel)";
    PreparingXlsx
        vi "Đang tạo tệp Excel…"
        en "Preparing the Excel file…";
    Report
        vi "Báo cáo (in)"
        en "Report (print)";
    SandboxExplained
        vi "Đây là đơn vị mẫu để thực hành: thay đổi câu trả lời để xem điểm và chỉ số thay đổi ra sao. Bản mẫu không bao giờ được lưu và không lẫn với bản tự đánh giá thật."
        en "This is the practice sample unit: change answers to see how points and the index move. The sample is never saved and never mixed with real self-assessments.";
    ResetSample
        vi "Đặt lại bản mẫu"
        en "Reset the sample";
    SandboxNotSaved
        vi "Bản mẫu — không lưu"
        en "Sample — not saved";

    // Summary
    Losing
        vi "mất"
        en "losing";
    WhereToWorkNext
        vi "Tiêu chí đang mất nhiều điểm nhất"
        en "Items losing the most points";
    AtRiskExplained
        vi "Điểm có nguy cơ bị trừ khi thẩm định (tiêu chí có điểm nhưng thiếu tài liệu kiểm chứng và giải trình, hoặc tài liệu ngoài năm đánh giá):"
        en "Points at risk at appraisal (points claimed without evidence or explanation, or with evidence from another year):";
    SurveyEstimateNote
        vi "ước tính của đơn vị; tỉnh chấm"
        en "the unit's estimate; scored by the province";
    Points
        vi "Điểm"
        en "Points";

    // Printable report
    ReportHeading
        vi "BÁO CÁO TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM"
        en "PAR INDEX SELF-ASSESSMENT REPORT";
    BackToSummary
        vi "← Về trang tổng hợp"
        en "← Back to the summary";
    Print
        vi "In báo cáo"
        en "Print the report";
    PrintHelp
        vi "Chọn máy in, hoặc “Lưu dưới dạng PDF”; khổ A4 dọc."
        en "Choose a printer or “Save as PDF”; A4 portrait.";
    DifficultiesAndProposals
        vi "Khó khăn, vướng mắc và đề xuất, kiến nghị"
        en "Difficulties and proposals";
    DifficultiesHelp
        vi "Nội dung này được in vào báo cáo:"
        en "This text is printed in the report:";
    Preparer
        vi "NGƯỜI LẬP BIỂU"
        en "PREPARED BY";
    HeadOfUnit
        vi "THỦ TRƯỞNG ĐƠN VỊ"
        en "HEAD OF UNIT";
    SignHint
        vi "(Ký, ghi rõ họ tên)"
        en "(Signature and full name)";
    SignAndSealHint
        vi "(Ký tên, đóng dấu)"
        en "(Signature and seal)";
    NoItemLacksEvidence
        vi "Không có tiêu chí nào có điểm mà thiếu tài liệu kiểm chứng."
        en "No item claims points without evidence.";
    Item
        vi "Tiêu chí"
        en "Item";
    ExplanationShort
        vi "Giải trình"
        en "Explanation";
    NoExplanationYet
        vi "(chưa có giải trình)"
        en "(no explanation yet)";
    ScoreTableHeading
        vi "Bảng điểm tự đánh giá"
        en "Self-assessment score table";
    Stt
        vi "STT"
        en "No.";
    CriteriaColumn
        vi "Lĩnh vực / Tiêu chí / Tiêu chí thành phần"
        en "Field / criterion / sub-criterion";
    SelfScore
        vi "Điểm tự đánh giá"
        en "Self-score";
    LackingEvidenceHeading
        vi "Tiêu chí có điểm nhưng thiếu tài liệu kiểm chứng"
        en "Items with points but no evidence";

    // Trainer mode
    OpenSample
        vi "Mở đơn vị mẫu để thực hành"
        en "Open the practice sample unit";
    PresenterView
        vi "Chế độ trình chiếu"
        en "Presenter view";
    ItemsFound
        vi "tiêu chí"
        en "items";
    TrainerHeading
        vi "Hướng dẫn bộ tiêu chí"
        en "Criteria guide";
    TrainerHelp
        vi "Xem từng tiêu chí: cách chấm, tài liệu kiểm chứng cần có và ví dụ tính điểm từ đơn vị mẫu. Tìm kiếm được cả khi gõ không dấu."
        en "See each item: how it is scored, the evidence expected and a worked example from the sample unit. Search works with or without diacritics.";
    SearchCriteria
        vi "Tìm tiêu chí (ví dụ: thu tuc)"
        en "Search items (e.g. thu tuc)";
    WorkedExample
        vi "Ví dụ tính điểm (đơn vị mẫu)"
        en "Worked example (sample unit)";

    // Sở Nội vụ view

    // The council's value in the item input (the appraisal round)
    AppraisedValue
        vi "Điểm thẩm định của hội đồng"
        en "The council's appraisal";
    KeepUnitsAnswer
        vi "Giữ điểm tự đánh giá của đơn vị"
        en "Keep the unit's own answer";
}

/// The words for an item's mark in the tree.
pub fn mark_label(mark: ItemMark, lang: Lang) -> &'static str {
    match (mark, lang) {
        (ItemMark::Unanswered, Lang::Vi) => "chưa trả lời",
        (ItemMark::Done, Lang::Vi) => "đã trả lời",
        (ItemMark::NeedsEvidence, Lang::Vi) => "cần tài liệu kiểm chứng hoặc giải trình",
        (ItemMark::NeedsExplanation, Lang::Vi) => "cần giải trình",
        (ItemMark::NotApplicable, Lang::Vi) => "không áp dụng",
        (ItemMark::Survey, Lang::Vi) => "tỉnh chấm qua điều tra xã hội học",
        (ItemMark::Unanswered, Lang::En) => "not answered",
        (ItemMark::Done, Lang::En) => "answered",
        (ItemMark::NeedsEvidence, Lang::En) => "needs evidence or an explanation",
        (ItemMark::NeedsExplanation, Lang::En) => "needs an explanation",
        (ItemMark::NotApplicable, Lang::En) => "not applicable",
        (ItemMark::Survey, Lang::En) => "scored by the province's survey",
    }
}

/// A reactive text for `msg` in the current language. Every call site shares this one closure
/// type, which keeps the WebAssembly small: a `move || msg.text(lang())` written inline is a new
/// type, and new rendering code, at each of the hundreds of places a label appears.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::state::AppState::expect().lang;
    move || msg.text(lang.get())
}

/// What a storage failure says.
pub fn storage_error(e: &StorageError) -> Msg {
    match e {
        StorageError::Unavailable => Msg::StorageUnavailable,
        StorageError::Refused(_) => Msg::StorageWriteFailed,
    }
}

/// What a file that could not be read says.
pub fn read_error(e: &ReadError) -> Msg {
    match e {
        ReadError::TooLarge => Msg::FileTooLarge,
        ReadError::Unreadable => Msg::FileUnreadable,
    }
}

/// What a file that could not be made says. The spreadsheet worker's own words, when it gives
/// some, are technical and shown as they are.
pub fn file_error(e: &FileError, lang: Lang) -> String {
    match e {
        FileError::DownloadRefused => Msg::ExportFailed.text(lang).to_string(),
        FileError::WorkerUnavailable => Msg::SpreadsheetWriterUnavailable.text(lang).to_string(),
        FileError::Worker(detail) => detail.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_its_own_words_in_each_language() {
        for m in Msg::ALL {
            let (vi, en) = (m.text(Lang::Vi), m.text(Lang::En));
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{m:?} is empty"
            );
            assert_ne!(vi, en, "{m:?} is not translated");
        }
    }

    #[test]
    fn messages_read_as_written() {
        assert_eq!(
            Msg::AppTitle.text(Lang::Vi),
            "Tự đánh giá Chỉ số cải cách hành chính"
        );
        assert_eq!(
            Msg::AppTitle.text(Lang::En),
            "Public Administration Reform Index self-assessment"
        );
        assert_eq!(
            Msg::LikelyAfterAppraisal.text(Lang::Vi),
            "Dự kiến sau thẩm định"
        );
        assert_eq!(Msg::Cancel.text(Lang::En), "Cancel");
        assert_eq!(
            mark_label(ItemMark::NotApplicable, Lang::Vi),
            "không áp dụng"
        );
    }
}
