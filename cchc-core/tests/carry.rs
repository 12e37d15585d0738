//! Answers carried into another framework, data-driven: `tests/carry/cases.json` answers the
//! shipped cấp xã framework, edits a copy of it (or names another shipped one) and says what each
//! answered item became; failures are named `[case]` and all listed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use cchc_core::Lang;
use cchc_core::answer::{Answer, Evidence};
use cchc_core::carry::{
    Carry, Outcome, Reason, Refusal, RenameProblem, Renames, carry, suggested_renames,
};
use cchc_core::draft::{Draft, FrameworkRef, UnitRef};
use cchc_core::framework::Framework;
use serde::Deserialize;
use serde_json::Value;

mod common;
use common::{apply, builtin_text};

#[derive(Deserialize)]
struct Cases {
    answers: BTreeMap<String, Answer>,
    evidence: Vec<Evidence>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    /// The source draft's year.
    #[serde(default = "year")]
    from_year: u16,
    #[serde(default = "year")]
    year: u16,
    /// Answers added to (or, as `null`, taken from) the shared ones.
    #[serde(default)]
    answers: BTreeMap<String, Option<Answer>>,
    /// Another shipped framework to carry into, instead of the edited copy.
    #[serde(default)]
    into: Option<String>,
    #[serde(default)]
    edits: Vec<Value>,
    #[serde(default)]
    renames: Renames,
    /// The renames the comparison suggests are used (and must be these).
    #[serde(default)]
    suggested: Option<Renames>,
    /// The old framework is not in the app.
    #[serde(default)]
    old_unknown: bool,
    #[serde(default)]
    expect: Expect,
}

#[derive(Deserialize, Default)]
struct Expect {
    /// The refusal, by name: unit_type, year_outside, or the rename problems.
    #[serde(default)]
    refused: Option<Vec<String>>,
    /// Only the items not carried whole, `FROM → TO how` or `FROM not carried: reason`.
    #[serde(default)]
    left: Vec<String>,
    /// Values the new draft holds, by new code (`null`: no value).
    #[serde(default)]
    values: BTreeMap<String, Option<Value>>,
    /// Evidence the new draft's item cites, by new code.
    #[serde(default)]
    cites: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    outside_year: Vec<String>,
    #[serde(default)]
    remarks_kept: Option<bool>,
}

fn year() -> u16 {
    2025
}

fn reason_name(r: &Reason) -> &'static str {
    match r {
        Reason::NoSuchItem => "no_such_item",
        Reason::LeftBehind => "left_behind",
        Reason::Group => "group",
        Reason::RuleChanged { was: Some(_), .. } => "rule_changed",
        Reason::RuleChanged { was: None, .. } => "does_not_fit",
        Reason::LevelGone { .. } => "level_gone",
        Reason::SubPointsGone => "sub_points_gone",
        Reason::NoTaskNotAllowed => "no_task_not_allowed",
        Reason::NotApplicableNotAllowed => "not_applicable_not_allowed",
        Reason::EstimateAboveMax { .. } => "estimate_above_max",
    }
}

fn refusal_names(r: &Refusal) -> Vec<String> {
    match r {
        Refusal::UnitType { .. } => vec!["unit_type".into()],
        Refusal::YearOutside { .. } => vec!["year_outside".into()],
        Refusal::Renames(problems) => problems
            .iter()
            .map(|p| match p {
                RenameProblem::NoAnswer { from } => format!("no_answer {from}"),
                RenameProblem::NoSuchItem { from, to } => format!("no_such_item {from} → {to}"),
                RenameProblem::Group { from, to } => format!("group {from} → {to}"),
                RenameProblem::SameTarget { to, from } => {
                    format!("same_target {} → {to}", from.join(", "))
                }
            })
            .collect(),
    }
}

fn base() -> &'static str {
    builtin_text("mau-cap-xa.json")
}

fn source(cases: &Cases, case: &Case) -> Draft {
    let old = Framework::from_json(base()).unwrap();
    let mut draft = Draft::new(
        "nguon".into(),
        FrameworkRef::of(&old),
        UnitRef {
            id: Some("xa-1".into()),
            name: "UBND xã Thử".into(),
        },
        case.from_year,
        "2025-12-01T08:00:00Z".into(),
    );
    draft.answers.items = cases.answers.clone();
    for (code, answer) in &case.answers {
        match answer {
            Some(a) => draft.answers.items.insert(code.clone(), a.clone()),
            None => draft.answers.items.remove(code),
        };
    }
    draft.answers.evidence = cases.evidence.clone();
    draft.remarks = "Thiếu cán bộ chuyên trách.".into();
    draft
}

