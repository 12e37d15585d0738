//! The comparison of two frameworks, data-driven: `tests/compare/cases.json` edits the shipped sở
//! framework and says what the comparison must list; failures are named `[case]` and all listed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::compare::{Difference, ItemChange, compare, rule_lines};
use cchc_core::framework::Framework;
use cchc_core::{Lang, builtin};
use serde::Deserialize;
use serde_json::Value;

mod common;
use common::{apply, builtin_text};

#[derive(Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    edits: Vec<Value>,
    changes: Vec<String>,
}

fn base_text() -> &'static str {
    builtin_text("soc-trang-cap-so.json")
}

fn difference_name(d: &Difference) -> &'static str {
    match d {
        Difference::Title { .. } => "title",
        Difference::Max { .. } => "max",
        Difference::RuleKind { .. } => "rule_kind",
        Difference::Rule { .. } => "rule",
        Difference::Guidance => "guidance",
        Difference::Evidence => "evidence",
        Difference::Options => "options",
    }
}

fn said(c: &ItemChange) -> String {
    let list = |ds: &[Difference]| {
        ds.iter()
            .map(difference_name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match c {
        ItemChange::Added { new } => format!("added {}", new.code),
        ItemChange::Removed { old } => format!("removed {}", old.code),
        ItemChange::Moved {
            old,
            new,
            differences,
        } if differences.is_empty() => format!("moved {} → {}", old.code, new.code),
        ItemChange::Moved {
            old,
            new,
            differences,
        } => format!("moved {} → {}: {}", old.code, new.code, list(differences)),
        ItemChange::Changed {
            new, differences, ..
        } => format!("changed {}: {}", new.code, list(differences)),
    }
}

#[test]
fn the_comparison_lists_what_each_case_changed() {
    let cases: Cases = serde_json::from_str(include_str!("compare/cases.json")).unwrap();
    let old = Framework::from_json(base_text()).unwrap();
    let items = old.items().len();
    let mut failures = Vec::new();
    for case in &cases.cases {
        let mut v: Value = serde_json::from_str(base_text()).unwrap();
        for e in &case.edits {
            apply(&mut v, e);
        }
        let new = match Framework::from_json(&v.to_string()) {
            Ok(f) => f,
            Err(errors) => {
                failures.push(format!(
                    "[{}] the edited framework does not load: {errors:?}",
                    case.name
                ));
                continue;
            }
        };
        let cmp = compare(&old, &new);
        let got: Vec<String> = cmp.changes.iter().map(said).collect();
        if got != case.changes {
            failures.push(format!(
                "[{}]\n  got      {got:?}\n  expected {:?}",
                case.name, case.changes
            ));
        }
        // Every old item is unchanged, changed, moved or removed; every new one unchanged,
        // changed, moved or added.
        let gone = cmp.count(|c| matches!(c, ItemChange::Removed { .. }));
        let came = cmp.count(|c| matches!(c, ItemChange::Added { .. }));
        let kept = cmp.changes.len() - gone - came;
        assert_eq!(cmp.unchanged + kept + gone, items, "[{}]", case.name);
        assert_eq!(
            cmp.unchanged + kept + came,
            new.items().len(),
            "[{}]",
            case.name
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn two_unit_types_are_compared_field_by_field_with_their_maxima_and_item_counts() {
    let fws: Vec<Framework> = builtin::frameworks()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let (so, xa) = (&fws[0], &fws[1]);
    let cmp = compare(so, xa);
    assert_eq!(cmp.fields.len(), xa.fields.len().max(so.fields.len()));
    for row in &cmp.fields {
        let n = xa.fields.iter().find(|f| f.code == row.code);
        let o = so.fields.iter().find(|f| f.code == row.code);
        assert_eq!(row.new_max, n.map(|n| n.max), "{}", row.code);
        assert_eq!(row.old_max, o.map(|o| o.max), "{}", row.code);
        assert_eq!(
            row.new_items,
            n.map_or(0, |n| n.items().len()),
            "{}",
            row.code
        );
    }
    let first = &cmp.fields[0];
    assert_eq!(first.code, "1");
    assert!(first.old_title.is_some() && first.new_title.is_some());
}

#[test]
fn a_rule_reads_as_lines_of_points_in_both_languages() {
    let fw = Framework::from_json(base_text()).unwrap();
    let levels = fw.node("1.1.1").unwrap().rule().unwrap();
    let vi = rule_lines(levels, Lang::Vi);
    assert_eq!(vi.len(), 3);
    assert!(vi[0].ends_with(": 1 điểm"), "{vi:?}");
    let bands = fw.node("1.1.3").unwrap().rule().unwrap();
    let en = rule_lines(bands, Lang::En);
    assert!(
        en.iter().any(|l| l.contains('%') && l.ends_with("pts")),
        "{en:?}"
    );
    assert!(en.last().unwrap().starts_with("zero denominator"), "{en:?}");
}
