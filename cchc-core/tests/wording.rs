//! One harness over `tests/wording/cases.json`: each case gives the scoring-method wording of an
//! item, its maximum and block, and what the reader must make of it (an exact rule, a rule kind,
//! or the reason it needs the officer's choice), with the open edges, flags and decisive words.
//! Every rule read must also load in a framework file. Failures are named `[cases.json:<name>]`
//! and all of them are listed, not just the first. Below, properties over any text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use cchc_core::builder::wording::{Outcome, Reading, read};
use cchc_core::framework::Block;
use cchc_core::{Framework, Lang, Points};
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{Value as Json, json};

#[derive(Deserialize)]
struct CaseFile {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    max: Points,
    #[serde(default)]
    block: Option<String>,
    expect: Expect,
    #[serde(default)]
    open_edges: Vec<Points>,
    #[serde(default)]
    allow_no_task: bool,
    #[serde(default)]
    allow_not_applicable: bool,
    #[serde(default)]
    decisive: Vec<String>,
    /// Where the wording was read (a decision and item), or why the phrasing is here.
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    rule: Option<Json>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    needs_choice: Option<String>,
}

fn block(name: Option<&str>) -> Option<Block> {
    match name {
        None | Some("regular") => Some(Block::Regular),
        Some("bonus") => Some(Block::Bonus),
        Some("penalty") => Some(Block::Penalty),
        Some(_) => None,
    }
}

/// Numbers compared as hundredths, so `1`, `1.0` and `"1.00"` are the same points.
fn canonical(v: &Json) -> Json {
    match v {
        Json::Number(n) => match Points::parse(&n.to_string()) {
            Ok(p) => json!(format!("#{}", p.hundredths())),
            Err(_) => v.clone(),
        },
        Json::Array(items) => Json::Array(items.iter().map(canonical).collect()),
        Json::Object(m) => Json::Object(m.iter().map(|(k, v)| (k.clone(), canonical(v))).collect()),
        other => other.clone(),
    }
}

/// The smallest framework file holding one item with `rule`: a regular field, or a bonus or
/// penalty field beside a one-point regular field.
fn framework_with(rule: &Json, max: Points, block: Block, reading: &Reading) -> String {
    let survey = rule["kind"] == "survey";
    let item = json!({
        "code": "1.1",
        "title": {"vi": "Tiêu chí thử"},
        "max": max,
        "allow_no_task": reading.allow_no_task,
        "allow_not_applicable": reading.allow_not_applicable,
        "rule": rule,
    });
    let (fields, total, self_scored, survey_max) = match block {
        Block::Regular => (
            json!([{"code": "1", "title": {"vi": "Lĩnh vực thử"}, "max": max, "children": [item]}]),
            max,
            if survey { Points::ZERO } else { max },
            if survey { max } else { Points::ZERO },
        ),
        Block::Bonus | Block::Penalty => {
            let kind = if block == Block::Bonus {
                "bonus"
            } else {
                "penalty"
            };
            let one = Points::from_whole(1);
            (
                json!([
                    {"code": "1", "title": {"vi": "Lĩnh vực thử"}, "max": one, "children": [
                        {"code": "1.0", "title": {"vi": "Có kế hoạch"}, "max": one, "rule": {"kind": "yes_no"}}]},
                    {"code": "2", "title": {"vi": "Điểm thưởng, điểm trừ"}, "kind": kind, "max": max,
                     "children": [item]}
                ]),
                one,
                one,
                Points::ZERO,
            )
        }
    };
    json!({
        "format": "cchc-framework",
        "format_version": 1,
        "id": "thu-cach-cham",
        "version": "1",
        "title": {"vi": "Bộ tiêu chí thử cách chấm"},
        "unit_type": "so",
        "status": "model",
        "decision": {"number": "1/QĐ-UBND"},
        "years": {"from": 2025},
        "total_max": total,
        "split": {"self_scored": self_scored, "survey": survey_max},
        "bands": [{"label": {"vi": "Tất cả"}, "from": 0}],
        "fields": fields,
    })
    .to_string()
}

/// Every "points", "points_each" and "yes_points" in a rule.
fn rule_points(rule: &Json, out: &mut Vec<Points>) {
    match rule {
        Json::Object(m) => {
            for (k, v) in m {
                if matches!(k.as_str(), "points" | "points_each" | "yes_points") {
                    if let Ok(p) = serde_json::from_value::<Points>(v.clone()) {
                        out.push(p);
                    }
                } else {
                    rule_points(v, out);
                }
            }
        }
        Json::Array(items) => items.iter().for_each(|v| rule_points(v, out)),
        _ => {}
    }
}

