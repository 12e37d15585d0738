//! `score(framework, answers) → Scorecard`: a total function that never fails.
//!
//! Every item is scored by its rule and rounded once (see `points`); every group is the sum of its
//! children; bonus and penalty blocks are capped at their max. Each item carries an explanation —
//! the rule, the inputs and the arithmetic — the way GoRules zen returns a trace beside its
//! output, so a unit can see why it got what it got.
//!
//! The index is total ÷ applicable maximum × 100, where the total is the self-scored part plus the
//! survey part (the unit's estimates until the province enters its results) plus bonus minus
//! penalty, kept between 0 and the applicable maximum. Items marked không áp dụng leave the
//! applicable maximum.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::answer::{Answer, Answers, Value};
use crate::framework::{Block, Body, ClassBand, Framework, Node, Range, Rule, WhenZero};
use crate::points::{Percent, Points, div_round};
use crate::text::{Lang, Text};

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Unanswered,
    Answered,
    NotApplicable,
    /// Scored by the province's survey.
    Survey,
}

/// Something the unit should look at; the score is still computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Issue {
    /// Points are claimed with no evidence and no giải trình.
    MissingEvidence,
    /// No evidence, but a giải trình is given.
    ExplainedWithoutEvidence,
    /// Every dated document cited is outside the assessed year.
    EvidenceOutsideYear,
    UnknownEvidence {
        id: String,
    },
    NumeratorAboveDenominator,
    NotApplicableWithoutReason,
    NotApplicableNotAllowed,
    NoTaskNotAllowed,
    AnswerDoesNotFitRule,
    UnknownLevel {
        id: String,
    },
    UnknownChecklistItem {
        id: String,
    },
    EstimateOutOfRange,
}

impl Issue {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => match self {
                Issue::MissingEvidence => {
                    "Có điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình".into()
                }
                Issue::ExplainedWithoutEvidence => {
                    "Chưa có tài liệu kiểm chứng (đã có giải trình)".into()
                }
                Issue::EvidenceOutsideYear => {
                    "Tài liệu kiểm chứng đều ban hành ngoài năm đánh giá".into()
                }
                Issue::UnknownEvidence { id } => {
                    format!("Tài liệu “{id}” không có trong sổ tài liệu kiểm chứng")
                }
                Issue::NumeratorAboveDenominator => {
                    "Tử số lớn hơn mẫu số; tỷ lệ được tính là 100 %".into()
                }
                Issue::NotApplicableWithoutReason => {
                    "Chọn “không áp dụng” cần nêu lý do; tiêu chí đang tính như chưa trả lời".into()
                }
                Issue::NotApplicableNotAllowed => {
                    "Tiêu chí này không được chọn “không áp dụng”".into()
                }
                Issue::NoTaskNotAllowed => {
                    "Tiêu chí này không được chọn “không phát sinh nhiệm vụ”".into()
                }
                Issue::AnswerDoesNotFitRule => {
                    "Câu trả lời không khớp với cách chấm của tiêu chí".into()
                }
                Issue::UnknownLevel { id } => format!("Mức “{id}” không có trong tiêu chí"),
                Issue::UnknownChecklistItem { id } => {
                    format!("Nội dung “{id}” không có trong tiêu chí")
                }
                Issue::EstimateOutOfRange => "Điểm ước tính vượt điểm tối đa hoặc âm".into(),
            },
            Lang::En => match self {
                Issue::MissingEvidence => {
                    "Points claimed with no evidence and no explanation".into()
                }
                Issue::ExplainedWithoutEvidence => "No evidence (an explanation is given)".into(),
                Issue::EvidenceOutsideYear => {
                    "Every document cited is dated outside the assessed year".into()
                }
                Issue::UnknownEvidence { id } => {
                    format!("Document “{id}” is not in the evidence register")
                }
                Issue::NumeratorAboveDenominator => {
                    "The numerator is above the denominator; scored as 100 %".into()
                }
                Issue::NotApplicableWithoutReason => {
                    "“Not applicable” needs a reason; the item counts as unanswered".into()
                }
                Issue::NotApplicableNotAllowed => "This item cannot be “not applicable”".into(),
                Issue::NoTaskNotAllowed => "This item cannot be “nothing to do this year”".into(),
                Issue::AnswerDoesNotFitRule => "The answer does not fit the item's rule".into(),
                Issue::UnknownLevel { id } => format!("Level “{id}” is not in this item"),
                Issue::UnknownChecklistItem { id } => {
                    format!("Sub-item “{id}” is not in this item")
                }
                Issue::EstimateOutOfRange => "The estimate is negative or above the max".into(),
            },
        }
    }

    /// Issues that change how the answer is read, as opposed to notes about evidence.
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            Issue::MissingEvidence
                | Issue::ExplainedWithoutEvidence
                | Issue::EvidenceOutsideYear
                | Issue::UnknownEvidence { .. }
        )
    }
}

