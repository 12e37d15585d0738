//! One harness over the data-driven case files in `tests/cases/`: each case gives a framework,
//! answers and the expected points, statuses, issues and explanation lines; failures are named
//! `[file:case]` and all of them are listed, not just the first.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cchc_core::{Answer, Answers, Evidence, Framework, Lang, Points, Scorecard, score};
use serde::Deserialize;
use serde_json::Value as Json;

#[derive(Deserialize)]
struct CaseFile {
    framework: String,
    cases: Vec<Case>,
}

#[derive(Deserialize, Clone)]
struct Case {
    name: String,
    #[serde(default)]
    extends: Option<String>,
    #[serde(default)]
    year: Option<u16>,
    #[serde(default)]
    evidence: Option<Vec<Evidence>>,
    #[serde(default)]
    answers: BTreeMap<String, Answer>,
    expect: Expect,
}

#[derive(Deserialize, Clone, Default)]
struct Expect {
    #[serde(default)]
    nodes: BTreeMap<String, BTreeMap<String, Json>>,
    #[serde(default)]
    totals: BTreeMap<String, Json>,
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

/// The answers of a case, with those of the case it extends underneath.
fn answers_for(case: &Case, all: &[Case]) -> Answers {
    let mut answers = match &case.extends {
        Some(base) => {
            let base = all
                .iter()
                .find(|c| &c.name == base)
                .unwrap_or_else(|| panic!("case {} extends unknown case {base}", case.name));
            answers_for(base, all)
        }
        None => Answers {
            year: 2025,
            ..Answers::default()
        },
    };
    if let Some(year) = case.year {
        answers.year = year;
    }
    if let Some(evidence) = &case.evidence {
        answers.evidence = evidence.clone();
    }
    answers.items.extend(case.answers.clone());
    answers
}

fn points(v: &Json) -> Points {
    serde_json::from_value(v.clone()).expect("expected points are written as numbers or strings")
}

fn check_node(sc: &Scorecard, code: &str, want: &BTreeMap<String, Json>, fails: &mut Vec<String>) {
    let Some(node) = sc.node(code) else {
        fails.push(format!("node {code} is missing from the scorecard"));
        return;
    };
    for (key, expected) in want {
        let actual: Json = match key.as_str() {
            "points" | "survey_points" | "applicable_max" | "at_risk" | "max" => {
                let got = match key.as_str() {
                    "points" => node.points,
                    "survey_points" => node.survey_points,
                    "applicable_max" => node.applicable_max,
                    "at_risk" => node.at_risk,
                    _ => node.max,
                };
                if got != points(expected) {
                    fails.push(format!("{code}.{key}: expected {expected}, got {got}"));
                }
                continue;
            }
            "status" => serde_json::to_value(node.status).unwrap(),
            "issues" => Json::Array(
                node.issues
                    .iter()
                    .map(|i| serde_json::to_value(i).unwrap()["kind"].clone())
                    .collect(),
            ),
            "explanation" => serde_json::to_value(node.explain(Lang::Vi)).unwrap(),
            other => {
                fails.push(format!("{code}: unknown expectation key {other}"));
                continue;
            }
        };
        if &actual != expected {
            fails.push(format!("{code}.{key}: expected {expected}, got {actual}"));
        }
    }
}

fn check_totals(
    fw: &Framework,
    sc: &Scorecard,
    want: &BTreeMap<String, Json>,
    fails: &mut Vec<String>,
) {
    for (key, expected) in want {
        let got_points = match key.as_str() {
            "self_scored" => Some(sc.self_scored),
            "self_applicable_max" => Some(sc.self_applicable_max),
            "survey" => Some(sc.survey),
            "bonus" => Some(sc.bonus),
            "penalty" => Some(sc.penalty),
            "total" => Some(sc.total),
            "applicable_max" => Some(sc.applicable_max),
            "at_risk" => Some(sc.at_risk),
            "likely_total" => Some(sc.likely_total),
            // Percentages share the hundredths representation.
            "index" => Some(Points(sc.index.0)),
            "self_index" => Some(Points(sc.self_index.0)),
            "likely_index" => Some(Points(sc.likely_index.0)),
            _ => None,
        };
        if let Some(got) = got_points {
            if got != points(expected) {
                fails.push(format!("totals.{key}: expected {expected}, got {got}"));
            }
            continue;
        }
        let actual: Json = match key.as_str() {
            "answered" => sc.answered.into(),
            "applicable" => sc.applicable.into(),
            "band" => sc.band(fw).map(|b| b.label.vi.clone()).into(),
            "unknown_codes" => serde_json::to_value(&sc.unknown_codes).unwrap(),
            "explanation" => serde_json::to_value(
                sc.explanation
                    .iter()
                    .map(|s| s.render(Lang::Vi))
                    .collect::<Vec<_>>(),
            )
            .unwrap(),
            other => {
                fails.push(format!("totals: unknown expectation key {other}"));
                continue;
            }
        };
        if &actual != expected {
            fails.push(format!("totals.{key}: expected {expected}, got {actual}"));
        }
    }
}

#[test]
fn every_case_file_scores_as_expected() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files found");
    for path in files {
        let file_name = path.file_name().unwrap().to_string_lossy().to_string();
        let file: CaseFile = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file_name}: {e}"));
        let fw_text = std::fs::read_to_string(cases_dir().join(&file.framework)).unwrap();
        let fw = Framework::from_json(&fw_text)
            .unwrap_or_else(|e| panic!("{file_name}: framework does not load: {e:?}"));
        for case in &file.cases {
            count += 1;
            let answers = answers_for(case, &file.cases);
            let sc = score(&fw, &answers);
            let mut fails = Vec::new();
            for (code, want) in &case.expect.nodes {
                check_node(&sc, code, want, &mut fails);
            }
            check_totals(&fw, &sc, &case.expect.totals, &mut fails);
            failures.extend(
                fails
                    .into_iter()
                    .map(|f| format!("[{file_name}:{}] {f}", case.name)),
            );
        }
    }
    assert!(count > 0, "no cases ran");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