/// What must hold of any reading of any text.
fn invariants(text: &str, max: Points, reading: &Reading) -> Vec<String> {
    let mut fails = Vec::new();
    let mut last_end = 0;
    for r in &reading.decisive {
        if r.start >= r.end || r.end > text.len() {
            fails.push(format!("decisive range {r:?} is empty or outside the text"));
        } else if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            fails.push(format!("decisive range {r:?} is not on char boundaries"));
        }
        if r.start < last_end {
            fails.push(format!(
                "decisive ranges overlap or are out of order at {r:?}"
            ));
        }
        last_end = r.end;
    }
    match &reading.outcome {
        Outcome::Read { rule, open_edges } => {
            let mut points = Vec::new();
            rule_points(rule, &mut points);
            if let Some(p) = points.iter().find(|p| **p > max || **p < Points::ZERO) {
                fails.push(format!("rule gives {p} points, outside 0..={max}: {rule}"));
            }
            for e in open_edges {
                if text.get(e.words.clone()).is_none() {
                    fails.push(format!("open edge words {:?} are not in the text", e.words));
                }
            }
        }
        Outcome::NeedsChoice(unread) => {
            for lang in [Lang::Vi, Lang::En] {
                if unread.message(lang).trim().is_empty() {
                    fails.push(format!("{unread:?} has no {lang:?} message"));
                }
            }
        }
    }
    let round_trip: Reading =
        serde_json::from_value(serde_json::to_value(reading).unwrap()).unwrap();
    if &round_trip != reading {
        fails.push("the reading does not survive serialisation".into());
    }
    fails
}

fn check_loads(rule: &Json, max: Points, block: Block, reading: &Reading) -> Option<String> {
    Framework::from_json(&framework_with(rule, max, block, reading))
        .err()
        .map(|errors| {
            let problems: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {:?}", e.path, e.problem))
                .collect();
            format!(
                "the loader refuses the rule {rule}: {}",
                problems.join("; ")
            )
        })
}

fn check_case(case: &Case) -> Vec<String> {
    let Some(block) = block(case.block.as_deref()) else {
        return vec![format!("unknown block {:?}", case.block)];
    };
    let reading = read(&case.text, case.max, block);
    let mut fails = invariants(&case.text, case.max, &reading);
    let got = match &reading.outcome {
        Outcome::Read { rule, .. } => format!("read {rule}"),
        Outcome::NeedsChoice(u) => format!("needs choice {}", serde_json::to_value(u).unwrap()),
    };
    let e = &case.expect;
    let expectations = [e.rule.is_some(), e.kind.is_some(), e.needs_choice.is_some()];
    if expectations.iter().filter(|x| **x).count() != 1 {
        fails.push("expect needs exactly one of rule, kind, needs_choice".into());
    }
    match (&reading.outcome, e) {
        (
            Outcome::Read { rule, .. },
            Expect {
                rule: Some(want), ..
            },
        ) => {
            if canonical(rule) != canonical(want) {
                fails.push(format!("expected rule {want}, got {rule}"));
            }
        }
        (
            Outcome::Read { rule, .. },
            Expect {
                kind: Some(kind), ..
            },
        ) => {
            if rule["kind"] != json!(kind) {
                fails.push(format!("expected a {kind} rule, got {rule}"));
            }
        }
        (
            Outcome::NeedsChoice(unread),
            Expect {
                needs_choice: Some(reason),
                ..
            },
        ) => {
            let tag = serde_json::to_value(unread).unwrap()["reason"].clone();
            if tag != json!(reason) {
                fails.push(format!("expected needs choice {reason}, got {got}"));
            }
        }
        _ => fails.push(format!("expected {}, got {got}", describe(e))),
    }
    if let Outcome::Read { rule, open_edges } = &reading.outcome {
        if let Some(problem) = check_loads(rule, case.max, block, &reading) {
            fails.push(problem);
        }
        let at: Vec<Points> = open_edges
            .iter()
            .map(|e| Points(e.at.hundredths()))
            .collect();
        if at != case.open_edges {
            fails.push(format!(
                "expected open edges {:?}, got {at:?}",
                case.open_edges
            ));
        }
        for edge in open_edges {
            let message = edge.message(Lang::Vi);
            if !message.contains(&edge.written) || edge.written.is_empty() {
                fails.push(format!(
                    "open edge message does not quote the words: {message}"
                ));
            }
        }
    } else if !case.open_edges.is_empty() {
        fails.push(format!(
            "expected open edges {:?}, got none",
            case.open_edges
        ));
    }
    if reading.allow_no_task != case.allow_no_task {
        fails.push(format!(
            "allow_no_task: expected {}, got {}",
            case.allow_no_task, reading.allow_no_task
        ));
    }
    if reading.allow_not_applicable != case.allow_not_applicable {
        fails.push(format!(
            "allow_not_applicable: expected {}, got {}",
            case.allow_not_applicable, reading.allow_not_applicable
        ));
    }
    for words in &case.decisive {
        let Some(at) = case.text.find(words.as_str()) else {
            fails.push(format!("decisive words “{words}” are not in the text"));
            continue;
        };
        let range = at..at + words.len();
        if !reading
            .decisive
            .iter()
            .any(|r| r.start <= range.start && range.end <= r.end)
        {
            let shown: Vec<&str> = reading
                .decisive
                .iter()
                .filter_map(|r| case.text.get(r.clone()))
                .collect();
            fails.push(format!(
                "“{words}” is not covered by the decisive words {shown:?}"
            ));
        }
    }
    fails
}