/// One step of an explanation. Rendered in either language by [`Step::render`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    Rule {
        rule: &'static str,
    },
    Unanswered,
    NotApplicable {
        reason: String,
    },
    NoTask,
    YesNo {
        yes: bool,
        points: Points,
    },
    Level {
        label: Text,
        points: Points,
    },
    Ratio {
        numerator: Text,
        n: u64,
        denominator: Text,
        d: u64,
        percent: Percent,
        exact: bool,
    },
    RatioCapped,
    ZeroDenominator {
        when: &'static str,
    },
    InBand {
        percent: Percent,
        band: Range,
        points: Points,
    },
    Proportional {
        max: Points,
        n: u64,
        d: u64,
        full_at: Option<Percent>,
        points: Points,
    },
    ReachedMax {
        max: Points,
    },
    Count {
        label: Text,
        count: u64,
    },
    CountInBand {
        count: u64,
        from: u64,
        to: Option<u64>,
        points: Points,
    },
    PerCount {
        count: u64,
        each: Points,
        raw: Points,
    },
    Checklist {
        ticked: Vec<(Text, Points)>,
        sum: Points,
    },
    Survey {
        estimate: Option<Points>,
    },
    DoesNotFit,
    Sum {
        parts: Vec<Points>,
        sum: Points,
    },
    Total {
        self_scored: Points,
        survey: Points,
        bonus: Points,
        penalty: Points,
        sum: Points,
    },
    Cap {
        sum: Points,
        cap: Points,
    },
    Result {
        points: Points,
        max: Points,
    },
    Deduction {
        points: Points,
    },
}

