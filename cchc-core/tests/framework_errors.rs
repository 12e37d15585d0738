//! Every problem a framework file can have is reported, with its path and a message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::framework::{FrameworkError, Problem};
use cchc_core::{Framework, Lang, Percent, Points};
use serde_json::{Value, json};

const MINI: &str = include_str!("cases/frameworks/mini.json");

fn mini() -> Value {
    serde_json::from_str(MINI).unwrap()
}

fn load(v: &Value) -> Result<Framework, Vec<FrameworkError>> {
    Framework::from_json(&v.to_string())
}

/// Applies `edit` to the mini framework and returns the problems found.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<FrameworkError> {
    let mut v = mini();
    edit(&mut v);
    load(&v).expect_err("the edited framework should not load")
}

/// Sets (or adds) the value at a JSON pointer.
fn set(v: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"))
    {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(list) => list[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{parent} is not an object or array"),
    }
}

fn assert_reports(errors: &[FrameworkError], path: &str, problem: Problem) {
    assert!(
        errors
            .iter()
            .any(|e| e.path == path && e.problem == problem),
        "expected {path}: {problem:?}\n got {errors:#?}"
    );
    // Every problem has a message in both languages, and they differ (a Vietnamese text copied
    // into the English arm would pass a non-emptiness check).
    for e in errors {
        let (vi, en) = (e.problem.message(Lang::Vi), e.problem.message(Lang::En));
        assert!(
            !vi.trim().is_empty() && !en.trim().is_empty(),
            "{:?}",
            e.problem
        );
        assert_ne!(vi, en, "{:?} is not translated", e.problem);
    }
}

const P111: &str = "fields[0].children[0].children[0] (1.1.1)";
const P113: &str = "fields[0].children[0].children[2] (1.1.3)";

#[test]
fn problems_are_said_in_these_words() {
    let cases = [
        (
            Problem::DuplicateCode("1.1".into()),
            "Mã “1.1” bị trùng",
            "Code “1.1” is used twice",
        ),
        (
            Problem::ChildrenDoNotAddUp {
                max: Points::from_whole(4),
                sum: Points(350),
            },
            "Điểm tối đa là 4 nhưng tổng điểm tối đa của các tiêu chí con là 3,5",
            "Max is 4 but the children's maxima add up to 3.5",
        ),
        (
            Problem::BandGap(Percent::from_whole(70)),
            "Các khoảng tỷ lệ bỏ trống tại 70 % (không khoảng nào nhận)",
            "The bands leave 70 % uncovered",
        ),
    ];
    for (problem, vi, en) in cases {
        assert_eq!(problem.message(Lang::Vi), vi);
        assert_eq!(problem.message(Lang::En), en);
    }
}

#[test]
fn the_test_framework_itself_loads() {
    let fw = load(&mini()).unwrap();
    assert_eq!(fw.items().len(), 14);
    assert_eq!(fw.self_scored_max, Points::from_whole(15));
}

#[test]
fn text_that_is_not_json_is_a_syntax_problem_with_a_position() {
    let errors = Framework::from_json("{ \"format\": ").unwrap_err();
    assert!(matches!(&errors[0].problem, Problem::Syntax(m) if m.contains("line 1")));
}

#[test]
fn a_file_of_another_kind_is_named_as_such() {
    let errors = Framework::from_json(r#"{"format": "cchc-submission"}"#).unwrap_err();
    assert_reports(
        &errors,
        "format",
        Problem::NotAFrameworkFile("cchc-submission".into()),
    );
}

#[test]
fn a_newer_format_version_is_refused() {
    let errors = problems(|v| set(v, "/format_version", json!(2)));
    assert_reports(
        &errors,
        "format_version",
        Problem::UnsupportedFormatVersion(2),
    );
}

#[test]
fn a_number_with_three_decimals_is_refused() {
    let errors = problems(|v| set(v, "/total_max", json!(20.125)));
    assert!(matches!(&errors[0].problem, Problem::Syntax(m) if m.contains("quá hai chữ số")));
}

#[test]
fn header_problems_are_each_reported() {
    let errors = problems(|v| {
        set(v, "/unit_type", json!("xa"));
        set(v, "/status", json!("draft"));
        set(v, "/id", json!(" "));
        set(v, "/title/vi", json!(""));
        set(v, "/years/to", json!(2020));
    });
    assert_reports(&errors, "unit_type", Problem::UnknownUnitType("xa".into()));
    assert_reports(&errors, "status", Problem::UnknownStatus("draft".into()));
    assert_reports(&errors, "id", Problem::EmptyId);
    assert_reports(&errors, "title", Problem::MissingVietnameseTitle);
    assert_reports(&errors, "years", Problem::YearsReversed);
}

#[test]
fn a_missing_vietnamese_title_is_reported_at_its_item() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/0/title",
            json!({"en": "Plan"}),
        )
    });
    assert_reports(&errors, P111, Problem::MissingVietnameseTitle);
}

