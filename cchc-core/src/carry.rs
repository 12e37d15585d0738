//! Answers carried into another framework: last year's draft or submission into this year's
//! version, or a draft into the framework built from this year's annex.
//!
//! An answer moves by code (or by a code the officer maps by hand, old 2.3.1 → new 2.4.1) when the
//! new item's rule still accepts it: the same kind of value, a level with the same id or the same
//! label, a ratio into either ratio rule, a count into either count rule, ticked sub-points that
//! still exist. Evidence, giải trình and notes move with their item even when its value cannot;
//! the evidence register moves whole. Every answered item is accounted for — carried whole, in
//! part, without its value, or not at all — with the reason, so the officer sees what was left
//! before anything is created. The source is never changed: the result is a new draft's content.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::answer::{Answer, Answers, Value};
use crate::compare::{ItemChange, compare, title_key};
use crate::draft::{Draft, FrameworkRef, UnitRef};
use crate::framework::{Choice, Framework, Node, Rule, RuleKind, UnitType};
use crate::points::Points;
use crate::text::Lang;

/// Codes mapped by hand: an old code to a new one, or to `None` to leave its answer behind.
pub type Renames = BTreeMap<String, Option<String>>;

/// What to carry, and where.
pub struct Carry<'a> {
    pub from: &'a Draft,
    /// The framework the draft was answered with, when the app has it: it tells the unit type,
    /// the rule an answer was given under and each level's label. Without it levels move by id
    /// only and the unit type is not checked.
    pub old: Option<&'a Framework>,
    pub into: &'a Framework,
    /// The assessed year of the new draft.
    pub year: u16,
    pub renames: &'a Renames,
}

/// Why nothing can be carried as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A sở's answers do not belong in a commune's framework, nor the other way round.
    UnitType {
        from: UnitType,
        into: UnitType,
    },
    YearOutside {
        year: u16,
        from: u16,
        to: Option<u16>,
    },
    Renames(Vec<RenameProblem>),
}

/// A code mapped by hand that cannot be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameProblem {
    /// The draft has no answer under this code.
    NoAnswer { from: String },
    /// The new framework has no such code.
    NoSuchItem { from: String, to: String },
    /// The code is a criterion grouping items, which holds no answer.
    Group { from: String, to: String },
    /// Two answers would land on one item.
    SameTarget { to: String, from: Vec<String> },
}

/// What happened to one answered item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCarry {
    pub from: String,
    /// The code it has in the new framework; `None` when it was not carried.
    pub to: Option<String>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Value, evidence and texts, as they were (a level may have a new id for the same label).
    Whole,
    /// A checklist whose ticked sub-points are partly gone: these labels (or ids) were dropped.
    Partly { dropped: Vec<String> },
    /// Its evidence, giải trình or note moved; the value did not, for this reason.
    WithoutValue(Reason),
    /// Nothing moved (an answer whose value was all it had counts here too).
    NotCarried(Reason),
}

/// Why a value (or a whole answer) stayed behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The new framework has no item with this code, and none was mapped by hand.
    NoSuchItem,
    /// The officer chose to leave it.
    LeftBehind,
    /// The code is a criterion grouping items in the new framework.
    Group,
    /// The item is now scored another way. `was` is the old rule's kind, when known.
    RuleChanged {
        was: Option<RuleKind>,
        now: RuleKind,
    },
    /// The chosen level has no counterpart (by id or label) among the new levels.
    LevelGone {
        level: String,
    },
    /// None of the ticked sub-points exist any more.
    SubPointsGone,
    NoTaskNotAllowed,
    NotApplicableNotAllowed,
    /// A survey estimate above the new maximum.
    EstimateAboveMax {
        estimate: Points,
        max: Points,
    },
}

/// The carried content, and the account of every answered item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    pub answers: Answers,
    /// Khó khăn, vướng mắc: kept when the year stays the same, since they are the year's.
    pub remarks: String,
    /// One per answered item of the source, in the old framework's order.
    pub items: Vec<ItemCarry>,
    /// Ids of documents in the register dated in another year than the new one.
    pub outside_year: Vec<String>,
    /// Scored items of the new framework left with no value to answer.
    pub to_answer: usize,
}