impl Step {
    pub fn render(&self, lang: Lang) -> String {
        let p = |x: &Points| x.format_short(lang);
        let vi = lang == Lang::Vi;
        let pts = if vi { "điểm" } else { "pts" };
        match self {
            Step::Rule { rule } => {
                let kind =
                    crate::framework::RuleKind::from_code(rule).map_or(*rule, |k| k.label(lang));
                if vi {
                    format!("Cách chấm: {kind}")
                } else {
                    format!("Rule: {kind}")
                }
            }
            Step::Unanswered => {
                if vi {
                    "Chưa trả lời: 0 điểm".into()
                } else {
                    "Not answered yet: 0 pts".into()
                }
            }
            Step::NotApplicable { reason } => {
                if vi {
                    format!("Không áp dụng (lý do: {reason}): tiêu chí không tính vào điểm tối đa")
                } else {
                    format!("Not applicable (reason: {reason}): the item leaves the maximum")
                }
            }
            Step::NoTask => {
                if vi {
                    "Không phát sinh nhiệm vụ trong năm: đạt điểm tối đa".into()
                } else {
                    "Nothing to do this year: full points".into()
                }
            }
            Step::YesNo { yes, points } => match (vi, yes) {
                (true, true) => format!("Trả lời: Có → {} {pts}", p(points)),
                (true, false) => format!("Trả lời: Không → {} {pts}", p(points)),
                (false, true) => format!("Answer: Yes → {} {pts}", p(points)),
                (false, false) => format!("Answer: No → {} {pts}", p(points)),
            },
            Step::Level { label, points } => {
                let l = label.get(lang);
                if vi {
                    format!("Mức: {l} → {} {pts}", p(points))
                } else {
                    format!("Level: {l} → {} {pts}", p(points))
                }
            }
            Step::Ratio {
                numerator,
                n,
                denominator,
                d,
                percent,
                exact,
            } => {
                let eq = if *exact { "=" } else { "≈" };
                let (nl, dl) = (numerator.get(lang), denominator.get(lang));
                let pc = percent.format_short(lang);
                if vi {
                    format!("Tỷ lệ = {nl} ÷ {dl} = {n} ÷ {d} {eq} {pc} %")
                } else {
                    format!("Ratio = {nl} ÷ {dl} = {n} ÷ {d} {eq} {pc} %")
                }
            }
            Step::RatioCapped => {
                if vi {
                    "Tử số lớn hơn mẫu số: tính là 100 %".into()
                } else {
                    "The numerator is above the denominator: counted as 100 %".into()
                }
            }
            Step::ZeroDenominator { when } => match (vi, *when) {
                (true, "full") => "Mẫu số bằng 0 (không phát sinh): đạt điểm tối đa".into(),
                (true, "zero") => "Mẫu số bằng 0: 0 điểm".into(),
                (true, _) => "Mẫu số bằng 0: tiêu chí không tính vào điểm tối đa".into(),
                (false, "full") => "Zero denominator (nothing to do): full points".into(),
                (false, "zero") => "Zero denominator: 0 pts".into(),
                (false, _) => "Zero denominator: the item leaves the maximum".into(),
            },
            Step::InBand {
                percent,
                band,
                points,
            } => {
                let pc = percent.format_short(lang);
                let band = band.describe(lang);
                if vi {
                    format!("{pc} % thuộc khoảng {band} → {} {pts}", p(points))
                } else {
                    format!("{pc} % is in the band {band} → {} {pts}", p(points))
                }
            }
            Step::Proportional {
                max,
                n,
                d,
                full_at,
                points,
            } => match full_at {
                None => format!("{} × {n} ÷ {d} = {} {pts}", p(max), p(points)),
                Some(f) => format!(
                    "{} × ({n} ÷ {d}) ÷ {} % = {} {pts}",
                    p(max),
                    f.format_short(lang),
                    p(points)
                ),
            },
            Step::ReachedMax { max } => {
                if vi {
                    format!("Không vượt điểm tối đa: {} {pts}", p(max))
                } else {
                    format!("Capped at the max: {} {pts}", p(max))
                }
            }
            Step::Count { label, count } => format!("{}: {count}", label.get(lang)),
            Step::CountInBand {
                count,
                from,
                to,
                points,
            } => {
                let band = match (to, vi) {
                    (Some(to), _) if to == from => format!("{from}"),
                    (Some(to), _) => format!("{from}–{to}"),
                    (None, true) => format!("từ {from} trở lên"),
                    (None, false) => format!("{from} or more"),
                };
                if vi {
                    format!("{count} thuộc khoảng {band} → {} {pts}", p(points))
                } else {
                    format!("{count} is in the band {band} → {} {pts}", p(points))
                }
            }
            Step::PerCount { count, each, raw } => {
                format!("{count} × {} = {} {pts}", p(each), p(raw))
            }
            Step::Checklist { ticked, sum } => {
                if ticked.is_empty() {
                    return if vi {
                        "Chưa đạt nội dung nào: 0 điểm".into()
                    } else {
                        "No sub-item done: 0 pts".into()
                    };
                }
                let parts: Vec<String> = ticked
                    .iter()
                    .map(|(label, points)| format!("{} ({})", label.get(lang), p(points)))
                    .collect();
                let lead = if vi { "Đạt" } else { "Done" };
                format!("{lead}: {} = {} {pts}", parts.join(" + "), p(sum))
            }
            Step::Survey { estimate } => {
                let base = if vi {
                    "Do tỉnh chấm qua điều tra xã hội học; không tính vào điểm tự đánh giá"
                } else {
                    "Scored by the province's survey; not part of the self-score"
                };
                match (estimate, vi) {
                    (Some(e), true) => format!("{base}. Ước tính của đơn vị: {} {pts}", p(e)),
                    (Some(e), false) => format!("{base}. The unit's estimate: {} {pts}", p(e)),
                    (None, _) => base.to_string(),
                }
            }
            Step::DoesNotFit => {
                if vi {
                    "Câu trả lời không khớp cách chấm: 0 điểm".into()
                } else {
                    "The answer does not fit the rule: 0 pts".into()
                }
            }
            Step::Sum { parts, sum } => {
                let parts: Vec<String> = parts.iter().map(p).collect();
                let lead = if vi { "Cộng" } else { "Sum" };
                format!("{lead}: {} = {} {pts}", parts.join(" + "), p(sum))
            }
            Step::Total {
                self_scored,
                survey,
                bonus,
                penalty,
                sum,
            } => {
                if vi {
                    format!(
                        "Tổng = {} (tự đánh giá) + {} (điều tra xã hội học) + {} (điểm thưởng) − {} (điểm trừ) = {} điểm",
                        p(self_scored),
                        p(survey),
                        p(bonus),
                        p(penalty),
                        p(sum)
                    )
                } else {
                    format!(
                        "Total = {} (self-scored) + {} (survey) + {} (bonus) − {} (penalty) = {} pts",
                        p(self_scored),
                        p(survey),
                        p(bonus),
                        p(penalty),
                        p(sum)
                    )
                }
            }
            Step::Cap { sum, cap } => {
                if vi {
                    format!(
                        "Tổng {} vượt mức giới hạn {} → {} {pts}",
                        p(sum),
                        p(cap),
                        p(cap)
                    )
                } else {
                    format!(
                        "Sum {} is above the cap {} → {} {pts}",
                        p(sum),
                        p(cap),
                        p(cap)
                    )
                }
            }
            Step::Result { points, max } => {
                if vi {
                    format!("Điểm: {} / {}", p(points), p(max))
                } else {
                    format!("Points: {} / {}", p(points), p(max))
                }
            }
            Step::Deduction { points } if *points == Points::ZERO => {
                if vi {
                    "Không bị trừ điểm".into()
                } else {
                    "No deduction".into()
                }
            }
            Step::Deduction { points } => {
                if vi {
                    format!("Điểm trừ: −{}", p(points))
                } else {
                    format!("Deduction: −{}", p(points))
                }
            }
        }
    }
}