#[test]
fn duplicate_codes_are_reported() {
    let errors = problems(|v| set(v, "/fields/0/children/0/children/1/code", json!("1.1.1")));
    assert_reports(
        &errors,
        "fields[0].children[0].children[1] (1.1.1)",
        Problem::DuplicateCode("1.1.1".into()),
    );
}

#[test]
fn an_empty_code_is_reported() {
    let errors = problems(|v| set(v, "/fields/0/children/0/children/0/code", json!("")));
    assert_reports(
        &errors,
        "fields[0].children[0].children[0]",
        Problem::EmptyCode,
    );
}

#[test]
fn negative_points_are_reported() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/0/rule/levels/2/points",
            json!(-1),
        )
    });
    assert_reports(
        &errors,
        &format!("{P111}.rule[2]"),
        Problem::NegativePoints(Points(-100)),
    );
}

#[test]
fn children_that_do_not_add_up_to_their_parent_are_reported() {
    let errors = problems(|v| set(v, "/fields/0/children/0/max", json!(5)));
    assert_reports(
        &errors,
        "fields[0].children[0] (1.1)",
        Problem::ChildrenDoNotAddUp {
            max: Points(500),
            sum: Points(400),
        },
    );
}

#[test]
fn fields_that_do_not_add_up_to_the_scale_are_reported() {
    let errors = problems(|v| set(v, "/total_max", json!(25)));
    assert_reports(
        &errors,
        "fields",
        Problem::FieldsDoNotAddUp {
            total_max: Points(2500),
            sum: Points(2000),
        },
    );
    assert_reports(
        &errors,
        "split",
        Problem::SplitDoesNotAddUp {
            total_max: Points(2500),
            sum: Points(2000),
        },
    );
}

#[test]
fn survey_items_that_do_not_add_up_to_the_survey_part_are_reported() {
    let errors = problems(|v| {
        set(v, "/split/survey", json!(6));
        set(v, "/split/self_scored", json!(14));
    });
    assert_reports(
        &errors,
        "split.survey",
        Problem::SurveyDoesNotAddUp {
            survey: Points(600),
            sum: Points(500),
        },
    );
}

#[test]
fn a_node_with_both_children_and_rule_or_neither_is_reported() {
    let errors = problems(|v| set(v, "/fields/0/children/0/rule", json!({"kind": "yes_no"})));
    assert_reports(
        &errors,
        "fields[0].children[0] (1.1)",
        Problem::BothChildrenAndRule,
    );
    let errors = problems(|v| {
        v.pointer_mut("/fields/0/children/0/children/1")
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("rule");
    });
    assert_reports(
        &errors,
        "fields[0].children[0].children[1] (1.1.2)",
        Problem::NeitherChildrenNorRule,
    );
    let errors = problems(|v| set(v, "/fields/0/children/0/children", json!([])));
    assert_reports(&errors, "fields[0].children[0] (1.1)", Problem::EmptyGroup);
}

#[test]
fn block_kinds_are_checked() {
    let errors = problems(|v| set(v, "/fields/2/kind", json!("extra")));
    assert_reports(
        &errors,
        "fields[2]",
        Problem::UnknownBlockKind("extra".into()),
    );
    let errors = problems(|v| set(v, "/fields/0/children/0/kind", json!("bonus")));
    assert_reports(
        &errors,
        "fields[0].children[0] (1.1)",
        Problem::BlockKindBelowField,
    );
    let errors = problems(|v| set(v, "/fields/2/children/1/rule", json!({"kind": "survey"})));
    assert_reports(
        &errors,
        "fields[2].children[1] (3.2)",
        Problem::SurveyInBonusOrPenalty,
    );
}

#[test]
fn unknown_missing_and_malformed_rules_are_reported() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/1/rule",
            json!({"kind": "lottery"}),
        )
    });
    let p112 = "fields[0].children[0].children[1] (1.1.2).rule";
    assert_reports(&errors, p112, Problem::UnknownRuleKind("lottery".into()));
    let errors = problems(|v| set(v, "/fields/0/children/0/children/1/rule", json!({})));
    assert_reports(&errors, p112, Problem::MissingRuleKind);
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/1/rule",
            json!({"kind": "yes_no", "yes": 1}),
        )
    });
    assert!(
        errors.iter().any(|e| e.path == p112
            && matches!(&e.problem, Problem::MalformedRule(m) if m.contains("yes")))
    );
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/2/rule/when_denominator_zero",
            json!("half"),
        )
    });
    assert_reports(
        &errors,
        &format!("{P113}.rule"),
        Problem::UnknownWhenZero("half".into()),
    );
}