fn check(cases: &Cases, case: &Case) -> Result<Vec<String>, String> {
    let old = Framework::from_json(base()).unwrap();
    let text = match &case.into {
        Some(file) => builtin_text(file).to_string(),
        None => {
            let mut v: Value = serde_json::from_str(base()).unwrap();
            for e in &case.edits {
                apply(&mut v, e);
            }
            v.to_string()
        }
    };
    let into = Framework::from_json(&text)
        .map_err(|e| format!("the framework carried into does not load: {e:?}"))?;
    let from = source(cases, case);
    let original = from.clone();
    let renames = match &case.suggested {
        Some(want) => {
            let got = suggested_renames(&from, &old, &into);
            if &got != want {
                return Err(format!("suggested {got:?}, expected {want:?}"));
            }
            got
        }
        None => case.renames.clone(),
    };
    let result = carry(&Carry {
        from: &from,
        old: (!case.old_unknown).then_some(&old),
        into: &into,
        year: case.year,
        renames: &renames,
    });
    assert_eq!(from, original, "the source is never changed");
    let e = &case.expect;
    let mut fails = Vec::new();
    let carried = match (result, &e.refused) {
        (Err(r), Some(want)) => {
            let got = refusal_names(&r);
            if &got != want {
                fails.push(format!("refused {got:?}, expected {want:?}"));
            }
            for lang in [Lang::Vi, Lang::En] {
                if r.message(lang).trim().is_empty() {
                    fails.push(format!("the refusal says nothing in {lang:?}"));
                }
            }
            return Ok(fails);
        }
        (Err(r), None) => return Err(format!("refused: {}", r.message(Lang::En))),
        (Ok(_), Some(want)) => return Err(format!("carried, expected refusal {want:?}")),
        (Ok(c), None) => c,
    };
    // Every answered item is accounted for once, and only what is listed is left.
    let mut accounted: Vec<&str> = carried.items.iter().map(|c| c.from.as_str()).collect();
    accounted.sort();
    let answered: Vec<&str> = from.answers.items.keys().map(String::as_str).collect();
    if accounted != answered {
        fails.push(format!(
            "accounted for {accounted:?}, answered {answered:?}"
        ));
    }
    let left: Vec<String> = carried
        .left()
        .map(|c| {
            let to = c.to.as_deref().unwrap_or("");
            match &c.outcome {
                Outcome::Whole => unreachable!(),
                Outcome::Partly { dropped } => {
                    format!("{} → {to} partly: {}", c.from, dropped.join("; "))
                }
                Outcome::WithoutValue(r) => {
                    format!("{} → {to} without value: {}", c.from, reason_name(r))
                }
                Outcome::NotCarried(r) => format!("{} not carried: {}", c.from, reason_name(r)),
            }
        })
        .collect();
    if left != e.left {
        fails.push(format!(
            "left\n    got      {left:?}\n    expected {:?}",
            e.left
        ));
    }
    for c in &carried.items {
        for lang in [Lang::Vi, Lang::En] {
            if c.outcome.message(lang).trim().is_empty() {
                fails.push(format!("{}: the account says nothing in {lang:?}", c.from));
            }
        }
    }
    for (code, want) in &e.values {
        let got = carried
            .answers
            .items
            .get(code)
            .and_then(|a| a.value.as_ref())
            .map(|v| serde_json::to_value(v).unwrap());
        if &got != want {
            fails.push(format!("{code}: value {got:?}, expected {want:?}"));
        }
    }
    for (code, want) in &e.cites {
        let got = carried
            .answers
            .items
            .get(code)
            .map(|a| a.evidence.clone())
            .unwrap_or_default();
        if &got != want {
            fails.push(format!("{code}: cites {got:?}, expected {want:?}"));
        }
    }
    if carried.answers.evidence != from.answers.evidence {
        fails.push("the evidence register did not move whole".into());
    }
    if carried.outside_year != e.outside_year {
        fails.push(format!(
            "outside the year {:?}, expected {:?}",
            carried.outside_year, e.outside_year
        ));
    }
    if let Some(kept) = e.remarks_kept
        && kept != (carried.remarks == from.remarks)
    {
        fails.push(format!("remarks kept: expected {kept}"));
    }
    if carried.answers.year != case.year {
        fails.push("the new answers are not of the year asked".into());
    }
    // Every carried value scores without an answer-does-not-fit issue.
    let sc = cchc_core::score(&into, &carried.answers);
    for n in into.items() {
        let issues = &sc.node(&n.code).unwrap().issues;
        if issues
            .iter()
            .any(|i| matches!(i, cchc_core::scoring::Issue::AnswerDoesNotFitRule))
        {
            fails.push(format!("{}: the carried value does not fit", n.code));
        }
    }
    let draft = carried.into_draft(
        "moi".into(),
        &into,
        from.unit.clone(),
        "2026-01-05T08:00:00Z".into(),
    );
    if draft.framework.id != into.id || draft.unit != from.unit || draft.id == from.id {
        fails.push("the new draft is not a new draft of the same unit on the new framework".into());
    }
    Ok(fails)
}

#[test]
fn each_case_carries_what_it_says() {
    let cases: Cases = serde_json::from_str(include_str!("carry/cases.json")).unwrap();
    let mut failures = Vec::new();
    for case in &cases.cases {
        match check(&cases, case) {
            Ok(fails) => failures.extend(fails.into_iter().map(|f| format!("[{}] {f}", case.name))),
            Err(e) => failures.push(format!("[{}] {e}", case.name)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_cases_cover_every_reason_and_refusal() {
    let text = include_str!("carry/cases.json");
    for name in [
        "no_such_item",
        "left_behind",
        "group",
        "rule_changed",
        "does_not_fit",
        "level_gone",
        "sub_points_gone",
        "no_task_not_allowed",
        "not_applicable_not_allowed",
        "estimate_above_max",
        "partly",
        "unit_type",
        "year_outside",
        "no_answer",
        "same_target",
    ] {
        assert!(text.contains(name), "no case says {name}");
    }
}