impl Carried {
    /// How many answered items arrive with their value.
    pub fn with_value(&self) -> usize {
        self.items
            .iter()
            .filter(|c| matches!(c.outcome, Outcome::Whole | Outcome::Partly { .. }))
            .count()
    }

    /// The items not carried whole, for the list shown before anything is created.
    pub fn left(&self) -> impl Iterator<Item = &ItemCarry> {
        self.items
            .iter()
            .filter(|c| !matches!(c.outcome, Outcome::Whole))
    }

    /// The new draft: the framework carried into, the source's unit, the carried answers.
    pub fn into_draft(self, id: String, into: &Framework, unit: UnitRef, now: String) -> Draft {
        let mut draft = Draft::new(id, FrameworkRef::of(into), unit, self.answers.year, now);
        draft.answers = self.answers;
        draft.remarks = self.remarks;
        draft
    }
}

/// Carries a draft's answers as `carry` says, or says why it cannot.
pub fn carry(carry: &Carry) -> Result<Carried, Refusal> {
    let Carry {
        from,
        old,
        into,
        year,
        renames,
    } = *carry;
    if let Some(old) = old
        && old.unit_type != into.unit_type
    {
        return Err(Refusal::UnitType {
            from: old.unit_type,
            into: into.unit_type,
        });
    }
    let (first, last) = into.years;
    if year < first || last.is_some_and(|l| year > l) {
        return Err(Refusal::YearOutside {
            year,
            from: first,
            to: last,
        });
    }
    let targets = targets(from, into, renames)?;

    let mut answers = Answers {
        year,
        items: BTreeMap::new(),
        evidence: from.answers.evidence.clone(),
    };
    let mut items = Vec::new();
    for code in answered_in_order(from, old) {
        let answer = &from.answers.items[&code];
        let target = targets.get(&code).cloned().flatten();
        let outcome = match (&target, renames.get(&code)) {
            (None, Some(None)) => Outcome::NotCarried(Reason::LeftBehind),
            (None, _) => Outcome::NotCarried(Reason::NoSuchItem),
            (Some(to), _) => match into.node(to) {
                Some(node) => match node.rule() {
                    Some(rule) => {
                        let old_node = old.and_then(|o| o.node(&code));
                        match move_answer(answer, old_node, node, rule) {
                            // Nothing but the value was there to move.
                            (moved, Outcome::WithoutValue(reason))
                                if moved == Answer::default() =>
                            {
                                Outcome::NotCarried(reason)
                            }
                            (moved, outcome) => {
                                answers.items.insert(to.clone(), moved);
                                outcome
                            }
                        }
                    }
                    None => Outcome::NotCarried(Reason::Group),
                },
                None => Outcome::NotCarried(Reason::NoSuchItem),
            },
        };
        let to = target.filter(|_| !matches!(outcome, Outcome::NotCarried(_)));
        items.push(ItemCarry {
            from: code,
            to,
            outcome,
        });
    }
    answers.items.retain(|_, a| *a != Answer::default());
    let outside_year = answers
        .evidence
        .iter()
        .filter(|e| e.year().is_some_and(|y| y != year))
        .map(|e| e.id.clone())
        .collect();
    let to_answer = into
        .items()
        .iter()
        .filter(|n| answers.items.get(&n.code).is_none_or(|a| a.value.is_none()))
        .count();
    Ok(Carried {
        answers,
        remarks: if year == from.answers.year {
            from.remarks.clone()
        } else {
            String::new()
        },
        items,
        outside_year,
        to_answer,
    })
}

/// Old codes the comparison of the two frameworks finds under another code (the same title),
/// among those the draft answered: offered as renames for the officer to keep or change.
pub fn suggested_renames(from: &Draft, old: &Framework, into: &Framework) -> Renames {
    compare(old, into)
        .changes
        .into_iter()
        .filter_map(|c| match c {
            ItemChange::Moved { old, new, .. } if from.answers.items.contains_key(&old.code) => {
                Some((old.code, Some(new.code)))
            }
            _ => None,
        })
        .collect()
}

