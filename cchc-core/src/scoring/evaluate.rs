//! The algorithm: each item by its rule, rounded once; groups as sums (capped in bonus and penalty
//! blocks); the evidence check that finds points at risk; the totals.

use std::collections::{BTreeMap, HashSet};

use super::{FieldScore, Issue, ItemStatus, NodeScore, Scorecard, Step};
use crate::answer::{Answer, Answers, Value};
use crate::framework::{Block, Body, Framework, Node, PointsBand, Rule, WhenZero};
use crate::points::{Percent, Points, div_round};
use crate::text::Text;

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
            block: field.block,
            points: s.points,
            survey_points: s.survey_points,
            applicable_max: s.applicable_max,
            index: s.index(),
        });
    }

    let regular = |f: &&FieldScore| f.block == Block::Regular;
    let in_block = |b: Block| -> Points {
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
    let (bonus, penalty) = (in_block(Block::Bonus), in_block(Block::Penalty));

    let raw_total = self_scored + survey + bonus - penalty;
    let total = raw_total.max(Points::ZERO).min(applicable_max);
    let at_risk: Points = framework
        .fields
        .iter()
        .filter(|f| f.block != Block::Penalty)
        .filter_map(|f| nodes.get(&f.code))
        .map(|s| s.at_risk)
        .sum();
    // Each field's at-risk points are what it loses once its items' points at risk are removed
    // and its cap applied again (see `group`), so this is the total recomputed without them.
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
        // An undated document cannot show the year, so only dated ones are weighed: the evidence
        // is outside the year when some document is dated and none is dated inside it. Citing
        // only undated documents is not flagged (the dates are for the unit to fill in).
        let year = self.answers.year;
        let dated: Vec<u16> = cited.iter().filter_map(|e| e.year()).collect();
        let all_outside = !dated.is_empty() && dated.iter().all(|y| *y != year);
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
    o.steps.push(Step::Rule { rule: rule.kind() });
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
            Rule::PercentBands {
                numerator,
                denominator,
                when_zero,
                bands,
            },
        ) => {
            let labels = (numerator, denominator, *when_zero);
            return ratio(o, node, labels, RatioRule::Bands(bands), *n, *d);
        }
        (
            Value::Ratio {
                numerator: n,
                denominator: d,
            },
            Rule::Proportional {
                numerator,
                denominator,
                full_at,
                when_zero,
            },
        ) => {
            let labels = (numerator, denominator, *when_zero);
            return ratio(o, node, labels, RatioRule::Proportional(*full_at), *n, *d);
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

/// What a ratio rule does with the ratio.
enum RatioRule<'a> {
    Bands(&'a [PointsBand]),
    Proportional(Percent),
}

fn ratio(
    mut o: Outcome,
    node: &Node,
    (numerator, denominator, when_zero): (&Text, &Text, WhenZero),
    rule: RatioRule<'_>,
    n: u64,
    d: u64,
) -> Outcome {
    let max = node.max;
    if d == 0 {
        o.steps.push(Step::ZeroDenominator { when: when_zero });
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
    let exact = (i128::from(n) * 10_000) % i128::from(d) == 0;
    o.steps.push(Step::Ratio {
        numerator: numerator.clone(),
        n,
        denominator: denominator.clone(),
        d,
        percent: Percent::of_ratio(n, d),
        exact,
    });
    if n > d {
        o.steps.push(Step::RatioCapped);
    }
    match rule {
        RatioRule::Bands(bands) => {
            // Loading guarantees the bands cover 0–100 % exactly once.
            if let Some(band) = bands.iter().find(|b| b.range.contains_ratio(capped_n, d)) {
                o.points = band.points;
                o.steps.push(Step::InBand {
                    percent: Percent::of_ratio(capped_n, d),
                    band: band.range,
                    points: band.points,
                });
            }
        }
        RatioRule::Proportional(full_at) => {
            // max × (n ÷ d) ÷ full_at, full_at in hundredths of a percent; capped_n ≤ d, so
            // the raw points are at most max × 10 000 ÷ full_at and fit an i64 for any max a
            // framework can hold (below 10¹² points).
            let raw = div_round(
                i128::from(max.0) * i128::from(capped_n) * 10_000,
                i128::from(d) * i128::from(full_at.0),
            );
            let raw = Points(i64::try_from(raw).unwrap_or(i64::MAX));
            let shown_full = (full_at.0 != 10_000).then_some(full_at);
            o.steps.push(Step::Proportional {
                max,
                n: capped_n,
                d,
                full_at: shown_full,
                points: raw,
            });
            if raw > max {
                o.steps.push(Step::ReachedMax { max });
            }
            o.points = raw.min(max);
        }
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
    // What the group keeps once its items' points at risk are removed: each child keeps its
    // points less its own points at risk, and a bonus or penalty cap applies again, so a capped
    // block that still fills its cap loses nothing.
    let kept: Points = children.iter().map(|c| c.points - c.at_risk).sum();
    let likely = match node.block {
        Block::Regular => kept,
        Block::Bonus | Block::Penalty => kept.min(node.max),
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
        at_risk: points - likely,
        answered: children.iter().map(|c| c.answered).sum(),
        applicable: children.iter().map(|c| c.applicable).sum(),
        status: None,
        issues: Vec::new(),
        explanation,
    }
}
