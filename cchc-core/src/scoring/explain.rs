//! The words of scoring: issues and explanation steps said in Vietnamese or English. Every text
//! is one arm of an exhaustive `match` over (what, language), so a missing translation does not
//! compile.

use super::{Issue, NodeScore, Step};
use crate::framework::WhenZero;
use crate::points::{Points, div_round, format_short_wide};
use crate::text::Lang;

impl Issue {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Issue::MissingEvidence, Lang::Vi) => {
                "Có điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình".into()
            }
            (Issue::MissingEvidence, Lang::En) => {
                "Points claimed with no evidence and no explanation".into()
            }
            (Issue::ExplainedWithoutEvidence, Lang::Vi) => {
                "Chưa có tài liệu kiểm chứng (đã có giải trình)".into()
            }
            (Issue::ExplainedWithoutEvidence, Lang::En) => {
                "No evidence (an explanation is given)".into()
            }
            (Issue::EvidenceOutsideYear, Lang::Vi) => {
                "Tài liệu kiểm chứng có ghi ngày đều ban hành ngoài năm đánh giá; tài liệu không ghi ngày không chứng minh được năm".into()
            }
            (Issue::EvidenceOutsideYear, Lang::En) => {
                "Every dated document cited is outside the assessed year; an undated one cannot show the year".into()
            }
            (Issue::UnknownEvidence { id }, Lang::Vi) => {
                format!("Tài liệu “{id}” không có trong sổ tài liệu kiểm chứng")
            }
            (Issue::UnknownEvidence { id }, Lang::En) => {
                format!("Document “{id}” is not in the evidence register")
            }
            (Issue::NumeratorAboveDenominator, Lang::Vi) => {
                "Tử số lớn hơn mẫu số; tỷ lệ được tính là 100 %".into()
            }
            (Issue::NumeratorAboveDenominator, Lang::En) => {
                "The numerator is above the denominator; scored as 100 %".into()
            }
            (Issue::NotApplicableWithoutReason, Lang::Vi) => {
                "Chọn “không áp dụng” cần nêu lý do; tiêu chí đang tính như chưa trả lời".into()
            }
            (Issue::NotApplicableWithoutReason, Lang::En) => {
                "“Not applicable” needs a reason; the item counts as unanswered".into()
            }
            (Issue::NotApplicableNotAllowed, Lang::Vi) => {
                "Tiêu chí này không được chọn “không áp dụng”".into()
            }
            (Issue::NotApplicableNotAllowed, Lang::En) => {
                "This item cannot be “not applicable”".into()
            }
            (Issue::NoTaskNotAllowed, Lang::Vi) => {
                "Tiêu chí này không được chọn “không phát sinh nhiệm vụ”".into()
            }
            (Issue::NoTaskNotAllowed, Lang::En) => {
                "This item cannot be “nothing to do this year”".into()
            }
            (Issue::AnswerDoesNotFitRule, Lang::Vi) => {
                "Câu trả lời không khớp với cách chấm của tiêu chí".into()
            }
            (Issue::AnswerDoesNotFitRule, Lang::En) => {
                "The answer does not fit the item's rule".into()
            }
            (Issue::UnknownLevel { id }, Lang::Vi) => format!("Mức “{id}” không có trong tiêu chí"),
            (Issue::UnknownLevel { id }, Lang::En) => format!("Level “{id}” is not in this item"),
            (Issue::UnknownChecklistItem { id }, Lang::Vi) => {
                format!("Nội dung “{id}” không có trong tiêu chí")
            }
            (Issue::UnknownChecklistItem { id }, Lang::En) => {
                format!("Sub-item “{id}” is not in this item")
            }
            (Issue::EstimateOutOfRange, Lang::Vi) => {
                "Điểm ước tính vượt điểm tối đa hoặc âm".into()
            }
            (Issue::EstimateOutOfRange, Lang::En) => {
                "The estimate is negative or above the max".into()
            }
        }
    }
}

/// "điểm" or "pts", after a number of points.
fn pts(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "điểm",
        Lang::En => "pts",
    }
}

