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
    assert_reports(
        &errors,
        "total_max",
        Problem::TooManyDecimals("20.125".into()),
    );
    let vi = Problem::TooManyDecimals("20.125".into()).message(Lang::Vi);
    assert!(
        vi.contains("“20.125”") && vi.contains("quá hai chữ số"),
        "{vi}"
    );
}

#[test]
fn header_problems_are_each_reported() {
    let errors = problems(|v| {
        set(v, "/unit_type", json!("thon"));
        set(v, "/status", json!("draft"));
        set(v, "/id", json!(" "));
        set(v, "/title/vi", json!(""));
        set(v, "/years/to", json!(2020));
    });
    assert_reports(
        &errors,
        "unit_type",
        Problem::UnknownUnitType("thon".into()),
    );
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
        &format!("{P111}.rule.levels[2]"),
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
    // A key the rule kind does not have is named at its own place (it was once one “malformed
    // rule” message for the whole rule).
    assert_reports(
        &errors,
        &format!("{p112}.yes"),
        Problem::UnknownKey {
            key: "yes".into(),
            allowed: &["kind", "yes_points"],
        },
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
        &format!("{P111}.rule.levels[0]"),
        Problem::PointsAboveMax {
            points: Points(150),
            max: Points(100),
        },
    );
    assert_reports(
        &errors,
        &format!("{P111}.rule.levels[1]"),
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
    let path = format!("{P111}.alow_not_applicable");
    let e = errors.iter().find(|e| e.path == path).expect(&path);
    assert!(
        matches!(&e.problem, Problem::UnknownKey { key, allowed }
            if key == "alow_not_applicable" && allowed.contains(&"allow_not_applicable")),
        "{e:?}"
    );
    assert_eq!(
        e.problem.message(Lang::Vi),
        "Khóa “alow_not_applicable” không có trong định dạng — có phải là “allow_not_applicable”? \
         Sửa tên khóa hoặc xóa nó"
    );
}

/// Removes the key at a JSON pointer.
fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {parent}"))
        .remove(key)
        .unwrap_or_else(|| panic!("no {pointer}"));
}

/// No problem of the kind `is` is reported anywhere.
fn assert_none(errors: &[FrameworkError], what: &str, is: impl Fn(&Problem) -> bool) {
    let found: Vec<&FrameworkError> = errors.iter().filter(|e| is(&e.problem)).collect();
    assert!(found.is_empty(), "no {what} expected, got {found:#?}");
}

const P123: &str = "fields[0].children[1].children[2] (1.2.3)";

#[test]
fn shape_problems_are_each_reported_at_their_place_all_at_once() {
    let errors = problems(|v| {
        remove(v, "/version");
        set(v, "/total_max", json!(20.125));
        set(v, "/years/from", json!("2021"));
        set(v, "/split/survey", json!("năm"));
        set(v, "/fields/0/title", json!("Công tác chỉ đạo"));
        set(
            v,
            "/fields/0/children/0/title",
            json!({"vi": "Kế hoạch", "vn": "x"}),
        );
        set(
            v,
            "/fields/0/children/0/children/1/rule/yes_points",
            json!("99999999999999999"),
        );
        remove(v, "/fields/0/children/1/children/0/max");
        set(
            v,
            "/fields/0/children/1/children/2/rule/bands/0/from",
            json!(1.5),
        );
        set(v, "/fields/1/children/0/max", json!(true));
        set(v, "/fields/1/children/1/allow_not_applicable", json!("yes"));
        set(v, "/fields/1/children/2/code", json!(23));
        set(v, "/fields/2/children/1/rule", json!("yes_no"));
        set(v, "/fields/3/children", json!({"code": "4.1"}));
    });
    assert_reports(&errors, "", Problem::MissingKey("version"));
    assert_reports(
        &errors,
        "total_max",
        Problem::TooManyDecimals("20.125".into()),
    );
    assert_reports(&errors, "years.from", Problem::NotAYear("\"2021\"".into()));
    assert_reports(
        &errors,
        "split.survey",
        Problem::NotANumber("\"năm\"".into()),
    );
    assert_reports(
        &errors,
        "fields[0] (1).title",
        Problem::NotAText("\"Công tác chỉ đạo\"".into()),
    );
    assert_reports(
        &errors,
        "fields[0].children[0] (1.1).title.vn",
        Problem::UnknownKey {
            key: "vn".into(),
            allowed: &["vi", "en"],
        },
    );
    assert_reports(
        &errors,
        "fields[0].children[0].children[1] (1.1.2).rule.yes_points",
        Problem::NumberTooLarge("99999999999999999".into()),
    );
    assert_reports(
        &errors,
        "fields[0].children[1].children[0] (1.2.1)",
        Problem::MissingKey("max"),
    );
    assert_reports(
        &errors,
        &format!("{P123}.rule.bands[0].from"),
        Problem::NotACount("1.5".into()),
    );
    assert_reports(
        &errors,
        "fields[1].children[0] (2.1).max",
        Problem::NotANumber("true".into()),
    );
    assert_reports(
        &errors,
        "fields[1].children[1] (2.2).allow_not_applicable",
        Problem::NotTrueOrFalse("\"yes\"".into()),
    );
    // A code that cannot be read leaves the path without it; the rest of the node is still read.
    assert_reports(
        &errors,
        "fields[1].children[2].code",
        Problem::NotAString("23".into()),
    );
    assert_reports(
        &errors,
        "fields[2].children[1] (3.2).rule",
        Problem::NotAnObject("\"yes_no\"".into()),
    );
    assert_reports(
        &errors,
        "fields[3] (4).children",
        Problem::NotAList("{…}".into()),
    );
    assert_none(&errors, "syntax problem", |p| {
        matches!(p, Problem::Syntax(_))
    });
    // Sums over a max that could not be read are not guessed at.
    assert_none(&errors, "sum problem", |p| {
        matches!(
            p,
            Problem::ChildrenDoNotAddUp { .. }
                | Problem::FieldsDoNotAddUp { .. }
                | Problem::SurveyDoesNotAddUp { .. }
        )
    });
}