/// Where each answered code goes: by hand where mapped, else to the same code when the new
/// framework has it.
fn targets(
    from: &Draft,
    into: &Framework,
    renames: &Renames,
) -> Result<BTreeMap<String, Option<String>>, Refusal> {
    let mut problems = Vec::new();
    for (old, new) in renames {
        if !from.answers.items.contains_key(old) {
            problems.push(RenameProblem::NoAnswer { from: old.clone() });
            continue;
        }
        let Some(new) = new else { continue };
        match into.node(new) {
            None => problems.push(RenameProblem::NoSuchItem {
                from: old.clone(),
                to: new.clone(),
            }),
            Some(n) if !n.is_item() => problems.push(RenameProblem::Group {
                from: old.clone(),
                to: new.clone(),
            }),
            Some(_) => {}
        }
    }
    let targets: BTreeMap<String, Option<String>> = from
        .answers
        .items
        .keys()
        .map(|code| {
            let to = match renames.get(code) {
                Some(to) => to.clone(),
                None => into.node(code).map(|n| n.code.clone()),
            };
            (code.clone(), to)
        })
        .collect();
    let mut by_target: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (old, new) in &targets {
        if let Some(new) = new {
            by_target.entry(new).or_default().push(old.clone());
        }
    }
    for (to, from) in by_target {
        if from.len() > 1 {
            problems.push(RenameProblem::SameTarget {
                to: to.to_string(),
                from,
            });
        }
    }
    if problems.is_empty() {
        Ok(targets)
    } else {
        Err(Refusal::Renames(problems))
    }
}

/// The answered codes: the old framework's order first, then any it lacks in code order.
fn answered_in_order(from: &Draft, old: Option<&Framework>) -> Vec<String> {
    let mut out: Vec<String> = old
        .map(|o| {
            o.walk()
                .into_iter()
                .map(|n| n.code.clone())
                .filter(|c| from.answers.items.contains_key(c))
                .collect()
        })
        .unwrap_or_default();
    let seen: HashSet<String> = out.iter().cloned().collect();
    out.extend(
        from.answers
            .items
            .keys()
            .filter(|c| !seen.contains(*c))
            .cloned(),
    );
    out
}

/// One answer moved onto the new item: evidence and texts always, the value when the rule takes it.
fn move_answer(
    answer: &Answer,
    old_node: Option<&Node>,
    node: &Node,
    rule: &Rule,
) -> (Answer, Outcome) {
    let mut moved = Answer {
        value: None,
        ..answer.clone()
    };
    let Some(value) = &answer.value else {
        return (moved, Outcome::Whole);
    };
    let old_rule = old_node.and_then(Node::rule);
    let changed = || Reason::RuleChanged {
        was: old_rule.map(Rule::kind),
        now: rule.kind(),
    };
    let carried = match (value, rule) {
        (Value::NoTask, _) if node.allow_no_task && !rule.is_survey() => Ok(value.clone()),
        (Value::NoTask, _) => Err(Reason::NoTaskNotAllowed),
        (Value::NotApplicable { .. }, _) if node.allow_not_applicable => Ok(value.clone()),
        (Value::NotApplicable { .. }, _) => Err(Reason::NotApplicableNotAllowed),
        (Value::YesNo { .. }, Rule::YesNo { .. })
        | (Value::Ratio { .. }, Rule::PercentBands { .. } | Rule::Proportional { .. })
        | (Value::Count { .. }, Rule::CountBands { .. } | Rule::PerCount { .. }) => {
            Ok(value.clone())
        }
        (Value::Level { id }, Rule::Levels { levels }) => {
            let old_levels = match old_rule {
                Some(Rule::Levels { levels }) => levels.as_slice(),
                _ => &[],
            };
            match counterpart(id, old_levels, levels) {
                Some(id) => Ok(Value::Level { id }),
                None => Err(Reason::LevelGone {
                    level: label_of(id, old_levels),
                }),
            }
        }
        (Value::Checklist { ticked }, Rule::Checklist { items }) => {
            let old_items = match old_rule {
                Some(Rule::Checklist { items }) => items.as_slice(),
                _ => &[],
            };
            let mut kept = BTreeSet::new();
            let mut dropped = Vec::new();
            for id in ticked {
                match counterpart(id, old_items, items) {
                    Some(new) => {
                        kept.insert(new);
                    }
                    None => dropped.push(label_of(id, old_items)),
                }
            }
            if kept.is_empty() && !ticked.is_empty() {
                Err(Reason::SubPointsGone)
            } else {
                moved.value = Some(Value::Checklist { ticked: kept });
                let outcome = if dropped.is_empty() {
                    Outcome::Whole
                } else {
                    Outcome::Partly { dropped }
                };
                return (moved, outcome);
            }
        }
        (Value::Estimate { points }, Rule::Survey { .. }) if *points <= node.max => {
            Ok(value.clone())
        }
        (Value::Estimate { points }, Rule::Survey { .. }) => Err(Reason::EstimateAboveMax {
            estimate: *points,
            max: node.max,
        }),
        _ => Err(changed()),
    };
    match carried {
        Ok(value) => {
            moved.value = Some(value);
            (moved, Outcome::Whole)
        }
        Err(reason) => (moved, Outcome::WithoutValue(reason)),
    }
}