/// Where an item stands for the unit, as shown beside it in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemMark {
    Unanswered,
    Done,
    /// Points are claimed with neither evidence nor giải trình.
    NeedsEvidence,
    /// The evidence is from another year and there is no giải trình.
    NeedsExplanation,
    NotApplicable,
    /// Scored by the province.
    Survey,
}

/// The score of one node (item or group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeScore {
    pub code: String,
    /// Self-scored points (survey estimates excluded). For a penalty block: the deduction.
    pub points: Points,
    /// Survey points: the unit's estimates (or the province's results).
    pub survey_points: Points,
    pub max: Points,
    /// Max less items that are not applicable.
    pub applicable_max: Points,
    /// Points claimed that would likely not survive appraisal.
    pub at_risk: Points,
    /// Items (survey excluded) answered, and applicable.
    pub answered: u32,
    pub applicable: u32,
    /// `Some` for items.
    pub status: Option<ItemStatus>,
    pub issues: Vec<Issue>,
    pub explanation: Vec<Step>,
}

impl NodeScore {
    /// Points ÷ applicable max × 100, survey points included.
    pub fn index(&self) -> Percent {
        (self.points + self.survey_points).percent_of(self.applicable_max)
    }

    /// The mark an item shows in the tree; `None` for groups.
    pub fn mark(&self) -> Option<ItemMark> {
        Some(match self.status? {
            ItemStatus::Survey => ItemMark::Survey,
            ItemStatus::NotApplicable => ItemMark::NotApplicable,
            ItemStatus::Unanswered => ItemMark::Unanswered,
            ItemStatus::Answered if self.issues.contains(&Issue::MissingEvidence) => {
                ItemMark::NeedsEvidence
            }
            ItemStatus::Answered if self.at_risk > Points::ZERO => ItemMark::NeedsExplanation,
            ItemStatus::Answered => ItemMark::Done,
        })
    }

    /// Points not earned of what was applicable (survey points excluded).
    pub fn lost(&self) -> Points {
        match self.status {
            Some(ItemStatus::Survey) | Some(ItemStatus::NotApplicable) => Points::ZERO,
            _ => (self.applicable_max - self.points).max(Points::ZERO),
        }
    }

    pub fn explain(&self, lang: Lang) -> Vec<String> {
        self.explanation.iter().map(|s| s.render(lang)).collect()
    }
}

/// A field's line in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldScore {
    pub code: String,
    pub block: &'static str,
    pub points: Points,
    pub survey_points: Points,
    pub applicable_max: Points,
    /// Chỉ số thành phần.
    pub index: Percent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scorecard {
    pub framework_id: String,
    pub framework_version: String,
    pub nodes: BTreeMap<String, NodeScore>,
    pub fields: Vec<FieldScore>,
    /// Self-scored points of the ordinary fields.
    pub self_scored: Points,
    pub self_applicable_max: Points,
    /// Survey points (estimates).
    pub survey: Points,
    pub survey_max: Points,
    pub bonus: Points,
    pub penalty: Points,
    /// Self-scored + survey + bonus − penalty, kept within 0 and the applicable max.
    pub total: Points,
    pub applicable_max: Points,
    /// Chỉ số CCHC: total ÷ applicable max × 100.
    pub index: Percent,
    /// The self-scored part alone: self-scored ÷ its applicable max × 100.
    pub self_index: Percent,
    pub at_risk: Points,
    /// "Likely after appraisal": the total without the points at risk.
    pub likely_total: Points,
    pub likely_index: Percent,
    pub answered: u32,
    pub applicable: u32,
    /// Answers for codes the framework does not have (kept, never scored).
    pub unknown_codes: Vec<String>,
    /// How the total was reached.
    pub explanation: Vec<Step>,
}