#[test]
fn shape_problems_are_said_in_the_officers_words() {
    let cases = [
        (
            Problem::NotANumber("true".into()),
            "Chỗ này cần một số (ví dụ 1, 0.5 hoặc \"0.25\"), nhưng đang ghi true",
            "Expected a number (e.g. 1, 0.5 or \"0.25\"), found true",
        ),
        (
            Problem::MissingKey("max"),
            "Thiếu khóa bắt buộc “max”; hãy thêm vào",
            "The required key “max” is missing; add it",
        ),
        (
            Problem::UnknownKey {
                key: "ghi_chu".into(),
                allowed: &["vi", "en"],
            },
            "Khóa “ghi_chu” không có trong định dạng ở chỗ này; sửa tên khóa hoặc xóa nó \
             (ở đây chỉ dùng: vi, en)",
            "Key “ghi_chu” is not in the format here; correct or remove it (keys allowed here: \
             vi, en)",
        ),
    ];
    for (problem, vi, en) in cases {
        assert_eq!(problem.message(Lang::Vi), vi);
        assert_eq!(problem.message(Lang::En), en);
    }
}

#[test]
fn a_long_string_is_shortened_in_a_shape_problem() {
    let long = "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn quy định";
    let errors = problems(|v| set(v, "/fields/0/max", json!(long)));
    assert_reports(
        &errors,
        "fields[0] (1).max",
        Problem::NotANumber("\"Ban hành kế hoạch cải cách hành chính…\"".into()),
    );
}

#[test]
fn a_child_above_its_parent_in_a_bonus_field_is_its_own_problem() {
    let errors = problems(|v| set(v, "/fields/2/children/0/max", json!(1.5)));
    assert_reports(
        &errors,
        "fields[2].children[0] (3.1)",
        Problem::ChildAboveParent {
            child: Points(150),
            parent: Points(100),
        },
    );
    assert_none(&errors, "sum of the children", |p| {
        matches!(p, Problem::ChildrenDoNotAddUp { .. })
    });
    let problem = Problem::ChildAboveParent {
        child: Points(150),
        parent: Points(100),
    };
    assert!(
        problem.message(Lang::Vi).starts_with(
            "Điểm tối đa của tiêu chí con (1,5 điểm) lớn hơn của tiêu chí cha (1 điểm)"
        ),
        "{}",
        problem.message(Lang::Vi)
    );
}