/// The new option standing for an old one: the same id, else the same label.
fn counterpart(id: &str, old: &[Choice], new: &[Choice]) -> Option<String> {
    if new.iter().any(|c| c.id == id) {
        return Some(id.to_string());
    }
    let label = title_key(&old.iter().find(|c| c.id == id)?.label);
    new.iter()
        .find(|c| title_key(&c.label) == label)
        .map(|c| c.id.clone())
}

fn label_of(id: &str, options: &[Choice]) -> String {
    options
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.label.vi.clone())
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::UnitType { from, into }, Lang::Vi) => format!(
                "Không chuyển được: bản nháp là của {} còn bộ tiêu chí này dành cho {}. Hãy chọn bộ tiêu chí cùng cấp đơn vị.",
                from.label(lang),
                into.label(lang)
            ),
            (Refusal::UnitType { from, into }, Lang::En) => format!(
                "Cannot carry: the draft is a {}'s and this framework is for {}. Choose a framework for the same kind of unit.",
                from.label(lang),
                into.label(lang)
            ),
            (Refusal::YearOutside { year, from, to }, _) => {
                let span = match (to, lang) {
                    (Some(to), _) => format!("{from}–{to}"),
                    (None, Lang::Vi) => format!("từ {from}"),
                    (None, Lang::En) => format!("from {from}"),
                };
                match lang {
                    Lang::Vi => {
                        format!("Bộ tiêu chí này áp dụng cho các năm {span}, không gồm năm {year}.")
                    }
                    Lang::En => format!("This framework applies to {span}, not to {year}."),
                }
            }
            (Refusal::Renames(problems), _) => problems
                .iter()
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

impl RenameProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RenameProblem::NoAnswer { from }, Lang::Vi) => {
                format!("Bản nháp không có câu trả lời cho mã {from}.")
            }
            (RenameProblem::NoAnswer { from }, Lang::En) => {
                format!("The draft has no answer under {from}.")
            }
            (RenameProblem::NoSuchItem { from, to }, Lang::Vi) => {
                format!("{from} → {to}: bộ tiêu chí mới không có mã {to}.")
            }
            (RenameProblem::NoSuchItem { from, to }, Lang::En) => {
                format!("{from} → {to}: the new framework has no code {to}.")
            }
            (RenameProblem::Group { from, to }, Lang::Vi) => format!(
                "{from} → {to}: {to} là tiêu chí gồm các tiêu chí thành phần, không nhận câu trả lời; hãy chọn một tiêu chí thành phần."
            ),
            (RenameProblem::Group { from, to }, Lang::En) => format!(
                "{from} → {to}: {to} groups other items and takes no answer; choose one of its items."
            ),
            (RenameProblem::SameTarget { to, from }, Lang::Vi) => format!(
                "{} cùng chuyển vào mã {to}: mỗi tiêu chí chỉ nhận một câu trả lời.",
                from.join(", ")
            ),
            (RenameProblem::SameTarget { to, from }, Lang::En) => format!(
                "{} would all go to {to}: an item takes one answer.",
                from.join(", ")
            ),
        }
    }
}

