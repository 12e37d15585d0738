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
    /// Not JSON at all (serde's message, with line and column). JSON of the wrong shape is
    /// reported place by place with the variants below.
    Syntax(String),
    /// A key this object does not have in the format; `allowed` are the keys it may have.
    UnknownKey {
        key: String,
        allowed: &'static [&'static str],
    },
    /// A key that must be written here is missing.
    MissingKey(&'static str),
    /// Each names the value found (as written, shortened) where another kind was needed.
    NotAnObject(String),
    NotAList(String),
    /// A plain string (a code, an id, a source) was needed.
    NotAString(String),
    /// A text `{"vi": …, "en": …}` was needed.
    NotAText(String),
    /// Points or a percentage was needed: a number or a decimal string.
    NotANumber(String),
    /// A whole number, 0 or more.
    NotACount(String),
    NotAYear(String),
    NotTrueOrFalse(String),
    /// Points or a percentage with more than two decimals, as written.
    TooManyDecimals(String),
    NumberTooLarge(String),
    NotAFrameworkFile(String),
    UnsupportedFormatVersion(u32),
    UnknownUnitType(String),
    UnknownStatus(String),
    EmptyId,
    /// The framework id has characters other than ASCII letters, digits and `-`.
    InvalidId(String),
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
    /// In a bonus or penalty field: a child whose max is above its parent's.
    ChildAboveParent {
        child: Points,
        parent: Points,
    },
    UnknownBlockKind(String),
    BlockKindBelowField,
    SurveyInBonusOrPenalty,
    /// `allow_no_task` on a survey item: the province's survey scores it, there is no task to
    /// declare.
    NoTaskOnSurvey,
    UnknownRuleKind(String),
    MissingRuleKind,
    UnknownWhenZero(String),
    /// A `levels` or `checklist` rule with an empty list.
    NoOptions,
    /// Two levels of a `levels` rule with the same id.
    DuplicateOptionId(String),
    DuplicateChecklistItemId(String),
    /// A level's points above the item's max.
    PointsAboveMax {
        points: Points,
        max: Points,
    },
    ChecklistItemAboveMax {
        points: Points,
        max: Points,
    },
    /// A percentage or count band's points above the item's max.
    BandPointsAboveMax {
        points: Points,
        max: Points,
    },
    PointsEachAboveMax {
        points: Points,
        max: Points,
    },
    YesPointsAboveMax {
        points: Points,
        max: Points,
    },
    ChecklistDoesNotAddUp {
        max: Points,
        sum: Points,
    },
    BandGap(Percent),
    BandOverlap(Percent),
    /// A list of percentage or count bands with no band in it.
    NoBands,
    EmptyBand,
    BandAbove100,
    /// A count band whose `to` is below its `from`.
    CountBandReversed {
        from: u64,
        to: u64,
    },
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
                Problem::UnknownKey { key, allowed } => match closest(key, allowed) {
                    Some(near) => format!(
                        "Khóa “{key}” không có trong định dạng — có phải là “{near}”? Sửa tên khóa hoặc xóa nó"
                    ),
                    None => format!(
                        "Khóa “{key}” không có trong định dạng ở chỗ này; sửa tên khóa hoặc xóa nó (ở đây chỉ dùng: {})",
                        allowed.join(", ")
                    ),
                },
                Problem::MissingKey(key) => {
                    format!("Thiếu khóa bắt buộc “{key}”; hãy thêm vào")
                }
                Problem::NotAnObject(f) => {
                    format!("Chỗ này cần một khối {{…}} gồm các khóa, nhưng đang ghi {f}")
                }
                Problem::NotAList(f) => {
                    format!("Chỗ này cần một danh sách […], nhưng đang ghi {f}")
                }
                Problem::NotAString(f) => {
                    format!("Chỗ này cần một đoạn chữ trong ngoặc kép (\"…\"), nhưng đang ghi {f}")
                }
                Problem::NotAText(f) => format!(
                    "Chỗ này cần một văn bản dạng {{\"vi\": \"…\", \"en\": \"…\"}}, nhưng đang ghi {f}"
                ),
                Problem::NotANumber(f) => format!(
                    "Chỗ này cần một số (ví dụ 1, 0.5 hoặc \"0.25\"), nhưng đang ghi {f}"
                ),
                Problem::NotACount(f) => format!(
                    "Chỗ này cần một số nguyên không âm (0, 1, 2, …), nhưng đang ghi {f}"
                ),
                Problem::NotAYear(f) => {
                    format!("Chỗ này cần một năm (ví dụ 2021), nhưng đang ghi {f}")
                }
                Problem::NotTrueOrFalse(f) => {
                    format!("Chỗ này cần true (có) hoặc false (không), nhưng đang ghi {f}")
                }
                Problem::TooManyDecimals(n) => format!(
                    "Số “{n}” có quá hai chữ số thập phân; điểm và tỷ lệ chỉ được ghi tới hai chữ số sau dấu thập phân (ví dụ 0.25)"
                ),
                Problem::NumberTooLarge(n) => format!("Số “{n}” quá lớn"),                Problem::NotAFrameworkFile(f) => {
                    format!(
                        "Đây không phải tệp bộ tiêu chí (format là “{f}”, cần “cchc-framework”)"
                    )
                }
                Problem::UnsupportedFormatVersion(v) => {
                    format!("Phiên bản định dạng {v} chưa được hỗ trợ (ứng dụng đọc phiên bản 1)")
                }
                Problem::UnknownUnitType(u) => {
                    format!("Loại đơn vị “{u}” không hợp lệ (cần so, xa, huyen hoặc khac)")
                }
                Problem::UnknownStatus(s) => {
                    format!("Trạng thái “{s}” không hợp lệ (cần official hoặc model)")
                }
                Problem::EmptyId => "Thiếu mã bộ tiêu chí (id)".into(),
                Problem::InvalidId(id) => format!(
                    "Mã bộ tiêu chí “{id}” có ký tự không dùng được; chỉ dùng chữ cái không dấu (a–z, A–Z), chữ số (0–9) và dấu gạch ngang (-), không có khoảng trắng, ví dụ “soc-trang-cap-so”"
                ),
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
                Problem::ChildAboveParent { child, parent } => format!(
                    "Điểm tối đa của tiêu chí con ({} điểm) lớn hơn của tiêu chí cha ({} điểm); trong điểm thưởng, điểm trừ, tiêu chí con không được vượt tiêu chí chứa nó — giảm điểm tối đa của tiêu chí con hoặc tăng của tiêu chí cha",
                    p(child),
                    p(parent)
                ),
                Problem::UnknownBlockKind(k) => format!(
                    "Loại lĩnh vực “{k}” không hợp lệ (cần regular — lĩnh vực thường, bonus — điểm thưởng hoặc penalty — điểm trừ)"
                ),
                Problem::BlockKindBelowField => {
                    "Chỉ lĩnh vực (cấp cao nhất) mới được là điểm thưởng hoặc điểm trừ".into()
                }
                Problem::SurveyInBonusOrPenalty => {
                    "Tiêu chí điều tra xã hội học không được nằm trong điểm thưởng, điểm trừ".into()
                }
                Problem::NoTaskOnSurvey => "Tiêu chí điều tra xã hội học do tỉnh chấm nên không khai “không phát sinh nhiệm vụ” được; xóa “allow_no_task” (hoặc đặt false). Nếu tiêu chí có thể không áp dụng với một đơn vị, dùng “allow_not_applicable”".into(),
                Problem::UnknownRuleKind(k) => format!("Cách chấm “{k}” không có trong định dạng"),
                Problem::MissingRuleKind => "Cách chấm thiếu “kind”".into(),
                Problem::UnknownWhenZero(w) => {
                    format!("“when_denominator_zero” là “{w}”, cần full, zero hoặc not_applicable")
                }
                Problem::NoOptions => "Không có mức hoặc nội dung nào".into(),
                Problem::DuplicateOptionId(id) => {
                    format!("Mã mức “{id}” bị trùng; mỗi mức cần một mã riêng")
                }
                Problem::DuplicateChecklistItemId(id) => {
                    format!("Mã mục kiểm “{id}” bị trùng; mỗi mục kiểm cần một mã riêng")
                }
                Problem::PointsAboveMax { points, max } => format!(
                    "Mức {} điểm vượt điểm tối đa {} của tiêu chí",
                    p(points),
                    p(max)
                ),
                Problem::ChecklistItemAboveMax { points, max } => format!(
                    "Mục kiểm {} điểm vượt điểm tối đa {} của tiêu chí",
                    p(points),
                    p(max)
                ),
                Problem::BandPointsAboveMax { points, max } => format!(
                    "Khoảng này cho {} điểm, vượt điểm tối đa {} của tiêu chí",
                    p(points),
                    p(max)
                ),
                Problem::PointsEachAboveMax { points, max } => format!(
                    "Điểm mỗi lần (points_each) là {}, vượt điểm tối đa {} của tiêu chí",
                    p(points),
                    p(max)
                ),
                Problem::YesPointsAboveMax { points, max } => format!(
                    "Điểm khi “Có” (yes_points) là {}, vượt điểm tối đa {} của tiêu chí",
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
                Problem::NoBands => "Danh sách khoảng rỗng; cần ít nhất một khoảng".into(),
                Problem::CountBandReversed { from, to } => format!(
                    "Khoảng số lượng từ {from} đến {to} bị ngược; “to” phải lớn hơn hoặc bằng “from”"
                ),
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
                Problem::UnknownKey { key, allowed } => match closest(key, allowed) {
                    Some(near) => format!(
                        "Key “{key}” is not in the format — did you mean “{near}”? Correct or remove it"
                    ),
                    None => format!(
                        "Key “{key}” is not in the format here; correct or remove it (keys allowed here: {})",
                        allowed.join(", ")
                    ),
                },
                Problem::MissingKey(key) => {
                    format!("The required key “{key}” is missing; add it")
                }
                Problem::NotAnObject(f) => format!("Expected an object {{…}} of keys, found {f}"),
                Problem::NotAList(f) => format!("Expected a list […], found {f}"),
                Problem::NotAString(f) => format!("Expected a text in quotes (\"…\"), found {f}"),
                Problem::NotAText(f) => format!(
                    "Expected a text of the form {{\"vi\": \"…\", \"en\": \"…\"}}, found {f}"
                ),
                Problem::NotANumber(f) => {
                    format!("Expected a number (e.g. 1, 0.5 or \"0.25\"), found {f}")
                }
                Problem::NotACount(f) => {
                    format!("Expected a whole number, 0 or more (0, 1, 2, …), found {f}")
                }
                Problem::NotAYear(f) => format!("Expected a year (e.g. 2021), found {f}"),
                Problem::NotTrueOrFalse(f) => format!("Expected true or false, found {f}"),
                Problem::TooManyDecimals(n) => format!(
                    "“{n}” has more than two decimals; points and percentages are written with at most two digits after the decimal point (e.g. 0.25)"
                ),
                Problem::NumberTooLarge(n) => format!("“{n}” is too large"),                Problem::NotAFrameworkFile(f) => {
                    format!("Not a framework file (format is “{f}”, expected “cchc-framework”)")
                }
                Problem::UnsupportedFormatVersion(v) => {
                    format!("Format version {v} is not supported (this app reads version 1)")
                }
                Problem::UnknownUnitType(u) => {
                    format!("Unit type “{u}” is not valid (so, xa, huyen or khac)")
                }
                Problem::UnknownStatus(s) => {
                    format!("Status “{s}” is not valid (official or model)")
                }
                Problem::EmptyId => "The framework id is missing".into(),
                Problem::InvalidId(id) => format!(
                    "The framework id “{id}” has characters that cannot be used; use only letters without diacritics (a–z, A–Z), digits (0–9) and hyphens (-), no spaces, e.g. “soc-trang-cap-so”"
                ),
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
                Problem::ChildAboveParent { child, parent } => format!(
                    "The sub-criterion's max of {} is above its parent's max of {}; in a bonus or penalty field no child may exceed the group it sits in — lower the child's max or raise the parent's",
                    p(child),
                    p(parent)
                ),
                Problem::UnknownBlockKind(k) => format!(
                    "Field kind “{k}” is not valid (regular — an ordinary field, bonus or penalty)"
                ),
                Problem::BlockKindBelowField => {
                    "Only a top-level field can be a bonus or penalty block".into()
                }
                Problem::SurveyInBonusOrPenalty => {
                    "A survey item cannot sit in a bonus or penalty block".into()
                }
                Problem::NoTaskOnSurvey => "A survey item is scored by the province's survey and cannot be declared “no task this year”; remove “allow_no_task” (or set it to false). If the item may not apply to a unit, use “allow_not_applicable”".into(),
                Problem::UnknownRuleKind(k) => format!("Rule kind “{k}” is not in the format"),
                Problem::MissingRuleKind => "The rule has no “kind”".into(),
                Problem::UnknownWhenZero(w) => format!(
                    "“when_denominator_zero” is “{w}”; expected full, zero or not_applicable"
                ),
                Problem::NoOptions => "There are no levels or sub-items".into(),
                Problem::DuplicateOptionId(id) => {
                    format!("Level id “{id}” is used twice; give each level its own id")
                }
                Problem::DuplicateChecklistItemId(id) => format!(
                    "Checklist item id “{id}” is used twice; give each checklist item its own id"
                ),
                Problem::PointsAboveMax { points, max } => format!(
                    "A level of {} points is above the item's max of {}",
                    p(points),
                    p(max)
                ),
                Problem::ChecklistItemAboveMax { points, max } => format!(
                    "A checklist item of {} points is above the item's max of {}",
                    p(points),
                    p(max)
                ),
                Problem::BandPointsAboveMax { points, max } => format!(
                    "This band gives {} points, above the item's max of {}",
                    p(points),
                    p(max)
                ),
                Problem::PointsEachAboveMax { points, max } => format!(
                    "Points each time (points_each) are {}, above the item's max of {}",
                    p(points),
                    p(max)
                ),
                Problem::YesPointsAboveMax { points, max } => format!(
                    "Points for “yes” (yes_points) are {}, above the item's max of {}",
                    p(points),
                    p(max)
                ),
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
                Problem::NoBands => "The list of bands is empty; at least one band is needed".into(),
                Problem::CountBandReversed { from, to } => format!(
                    "The count band from {from} to {to} is reversed; “to” must be at least “from”"
                ),
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

/// The allowed key a mistyped one most likely meant: the same but for case or spaces, or at
/// most two letters away.
fn closest(key: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let folded = key.trim().to_lowercase();
    if let Some(same) = allowed.iter().copied().find(|a| *a == folded) {
        return Some(same);
    }
    if key.chars().count() < 3 {
        return None;
    }
    allowed
        .iter()
        .map(|a| (edit_distance(&folded, a), *a))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
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
