//! What can be wrong in a framework file, and how each problem is said in both languages.

use std::fmt;

use crate::points::{Percent, Points};
use crate::text::Lang;

/// One problem in a framework file, with where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkError {
    /// E.g. `fields[1].children[0] (2.1)`; empty for the file as a whole.
    pub path: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON, or JSON of another shape (serde's message, with line and column).
    Syntax(String),
    NotAFrameworkFile(String),
    UnsupportedFormatVersion(u32),
    UnknownUnitType(String),
    UnknownStatus(String),
    EmptyId,
    MissingVietnameseTitle,
    EmptyCode,
    DuplicateCode(String),
    NegativePoints(Points),
    BothChildrenAndRule,
    NeitherChildrenNorRule,
    EmptyGroup,
    ChildrenDoNotAddUp {
        max: Points,
        sum: Points,
    },
    FieldsDoNotAddUp {
        total_max: Points,
        sum: Points,
    },
    SurveyDoesNotAddUp {
        survey: Points,
        sum: Points,
    },
    SplitDoesNotAddUp {
        total_max: Points,
        sum: Points,
    },
    UnknownBlockKind(String),
    BlockKindBelowField,
    SurveyInBonusOrPenalty,
    UnknownRuleKind(String),
    MissingRuleKind,
    MalformedRule(String),
    UnknownWhenZero(String),
    NoOptions,
    DuplicateOptionId(String),
    PointsAboveMax {
        points: Points,
        max: Points,
    },
    ChecklistDoesNotAddUp {
        max: Points,
        sum: Points,
    },
    BandGap(Percent),
    BandOverlap(Percent),
    EmptyBand,
    BandAbove100,
    CountBandGap(u64),
    CountBandOverlap(u64),
    CountBandsEndBounded(u64),
    FullAtPercentOutOfRange(Percent),
    YearsReversed,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let p = |x: &Points| x.format_short(lang);
        let pc = |x: &Percent| x.format_short(lang);
        match lang {
            Lang::Vi => match self {
                Problem::Syntax(m) => format!("Tệp không đọc được: {m}"),
                Problem::NotAFrameworkFile(f) => {
                    format!(
                        "Đây không phải tệp bộ tiêu chí (format là “{f}”, cần “cchc-framework”)"
                    )
                }
                Problem::UnsupportedFormatVersion(v) => {
                    format!("Phiên bản định dạng {v} chưa được hỗ trợ (ứng dụng đọc phiên bản 1)")
                }
                Problem::UnknownUnitType(u) => {
                    format!("Loại đơn vị “{u}” không hợp lệ (cần so, huyen hoặc khac)")
                }
                Problem::UnknownStatus(s) => {
                    format!("Trạng thái “{s}” không hợp lệ (cần official hoặc model)")
                }
                Problem::EmptyId => "Thiếu mã bộ tiêu chí (id)".into(),
                Problem::MissingVietnameseTitle => "Thiếu tên tiếng Việt".into(),
                Problem::EmptyCode => "Thiếu mã (code)".into(),
                Problem::DuplicateCode(c) => format!("Mã “{c}” bị trùng"),
                Problem::NegativePoints(x) => format!("Điểm không được âm ({})", p(x)),
                Problem::BothChildrenAndRule => {
                    "Vừa có tiêu chí con (children) vừa có cách chấm (rule); chỉ được có một".into()
                }
                Problem::NeitherChildrenNorRule => {
                    "Không có tiêu chí con (children) cũng không có cách chấm (rule)".into()
                }
                Problem::EmptyGroup => "Danh sách tiêu chí con rỗng".into(),
                Problem::ChildrenDoNotAddUp { max, sum } => format!(
                    "Điểm tối đa là {} nhưng tổng điểm tối đa của các tiêu chí con là {}",
                    p(max),
                    p(sum)
                ),
                Problem::FieldsDoNotAddUp { total_max, sum } => format!(
                    "Tổng điểm tối đa các lĩnh vực là {}, khác thang điểm {}",
                    p(sum),
                    p(total_max)
                ),
                Problem::SurveyDoesNotAddUp { survey, sum } => format!(
                    "Các tiêu chí điều tra xã hội học cộng lại {} điểm, khác phần điều tra {} điểm",
                    p(sum),
                    p(survey)
                ),
                Problem::SplitDoesNotAddUp { total_max, sum } => format!(
                    "Phần tự đánh giá cộng phần điều tra là {}, khác thang điểm {}",
                    p(sum),
                    p(total_max)
                ),
                Problem::UnknownBlockKind(k) => {
                    format!("Loại lĩnh vực “{k}” không hợp lệ (cần bonus hoặc penalty)")
                }
                Problem::BlockKindBelowField => {
                    "Chỉ lĩnh vực (cấp cao nhất) mới được là điểm thưởng hoặc điểm trừ".into()
                }
                Problem::SurveyInBonusOrPenalty => {
                    "Tiêu chí điều tra xã hội học không được nằm trong điểm thưởng, điểm trừ".into()
                }
                Problem::UnknownRuleKind(k) => format!("Cách chấm “{k}” không có trong định dạng"),
                Problem::MissingRuleKind => "Cách chấm thiếu “kind”".into(),
                Problem::MalformedRule(m) => format!("Cách chấm viết sai: {m}"),
                Problem::UnknownWhenZero(w) => {
                    format!("“when_denominator_zero” là “{w}”, cần full, zero hoặc not_applicable")
                }
                Problem::NoOptions => "Không có mức hoặc nội dung nào".into(),
                Problem::DuplicateOptionId(id) => format!("Mã mức “{id}” bị trùng"),
                Problem::PointsAboveMax { points, max } => format!(
                    "Mức {} điểm vượt điểm tối đa {} của tiêu chí",
                    p(points),
                    p(max)
                ),
                Problem::ChecklistDoesNotAddUp { max, sum } => format!(
                    "Các nội dung cộng lại {} điểm, khác điểm tối đa {}",
                    p(sum),
                    p(max)
                ),
                Problem::BandGap(at) => {
                    format!(
                        "Các khoảng tỷ lệ bỏ trống tại {} % (không khoảng nào nhận)",
                        pc(at)
                    )
                }
                Problem::BandOverlap(at) => {
                    format!(
                        "Các khoảng tỷ lệ chồng nhau tại {} % (hai khoảng cùng nhận)",
                        pc(at)
                    )
                }
                Problem::EmptyBand => {
                    "Có khoảng tỷ lệ rỗng (cận dưới không nhỏ hơn cận trên)".into()
                }
                Problem::BandAbove100 => "Khoảng tỷ lệ vượt quá 100 %".into(),
                Problem::CountBandGap(n) => format!("Các khoảng số lượng bỏ trống số {n}"),
                Problem::CountBandOverlap(n) => {
                    format!("Các khoảng số lượng chồng nhau tại số {n}")
                }
                Problem::CountBandsEndBounded(n) => format!(
                    "Khoảng số lượng cuối dừng ở {n}; khoảng cuối cần để trống “to” (từ đó trở lên)"
                ),
                Problem::FullAtPercentOutOfRange(x) => format!(
                    "“full_at_percent” là {} %, cần lớn hơn 0 và không quá 100",
                    pc(x)
                ),
                Problem::YearsReversed => "Năm bắt đầu áp dụng sau năm kết thúc".into(),
            },
            Lang::En => match self {
                Problem::Syntax(m) => format!("The file cannot be read: {m}"),
                Problem::NotAFrameworkFile(f) => {
                    format!("Not a framework file (format is “{f}”, expected “cchc-framework”)")
                }
                Problem::UnsupportedFormatVersion(v) => {
                    format!("Format version {v} is not supported (this app reads version 1)")
                }
                Problem::UnknownUnitType(u) => {
                    format!("Unit type “{u}” is not valid (so, huyen or khac)")
                }
                Problem::UnknownStatus(s) => {
                    format!("Status “{s}” is not valid (official or model)")
                }
                Problem::EmptyId => "The framework id is missing".into(),
                Problem::MissingVietnameseTitle => "The Vietnamese title is missing".into(),
                Problem::EmptyCode => "The code is missing".into(),
                Problem::DuplicateCode(c) => format!("Code “{c}” is used twice"),
                Problem::NegativePoints(x) => format!("Points cannot be negative ({})", p(x)),
                Problem::BothChildrenAndRule => {
                    "Has both children and a rule; it may have only one".into()
                }
                Problem::NeitherChildrenNorRule => "Has neither children nor a rule".into(),
                Problem::EmptyGroup => "The list of children is empty".into(),
                Problem::ChildrenDoNotAddUp { max, sum } => format!(
                    "Max is {} but the children's maxima add up to {}",
                    p(max),
                    p(sum)
                ),
                Problem::FieldsDoNotAddUp { total_max, sum } => format!(
                    "The fields add up to {}, not the scale of {}",
                    p(sum),
                    p(total_max)
                ),
                Problem::SurveyDoesNotAddUp { survey, sum } => format!(
                    "Survey items add up to {}, not the survey part of {}",
                    p(sum),
                    p(survey)
                ),
                Problem::SplitDoesNotAddUp { total_max, sum } => format!(
                    "Self-scored plus survey parts are {}, not the scale of {}",
                    p(sum),
                    p(total_max)
                ),
                Problem::UnknownBlockKind(k) => {
                    format!("Field kind “{k}” is not valid (bonus or penalty)")
                }
                Problem::BlockKindBelowField => {
                    "Only a top-level field can be a bonus or penalty block".into()
                }
                Problem::SurveyInBonusOrPenalty => {
                    "A survey item cannot sit in a bonus or penalty block".into()
                }
                Problem::UnknownRuleKind(k) => format!("Rule kind “{k}” is not in the format"),
                Problem::MissingRuleKind => "The rule has no “kind”".into(),
                Problem::MalformedRule(m) => format!("The rule is malformed: {m}"),
                Problem::UnknownWhenZero(w) => format!(
                    "“when_denominator_zero” is “{w}”; expected full, zero or not_applicable"
                ),
                Problem::NoOptions => "There are no levels or sub-items".into(),
                Problem::DuplicateOptionId(id) => format!("Option id “{id}” is used twice"),
                Problem::PointsAboveMax { points, max } => {
                    format!("{} points is above the item's max of {}", p(points), p(max))
                }
                Problem::ChecklistDoesNotAddUp { max, sum } => format!(
                    "The sub-items add up to {}, not the max of {}",
                    p(sum),
                    p(max)
                ),
                Problem::BandGap(at) => format!("The bands leave {} % uncovered", pc(at)),
                Problem::BandOverlap(at) => format!("Two bands both take {} %", pc(at)),
                Problem::EmptyBand => {
                    "A band is empty (its lower edge is not below its upper edge)".into()
                }
                Problem::BandAbove100 => "A band goes above 100 %".into(),
                Problem::CountBandGap(n) => format!("No count band takes {n}"),
                Problem::CountBandOverlap(n) => format!("Two count bands both take {n}"),
                Problem::CountBandsEndBounded(n) => {
                    format!("The last count band stops at {n}; leave its “to” out (and more)")
                }
                Problem::FullAtPercentOutOfRange(x) => {
                    format!(
                        "“full_at_percent” is {} %; it must be above 0 and at most 100",
                        pc(x)
                    )
                }
                Problem::YearsReversed => "The first year is after the last year".into(),
            },
        }
    }
}

impl fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.problem.message(Lang::Vi))
        } else {
            write!(f, "{}: {}", self.path, self.problem.message(Lang::Vi))
        }
    }
}