impl Reason {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::NoSuchItem, Lang::Vi) => {
                "Bộ tiêu chí mới không có mã này; có thể đổi mã bằng tay.".into()
            }
            (Reason::NoSuchItem, Lang::En) => {
                "The new framework has no such code; it can be mapped by hand.".into()
            }
            (Reason::LeftBehind, Lang::Vi) => "Để lại theo lựa chọn của bạn.".into(),
            (Reason::LeftBehind, Lang::En) => "Left behind, as you chose.".into(),
            (Reason::Group, Lang::Vi) => {
                "Mã này trong bộ tiêu chí mới là tiêu chí gồm các tiêu chí thành phần.".into()
            }
            (Reason::Group, Lang::En) => {
                "In the new framework this code groups other items.".into()
            }
            (
                Reason::RuleChanged {
                    was: Some(was),
                    now,
                },
                Lang::Vi,
            ) => format!(
                "Cách chấm đổi từ “{}” sang “{}”.",
                was.label(lang),
                now.label(lang)
            ),
            (
                Reason::RuleChanged {
                    was: Some(was),
                    now,
                },
                Lang::En,
            ) => format!(
                "Scored another way: “{}” became “{}”.",
                was.label(lang),
                now.label(lang)
            ),
            (Reason::RuleChanged { was: None, now }, Lang::Vi) => format!(
                "Câu trả lời không hợp với cách chấm “{}” của tiêu chí mới.",
                now.label(lang)
            ),
            (Reason::RuleChanged { was: None, now }, Lang::En) => format!(
                "The answer does not fit the new item's way of scoring, “{}”.",
                now.label(lang)
            ),
            (Reason::LevelGone { level }, Lang::Vi) => {
                format!("Mức “{level}” không còn trong tiêu chí mới.")
            }
            (Reason::LevelGone { level }, Lang::En) => {
                format!("The level “{level}” is no longer in the item.")
            }
            (Reason::SubPointsGone, Lang::Vi) => {
                "Các nội dung đã đánh dấu không còn trong tiêu chí mới.".into()
            }
            (Reason::SubPointsGone, Lang::En) => {
                "None of the ticked sub-points remain in the item.".into()
            }
            (Reason::NoTaskNotAllowed, Lang::Vi) => {
                "Tiêu chí mới không cho khai “không phát sinh nhiệm vụ”.".into()
            }
            (Reason::NoTaskNotAllowed, Lang::En) => {
                "The new item does not allow “no task this year”.".into()
            }
            (Reason::NotApplicableNotAllowed, Lang::Vi) => {
                "Tiêu chí mới không cho khai “không áp dụng”.".into()
            }
            (Reason::NotApplicableNotAllowed, Lang::En) => {
                "The new item does not allow “not applicable”.".into()
            }
            (Reason::EstimateAboveMax { estimate, max }, _) => match lang {
                Lang::Vi => format!(
                    "Điểm ước tính {} vượt điểm tối đa mới {}.",
                    estimate.format(lang),
                    max.format(lang)
                ),
                Lang::En => format!(
                    "The estimate {} is above the new maximum {}.",
                    estimate.format(lang),
                    max.format(lang)
                ),
            },
        }
    }
}

impl Outcome {
    /// How the account of an item reads: the reason, or the sub-points dropped.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Outcome::Whole, Lang::Vi) => "Chuyển đủ.".into(),
            (Outcome::Whole, Lang::En) => "Carried whole.".into(),
            (Outcome::Partly { dropped }, Lang::Vi) => format!(
                "Chuyển, trừ các nội dung không còn: {}.",
                dropped.join("; ")
            ),
            (Outcome::Partly { dropped }, Lang::En) => {
                format!("Carried, less the sub-points gone: {}.", dropped.join("; "))
            }
            (Outcome::WithoutValue(reason), Lang::Vi) => format!(
                "Chỉ chuyển tài liệu, giải trình, ghi chú. {}",
                reason.message(lang)
            ),
            (Outcome::WithoutValue(reason), Lang::En) => format!(
                "Evidence, giải trình and note carried, not the answer. {}",
                reason.message(lang)
            ),
            (Outcome::NotCarried(reason), _) => reason.message(lang),
        }
    }
}