impl Step {
    pub fn render(&self, lang: Lang) -> String {
        let p = |x: &Points| x.format_short(lang);
        let pts = pts(lang);
        match (self, lang) {
            (Step::Rule { rule }, Lang::Vi) => format!("Cách chấm: {}", rule.label(lang)),
            (Step::Rule { rule }, Lang::En) => format!("Rule: {}", rule.label(lang)),
            (Step::Unanswered, Lang::Vi) => "Chưa trả lời: 0 điểm".into(),
            (Step::Unanswered, Lang::En) => "Not answered yet: 0 pts".into(),
            (Step::NotApplicable { reason }, Lang::Vi) => {
                format!("Không áp dụng (lý do: {reason}): tiêu chí không tính vào điểm tối đa")
            }
            (Step::NotApplicable { reason }, Lang::En) => {
                format!("Not applicable (reason: {reason}): the item leaves the maximum")
            }
            (Step::NoTask, Lang::Vi) => {
                "Không phát sinh nhiệm vụ trong năm: đạt điểm tối đa".into()
            }
            (Step::NoTask, Lang::En) => "Nothing to do this year: full points".into(),
            (Step::YesNo { yes: true, points }, Lang::Vi) => {
                format!("Trả lời: Có → {} {pts}", p(points))
            }
            (Step::YesNo { yes: false, points }, Lang::Vi) => {
                format!("Trả lời: Không → {} {pts}", p(points))
            }
            (Step::YesNo { yes: true, points }, Lang::En) => {
                format!("Answer: Yes → {} {pts}", p(points))
            }
            (Step::YesNo { yes: false, points }, Lang::En) => {
                format!("Answer: No → {} {pts}", p(points))
            }
            (Step::Level { label, points }, Lang::Vi) => {
                format!("Mức: {} → {} {pts}", label.get(lang), p(points))
            }
            (Step::Level { label, points }, Lang::En) => {
                format!("Level: {} → {} {pts}", label.get(lang), p(points))
            }
            (
                Step::Ratio {
                    numerator,
                    n,
                    denominator,
                    d,
                    exact,
                    ..
                },
                Lang::Vi | Lang::En,
            ) => {
                let eq = if *exact { "=" } else { "≈" };
                let (nl, dl) = (numerator.get(lang), denominator.get(lang));
                // Said from n and d in wide arithmetic, so that a numerator far above the
                // denominator reads as what it is (the stored percentage saturates).
                let pc = match *d {
                    0 => "0".to_string(),
                    d => format_short_wide(div_round(i128::from(*n) * 10_000, i128::from(d)), lang),
                };
                let lead = match lang {
                    Lang::Vi => "Tỷ lệ",
                    Lang::En => "Ratio",
                };
                format!("{lead} = {nl} ÷ {dl} = {n} ÷ {d} {eq} {pc} %")
            }
            (Step::RatioCapped, Lang::Vi) => "Tử số lớn hơn mẫu số: tính là 100 %".into(),
            (Step::RatioCapped, Lang::En) => {
                "The numerator is above the denominator: counted as 100 %".into()
            }
            (Step::ZeroDenominator { when }, Lang::Vi) => match when {
                WhenZero::Full => "Mẫu số bằng 0 (không phát sinh): đạt điểm tối đa".into(),
                WhenZero::Zero => "Mẫu số bằng 0: 0 điểm".into(),
                WhenZero::NotApplicable => {
                    "Mẫu số bằng 0: tiêu chí không tính vào điểm tối đa".into()
                }
            },
            (Step::ZeroDenominator { when }, Lang::En) => match when {
                WhenZero::Full => "Zero denominator (nothing to do): full points".into(),
                WhenZero::Zero => "Zero denominator: 0 pts".into(),
                WhenZero::NotApplicable => "Zero denominator: the item leaves the maximum".into(),
            },
            (
                Step::InBand {
                    percent,
                    band,
                    points,
                },
                Lang::Vi,
            ) => format!(
                "{} % thuộc khoảng {} → {} {pts}",
                percent.format_short(lang),
                band.describe(lang),
                p(points)
            ),
            (
                Step::InBand {
                    percent,
                    band,
                    points,
                },
                Lang::En,
            ) => format!(
                "{} % is in the band {} → {} {pts}",
                percent.format_short(lang),
                band.describe(lang),
                p(points)
            ),
            // Arithmetic reads the same in both languages.
            (
                Step::Proportional {
                    max,
                    n,
                    d,
                    full_at,
                    points,
                },
                Lang::Vi | Lang::En,
            ) => match full_at {
                None => format!("{} × {n} ÷ {d} = {} {pts}", p(max), p(points)),
                Some(f) => format!(
                    "{} × ({n} ÷ {d}) ÷ {} % = {} {pts}",
                    p(max),
                    f.format_short(lang),
                    p(points)
                ),
            },
            (Step::ReachedMax { max }, Lang::Vi) => {
                format!("Không vượt điểm tối đa: {} {pts}", p(max))
            }
            (Step::ReachedMax { max }, Lang::En) => format!("Capped at the max: {} {pts}", p(max)),
            (Step::Count { label, count }, Lang::Vi | Lang::En) => {
                format!("{}: {count}", label.get(lang))
            }
            (
                Step::CountInBand {
                    count,
                    from,
                    to,
                    points,
                },
                Lang::Vi,
            ) => format!(
                "{count} thuộc khoảng {} → {} {pts}",
                count_band(*from, *to, lang),
                p(points)
            ),
            (
                Step::CountInBand {
                    count,
                    from,
                    to,
                    points,
                },
                Lang::En,
            ) => format!(
                "{count} is in the band {} → {} {pts}",
                count_band(*from, *to, lang),
                p(points)
            ),
            (Step::PerCount { count, each, raw }, Lang::Vi | Lang::En) => {
                format!("{count} × {} = {} {pts}", p(each), p(raw))
            }
            (Step::Checklist { ticked, .. }, Lang::Vi) if ticked.is_empty() => {
                "Chưa đạt nội dung nào: 0 điểm".into()
            }
            (Step::Checklist { ticked, .. }, Lang::En) if ticked.is_empty() => {
                "No sub-item done: 0 pts".into()
            }
            (Step::Checklist { ticked, sum }, Lang::Vi | Lang::En) => {
                let parts: Vec<String> = ticked
                    .iter()
                    .map(|(label, points)| format!("{} ({})", label.get(lang), p(points)))
                    .collect();
                let lead = match lang {
                    Lang::Vi => "Đạt",
                    Lang::En => "Done",
                };
                format!("{lead}: {} = {} {pts}", parts.join(" + "), p(sum))
            }
            (Step::Survey { estimate: None }, Lang::Vi) => SURVEY_VI.into(),
            (Step::Survey { estimate: None }, Lang::En) => SURVEY_EN.into(),
            (Step::Survey { estimate: Some(e) }, Lang::Vi) => {
                format!("{SURVEY_VI}. Ước tính của đơn vị: {} {pts}", p(e))
            }
            (Step::Survey { estimate: Some(e) }, Lang::En) => {
                format!("{SURVEY_EN}. The unit's estimate: {} {pts}", p(e))
            }
            (Step::DoesNotFit, Lang::Vi) => "Câu trả lời không khớp cách chấm: 0 điểm".into(),
            (Step::DoesNotFit, Lang::En) => "The answer does not fit the rule: 0 pts".into(),
            (Step::Sum { parts, sum }, Lang::Vi | Lang::En) => {
                let parts: Vec<String> = parts.iter().map(p).collect();
                let lead = match lang {
                    Lang::Vi => "Cộng",
                    Lang::En => "Sum",
                };
                format!("{lead}: {} = {} {pts}", parts.join(" + "), p(sum))
            }
            (
                Step::Total {
                    self_scored,
                    survey,
                    bonus,
                    penalty,
                    sum,
                },
                Lang::Vi,
            ) => format!(
                "Tổng = {} (tự đánh giá) + {} (điều tra xã hội học) + {} (điểm thưởng) − {} (điểm trừ) = {} điểm",
                p(self_scored),
                p(survey),
                p(bonus),
                p(penalty),
                p(sum)
            ),
            (
                Step::Total {
                    self_scored,
                    survey,
                    bonus,
                    penalty,
                    sum,
                },
                Lang::En,
            ) => format!(
                "Total = {} (self-scored) + {} (survey) + {} (bonus) − {} (penalty) = {} pts",
                p(self_scored),
                p(survey),
                p(bonus),
                p(penalty),
                p(sum)
            ),
            (Step::Cap { sum, cap }, Lang::Vi) => format!(
                "Tổng {} vượt mức giới hạn {} → {} {pts}",
                p(sum),
                p(cap),
                p(cap)
            ),
            (Step::Cap { sum, cap }, Lang::En) => format!(
                "Sum {} is above the cap {} → {} {pts}",
                p(sum),
                p(cap),
                p(cap)
            ),
            (Step::Result { points, max }, Lang::Vi) => {
                format!("Điểm: {} / {}", p(points), p(max))
            }
            (Step::Result { points, max }, Lang::En) => {
                format!("Points: {} / {}", p(points), p(max))
            }
            (Step::Deduction { points }, Lang::Vi) if *points == Points::ZERO => {
                "Không bị trừ điểm".into()
            }
            (Step::Deduction { points }, Lang::En) if *points == Points::ZERO => {
                "No deduction".into()
            }
            (Step::Deduction { points }, Lang::Vi) => format!("Điểm trừ: −{}", p(points)),
            (Step::Deduction { points }, Lang::En) => format!("Deduction: −{}", p(points)),
        }
    }
}