impl Scorecard {
    pub fn node(&self, code: &str) -> Option<&NodeScore> {
        self.nodes.get(code)
    }

    /// Completeness in hundredths of a percent.
    pub fn completeness(&self) -> Percent {
        Points::from_whole(i64::from(self.answered))
            .percent_of(Points::from_whole(i64::from(self.applicable)))
    }

    pub fn band<'f>(&self, framework: &'f Framework) -> Option<&'f ClassBand> {
        framework.band_for(self.index)
    }

    /// The ordinary items losing the most points, most first (ties in framework order): where to
    /// work next.
    pub fn biggest_losses<'f>(
        &self,
        framework: &'f Framework,
        n: usize,
    ) -> Vec<(&'f Node, Points)> {
        let mut losses: Vec<(&Node, Points)> = framework
            .items()
            .into_iter()
            .filter(|node| node.block == Block::Regular)
            .filter_map(|node| Some((node, self.nodes.get(&node.code)?.lost())))
            .filter(|(_, lost)| *lost > Points::ZERO)
            .collect();
        losses.sort_by_key(|(_, lost)| std::cmp::Reverse(*lost));
        losses.truncate(n);
        losses
    }

    /// Every issue, with its item's code, in framework order.
    pub fn issues<'s>(&'s self, framework: &Framework) -> Vec<(&'s str, &'s Issue)> {
        framework
            .items()
            .iter()
            .filter_map(|n| self.nodes.get(&n.code))
            .flat_map(|s| s.issues.iter().map(move |i| (s.code.as_str(), i)))
            .collect()
    }
}

/// Scores every item, group and field of `framework` from `answers`. Never fails.
pub fn score(framework: &Framework, answers: &Answers) -> Scorecard {
    let register: HashSet<&str> = answers.evidence.iter().map(|e| e.id.as_str()).collect();
    let ctx = Context { answers, register };
    let mut nodes = BTreeMap::new();
    let mut fields = Vec::new();
    for field in &framework.fields {
        let s = ctx.node(field, &mut nodes);
        fields.push(FieldScore {
            code: field.code.clone(),
            block: match field.block {
                Block::Regular => "regular",
                Block::Bonus => "bonus",
                Block::Penalty => "penalty",
            },
            points: s.points,
            survey_points: s.survey_points,
            applicable_max: s.applicable_max,
            index: s.index(),
        });
    }

    let regular = |f: &&FieldScore| f.block == "regular";
    let in_block = |b: &'static str| -> Points {
        fields
            .iter()
            .filter(|f| f.block == b)
            .map(|f| f.points)
            .sum()
    };
    let self_scored: Points = fields.iter().filter(regular).map(|f| f.points).sum();
    let survey: Points = fields.iter().filter(regular).map(|f| f.survey_points).sum();
    let applicable_max: Points = fields
        .iter()
        .filter(regular)
        .map(|f| f.applicable_max)
        .sum();
    let survey_max: Points = framework
        .items()
        .iter()
        .filter(|n| n.rule().is_some_and(Rule::is_survey))
        .map(|n| {
            nodes
                .get(&n.code)
                .map_or(Points::ZERO, |s: &NodeScore| s.applicable_max)
        })
        .sum();
    let self_applicable_max = applicable_max - survey_max;
    let (bonus, penalty) = (in_block("bonus"), in_block("penalty"));

    let raw_total = self_scored + survey + bonus - penalty;
    let total = raw_total.max(Points::ZERO).min(applicable_max);
    let at_risk: Points = framework
        .fields
        .iter()
        .filter(|f| f.block != Block::Penalty)
        .filter_map(|f| nodes.get(&f.code))
        .map(|s| s.at_risk)
        .sum();
    let likely_total = (raw_total - at_risk).max(Points::ZERO).min(applicable_max);

    let mut explanation = vec![Step::Total {
        self_scored,
        survey,
        bonus,
        penalty,
        sum: raw_total,
    }];
    if raw_total != total {
        explanation.push(Step::Cap {
            sum: raw_total,
            cap: total,
        });
    }
    explanation.push(Step::Result {
        points: total,
        max: applicable_max,
    });

    let (answered, applicable) = framework
        .fields
        .iter()
        .filter_map(|f| nodes.get(&f.code))
        .fold((0, 0), |(a, b), s| (a + s.answered, b + s.applicable));
    let unknown_codes = answers
        .items
        .keys()
        .filter(|code| !framework.node(code).is_some_and(Node::is_item))
        .cloned()
        .collect();

    Scorecard {
        framework_id: framework.id.clone(),
        framework_version: framework.version.clone(),
        nodes,
        fields,
        self_scored,
        self_applicable_max,
        survey,
        survey_max,
        bonus,
        penalty,
        total,
        applicable_max,
        index: total.percent_of(applicable_max),
        self_index: self_scored.percent_of(self_applicable_max),
        at_risk,
        likely_total,
        likely_index: likely_total.percent_of(applicable_max),
        answered,
        applicable,
        unknown_codes,
        explanation,
    }
}