fn describe(e: &Expect) -> String {
    if let Some(rule) = &e.rule {
        format!("rule {rule}")
    } else if let Some(kind) = &e.kind {
        format!("a {kind} rule")
    } else {
        format!("needs choice {}", e.needs_choice.as_deref().unwrap_or("?"))
    }
}

fn load_cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wording/cases.json");
    let text = std::fs::read_to_string(&path).expect("tests/wording/cases.json is readable");
    let file: CaseFile = serde_json::from_str(&text).expect("tests/wording/cases.json parses");
    file.cases
}

#[test]
fn every_case_reads_as_expected() {
    let cases = load_cases();
    let mut fails = Vec::new();
    let mut names = std::collections::HashSet::new();
    for case in &cases {
        if !names.insert(case.name.clone()) {
            fails.push(format!("[cases.json:{}] duplicate case name", case.name));
        }
        for f in check_case(case) {
            fails.push(format!("[cases.json:{}] {f}", case.name));
        }
    }
    assert!(
        fails.is_empty(),
        "{} failures:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

#[test]
fn the_cases_cover_enough_phrasings() {
    let cases = load_cases();
    let refused = cases
        .iter()
        .filter(|c| c.expect.needs_choice.is_some())
        .count();
    let open = cases.iter().filter(|c| !c.open_edges.is_empty()).count();
    let flagged = cases
        .iter()
        .filter(|c| c.allow_no_task || c.allow_not_applicable)
        .count();
    assert!(cases.len() >= 70, "{} cases", cases.len());
    assert!(refused >= 15, "{refused} refusals");
    assert!(open >= 3, "{open} open-edge cases");
    assert!(flagged >= 3, "{flagged} flag cases");
}

#[test]
fn every_refusal_and_open_edge_speaks_both_languages() {
    for case in load_cases() {
        let reading = read(&case.text, case.max, block(case.block.as_deref()).unwrap());
        match &reading.outcome {
            Outcome::NeedsChoice(u) => {
                let (vi, en) = (u.message(Lang::Vi), u.message(Lang::En));
                assert_ne!(vi, en, "[cases.json:{}]", case.name);
                assert!(
                    vi.contains("cần") || vi.contains("Cần"),
                    "[cases.json:{}] {vi}",
                    case.name
                );
            }
            Outcome::Read { open_edges, .. } => {
                for e in open_edges {
                    assert!(e.message(Lang::Vi).contains("cần xác nhận"));
                    assert!(e.message(Lang::En).contains("confirm"));
                }
            }
        }
    }
}

/// Pieces of real wording, to be put together in any order: the reader may refuse what comes
/// out, but whatever it reads must hold and load.
const PIECES: &[&str] = &[
    "Trên 90%",
    "từ 70% - 90%",
    "dưới 70%",
    "Đạt 100%",
    "từ 80% đến dưới 100%",
    "≥ 50%",
    "< 50%",
    "Từ 4 cuộc trở lên",
    "3 cuộc",
    "1 - 2 cuộc",
    "không kiểm tra",
    "Có",
    "không",
    "Đạt",
    "không đạt",
    "Ban hành kịp thời",
    "ban hành chậm",
    "a) Niêm yết công khai",
    "b) Công khai",
    "- ",
    "+ ",
    "Mỗi văn bản bị hủy bỏ",
    "trừ",
    "cộng",
    ": ",
    "; ",
    ", ",
    ". ",
    "\n",
    "1 điểm",
    "0,5 điểm",
    "0.25đ",
    "0",
    "2 điểm",
    "1,5",
    "điểm tối đa",
    "tối đa 2 điểm",
    "× ",
    "tỷ lệ %",
    "Điểm = ",
    "(số đúng hạn / tổng số)",
    "tính theo tỷ lệ",
    "Điều tra xã hội học",
    "do tỉnh thực hiện",
    "không phát sinh thì được",
    "Không áp dụng đối với",
    "thì được",
    "(",
    ")",
    "%",
    "0,125 điểm",
    "từ 0 - 1 điểm",
    "mỗi",
    "văn bản",
    "trở lên",
    "đến",
    "-",
    "còn lại",
    "nếu có",
    "khi",
    "/lần",
    "(1 điểm)",
    "a. ",
    "1. ",
    "≤ ",
    "trở xuống",
    "đối với mỗi",
    "không được điểm",
    "Chấm",
    "x 2",
    "trên tổng số",
    "SIPAS",
    "khảo sát sự hài lòng",
];

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|parts| parts.concat())
}

