//! Two frameworks side by side — two versions of a province's criteria, or two provinces': the
//! fields with their maxima and item counts, and every scored item added, removed, moved (the same
//! wording under another code) or changed (its maximum, its way of scoring, its levels, bands or
//! points, its wording).
//!
//! Items are matched by code first, then, among those left, by their title as an officer reads it
//! (case, spacing and accents as typed aside), so that a renumbered item is "moved", not "removed"
//! and "added".

use std::collections::HashMap;

use crate::framework::{Framework, Node, Rule, RuleKind, WhenZero};
use crate::points::Points;
use crate::text::{Lang, Text, fold_diacritics};

/// A field (lĩnh vực) in either framework, matched by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRow {
    pub code: String,
    pub old_title: Option<Text>,
    pub new_title: Option<Text>,
    pub old_max: Option<Points>,
    pub new_max: Option<Points>,
    pub old_items: usize,
    pub new_items: usize,
}

/// What differs between an item and its match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    Title {
        old: Text,
        new: Text,
    },
    Max {
        old: Points,
        new: Points,
    },
    RuleKind {
        old: RuleKind,
        new: RuleKind,
    },
    /// The same kind of rule with other levels, bands, items, points or edges.
    Rule {
        old: Rule,
        new: Rule,
    },
    Guidance,
    Evidence,
    /// Whether the item may be declared not applicable, or without a task this year.
    Options,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemChange {
    Added {
        new: Node,
    },
    Removed {
        old: Node,
    },
    /// The same item under another code (renumbered, or put under another criterion).
    Moved {
        old: Node,
        new: Node,
        differences: Vec<Difference>,
    },
    Changed {
        old: Node,
        new: Node,
        differences: Vec<Difference>,
    },
}

impl ItemChange {
    /// The code it has in the new framework, else the old one: the order changes are listed in.
    pub fn code(&self) -> &str {
        match self {
            ItemChange::Added { new }
            | ItemChange::Moved { new, .. }
            | ItemChange::Changed { new, .. } => &new.code,
            ItemChange::Removed { old } => &old.code,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub fields: Vec<FieldRow>,
    /// Every item that differs, in the new framework's order (removed ones at their old place).
    pub changes: Vec<ItemChange>,
    /// Items found unchanged in both.
    pub unchanged: usize,
}

impl Comparison {
    pub fn count(&self, kind: fn(&ItemChange) -> bool) -> usize {
        self.changes.iter().filter(|c| kind(c)).count()
    }
}

/// A title as an officer reads it.
pub(crate) fn title_key(t: &Text) -> String {
    fold_diacritics(&t.vi)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn differences(old: &Node, new: &Node) -> Vec<Difference> {
    let mut out = Vec::new();
    if old.title.vi.trim() != new.title.vi.trim() {
        out.push(Difference::Title {
            old: old.title.clone(),
            new: new.title.clone(),
        });
    }
    if old.max != new.max {
        out.push(Difference::Max {
            old: old.max,
            new: new.max,
        });
    }
    match (old.rule(), new.rule()) {
        (Some(a), Some(b)) if a.kind() != b.kind() => out.push(Difference::RuleKind {
            old: a.kind(),
            new: b.kind(),
        }),
        // Yes points that follow the item's maximum change with it: said once, as the max.
        (Some(Rule::YesNo { yes_points: a }), Some(Rule::YesNo { yes_points: b }))
            if *a == old.max && *b == new.max => {}
        (Some(a), Some(b)) if a != b => out.push(Difference::Rule {
            old: a.clone(),
            new: b.clone(),
        }),
        _ => {}
    }
    let text = |t: &Option<Text>| t.as_ref().map(|t| t.vi.trim().to_string());
    if text(&old.guidance) != text(&new.guidance) {
        out.push(Difference::Guidance);
    }
    if text(&old.evidence) != text(&new.evidence) {
        out.push(Difference::Evidence);
    }
    if (old.allow_not_applicable, old.allow_no_task)
        != (new.allow_not_applicable, new.allow_no_task)
    {
        out.push(Difference::Options);
    }
    out
}

/// Compares `old` with `new`.
pub fn compare(old: &Framework, new: &Framework) -> Comparison {
    let old_items = old.items();
    let new_items = new.items();
    // Matches: new item index → old item index.
    let mut matched: HashMap<usize, usize> = HashMap::new();
    let mut old_taken = vec![false; old_items.len()];
    let old_by_code: HashMap<&str, usize> = old_items
        .iter()
        .enumerate()
        .map(|(i, n)| (n.code.as_str(), i))
        .collect();
    for (j, n) in new_items.iter().enumerate() {
        if let Some(&i) = old_by_code.get(n.code.as_str()) {
            matched.insert(j, i);
            old_taken[i] = true;
        }
    }
    // Left over on both sides: the same title is the same item under another code. Only a title
    // left once on each side is matched; two items of one title stay added and removed.
    let mut old_by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in old_items.iter().enumerate() {
        if !old_taken[i] {
            old_by_title.entry(title_key(&n.title)).or_default().push(i);
        }
    }
    let mut new_by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, n) in new_items.iter().enumerate() {
        if !matched.contains_key(&j) {
            new_by_title.entry(title_key(&n.title)).or_default().push(j);
        }
    }
    let mut moved: HashMap<usize, usize> = HashMap::new();
    for (title, js) in &new_by_title {
        if let (Some(is), [j]) = (old_by_title.get(title), js.as_slice())
            && let [i] = is.as_slice()
        {
            moved.insert(*j, *i);
            old_taken[*i] = true;
        }
    }

    // A removed item is listed where it stood: after the item that came before it in the old
    // framework, wherever that one is now (at the start when none did).
    let partner_of_old: HashMap<usize, usize> = matched
        .iter()
        .chain(moved.iter())
        .map(|(&j, &i)| (i, j))
        .collect();
    let mut removed_first = Vec::new();
    let mut removed_after: HashMap<usize, Vec<usize>> = HashMap::new();
    for r in (0..old_items.len()).filter(|&i| !old_taken[i]) {
        match (0..r).rev().find_map(|i| partner_of_old.get(&i)) {
            Some(&j) => removed_after.entry(j).or_default().push(r),
            None => removed_first.push(r),
        }
    }
    let removed = |r: &usize| ItemChange::Removed {
        old: old_items[*r].clone(),
    };
    let mut changes: Vec<ItemChange> = removed_first.iter().map(removed).collect();
    let mut unchanged = 0;
    for (j, n) in new_items.iter().enumerate() {
        let new = (*n).clone();
        if let Some(&i) = moved.get(&j) {
            changes.push(ItemChange::Moved {
                old: old_items[i].clone(),
                differences: differences(old_items[i], n),
                new,
            });
        } else if let Some(&i) = matched.get(&j) {
            let differences = differences(old_items[i], n);
            if differences.is_empty() {
                unchanged += 1;
            } else {
                changes.push(ItemChange::Changed {
                    old: old_items[i].clone(),
                    new,
                    differences,
                });
            }
        } else {
            changes.push(ItemChange::Added { new });
        }
        if let Some(rs) = removed_after.get(&j) {
            changes.extend(rs.iter().map(removed));
        }
    }

    let mut fields: Vec<FieldRow> = new
        .fields
        .iter()
        .map(|f| {
            let o = old.fields.iter().find(|o| o.code == f.code);
            FieldRow {
                code: f.code.clone(),
                old_title: o.map(|o| o.title.clone()),
                new_title: Some(f.title.clone()),
                old_max: o.map(|o| o.max),
                new_max: Some(f.max),
                old_items: o.map_or(0, |o| o.items().len()),
                new_items: f.items().len(),
            }
        })
        .collect();
    for o in &old.fields {
        if !new.fields.iter().any(|f| f.code == o.code) {
            fields.push(FieldRow {
                code: o.code.clone(),
                old_title: Some(o.title.clone()),
                new_title: None,
                old_max: Some(o.max),
                new_max: None,
                old_items: o.items().len(),
                new_items: 0,
            });
        }
    }
    Comparison {
        fields,
        changes,
        unchanged,
    }
}

fn points(p: Points, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} điểm", p.format_short(lang)),
        Lang::En => format!("{} pts", p.format_short(lang)),
    }
}