struct Context<'a> {
    answers: &'a Answers,
    register: HashSet<&'a str>,
}

/// What an item's rule gives for its answer, before evidence is considered.
struct Outcome {
    points: Points,
    status: ItemStatus,
    applicable: bool,
    estimate: Points,
    steps: Vec<Step>,
    issues: Vec<Issue>,
}

impl Outcome {
    fn new(status: ItemStatus) -> Outcome {
        Outcome {
            points: Points::ZERO,
            status,
            applicable: true,
            estimate: Points::ZERO,
            steps: Vec::new(),
            issues: Vec::new(),
        }
    }

    fn unanswered(mut self) -> Outcome {
        self.status = ItemStatus::Unanswered;
        self.points = Points::ZERO;
        self.steps.push(Step::Unanswered);
        self
    }
}

impl Context<'_> {
    fn node(&self, node: &Node, out: &mut BTreeMap<String, NodeScore>) -> NodeScore {
        let score = match &node.body {
            Body::Item(rule) => self.item(node, rule),
            Body::Group(children) => {
                let scores: Vec<NodeScore> = children.iter().map(|c| self.node(c, out)).collect();
                group(node, &scores)
            }
        };
        out.insert(node.code.clone(), score.clone());
        score
    }

    fn item(&self, node: &Node, rule: &Rule) -> NodeScore {
        let empty = Answer::default();
        let answer = self.answers.items.get(&node.code).unwrap_or(&empty);
        let mut o = evaluate(node, rule, answer);
        let mut at_risk = Points::ZERO;
        if o.status == ItemStatus::Answered && node.block != Block::Penalty {
            at_risk = self.evidence_check(answer, o.points, &mut o.issues);
        }
        // A not-applicable item has no result line: it has left the maximum.
        if o.applicable {
            o.steps.push(match node.block {
                Block::Penalty => Step::Deduction { points: o.points },
                _ => Step::Result {
                    points: if o.status == ItemStatus::Survey {
                        o.estimate
                    } else {
                        o.points
                    },
                    max: node.max,
                },
            });
        }
        let counts = o.status != ItemStatus::Survey && o.applicable;
        NodeScore {
            code: node.code.clone(),
            points: o.points,
            survey_points: o.estimate,
            max: node.max,
            applicable_max: if o.applicable { node.max } else { Points::ZERO },
            at_risk,
            answered: u32::from(counts && o.status == ItemStatus::Answered),
            applicable: u32::from(counts),
            status: Some(o.status),
            issues: o.issues,
            explanation: o.steps,
        }
    }

    /// Flags evidence problems and returns the points that would likely not survive appraisal.
    fn evidence_check(&self, answer: &Answer, points: Points, issues: &mut Vec<Issue>) -> Points {
        let cited: Vec<_> = answer
            .evidence
            .iter()
            .filter(|id| {
                let known = self.register.contains(id.as_str());
                if !known {
                    issues.push(Issue::UnknownEvidence { id: id.to_string() });
                }
                known
            })
            .filter_map(|id| self.answers.evidence.iter().find(|e| &e.id == id))
            .collect();
        let explained = !answer.explanation.trim().is_empty();
        if cited.is_empty() {
            if explained {
                issues.push(Issue::ExplainedWithoutEvidence);
                return Points::ZERO;
            }
            if points > Points::ZERO {
                issues.push(Issue::MissingEvidence);
            }
            return points;
        }
        let year = self.answers.year;
        let all_outside = cited.iter().all(|e| e.year().is_some_and(|y| y != year));
        if all_outside {
            issues.push(Issue::EvidenceOutsideYear);
            if !explained {
                return points;
            }
        }
        Points::ZERO
    }
}

