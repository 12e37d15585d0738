//! The Sở Nội vụ view's words: the batch, the ranking and the appraisal round (thẩm định). A
//! table of their own, with the app's `messages!` macro: only the full program shows that view,
//! and the first program does not carry them.

use cchc_core::Lang;
use leptos::prelude::Get;

crate::i18n::messages! {
    // The batch and the ranking
    ByList
        vi "Theo danh sách"
        en "By the list";
    AllHandedIn
        vi "đã nhận đủ hồ sơ của"
        en "files received from all";
    NotHandedIn
        vi "đơn vị chưa nộp:"
        en "units have sent nothing:";
    FieldNotApplicable
        vi "không áp dụng"
        en "not applicable";
    SurveyUnreadable
        vi "Không đọc được điểm điều tra đã nhập; hãy nhập một số, ví dụ 12,5. Điểm cũ được giữ nguyên."
        en "The survey points typed cannot be read; enter a number, e.g. 12.5. The earlier points are kept.";
    SurveyOutOfRange
        vi "Điểm điều tra phải từ 0 đến điểm tối đa của phần điều tra. Điểm cũ được giữ nguyên."
        en "Survey points must be between 0 and the survey part's max. The earlier points are kept.";
    SurveyPoints
        vi "Điểm điều tra XHH"
        en "Survey points";
    EvaluatorHeading
        vi "Sở Nội vụ: tổng hợp và xếp hạng"
        en "Department of Home Affairs: collation and ranking";
    EvaluatorHelp
        vi "Chọn (hoặc kéo thả) một lúc nhiều tệp tự đánh giá của các đơn vị. Tệp lỗi được liệt kê kèm lý do, các tệp còn lại vẫn được nạp. Nhập điểm điều tra xã hội học của tỉnh vào cột tương ứng."
        en "Choose (or drop) many units' self-assessment files at once. Bad files are listed with the reason while the rest load. Enter the province's survey points in their column.";
    LoadSubmissions
        vi "Nạp các tệp tự đánh giá năm nay"
        en "Load this year's self-assessment files";
    LoadLastYear
        vi "Nạp kết quả năm trước (các tệp tự đánh giá năm trước)"
        en "Load last year's results (last year's files)";
    FilesRead
        vi "Đã đọc"
        en "Files read";
    FilesRefused
        vi "Các tệp không nạp được:"
        en "Files not loaded:";
    Flags
        vi "Cần lưu ý:"
        en "To look at:";
    Ranking
        vi "Xếp hạng Chỉ số CCHC"
        en "PAR Index ranking";
    Block
        vi "Khối đơn vị"
        en "Block";
    ExportCsv
        vi "Xuất CSV"
        en "Export CSV";
    Rank
        vi "Hạng"
        en "Rank";
    Band
        vi "Xếp loại"
        en "Band";
    FieldShort
        vi "LV"
        en "F";
    RankChange
        vi "So với năm trước"
        en "Since last year";
    IndexChange
        vi "Chỉ số tăng/giảm"
        en "Index change";
    ExportRankingXlsx
        vi "Xuất Excel"
        en "Export Excel";
    // The survey points from a sheet
    SurveySheetHeading
        vi "Nhập điểm điều tra XHH từ bảng tính"
        en "Survey points from a spreadsheet";
    SurveySheetHelp
        vi "Một bảng hai cột: tên (hoặc mã) đơn vị và điểm điều tra xã hội học. Dòng nào không khớp được liệt kê kèm lý do và không thay đổi gì; chỉ áp dụng khi bấm nút."
        en "A two-column table: the unit's name (or code) and its survey points. Rows that do not match are listed with the reason and change nothing; nothing is applied until you press the button.";
    SurveySheetFile
        vi "Chọn tệp (.xlsx, .csv)"
        en "Choose a file (.xlsx, .csv)";
    SurveySheetPaste
        vi "Hoặc dán bảng từ Excel"
        en "Or paste the table from Excel";
    SurveySheetRead
        vi "Đọc bảng đã dán"
        en "Read the pasted table";
    SurveySheetMatched
        vi "Số đơn vị khớp:"
        en "Units matched:";
    SurveySheetApply
        vi "Áp dụng điểm điều tra"
        en "Apply the survey points";
    SurveySheetApplied
        vi "Đã áp dụng điểm điều tra cho số tệp:"
        en "Survey points applied to files:";
    SurveyWillSet
        vi "sẽ nhận"
        en "will get";
    SheetRow
        vi "Dòng"
        en "Row";
    SheetUnit
        vi "Đơn vị"
        en "Unit";
    SheetOutcome
        vi "Kết quả"
        en "Outcome";
    // The appraisal round
    Appraise
        vi "Thẩm định"
        en "Appraise";
    AppraisedMark
        vi "đã thẩm định"
        en "appraised";
    LoadAppraisals
        vi "Mở các tệp thẩm định đã xuất (để làm tiếp)"
        en "Open exported appraisal files (to go on)";
    AppraisalWithoutSubmission
        vi "chưa có tệp tự đánh giá của đơn vị này trong đợt; hãy nạp tệp tự đánh giá trước:"
        en "this unit's self-assessment is not in the batch; load it first:";
    AppraisalHeading
        vi "Thẩm định"
        en "Appraisal";
    AppraisalHelp
        vi "Hội đồng thẩm định chấm lại từng tiêu chí theo cách chấm của tiêu chí, ghi ý kiến nơi không thống nhất. Câu trả lời của đơn vị không bị thay đổi. Xuất tệp thẩm định để gửi đơn vị và để mở lại làm tiếp."
        en "The council re-scores each item within its rule and comments where it disagrees. The unit's answers are not changed. Export the appraisal file to send to the unit and to open it again later.";
    AppraisalFinal
        vi "Kết quả thẩm định cuối cùng (sau giải trình bổ sung)"
        en "Final appraisal (after the supplementary explanation)";
    AppraiseShow
        vi "Hiện tiêu chí"
        en "Show items";
    AppraiseShowAll
        vi "Tất cả"
        en "All";
    AppraiseShowDiffer
        vi "Điểm khác tự đánh giá"
        en "Points differ";
    AppraiseShowLacking
        vi "Thiếu tài liệu kiểm chứng"
        en "Lacking evidence";
    AppraiseShowCommented
        vi "Đã có ý kiến"
        en "Appraised";
    AppraiseNothingShown
        vi "Không có tiêu chí nào."
        en "No items.";
    AppraiseLacking
        vi "thiếu tài liệu"
        en "no evidence";
    AppraiseItem
        vi "Chấm lại"
        en "Re-score";
    ClaimedPoints
        vi "Điểm tự đánh giá"
        en "Self-assessed";
    AppraisedPoints
        vi "Điểm thẩm định"
        en "Appraised";
    Difference
        vi "Chênh lệch"
        en "Difference";
    SelfScoredIndex
        vi "Tỷ lệ phần tự đánh giá"
        en "Self-scored part";
    ExportAppraisal
        vi "Xuất tệp thẩm định"
        en "Export the appraisal file";
    CloseAppraisal
        vi "Đóng"
        en "Close";
    ItemCode
        vi "Mã"
        en "Code";
    AppraisalActions
        vi "Thao tác"
        en "Actions";
    UnitsSelfAssessment
        vi "Đơn vị tự đánh giá"
        en "The unit's self-assessment";
    NoDocuments
        vi "không có tài liệu"
        en "none";
    AppraisalComment
        vi "Ý kiến thẩm định"
        en "The council's comment";
}

pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::state::AppState::expect().lang;
    move || msg.text(lang.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_round_message_is_said_in_both_languages() {
        for m in Msg::ALL {
            assert!(!m.text(Lang::Vi).trim().is_empty(), "{m:?}");
            assert!(!m.text(Lang::En).trim().is_empty(), "{m:?}");
        }
    }
}
