//! Every interface string, in Vietnamese and English. An exhaustive `match`: a message missing in
//! one language does not compile. Criteria texts are not here: they live in the framework data.

use cchc_core::{ItemMark, Lang};
use leptos::prelude::Get;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    ExportRankingXlsx,
    TrainerNav,
    WorkedExample,
    SearchCriteria,
    TrainerHelp,
    TrainerHeading,
    ItemsFound,
    PresenterView,
    OpenSample,
    SandboxNotSaved,
    ResetSample,
    SandboxExplained,
    EvaluatorNav,
    SelfAssessment,
    MainNavigation,
    IndexChange,
    RankChange,
    FieldShort,
    Band,
    Rank,
    ExportCsv,
    Block,
    Ranking,
    Flags,
    FilesRefused,
    FilesRead,
    LoadLastYear,
    LoadSubmissions,
    EvaluatorHelp,
    EvaluatorHeading,
    SurveyPoints,
    FrameworkTextsDiffer,
    EditedMark,
    Close,
    NothingChanged,
    CannotImport,
    Import,
    ImportReplace,
    ImportAsNew,
    SameDraftExists,
    SnapshotDiffers,
    FileEditedOutside,
    LastChanged,
    ImportPreviewHeading,
    OpenSubmissionHelp,
    OpenSubmissionFile,
    Report,
    XlsxFailed,
    PreparingXlsx,
    ExportXlsx,
    LackingEvidenceHeading,
    SelfScore,
    CriteriaColumn,
    Stt,
    ScoreTableHeading,
    NoExplanationYet,
    ExplanationShort,
    Item,
    NoItemLacksEvidence,
    SignAndSealHint,
    SignHint,
    HeadOfUnit,
    Preparer,
    DifficultiesHelp,
    DifficultiesAndProposals,
    PrintHelp,
    Print,
    BackToSummary,
    LoadFrameworkHelp,
    LoadFrameworkFile,
    FrameworkHasProblems,
    FrameworkLoaded,
    FrameworkAlreadyLoaded,
    FileUnreadable,
    FileTooLarge,
    AppTitle,
    SkipToContent,
    SwitchLanguage,
    SwitchLanguageLabel,
    BuiltInFrameworks,
    Items,
    MaxPoints,
    SelfScoredPart,
    SurveyPart,
    Decision,
    ModelFramework,
    OfficialFramework,
    NoFramework,
    NewAssessment,
    YourDrafts,
    Framework,
    Unit,
    ChooseUnitOption,
    OtherUnit,
    UnitName,
    AssessedYear,
    CreateDraft,
    ChooseFramework,
    ChooseUnit,
    TypeUnitName,
    YearInvalid,
    StorageUnavailable,
    StorageWriteFailed,
    NoDrafts,
    FrameworkMissing,
    Year,
    SavedAt,
    Progress,
    Answered,
    ProvisionalIndex,
    Export,
    Delete,
    ConfirmDelete,
    Cancel,
    UnreadableDraft,
    DownloadAsIs,
    Discard,
    ConfirmDiscard,
    DeletedDraftOf,
    Undo,
    DraftNotFound,
    DraftUnreadable,
    BackToStart,
    Saving,
    SavedAtTime,
    SaveFailedUnavailable,
    SaveFailedRefused,
    SaveConflict,
    SaveFailedExplained,
    ExportNow,
    ConflictExplained,
    ExportThisTab,
    TakeOtherTab,
    KeepThisTab,
    ExportFailed,
    TotalPoints,
    Index,
    DraftActions,
    Criteria,
    Summary,
    ExportFile,
    CriteriaTree,
    ItemNotFound,
    NotApplicableShort,
    SurveyEstimate,
    Deduction,
    PointsNow,
    BonusItem,
    PenaltyItem,
    PreviousItem,
    NextItem,
    Guidance,
    EvidenceExpected,
    Follows,
    Answer,
    Why,
    ItemNavigation,
    EnterANumber,
    WholeNumberOnly,
    NumberTooLarge,
    YourAnswer,
    NoTaskThisYear,
    NotApplicable,
    NotApplicableReason,
    ReasonRequired,
    ClearAnswer,
    PointsUnit,
    Yes,
    No,
    SurveyScoredByProvince,
    OptionalEstimate,
    EstimateOutOfRange,
    EnterPoints,
    NumeratorAboveDenominator,
    EnterBothNumbers,
    ZeroDenominator,
    Ratio,
    Dated,
    IssuedBy,
    NoEvidenceYet,
    DocumentMissing,
    Detach,
    NumberOrTitleRequired,
    EvidenceDocuments,
    AttachExisting,
    ChooseDocument,
    Attach,
    AddDocument,
    DocNumber,
    DocDate,
    DocIssuer,
    DocTitle,
    DocSection,
    DocLink,
    AddAndAttach,
    Explanation,
    Note,
    Field,
    Points,
    ComponentIndex,
    ComponentIndexes,
    SurveyEstimateNote,
    BonusPoints,
    PenaltyPoints,
    ProvisionalTotal,
    LikelyAfterAppraisal,
    AtRiskExplained,
    WhereToWorkNext,
    Losing,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => match self {
                Msg::ExportRankingXlsx => "Xuất Excel",
                Msg::TrainerNav => "Hướng dẫn tiêu chí",
                Msg::WorkedExample => "Ví dụ tính điểm (đơn vị mẫu)",
                Msg::SearchCriteria => "Tìm tiêu chí (ví dụ: thu tuc)",
                Msg::TrainerHelp => {
                    "Xem từng tiêu chí: cách chấm, tài liệu kiểm chứng cần có và ví dụ tính điểm từ đơn vị mẫu. Tìm kiếm được cả khi gõ không dấu."
                }
                Msg::TrainerHeading => "Hướng dẫn bộ tiêu chí",
                Msg::ItemsFound => "tiêu chí",
                Msg::PresenterView => "Chế độ trình chiếu",
                Msg::OpenSample => "Mở đơn vị mẫu để thực hành",
                Msg::SandboxNotSaved => "Bản mẫu — không lưu",
                Msg::ResetSample => "Đặt lại bản mẫu",
                Msg::SandboxExplained => {
                    "Đây là đơn vị mẫu để thực hành: thay đổi câu trả lời để xem điểm và chỉ số thay đổi ra sao. Bản mẫu không bao giờ được lưu và không lẫn với bản tự đánh giá thật."
                }
                Msg::EvaluatorNav => "Sở Nội vụ (xếp hạng)",
                Msg::SelfAssessment => "Tự đánh giá",
                Msg::MainNavigation => "Chức năng",
                Msg::IndexChange => "Chỉ số tăng/giảm",
                Msg::RankChange => "So với năm trước",
                Msg::FieldShort => "LV",
                Msg::Band => "Xếp loại",
                Msg::Rank => "Hạng",
                Msg::ExportCsv => "Xuất CSV",
                Msg::Block => "Khối đơn vị",
                Msg::Ranking => "Xếp hạng Chỉ số CCHC",
                Msg::Flags => "Cần lưu ý:",
                Msg::FilesRefused => "Các tệp không nạp được:",
                Msg::FilesRead => "Đã đọc",
                Msg::LoadLastYear => "Nạp kết quả năm trước (các tệp tự đánh giá năm trước)",
                Msg::LoadSubmissions => "Nạp các tệp tự đánh giá năm nay",
                Msg::EvaluatorHelp => {
                    "Chọn (hoặc kéo thả) một lúc nhiều tệp tự đánh giá của các đơn vị. Tệp lỗi được liệt kê kèm lý do, các tệp còn lại vẫn được nạp. Nhập điểm điều tra xã hội học của tỉnh vào cột tương ứng."
                }
                Msg::EvaluatorHeading => "Sở Nội vụ: tổng hợp và xếp hạng",
                Msg::SurveyPoints => "Điểm điều tra XHH",
                Msg::FrameworkTextsDiffer => {
                    "Bộ tiêu chí cùng phiên bản đã được sửa lời văn (mã, điểm tối đa và cách chấm không đổi); câu trả lời vẫn dùng được."
                }
                Msg::EditedMark => "Đã bị chỉnh sửa ngoài ứng dụng",
                Msg::Close => "Đóng",
                Msg::NothingChanged => "Không có bản tự đánh giá nào bị thay đổi.",
                Msg::CannotImport => "Không nhập được tệp",
                Msg::Import => "Nhập",
                Msg::ImportReplace => "Thay bản đã có (bản cũ vẫn hoàn tác được)",
                Msg::ImportAsNew => "Nhập thành bản mới",
                Msg::SameDraftExists => "Máy này đã có bản tự đánh giá cùng mã với tệp.",
                Msg::SnapshotDiffers => {
                    "Điểm ghi trong tệp khác điểm tính lại; ứng dụng dùng điểm tính lại từ câu trả lời."
                }
                Msg::FileEditedOutside => {
                    "Tệp đã bị chỉnh sửa ngoài ứng dụng (mã kiểm tra không khớp). Vẫn có thể nhập; bản nhập sẽ mang dấu “đã bị chỉnh sửa”."
                }
                Msg::LastChanged => "Sửa lần cuối",
                Msg::ImportPreviewHeading => "Nội dung tệp",
                Msg::OpenSubmissionHelp => {
                    "Hoặc kéo thả tệp vào bất kỳ đâu trong cửa sổ. Tệp được kiểm tra trước, chưa thay đổi gì cho đến khi bạn chọn nhập."
                }
                Msg::OpenSubmissionFile => "Mở tệp tự đánh giá (.json)",
                Msg::Report => "Báo cáo (in)",
                Msg::XlsxFailed => "Không tạo được tệp Excel:",
                Msg::PreparingXlsx => "Đang tạo tệp Excel…",
                Msg::ExportXlsx => "Xuất bảng điểm Excel",
                Msg::LackingEvidenceHeading => "Tiêu chí có điểm nhưng thiếu tài liệu kiểm chứng",
                Msg::SelfScore => "Điểm tự đánh giá",
                Msg::CriteriaColumn => "Lĩnh vực / Tiêu chí / Tiêu chí thành phần",
                Msg::Stt => "STT",
                Msg::ScoreTableHeading => "Bảng điểm tự đánh giá",
                Msg::NoExplanationYet => "(chưa có giải trình)",
                Msg::ExplanationShort => "Giải trình",
                Msg::Item => "Tiêu chí",
                Msg::NoItemLacksEvidence => {
                    "Không có tiêu chí nào có điểm mà thiếu tài liệu kiểm chứng."
                }
                Msg::SignAndSealHint => "(Ký tên, đóng dấu)",
                Msg::SignHint => "(Ký, ghi rõ họ tên)",
                Msg::HeadOfUnit => "THỦ TRƯỞNG ĐƠN VỊ",
                Msg::Preparer => "NGƯỜI LẬP BIỂU",
                Msg::DifficultiesHelp => "Nội dung này được in vào báo cáo:",
                Msg::DifficultiesAndProposals => "Khó khăn, vướng mắc và đề xuất, kiến nghị",
                Msg::PrintHelp => "Chọn máy in, hoặc “Lưu dưới dạng PDF”; khổ A4 dọc.",
                Msg::Print => "In báo cáo",
                Msg::BackToSummary => "← Về trang tổng hợp",
                Msg::LoadFrameworkHelp => {
                    "Dùng để thay bộ tiêu chí mẫu bằng Phụ lục chính thức do Sở Nội vụ soạn theo định dạng của ứng dụng."
                }
                Msg::LoadFrameworkFile => "Nạp bộ tiêu chí từ tệp (JSON)",
                Msg::FrameworkHasProblems => "Tệp bộ tiêu chí có lỗi, chưa nạp. Các lỗi cần sửa",
                Msg::FrameworkLoaded => "Đã nạp bộ tiêu chí:",
                Msg::FrameworkAlreadyLoaded => {
                    "Bộ tiêu chí cùng mã và phiên bản này đã có trong ứng dụng."
                }
                Msg::FileUnreadable => "Không đọc được tệp (không phải văn bản UTF-8?).",
                Msg::FileTooLarge => "Tệp lớn hơn 10 MB; ứng dụng không đọc tệp này.",
                Msg::AppTitle => "Tự đánh giá Chỉ số cải cách hành chính",
                Msg::SkipToContent => "Bỏ qua, đến nội dung chính",
                Msg::SwitchLanguage => "English",
                Msg::SwitchLanguageLabel => "Chuyển giao diện sang tiếng Anh",
                Msg::BuiltInFrameworks => "Bộ tiêu chí có sẵn",
                Msg::Items => "tiêu chí chấm điểm",
                Msg::MaxPoints => "Điểm tối đa",
                Msg::SelfScoredPart => "Phần tự đánh giá",
                Msg::SurveyPart => "Phần điều tra xã hội học",
                Msg::Decision => "Theo",
                Msg::ModelFramework => "Bộ tiêu chí mẫu",
                Msg::OfficialFramework => "Bộ tiêu chí chính thức",
                Msg::NoFramework => "Chưa có bộ tiêu chí nào được nạp.",
                Msg::NewAssessment => "Tạo bản tự đánh giá mới",
                Msg::YourDrafts => "Bản tự đánh giá đã lưu trên máy này",
                Msg::Framework => "Bộ tiêu chí",
                Msg::Unit => "Đơn vị",
                Msg::ChooseUnitOption => "— Chọn đơn vị —",
                Msg::OtherUnit => "Đơn vị khác (tự nhập tên)",
                Msg::UnitName => "Tên đơn vị",
                Msg::AssessedYear => "Năm đánh giá",
                Msg::CreateDraft => "Tạo bản tự đánh giá",
                Msg::ChooseFramework => "Hãy chọn bộ tiêu chí.",
                Msg::ChooseUnit => "Hãy chọn đơn vị.",
                Msg::TypeUnitName => "Hãy nhập tên đơn vị.",
                Msg::YearInvalid => "Năm đánh giá phải là một năm từ 2000 đến 2100.",
                Msg::StorageUnavailable => {
                    "Trình duyệt này không cho lưu dữ liệu (bộ nhớ cục bộ bị tắt). Vẫn làm việc được, nhưng hãy xuất tệp trước khi đóng trang."
                }
                Msg::StorageWriteFailed => "Không ghi được vào bộ nhớ của trình duyệt.",
                Msg::NoDrafts => "Chưa có bản tự đánh giá nào trên máy này.",
                Msg::FrameworkMissing => "Bộ tiêu chí của bản này chưa được nạp vào ứng dụng.",
                Msg::Year => "Năm",
                Msg::SavedAt => "lưu lúc",
                Msg::Progress => "Số tiêu chí đã trả lời / số tiêu chí áp dụng",
                Msg::Answered => "Đã trả lời",
                Msg::ProvisionalIndex => "Chỉ số tạm tính",
                Msg::Export => "Xuất tệp",
                Msg::Delete => "Xóa",
                Msg::ConfirmDelete => "Xóa bản tự đánh giá này?",
                Msg::Cancel => "Không",
                Msg::UnreadableDraft => "Có một bản lưu không đọc được",
                Msg::DownloadAsIs => "Tải về nguyên trạng",
                Msg::Discard => "Bỏ bản này",
                Msg::ConfirmDiscard => "Bỏ hẳn bản không đọc được này?",
                Msg::DeletedDraftOf => "Đã xóa bản tự đánh giá của",
                Msg::Undo => "Hoàn tác",
                Msg::DraftNotFound => "Không tìm thấy bản tự đánh giá này trên máy.",
                Msg::DraftUnreadable => {
                    "Bản tự đánh giá này không đọc được; hãy về trang đầu để tải nó về nguyên trạng."
                }
                Msg::BackToStart => "Về trang đầu",
                Msg::Saving => "Đang lưu…",
                Msg::SavedAtTime => "Đã lưu lúc",
                Msg::SaveFailedUnavailable => "Chưa lưu được: trình duyệt không cho lưu.",
                Msg::SaveFailedRefused => {
                    "Chưa lưu được: bộ nhớ của trình duyệt đã đầy hoặc từ chối ghi."
                }
                Msg::SaveConflict => "Chưa lưu: bản này vừa được sửa ở một thẻ khác.",
                Msg::SaveFailedExplained => {
                    "Mọi thay đổi vẫn còn trong trang này và bản đã lưu trước đó không bị ghi đè. Hãy xuất tệp ngay để giữ an toàn."
                }
                Msg::ExportNow => "Xuất tệp ngay",
                Msg::ConflictExplained => {
                    "Bản tự đánh giá này vừa được lưu từ một thẻ (cửa sổ) khác. Để không ghi đè lên nhau, thẻ này tạm dừng lưu. Hãy chọn giữ bản nào."
                }
                Msg::ExportThisTab => "Xuất bản của thẻ này ra tệp",
                Msg::TakeOtherTab => "Dùng bản từ thẻ kia",
                Msg::KeepThisTab => "Giữ bản của thẻ này",
                Msg::ExportFailed => "Không tạo được tệp để tải về.",
                Msg::TotalPoints => "Tổng điểm",
                Msg::Index => "Chỉ số",
                Msg::DraftActions => "Bản tự đánh giá",
                Msg::Criteria => "Tiêu chí",
                Msg::Summary => "Tổng hợp",
                Msg::ExportFile => "Xuất tệp nộp",
                Msg::CriteriaTree => "Danh sách tiêu chí",
                Msg::ItemNotFound => "Không có tiêu chí này trong bộ tiêu chí.",
                Msg::NotApplicableShort => "Không áp dụng — không tính vào điểm tối đa",
                Msg::SurveyEstimate => "Ước tính điều tra xã hội học:",
                Msg::Deduction => "Điểm trừ:",
                Msg::PointsNow => "Điểm hiện tại:",
                Msg::BonusItem => "Điểm thưởng",
                Msg::PenaltyItem => "Điểm trừ",
                Msg::PreviousItem => "← Tiêu chí trước",
                Msg::NextItem => "Tiêu chí sau →",
                Msg::Guidance => "Hướng dẫn chấm",
                Msg::EvidenceExpected => "Tài liệu kiểm chứng cần có",
                Msg::Follows => "Căn cứ:",
                Msg::Answer => "Trả lời",
                Msg::Why => "Vì sao được số điểm này?",
                Msg::ItemNavigation => "Chuyển tiêu chí",
                Msg::EnterANumber => "Hãy nhập một số.",
                Msg::WholeNumberOnly => {
                    "Chỉ nhập số nguyên không âm, không dùng dấu chấm hay dấu phẩy."
                }
                Msg::NumberTooLarge => "Số quá lớn.",
                Msg::YourAnswer => "Kết quả thực hiện",
                Msg::NoTaskThisYear => "Không phát sinh nhiệm vụ trong năm (đạt điểm tối đa)",
                Msg::NotApplicable => "Không áp dụng đối với đơn vị",
                Msg::NotApplicableReason => "Lý do không áp dụng (bắt buộc)",
                Msg::ReasonRequired => {
                    "Cần nêu lý do; khi chưa có lý do, tiêu chí được tính như chưa trả lời."
                }
                Msg::ClearAnswer => "Xóa câu trả lời",
                Msg::PointsUnit => "điểm",
                Msg::Yes => "Có",
                Msg::No => "Không",
                Msg::SurveyScoredByProvince => {
                    "Tiêu chí này do tỉnh chấm qua điều tra xã hội học; đơn vị không tự chấm. Có thể ghi điểm ước tính để tham khảo — điểm này tách riêng, không cộng vào điểm tự đánh giá."
                }
                Msg::OptionalEstimate => "Điểm ước tính (không bắt buộc)",
                Msg::EstimateOutOfRange => "Điểm ước tính phải từ 0 đến điểm tối đa.",
                Msg::EnterPoints => "Hãy nhập số điểm, ví dụ 2,5.",
                Msg::NumeratorAboveDenominator => "Tử số lớn hơn mẫu số; tỷ lệ được tính là 100 %.",
                Msg::EnterBothNumbers => "Hãy nhập cả hai số.",
                Msg::ZeroDenominator => "Mẫu số bằng 0.",
                Msg::Ratio => "Tỷ lệ:",
                Msg::Dated => "ngày",
                Msg::IssuedBy => "của",
                Msg::NoEvidenceYet => "Chưa gắn tài liệu kiểm chứng nào.",
                Msg::DocumentMissing => "Tài liệu không còn trong sổ",
                Msg::Detach => "Bỏ gắn",
                Msg::NumberOrTitleRequired => "Cần có số, ký hiệu hoặc trích yếu của văn bản.",
                Msg::EvidenceDocuments => "Tài liệu kiểm chứng",
                Msg::AttachExisting => "Gắn văn bản đã có trong sổ",
                Msg::ChooseDocument => "— Chọn văn bản —",
                Msg::Attach => "Gắn",
                Msg::AddDocument => "Thêm văn bản mới",
                Msg::DocNumber => "Số, ký hiệu (ví dụ 123/QĐ-UBND)",
                Msg::DocDate => "Ngày ban hành",
                Msg::DocIssuer => "Cơ quan ban hành",
                Msg::DocTitle => "Trích yếu",
                Msg::DocSection => "Mục, trang chứng minh",
                Msg::DocLink => "Đường dẫn hoặc tên tệp (không bắt buộc)",
                Msg::AddAndAttach => "Thêm và gắn vào tiêu chí",
                Msg::Explanation => "Giải trình (khi thiếu hoặc chưa đủ tài liệu kiểm chứng)",
                Msg::Note => "Ghi chú",
                Msg::Field => "Lĩnh vực",
                Msg::Points => "Điểm",
                Msg::ComponentIndex => "Chỉ số thành phần",
                Msg::ComponentIndexes => "Chỉ số thành phần theo lĩnh vực",
                Msg::SurveyEstimateNote => "ước tính của đơn vị; tỉnh chấm",
                Msg::BonusPoints => "Điểm thưởng",
                Msg::PenaltyPoints => "Điểm trừ",
                Msg::ProvisionalTotal => "Tổng điểm tạm tính",
                Msg::LikelyAfterAppraisal => "Dự kiến sau thẩm định",
                Msg::AtRiskExplained => {
                    "Điểm có nguy cơ bị trừ khi thẩm định (tiêu chí có điểm nhưng thiếu tài liệu kiểm chứng và giải trình, hoặc tài liệu ngoài năm đánh giá):"
                }
                Msg::WhereToWorkNext => "Tiêu chí đang mất nhiều điểm nhất",
                Msg::Losing => "mất",
            },
            Lang::En => match self {
                Msg::ExportRankingXlsx => "Export Excel",
                Msg::TrainerNav => "Criteria guide",
                Msg::WorkedExample => "Worked example (sample unit)",
                Msg::SearchCriteria => "Search items (e.g. thu tuc)",
                Msg::TrainerHelp => {
                    "See each item: how it is scored, the evidence expected and a worked example from the sample unit. Search works with or without diacritics."
                }
                Msg::TrainerHeading => "Criteria guide",
                Msg::ItemsFound => "items",
                Msg::PresenterView => "Presenter view",
                Msg::OpenSample => "Open the practice sample unit",
                Msg::SandboxNotSaved => "Sample — not saved",
                Msg::ResetSample => "Reset the sample",
                Msg::SandboxExplained => {
                    "This is the practice sample unit: change answers to see how points and the index move. The sample is never saved and never mixed with real self-assessments."
                }
                Msg::EvaluatorNav => "Home Affairs (ranking)",
                Msg::SelfAssessment => "Self-assessment",
                Msg::MainNavigation => "Sections",
                Msg::IndexChange => "Index change",
                Msg::RankChange => "Since last year",
                Msg::FieldShort => "F",
                Msg::Band => "Band",
                Msg::Rank => "Rank",
                Msg::ExportCsv => "Export CSV",
                Msg::Block => "Block",
                Msg::Ranking => "PAR Index ranking",
                Msg::Flags => "To look at:",
                Msg::FilesRefused => "Files not loaded:",
                Msg::FilesRead => "Files read",
                Msg::LoadLastYear => "Load last year's results (last year's files)",
                Msg::LoadSubmissions => "Load this year's self-assessment files",
                Msg::EvaluatorHelp => {
                    "Choose (or drop) many units' self-assessment files at once. Bad files are listed with the reason while the rest load. Enter the province's survey points in their column."
                }
                Msg::EvaluatorHeading => "Department of Home Affairs: collation and ranking",
                Msg::SurveyPoints => "Survey points",
                Msg::FrameworkTextsDiffer => {
                    "The framework of the same version has had its wording edited (codes, maxima and rules are unchanged); the answers still apply."
                }
                Msg::EditedMark => "Edited outside the app",
                Msg::Close => "Close",
                Msg::NothingChanged => "No self-assessment was changed.",
                Msg::CannotImport => "The file cannot be imported",
                Msg::Import => "Import",
                Msg::ImportReplace => "Replace the existing one (it stays restorable)",
                Msg::ImportAsNew => "Import as a new draft",
                Msg::SameDraftExists => {
                    "This computer already has the self-assessment this file was made from."
                }
                Msg::SnapshotDiffers => {
                    "The scores written in the file differ from the recomputed ones; the app uses the scores recomputed from the answers."
                }
                Msg::FileEditedOutside => {
                    "The file was edited outside the app (its checksum does not match). It can still be imported; the draft will carry an “edited” mark."
                }
                Msg::LastChanged => "Last changed",
                Msg::ImportPreviewHeading => "What the file holds",
                Msg::OpenSubmissionHelp => {
                    "Or drop the file anywhere on the window. It is checked first; nothing changes until you choose to import it."
                }
                Msg::OpenSubmissionFile => "Open a self-assessment file (.json)",
                Msg::Report => "Report (print)",
                Msg::XlsxFailed => "The Excel file could not be made:",
                Msg::PreparingXlsx => "Preparing the Excel file…",
                Msg::ExportXlsx => "Export the score table (Excel)",
                Msg::LackingEvidenceHeading => "Items with points but no evidence",
                Msg::SelfScore => "Self-score",
                Msg::CriteriaColumn => "Field / criterion / sub-criterion",
                Msg::Stt => "No.",
                Msg::ScoreTableHeading => "Self-assessment score table",
                Msg::NoExplanationYet => "(no explanation yet)",
                Msg::ExplanationShort => "Explanation",
                Msg::Item => "Item",
                Msg::NoItemLacksEvidence => "No item claims points without evidence.",
                Msg::SignAndSealHint => "(Signature and seal)",
                Msg::SignHint => "(Signature and full name)",
                Msg::HeadOfUnit => "HEAD OF UNIT",
                Msg::Preparer => "PREPARED BY",
                Msg::DifficultiesHelp => "This text is printed in the report:",
                Msg::DifficultiesAndProposals => "Difficulties and proposals",
                Msg::PrintHelp => "Choose a printer or “Save as PDF”; A4 portrait.",
                Msg::Print => "Print the report",
                Msg::BackToSummary => "← Back to the summary",
                Msg::LoadFrameworkHelp => {
                    "Use it to replace a model framework with the official annex, written by Sở Nội vụ in the app's format."
                }
                Msg::LoadFrameworkFile => "Load a framework file (JSON)",
                Msg::FrameworkHasProblems => {
                    "The framework file has problems and was not loaded. To fix"
                }
                Msg::FrameworkLoaded => "Framework loaded:",
                Msg::FrameworkAlreadyLoaded => {
                    "A framework with this id and version is already loaded."
                }
                Msg::FileUnreadable => "The file cannot be read (not UTF-8 text?).",
                Msg::FileTooLarge => "The file is over 10 MB; the app does not read it.",
                Msg::AppTitle => "Public Administration Reform Index self-assessment",
                Msg::SkipToContent => "Skip to main content",
                Msg::SwitchLanguage => "Tiếng Việt",
                Msg::SwitchLanguageLabel => "Switch the interface to Vietnamese",
                Msg::BuiltInFrameworks => "Built-in frameworks",
                Msg::Items => "scored items",
                Msg::MaxPoints => "Max points",
                Msg::SelfScoredPart => "Self-scored part",
                Msg::SurveyPart => "Survey part",
                Msg::Decision => "Follows",
                Msg::ModelFramework => "Model framework",
                Msg::OfficialFramework => "Official framework",
                Msg::NoFramework => "No framework is loaded.",
                Msg::NewAssessment => "Start a new self-assessment",
                Msg::YourDrafts => "Self-assessments saved on this computer",
                Msg::Framework => "Framework",
                Msg::Unit => "Unit",
                Msg::ChooseUnitOption => "— Choose the unit —",
                Msg::OtherUnit => "Another unit (type its name)",
                Msg::UnitName => "Unit name",
                Msg::AssessedYear => "Assessed year",
                Msg::CreateDraft => "Start the self-assessment",
                Msg::ChooseFramework => "Choose a framework.",
                Msg::ChooseUnit => "Choose the unit.",
                Msg::TypeUnitName => "Type the unit's name.",
                Msg::YearInvalid => "The assessed year must be a year from 2000 to 2100.",
                Msg::StorageUnavailable => {
                    "This browser does not allow saving (local storage is off). You can still work, but export a file before closing the page."
                }
                Msg::StorageWriteFailed => "The browser's storage refused the change.",
                Msg::NoDrafts => "No self-assessment is saved on this computer yet.",
                Msg::FrameworkMissing => "This draft's framework is not loaded in the app.",
                Msg::Year => "Year",
                Msg::SavedAt => "saved",
                Msg::Progress => "Items answered / applicable items",
                Msg::Answered => "Answered",
                Msg::ProvisionalIndex => "Provisional index",
                Msg::Export => "Export",
                Msg::Delete => "Delete",
                Msg::ConfirmDelete => "Delete this self-assessment?",
                Msg::Cancel => "Cancel",
                Msg::UnreadableDraft => "A saved draft cannot be read",
                Msg::DownloadAsIs => "Download it as it is",
                Msg::Discard => "Discard it",
                Msg::ConfirmDiscard => "Discard this unreadable draft for good?",
                Msg::DeletedDraftOf => "Deleted the self-assessment of",
                Msg::Undo => "Undo",
                Msg::DraftNotFound => "This self-assessment is not on this computer.",
                Msg::DraftUnreadable => {
                    "This self-assessment cannot be read; go back to the start page to download it as it is."
                }
                Msg::BackToStart => "Back to the start page",
                Msg::Saving => "Saving…",
                Msg::SavedAtTime => "Saved at",
                Msg::SaveFailedUnavailable => "Not saved: the browser does not allow saving.",
                Msg::SaveFailedRefused => {
                    "Not saved: the browser's storage is full or refused the write."
                }
                Msg::SaveConflict => "Not saved: this draft was just changed in another tab.",
                Msg::SaveFailedExplained => {
                    "Every change is still in this page and the earlier saved copy was not overwritten. Export a file now to keep it safe."
                }
                Msg::ExportNow => "Export a file now",
                Msg::ConflictExplained => {
                    "This self-assessment was just saved from another tab (window). So that neither overwrites the other, this tab has paused saving. Choose which version to keep."
                }
                Msg::ExportThisTab => "Export this tab's version",
                Msg::TakeOtherTab => "Use the other tab's version",
                Msg::KeepThisTab => "Keep this tab's version",
                Msg::ExportFailed => "The file could not be created.",
                Msg::TotalPoints => "Total points",
                Msg::Index => "Index",
                Msg::DraftActions => "Self-assessment",
                Msg::Criteria => "Criteria",
                Msg::Summary => "Summary",
                Msg::ExportFile => "Export the file",
                Msg::CriteriaTree => "List of criteria",
                Msg::ItemNotFound => "This item is not in the framework.",
                Msg::NotApplicableShort => "Not applicable — left out of the maximum",
                Msg::SurveyEstimate => "Survey estimate:",
                Msg::Deduction => "Deduction:",
                Msg::PointsNow => "Points now:",
                Msg::BonusItem => "Bonus",
                Msg::PenaltyItem => "Penalty",
                Msg::PreviousItem => "← Previous item",
                Msg::NextItem => "Next item →",
                Msg::Guidance => "How it is scored",
                Msg::EvidenceExpected => "Evidence expected",
                Msg::Follows => "Follows:",
                Msg::Answer => "Answer",
                Msg::Why => "Why these points?",
                Msg::ItemNavigation => "Move between items",
                Msg::EnterANumber => "Enter a number.",
                Msg::WholeNumberOnly => "Enter a whole number without dots or commas.",
                Msg::NumberTooLarge => "The number is too large.",
                Msg::YourAnswer => "Your answer",
                Msg::NoTaskThisYear => "Nothing to do this year (full points)",
                Msg::NotApplicable => "Not applicable to this unit",
                Msg::NotApplicableReason => "Why it does not apply (required)",
                Msg::ReasonRequired => {
                    "A reason is required; without it the item counts as unanswered."
                }
                Msg::ClearAnswer => "Clear the answer",
                Msg::PointsUnit => "pts",
                Msg::Yes => "Yes",
                Msg::No => "No",
                Msg::SurveyScoredByProvince => {
                    "The province scores this item through its survey; the unit does not. You may record an estimate for reference — it is kept apart from the self-score."
                }
                Msg::OptionalEstimate => "Estimate (optional)",
                Msg::EstimateOutOfRange => "The estimate must be between 0 and the max.",
                Msg::EnterPoints => "Enter points, e.g. 2.5.",
                Msg::NumeratorAboveDenominator => {
                    "The numerator is above the denominator; counted as 100 %."
                }
                Msg::EnterBothNumbers => "Enter both numbers.",
                Msg::ZeroDenominator => "The denominator is 0.",
                Msg::Ratio => "Ratio:",
                Msg::Dated => "dated",
                Msg::IssuedBy => "by",
                Msg::NoEvidenceYet => "No evidence attached yet.",
                Msg::DocumentMissing => "Document no longer in the register",
                Msg::Detach => "Detach",
                Msg::NumberOrTitleRequired => "Give the document's number or its title.",
                Msg::EvidenceDocuments => "Evidence",
                Msg::AttachExisting => "Attach a document already registered",
                Msg::ChooseDocument => "— Choose a document —",
                Msg::Attach => "Attach",
                Msg::AddDocument => "Add a new document",
                Msg::DocNumber => "Number (e.g. 123/QĐ-UBND)",
                Msg::DocDate => "Date issued",
                Msg::DocIssuer => "Issued by",
                Msg::DocTitle => "Title",
                Msg::DocSection => "Section or page that proves it",
                Msg::DocLink => "Link or file name (optional)",
                Msg::AddAndAttach => "Add and attach to this item",
                Msg::Explanation => {
                    "Explanation (giải trình, where evidence is missing or incomplete)"
                }
                Msg::Note => "Note",
                Msg::Field => "Field",
                Msg::Points => "Points",
                Msg::ComponentIndex => "Component index",
                Msg::ComponentIndexes => "Component index by field",
                Msg::SurveyEstimateNote => "the unit's estimate; scored by the province",
                Msg::BonusPoints => "Bonus points",
                Msg::PenaltyPoints => "Penalty points",
                Msg::ProvisionalTotal => "Provisional total",
                Msg::LikelyAfterAppraisal => "Likely after appraisal",
                Msg::AtRiskExplained => {
                    "Points at risk at appraisal (points claimed without evidence or explanation, or with evidence from another year):"
                }
                Msg::WhereToWorkNext => "Items losing the most points",
                Msg::Losing => "losing",
            },
        }
    }
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