fn evaluate(node: &Node, rule: &Rule, answer: &Answer) -> Outcome {
    let max = node.max;
    let mut o = Outcome::new(ItemStatus::Answered);
    o.steps.push(Step::Rule {
        rule: rule.kind().code(),
    });
    if let Rule::Survey { .. } = rule {
        o.status = ItemStatus::Survey;
        let estimate = match &answer.value {
            Some(Value::Estimate { points }) if *points >= Points::ZERO && *points <= max => {
                Some(*points)
            }
            Some(Value::Estimate { .. }) => {
                o.issues.push(Issue::EstimateOutOfRange);
                None
            }
            Some(Value::NotApplicable { reason }) if node.allow_not_applicable => {
                return not_applicable(o, reason);
            }
            Some(_) => {
                o.issues.push(Issue::AnswerDoesNotFitRule);
                None
            }
            None => None,
        };
        o.estimate = estimate.unwrap_or(Points::ZERO);
        o.steps.push(Step::Survey { estimate });
        return o;
    }
    let Some(value) = &answer.value else {
        return o.unanswered();
    };
    match (value, rule) {
        (Value::NotApplicable { reason }, _) => {
            if !node.allow_not_applicable {
                o.issues.push(Issue::NotApplicableNotAllowed);
                return o.unanswered();
            }
            return not_applicable(o, reason);
        }
        (Value::NoTask, _) => {
            if !node.allow_no_task {
                o.issues.push(Issue::NoTaskNotAllowed);
                return o.unanswered();
            }
            o.steps.push(Step::NoTask);
            o.points = max;
        }
        (Value::YesNo { yes }, Rule::YesNo { yes_points }) => {
            o.points = if *yes { *yes_points } else { Points::ZERO };
            o.steps.push(Step::YesNo {
                yes: *yes,
                points: o.points,
            });
        }
        (Value::Level { id }, Rule::Levels { levels }) => {
            let Some(level) = levels.iter().find(|l| &l.id == id) else {
                o.issues.push(Issue::UnknownLevel { id: id.clone() });
                return o.unanswered();
            };
            o.points = level.points;
            o.steps.push(Step::Level {
                label: level.label.clone(),
                points: level.points,
            });
        }
        (
            Value::Ratio {
                numerator: n,
                denominator: d,
            },
            Rule::PercentBands { .. },
        )
        | (
            Value::Ratio {
                numerator: n,
                denominator: d,
            },
            Rule::Proportional { .. },
        ) => {
            return ratio(o, node, rule, *n, *d);
        }
        (
            Value::Count { count },
            Rule::CountBands {
                count: label,
                bands,
            },
        ) => {
            o.steps.push(Step::Count {
                label: label.clone(),
                count: *count,
            });
            // Loading guarantees the bands cover every count.
            if let Some(band) = bands.iter().find(|b| b.contains(*count)) {
                o.points = band.points;
                o.steps.push(Step::CountInBand {
                    count: *count,
                    from: band.from,
                    to: band.to,
                    points: band.points,
                });
            }
        }
        (
            Value::Count { count },
            Rule::PerCount {
                count: label,
                points_each,
            },
        ) => {
            o.steps.push(Step::Count {
                label: label.clone(),
                count: *count,
            });
            let raw = Points(
                points_each
                    .0
                    .saturating_mul(i64::try_from(*count).unwrap_or(i64::MAX)),
            );
            o.steps.push(Step::PerCount {
                count: *count,
                each: *points_each,
                raw,
            });
            o.points = raw.min(max);
            if raw > max {
                o.steps.push(Step::ReachedMax { max });
            }
        }
        (Value::Checklist { ticked }, Rule::Checklist { items }) => {
            for id in ticked {
                if !items.iter().any(|i| &i.id == id) {
                    o.issues
                        .push(Issue::UnknownChecklistItem { id: id.clone() });
                }
            }
            let done: Vec<(Text, Points)> = items
                .iter()
                .filter(|i| ticked.contains(&i.id))
                .map(|i| (i.label.clone(), i.points))
                .collect();
            let sum: Points = done.iter().map(|(_, p)| *p).sum();
            o.points = sum.min(max);
            o.steps.push(Step::Checklist { ticked: done, sum });
        }
        _ => {
            o.issues.push(Issue::AnswerDoesNotFitRule);
            o.steps.push(Step::DoesNotFit);
            o.status = ItemStatus::Unanswered;
            o.points = Points::ZERO;
        }
    }
    o
}