#[test]
fn a_group_inside_a_penalty_field_is_a_cap_too() {
    // 4.1 becomes a group of two items of 1.5 points each: 3 points under a 2-point group.
    let mut v = mini();
    set(
        &mut v,
        "/fields/3/children/0",
        json!({"code": "4.1", "title": {"vi": "Hồ sơ trễ hạn"}, "max": 2, "children": [
            {"code": "4.1.1", "title": {"vi": "Không có thư xin lỗi"}, "max": 1.5,
             "rule": {"kind": "per_count", "count": {"vi": "Số hồ sơ"}, "points_each": 0.5}},
            {"code": "4.1.2", "title": {"vi": "Trễ hạn nhiều lần"}, "max": 1.5,
             "rule": {"kind": "yes_no"}}]}),
    );
    load(&v).unwrap();
    set(&mut v, "/fields/3/children/0/children/1/max", json!(2.5));
    let errors = load(&v).unwrap_err();
    assert_reports(
        &errors,
        "fields[3].children[0].children[1] (4.1.2)",
        Problem::ChildAboveParent {
            child: Points(250),
            parent: Points(200),
        },
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
}

#[test]
fn a_rule_that_fails_does_not_make_its_parent_add_up_wrong() {
    let unknown = |v: &mut Value| {
        set(
            v,
            "/fields/0/children/0/children/1/rule",
            json!({"kind": "lottery"}),
        );
        set(v, "/fields/1/children/3/rule", json!({"kind": "survy"}));
        set(
            v,
            "/fields/0/children/1/children/1/rule/full_at_percent",
            json!(true),
        );
    };
    let errors = problems(unknown);
    assert_reports(
        &errors,
        "fields[0].children[0].children[1] (1.1.2).rule",
        Problem::UnknownRuleKind("lottery".into()),
    );
    assert_reports(
        &errors,
        "fields[0].children[1].children[1] (1.2.2).rule.full_at_percent",
        Problem::NotANumber("true".into()),
    );
    assert_none(&errors, "sum problem", |p| {
        matches!(
            p,
            Problem::ChildrenDoNotAddUp { .. }
                | Problem::FieldsDoNotAddUp { .. }
                | Problem::SurveyDoesNotAddUp { .. }
        )
    });
    assert_eq!(errors.len(), 3, "{errors:#?}");
    // A sum that is wrong whatever the failed rule says is still reported.
    let errors = problems(|v| {
        unknown(v);
        set(v, "/fields/0/children/0/max", json!(5));
    });
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
fn a_field_of_unknown_kind_adds_no_false_sums() {
    // "Bonus" is not "bonus": the field is refused, and it is not counted into the scale as if
    // it were an ordinary field.
    let errors = problems(|v| set(v, "/fields/2/kind", json!("Bonus")));
    assert_reports(
        &errors,
        "fields[2]",
        Problem::UnknownBlockKind("Bonus".into()),
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let vi = Problem::UnknownBlockKind("Bonus".into()).message(Lang::Vi);
    for kind in ["regular", "bonus", "penalty"] {
        assert!(vi.contains(kind), "{vi}");
    }
    let en = Problem::UnknownBlockKind("Bonus".into()).message(Lang::En);
    assert!(
        en.contains("regular") && en.contains("bonus or penalty"),
        "{en}"
    );
}

#[test]
fn reversed_count_bands_are_named_as_count_bands() {
    let errors = problems(|v| {
        set(
            v,
            "/fields/0/children/1/children/2/rule/bands/1",
            json!({"from": 3, "to": 2, "points": 1.5}),
        )
    });
    assert_reports(
        &errors,
        &format!("{P123}.rule.bands[1]"),
        Problem::CountBandReversed { from: 3, to: 2 },
    );
    assert_none(&errors, "percentage band problem", |p| {
        matches!(p, Problem::EmptyBand)
    });
    let problem = Problem::CountBandReversed { from: 5, to: 3 };
    assert!(
        problem
            .message(Lang::Vi)
            .starts_with("Khoảng số lượng từ 5 đến 3 bị ngược"),
        "{}",
        problem.message(Lang::Vi)
    );
    assert!(
        problem
            .message(Lang::En)
            .starts_with("The count band from 5 to 3 is reversed")
    );
}

#[test]
fn an_empty_list_of_bands_is_said_to_have_no_bands() {
    let errors = problems(|v| {
        set(v, "/fields/0/children/0/children/2/rule/bands", json!([]));
        set(v, "/fields/0/children/1/children/2/rule/bands", json!([]));
    });
    assert_reports(&errors, &format!("{P113}.rule.bands"), Problem::NoBands);
    assert_reports(&errors, &format!("{P123}.rule.bands"), Problem::NoBands);
}

#[test]
fn checklist_items_are_named_as_checklist_items_at_their_place() {
    let errors = problems(|v| {
        set(v, "/fields/1/children/0/rule/items/1/id", json!("a"));
        set(v, "/fields/1/children/0/rule/items/2/points", json!(1.5));
    });
    assert_reports(
        &errors,
        "fields[1].children[0] (2.1).rule.items[1]",
        Problem::DuplicateChecklistItemId("a".into()),
    );
    assert_reports(
        &errors,
        "fields[1].children[0] (2.1).rule.items[2]",
        Problem::ChecklistItemAboveMax {
            points: Points(150),
            max: Points(100),
        },
    );
    let vi = Problem::DuplicateChecklistItemId("a".into()).message(Lang::Vi);
    assert!(vi.starts_with("Mã mục kiểm “a” bị trùng"), "{vi}");
    let vi = Problem::ChecklistItemAboveMax {
        points: Points(150),
        max: Points(100),
    }
    .message(Lang::Vi);
    assert!(vi.starts_with("Mục kiểm 1,5 điểm vượt"), "{vi}");
}

#[test]
fn points_each_yes_points_and_band_points_above_the_max_are_each_named() {
    let errors = problems(|v| {
        set(v, "/fields/3/children/0/rule/points_each", json!(3));
        set(
            v,
            "/fields/0/children/0/children/1/rule/yes_points",
            json!(2),
        );
        set(
            v,
            "/fields/0/children/0/children/2/rule/bands/0/points",
            json!(3),
        );
        set(
            v,
            "/fields/0/children/1/children/2/rule/bands/0/points",
            json!(2.5),
        );
    });
    let each = Problem::PointsEachAboveMax {
        points: Points(300),
        max: Points(200),
    };
    assert_reports(
        &errors,
        "fields[3].children[0] (4.1).rule.points_each",
        each.clone(),
    );
    assert!(
        each.message(Lang::Vi)
            .starts_with("Điểm mỗi lần (points_each) là 3, vượt")
    );
    let yes = Problem::YesPointsAboveMax {
        points: Points(200),
        max: Points(100),
    };
    assert_reports(
        &errors,
        "fields[0].children[0].children[1] (1.1.2).rule.yes_points",
        yes.clone(),
    );
    assert!(
        yes.message(Lang::Vi)
            .starts_with("Điểm khi “Có” (yes_points) là 2, vượt")
    );
    assert_reports(
        &errors,
        &format!("{P113}.rule.bands[0]"),
        Problem::BandPointsAboveMax {
            points: Points(300),
            max: Points(200),
        },
    );
    assert_reports(
        &errors,
        &format!("{P123}.rule.bands[0]"),
        Problem::BandPointsAboveMax {
            points: Points(250),
            max: Points(200),
        },
    );
    // None of them is called a level.
    for e in &errors {
        assert!(!e.problem.message(Lang::Vi).starts_with("Mức"), "{e}");
    }
}

#[test]
fn a_survey_item_may_be_not_applicable_but_not_declared_without_task() {
    let mut v = mini();
    set(
        &mut v,
        "/fields/1/children/3/allow_not_applicable",
        json!(true),
    );
    assert!(load(&v).unwrap().node("2.4").unwrap().allow_not_applicable);
    set(&mut v, "/fields/1/children/3/allow_no_task", json!(true));
    let errors = load(&v).unwrap_err();
    assert_reports(
        &errors,
        "fields[1].children[3] (2.4)",
        Problem::NoTaskOnSurvey,
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let vi = Problem::NoTaskOnSurvey.message(Lang::Vi);
    assert!(
        vi.contains("allow_no_task") && vi.contains("không phát sinh nhiệm vụ"),
        "{vi}"
    );
    // `false` says nothing and is allowed.
    set(&mut v, "/fields/1/children/3/allow_no_task", json!(false));
    load(&v).unwrap();
}

#[test]
fn a_framework_id_uses_only_letters_digits_and_hyphens() {
    for bad in ["soc trang", "sóc-trăng", "soc_trang", "soc/trang"] {
        let errors = problems(|v| set(v, "/id", json!(bad)));
        assert_reports(&errors, "id", Problem::InvalidId(bad.into()));
    }
    let vi = Problem::InvalidId("soc trang".into()).message(Lang::Vi);
    assert!(
        vi.contains("a–z") && vi.contains("0–9") && vi.contains("dấu gạch ngang (-)"),
        "{vi}"
    );
    let mut v = mini();
    set(&mut v, "/id", json!("Soc-Trang-2025"));
    assert_eq!(load(&v).unwrap().id, "Soc-Trang-2025");
}
