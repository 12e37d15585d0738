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
//!
//! The module is split in three: the types here, the algorithm in `evaluate`, and the words (issues
//! and explanation steps in either language) in `explain`.

mod evaluate;
mod explain;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::framework::{Block, ClassBand, Framework, Node, Range, RuleKind, WhenZero};
use crate::points::{Percent, Points};
use crate::text::Text;

pub use evaluate::score;

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
    /// Documents are cited, at least one is dated, and none is dated inside the assessed year
    /// (an undated document cannot show the year). An item citing only undated documents is not
    /// flagged: its dates are for the unit to fill in, and the register shows them empty.
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
        rule: RuleKind,
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
        /// `n ÷ d` in hundredths of a percent, saturating (see [`Percent::of_ratio`]); the
        /// rendered text is computed exactly from `n` and `d`.
        percent: Percent,
        exact: bool,
    },
    RatioCapped,
    ZeroDenominator {
        when: WhenZero,
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
    /// Points claimed that would likely not survive appraisal. For an item: its points when it has
    /// neither evidence nor giải trình, or when its dated evidence all falls outside the assessed
    /// year and there is no giải trình. For a group: its points less the points it keeps once its
    /// items' points at risk are removed and the block's cap is applied again.
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
}

/// A field's line in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldScore {
    pub code: String,
    pub block: Block,
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
    /// Points claimed that would likely not survive appraisal, after the caps: the total less
    /// `likely_total`, before the total is kept within 0 and the applicable maximum.
    pub at_risk: Points,
    /// "Likely after appraisal": the total recomputed without the points at risk, the bonus and
    /// penalty caps applied to what remains (a capped bonus block that still fills its cap loses
    /// nothing).
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