fn when_zero(w: WhenZero, lang: Lang) -> String {
    let what = match (w, lang) {
        (WhenZero::Full, Lang::Vi) => "đủ điểm",
        (WhenZero::Zero, Lang::Vi) => "0 điểm",
        (WhenZero::NotApplicable, Lang::Vi) => "không áp dụng",
        (WhenZero::Full, Lang::En) => "full points",
        (WhenZero::Zero, Lang::En) => "0 points",
        (WhenZero::NotApplicable, Lang::En) => "not applicable",
    };
    match lang {
        Lang::Vi => format!("mẫu số bằng 0: {what}"),
        Lang::En => format!("zero denominator: {what}"),
    }
}

/// A rule as lines an officer compares: each level, band or item with its points.
pub fn rule_lines(rule: &Rule, lang: Lang) -> Vec<String> {
    match rule {
        Rule::YesNo { yes_points } => vec![match lang {
            Lang::Vi => format!("Có: {}; không: 0", points(*yes_points, lang)),
            Lang::En => format!("Yes: {}; no: 0", points(*yes_points, lang)),
        }],
        Rule::Levels { levels } | Rule::Checklist { items: levels } => levels
            .iter()
            .map(|c| format!("{}: {}", c.label.get(lang), points(c.points, lang)))
            .collect(),
        Rule::PercentBands {
            bands,
            when_zero: w,
            ..
        } => bands
            .iter()
            .map(|b| format!("{}: {}", b.range.describe(lang), points(b.points, lang)))
            .chain([when_zero(*w, lang)])
            .collect(),
        Rule::Proportional {
            full_at,
            when_zero: w,
            ..
        } => vec![
            match lang {
                Lang::Vi => format!("đủ điểm từ {} %", full_at.format_short(lang)),
                Lang::En => format!("full points from {} %", full_at.format_short(lang)),
            },
            when_zero(*w, lang),
        ],
        Rule::CountBands { bands, .. } => bands
            .iter()
            .map(|b| {
                let range = match b.to {
                    Some(to) if to == b.from => b.from.to_string(),
                    Some(to) => format!("{}–{to}", b.from),
                    None => format!("≥ {}", b.from),
                };
                format!("{range}: {}", points(b.points, lang))
            })
            .collect(),
        Rule::PerCount { points_each, .. } => vec![match lang {
            Lang::Vi => format!("{} mỗi lần", points(*points_each, lang)),
            Lang::En => format!("{} each", points(*points_each, lang)),
        }],
        Rule::Survey { method } => vec![
            method
                .as_ref()
                .map(|m| m.get(lang).to_string())
                .unwrap_or_else(|| RuleKind::Survey.label(lang).to_string()),
        ],
    }
}