const SURVEY_VI: &str = "Do tỉnh chấm qua điều tra xã hội học; không tính vào điểm tự đánh giá";
const SURVEY_EN: &str = "Scored by the province's survey; not part of the self-score";

/// `3`, `1–2`, `từ 4 trở lên` / `4 or more`.
fn count_band(from: u64, to: Option<u64>, lang: Lang) -> String {
    match (to, lang) {
        (Some(to), Lang::Vi | Lang::En) if to == from => format!("{from}"),
        (Some(to), Lang::Vi | Lang::En) => format!("{from}–{to}"),
        (None, Lang::Vi) => format!("từ {from} trở lên"),
        (None, Lang::En) => format!("{from} or more"),
    }
}

impl NodeScore {
    pub fn explain(&self, lang: Lang) -> Vec<String> {
        self.explanation.iter().map(|s| s.render(lang)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    #[test]
    fn a_huge_ratio_is_said_as_it_is_not_wrapped_around() {
        let step = Step::Ratio {
            numerator: Text::vi("Tử số"),
            n: u64::MAX,
            denominator: Text::vi("Mẫu số"),
            d: 1,
            percent: crate::points::Percent::of_ratio(u64::MAX, 1),
            exact: true,
        };
        assert_eq!(
            step.render(Lang::En),
            "Ratio = Tử số ÷ Mẫu số = 18446744073709551615 ÷ 1 = 1844674407370955161500 %"
        );
        assert!(!step.render(Lang::Vi).contains('-'));
    }

    #[test]
    fn every_issue_is_said_differently_in_each_language() {
        let all = [
            Issue::MissingEvidence,
            Issue::ExplainedWithoutEvidence,
            Issue::EvidenceOutsideYear,
            Issue::UnknownEvidence { id: "x".into() },
            Issue::NumeratorAboveDenominator,
            Issue::NotApplicableWithoutReason,
            Issue::NotApplicableNotAllowed,
            Issue::NoTaskNotAllowed,
            Issue::AnswerDoesNotFitRule,
            Issue::UnknownLevel { id: "x".into() },
            Issue::UnknownChecklistItem { id: "x".into() },
            Issue::EstimateOutOfRange,
        ];
        for i in &all {
            assert_ne!(i.message(Lang::Vi), i.message(Lang::En), "{i:?}");
        }
        assert_eq!(
            Issue::EvidenceOutsideYear.message(Lang::En),
            "Every dated document cited is outside the assessed year; an undated one cannot show the year"
        );
    }
}