/// One part of a method as decisions write it: a bullet, a condition, a connector, the points.
fn clause() -> impl Strategy<Value = String> {
    let percent = prop::sample::select(vec![0u32, 30, 50, 70, 80, 90, 95, 100]);
    let count = 0u32..6;
    let condition = prop_oneof![
        prop::sample::select(vec![
            "Ban hành kịp thời",
            "ban hành chậm",
            "Không ban hành",
            "Có",
            "không",
            "Đạt",
            "không đạt",
            "Thực hiện đầy đủ",
            "chưa đầy đủ",
            "còn lại",
            "Mỗi văn bản bị hủy bỏ",
            "Niêm yết công khai",
        ])
        .prop_map(str::to_string),
        (
            prop::sample::select(vec!["Trên ", "Từ ", "Dưới ", "Đạt ", "> ", "≥ ", "< ", ""]),
            percent.clone(),
            prop::sample::select(vec!["", " trở lên", " trở xuống"]),
        )
            .prop_map(|(w, p, t)| format!("{w}{p}%{t}")),
        (
            prop::sample::select(vec!["Từ ", "Trên ", ""]),
            percent.clone(),
            prop::sample::select(vec!["% - ", "% đến ", "% đến dưới ", " - "]),
            percent,
        )
            .prop_map(|(w, a, c, b)| format!("{w}{a}{c}{b}%")),
        (
            prop::sample::select(vec!["Từ ", "Trên ", "Dưới ", ""]),
            count.clone(),
            prop::sample::select(vec![" cuộc", " cuộc trở lên", " - 3 cuộc"]),
        )
            .prop_map(|(w, n, t)| format!("{w}{n}{t}")),
    ];
    let points = prop::sample::select(vec!["0", "0,25", "0.5", "1", "1,5", "2"]);
    (
        prop::sample::select(vec!["", "- ", "+ ", "a) ", "b) "]),
        condition,
        prop::sample::select(vec![": ", " thì được ", " đạt ", ": trừ ", ": "]),
        points,
        prop::sample::select(vec![" điểm", "đ", "", " điểm"]),
    )
        .prop_map(|(bullet, c, join, p, unit)| format!("{bullet}{c}{join}{p}{unit}"))
}

fn method() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(clause(), 1..5),
        prop::sample::select(vec!["; ", "\n", ". ", ", "]),
        prop::sample::select(vec![
            "",
            ". Không phát sinh thì được điểm tối đa",
            ". Không áp dụng đối với đơn vị sự nghiệp",
            ", tối đa 2 điểm",
        ]),
    )
        .prop_map(|(parts, sep, tail)| format!("{}{tail}", parts.join(sep)))
}

fn any_block() -> impl Strategy<Value = Block> {
    prop_oneof![
        Just(Block::Regular),
        Just(Block::Bonus),
        Just(Block::Penalty)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_reads_without_panicking(text in any::<String>(), max in 0i64..1000, b in any_block()) {
        let reading = read(&text, Points(max), b);
        let fails = invariants(&text, Points(max), &reading);
        prop_assert!(fails.is_empty(), "{:?}", fails);
    }

    #[test]
    fn phrases_of_real_wording_read_into_rules_that_load(
        text in phrase(),
        max in prop::sample::select(vec![25i64, 50, 100, 150, 200, 300]),
        b in any_block(),
    ) {
        let max = Points(max);
        let reading = read(&text, max, b);
        let mut fails = invariants(&text, max, &reading);
        if let Outcome::Read { rule, .. } = &reading.outcome {
            fails.extend(check_loads(rule, max, b, &reading));
        }
        prop_assert!(fails.is_empty(), "{:?}\n{:?}", text, fails);
    }

    #[test]
    fn methods_written_as_decisions_write_them_read_into_rules_that_load(
        text in method(),
        max in prop::sample::select(vec![50i64, 100, 200]),
        b in any_block(),
    ) {
        let max = Points(max);
        let reading = read(&text, max, b);
        let mut fails = invariants(&text, max, &reading);
        if let Outcome::Read { rule, .. } = &reading.outcome {
            fails.extend(check_loads(rule, max, b, &reading));
        }
        prop_assert!(fails.is_empty(), "{:?}\n{:?}", text, fails);
    }
}