#[test]
fn levels_above_the_max_and_duplicate_ids_are_reported() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/0/rule/levels/0/points",
            json!(1.5),
        );
        set(
            v,
            "/fields/0/children/0/children/0/rule/levels/1/id",
            json!("dung-han"),
        );
    });
    assert_reports(
        &errors,
        &format!("{P111}.rule[0]"),
        Problem::PointsAboveMax {
            points: Points(150),
            max: Points(100),
        },
    );
    assert_reports(
        &errors,
        &format!("{P111}.rule[1]"),
        Problem::DuplicateOptionId("dung-han".into()),
    );
    let errors = problems(|v| set(v, "/fields/0/children/0/children/0/rule/levels", json!([])));
    assert_reports(&errors, &format!("{P111}.rule"), Problem::NoOptions);
}

#[test]
fn a_checklist_that_does_not_add_up_is_reported() {
    let errors = problems(|v| set(v, "/fields/1/children/0/rule/items/2/points", json!(0.25)));
    assert_reports(
        &errors,
        "fields[1].children[0] (2.1).rule",
        Problem::ChecklistDoesNotAddUp {
            max: Points(100),
            sum: Points(75),
        },
    );
}

#[test]
fn a_gap_between_bands_at_exactly_90_is_reported() {
    // "> 90" and "< 90": nobody takes exactly 90 %.
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/2/rule/bands/1/to_inclusive",
            json!(false),
        )
    });
    assert_reports(
        &errors,
        &format!("{P113}.rule.bands"),
        Problem::BandGap(Percent(9000)),
    );
}

#[test]
fn an_overlap_between_bands_at_exactly_70_is_reported() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/2/rule/bands/2/to_inclusive",
            json!(true),
        )
    });
    assert_reports(
        &errors,
        &format!("{P113}.rule.bands"),
        Problem::BandOverlap(Percent(7000)),
    );
}

#[test]
fn bands_that_do_not_start_at_zero_or_reach_100_are_reported() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/2/rule/bands/2/from",
            json!(10),
        )
    });
    assert_reports(
        &errors,
        &format!("{P113}.rule.bands"),
        Problem::BandGap(Percent(0)),
    );
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/2/rule/bands/0/to",
            json!(99),
        )
    });
    assert_reports(
        &errors,
        &format!("{P113}.rule.bands"),
        Problem::BandGap(Percent(9900)),
    );
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/2/rule/bands/0/to",
            json!(120),
        )
    });
    assert_reports(
        &errors,
        &format!("{P113}.rule.bands"),
        Problem::BandAbove100,
    );
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/2/rule/bands/1/to",
            json!(60),
        )
    });
    assert_reports(&errors, &format!("{P113}.rule.bands"), Problem::EmptyBand);
}

#[test]
fn classification_bands_are_checked_the_same_way() {
    let errors = problems(|v| set(v, "/bands/1/from", json!(85)));
    assert_reports(&errors, "bands", Problem::BandGap(Percent(8000)));
}

#[test]
fn count_band_gaps_overlaps_and_a_closed_end_are_reported() {
    let bands = "/fields/0/children/1/children/2/rule/bands";
    let path = "fields[0].children[1].children[2] (1.2.3).rule.bands";
    let errors = problems(|v| set(v, &format!("{bands}/2/to"), json!(1)));
    assert_reports(&errors, path, Problem::CountBandGap(2));
    let errors = problems(|v| set(v, &format!("{bands}/2/to"), json!(3)));
    assert_reports(&errors, path, Problem::CountBandOverlap(3));
    let errors = problems(|v| set(v, &format!("{bands}/0/to"), json!(9)));
    assert_reports(&errors, path, Problem::CountBandsEndBounded(9));
}

#[test]
fn full_at_percent_must_be_within_0_and_100() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/1/children/1/rule/full_at_percent",
            json!(0),
        )
    });
    assert_reports(
        &errors,
        "fields[0].children[1].children[1] (1.2.2).rule",
        Problem::FullAtPercentOutOfRange(Percent(0)),
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let errors = problems(|v| {
        set(v, "/fields/0/children/0/children/1/code", json!("1.1.1"));
        set(v, "/fields/1/children/0/rule/items/2/points", json!(0.25));
        set(v, "/bands/1/from", json!(85));
    });
    assert!(errors.len() >= 3, "{errors:#?}");
}

#[test]
fn an_unknown_key_is_reported_instead_of_ignored() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/0/children/0/alow_not_applicable",
            json!(true),
        )
    });
    assert!(matches!(&errors[0].problem, Problem::Syntax(m) if m.contains("alow_not_applicable")));
}