fn not_applicable(mut o: Outcome, reason: &str) -> Outcome {
    if reason.trim().is_empty() {
        o.issues.push(Issue::NotApplicableWithoutReason);
        return o.unanswered();
    }
    o.status = ItemStatus::NotApplicable;
    o.applicable = false;
    o.points = Points::ZERO;
    o.estimate = Points::ZERO;
    o.steps.push(Step::NotApplicable {
        reason: reason.trim().to_string(),
    });
    o
}

fn when_zero_code(w: WhenZero) -> &'static str {
    match w {
        WhenZero::Full => "full",
        WhenZero::Zero => "zero",
        WhenZero::NotApplicable => "not_applicable",
    }
}

fn ratio(mut o: Outcome, node: &Node, rule: &Rule, n: u64, d: u64) -> Outcome {
    let max = node.max;
    let (numerator, denominator, when_zero) = match rule {
        Rule::PercentBands {
            numerator,
            denominator,
            when_zero,
            ..
        }
        | Rule::Proportional {
            numerator,
            denominator,
            when_zero,
            ..
        } => (numerator, denominator, *when_zero),
        _ => unreachable!("ratio() is only called for ratio rules"),
    };
    if d == 0 {
        o.steps.push(Step::ZeroDenominator {
            when: when_zero_code(when_zero),
        });
        match when_zero {
            WhenZero::Full => o.points = max,
            WhenZero::Zero => o.points = Points::ZERO,
            WhenZero::NotApplicable => {
                o.status = ItemStatus::NotApplicable;
                o.applicable = false;
            }
        }
        return o;
    }
    let capped_n = if n > d {
        o.issues.push(Issue::NumeratorAboveDenominator);
        d
    } else {
        n
    };
    let percent = Percent(div_round(i128::from(n) * 10_000, i128::from(d)) as i64);
    let exact = (i128::from(n) * 10_000) % i128::from(d) == 0;
    o.steps.push(Step::Ratio {
        numerator: numerator.clone(),
        n,
        denominator: denominator.clone(),
        d,
        percent,
        exact,
    });
    if n > d {
        o.steps.push(Step::RatioCapped);
    }
    match rule {
        Rule::PercentBands { bands, .. } => {
            if let Some(band) = bands.iter().find(|b| b.range.contains_ratio(capped_n, d)) {
                o.points = band.points;
                let shown = Percent(div_round(i128::from(capped_n) * 10_000, i128::from(d)) as i64);
                o.steps.push(Step::InBand {
                    percent: shown,
                    band: band.range,
                    points: band.points,
                });
            }
        }
        Rule::Proportional { full_at, .. } => {
            let full_at_h = i128::from(full_at.0);
            let raw = div_round(
                i128::from(max.0) * i128::from(capped_n) * 10_000,
                i128::from(d) * full_at_h,
            );
            let points = Points(raw.min(i128::from(max.0)) as i64);
            let shown_full = (full_at.0 != 10_000).then_some(*full_at);
            o.steps.push(Step::Proportional {
                max,
                n: capped_n,
                d,
                full_at: shown_full,
                points: Points(raw as i64),
            });
            if Points(raw as i64) > max {
                o.steps.push(Step::ReachedMax { max });
            }
            o.points = points;
        }
        _ => {}
    }
    o
}

fn group(node: &Node, children: &[NodeScore]) -> NodeScore {
    let sum: Points = children.iter().map(|c| c.points).sum();
    let (points, mut explanation) = (
        sum,
        vec![Step::Sum {
            parts: children.iter().map(|c| c.points).collect(),
            sum,
        }],
    );
    let points = match node.block {
        Block::Regular => points,
        Block::Bonus | Block::Penalty => {
            if sum > node.max {
                explanation.push(Step::Cap { sum, cap: node.max });
            }
            sum.min(node.max)
        }
    };
    let applicable_max = match node.block {
        Block::Regular => children.iter().map(|c| c.applicable_max).sum(),
        Block::Bonus | Block::Penalty => node.max,
    };
    explanation.push(match node.block {
        Block::Penalty => Step::Deduction { points },
        _ => Step::Result {
            points,
            max: applicable_max,
        },
    });
    NodeScore {
        code: node.code.clone(),
        points,
        survey_points: children.iter().map(|c| c.survey_points).sum(),
        max: node.max,
        applicable_max,
        at_risk: children
            .iter()
            .map(|c| c.at_risk)
            .sum::<Points>()
            .min(points),
        answered: children.iter().map(|c| c.answered).sum(),
        applicable: children.iter().map(|c| c.applicable).sum(),
        status: None,
        issues: Vec::new(),
        explanation,
    }
}
