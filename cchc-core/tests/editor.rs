//! The framework editor's form: a framework file opens in it and is written back the same; every
//! edit (add, move, indent, remove and restore nodes; rule kinds and their rows) keeps what was
//! typed; the loader's problems land at the node they are about, live.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::builder::assemble::{Project, build};
use cchc_core::builder::delimited::from_delimited;
use cchc_core::builder::editor::check::{Issue, check};
use cchc_core::builder::editor::file::to_value;
use cchc_core::builder::editor::{FrameworkForm, NodeKey, RuleRows, TextForm};
use cchc_core::builder::table::SourceKind;
use cchc_core::framework::{Block, FrameworkStatus};
use cchc_core::{Framework, Problem, RuleKind, builtin};

fn open(text: &str) -> FrameworkForm {
    FrameworkForm::from_value(&serde_json::from_str(text).unwrap())
}

fn field_key(form: &FrameworkForm, i: usize) -> NodeKey {
    form.fields[i].key
}

/// A form with one field of two yes/no items, 60 + 40 = 100: usable.
fn small() -> FrameworkForm {
    let mut form = FrameworkForm::blank(2026);
    let f = field_key(&form, 0);
    let n = form.node_mut(f).unwrap();
    n.title = TextForm::vi("Công tác chỉ đạo, điều hành");
    n.max = "100".into();
    for (title, max) in [("Kế hoạch CCHC", "60"), ("Báo cáo CCHC", "40")] {
        let k = form.add_child(f).unwrap();
        let n = form.node_mut(k).unwrap();
        n.title = TextForm::vi(title);
        n.max = max.into();
        n.rule.choose(Some(RuleKind::YesNo));
    }
    form
}

fn issues_at(form: &FrameworkForm, key: NodeKey) -> Vec<(String, Issue)> {
    check(form)
        .problems_at(key)
        .map(|p| (p.part.clone(), p.issue.clone()))
        .collect()
}

#[test]
fn every_shipped_framework_opens_and_is_written_back_the_same() {
    for (name, text) in builtin::FRAMEWORK_FILES {
        let original = Framework::from_json(text).unwrap();
        let form = open(text);
        let checked = check(&form);
        assert!(
            checked.problems.is_empty(),
            "{name}: {:?}",
            checked.problems
        );
        let again = checked.framework.unwrap();
        assert_eq!(again.walk(), original.walk(), "{name}");
        assert_eq!(again.bands, original.bands, "{name}");
        assert_eq!(again.decision, original.decision, "{name}");
        assert_eq!(again.status, original.status, "{name}");
        assert_eq!(again.status_note, original.status_note, "{name}");
        assert_eq!(
            (again.total_max, again.self_scored_max, again.survey_max),
            (
                original.total_max,
                original.self_scored_max,
                original.survey_max
            ),
            "{name}"
        );
        // And the form of the file written is the form it came from.
        assert_eq!(
            FrameworkForm::from_value(&to_value(&form)),
            form,
            "{name}: a second round changes nothing"
        );
    }
}

#[test]
fn a_blank_form_names_what_is_missing_at_its_node_and_a_filled_one_is_usable() {
    let form = FrameworkForm::blank(2026);
    let f = field_key(&form, 0);
    let issues = issues_at(&form, f);
    assert!(
        issues.contains(&("rule".to_string(), Issue::NoRuleChosen)),
        "{issues:?}"
    );
    assert!(
        issues
            .iter()
            .any(|(part, i)| part == "max" && *i == Issue::Loader(Problem::MissingKey("max"))),
        "{issues:?}"
    );
    // Said once, in the form's words, not again as the loader's "neither children nor rule".
    assert!(
        !issues
            .iter()
            .any(|(_, i)| *i == Issue::Loader(Problem::NeitherChildrenNorRule))
    );
    let checked = check(&small());
    assert!(checked.usable(), "{:?}", checked.problems);
    let fw = checked.framework.unwrap();
    assert_eq!(fw.items().len(), 2);
    assert_eq!(fw.status, FrameworkStatus::Model);
}

#[test]
fn points_are_read_with_a_comma_or_a_dot_and_a_wrong_one_is_named_at_its_box() {
    let mut form = small();
    let f = field_key(&form, 0);
    let first = form.fields[0].children[0].key;
    let second = form.fields[0].children[1].key;
    form.node_mut(first).unwrap().max = "59,5".into();
    form.node_mut(second).unwrap().max = "40.5".into();
    assert!(check(&form).usable());

    form.node_mut(second).unwrap().max = "bốn mươi".into();
    let issues = issues_at(&form, second);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, "max");
    assert!(matches!(issues[0].1, Issue::Loader(Problem::NotANumber(_))));
    // What was typed stays as typed.
    assert_eq!(form.node(second).unwrap().max, "bốn mươi");
    // The parent's sum is not checked over a max that does not read.
    assert!(issues_at(&form, f).is_empty());
}

#[test]
fn a_sum_that_is_off_is_named_at_the_parent_and_the_total_in_the_details() {
    let mut form = small();
    let f = field_key(&form, 0);
    let first = form.fields[0].children[0].key;
    form.node_mut(first).unwrap().max = "50".into();
    let issues = issues_at(&form, f);
    assert!(
        issues
            .iter()
            .any(|(_, i)| matches!(i, Issue::Loader(Problem::ChildrenDoNotAddUp { .. }))),
        "{issues:?}"
    );
    assert_eq!(
        form.children_sum(f).unwrap(),
        cchc_core::Points::from_whole(90)
    );
    form.node_mut(f).unwrap().max = "90".into();
    let checked = check(&form);
    let whole: Vec<_> = checked
        .problems
        .iter()
        .filter(|p| p.node.is_none())
        .collect();
    assert_eq!(whole.len(), 1, "{:?}", checked.problems);
    assert_eq!(whole[0].part, "fields");
    assert!(matches!(
        whole[0].issue,
        Issue::Loader(Problem::FieldsDoNotAddUp { .. })
    ));
    form.total_max = "90".into();
    assert!(check(&form).usable());
}

#[test]
fn nodes_are_added_moved_indented_and_put_back_with_what_they_held() {
    let mut form = small();
    let f = field_key(&form, 0);
    let [a, b] = [
        form.fields[0].children[0].key,
        form.fields[0].children[1].key,
    ];
    // A new sibling gets a code no node has.
    let c = form.add_after(a).unwrap();
    assert_eq!(form.node(c).unwrap().code, "1.3");
    assert_eq!(form.position(c).unwrap().index, 1);
    assert!(form.shift(c, 1));
    assert!(!form.shift(c, 1), "already last");
    assert_eq!(
        form.fields[0]
            .children
            .iter()
            .map(|n| n.key)
            .collect::<Vec<_>>(),
        vec![a, b, c]
    );
    // Indented under b: b becomes a group and keeps its rule for when c leaves again.
    assert!(form.indent(c));
    assert!(form.node(b).unwrap().is_group());
    assert_eq!(form.position(c).unwrap().parent, Some(b));
    assert!(form.outdent(c));
    assert_eq!(form.position(c).unwrap().parent, Some(f));
    assert!(!form.node(b).unwrap().is_group());
    assert_eq!(form.node(b).unwrap().rule.kind, Some(RuleKind::YesNo));
    assert!(!form.outdent(f), "a field has no parent to leave");
    assert!(!form.indent(a), "a first child has no sibling above");

    let before = form.clone();
    let removed = form.remove(b).unwrap();
    assert!(form.node(b).is_none());
    form.restore(removed);
    assert_eq!(form, before);
}

#[test]
fn a_bonus_field_is_written_with_its_kind_and_its_children_follow_it() {
    let mut form = small();
    let bonus = form.add_field();
    let item = form.add_child(bonus).unwrap();
    form.set_block(bonus, Block::Bonus);
    assert_eq!(form.node(item).unwrap().block, Block::Bonus);
    let n = form.node_mut(bonus).unwrap();
    n.title = TextForm::vi("Điểm thưởng");
    n.max = "3".into();
    let n = form.node_mut(item).unwrap();
    n.title = TextForm::vi("Sáng kiến được công nhận");
    n.max = "4".into();
    n.rule.choose(Some(RuleKind::PerCount));
    n.rule.points_each = "0,5".into();
    // A child above its parent in a bonus field is named at the child.
    let issues = issues_at(&form, item);
    assert!(
        issues
            .iter()
            .any(|(_, i)| matches!(i, Issue::Loader(Problem::ChildAboveParent { .. }))),
        "{issues:?}"
    );
    form.node_mut(item).unwrap().max = "3".into();
    let fw = check(&form).framework.expect("usable");
    assert_eq!(fw.fields[1].block, Block::Bonus);
    assert_eq!(fw.total_max, cchc_core::Points::from_whole(100));
}

#[test]
fn a_rule_keeps_every_kinds_rows_and_writes_only_the_chosen_one() {
    let mut form = small();
    let a = form.fields[0].children[0].key;
    let rule = &mut form.node_mut(a).unwrap().rule;
    rule.choose(Some(RuleKind::Levels));
    assert_eq!(rule.levels.len(), 2, "two rows to fill");
    assert_eq!(rule.levels[0].id, "muc-1");
    assert_eq!(rule.levels[1].id, "muc-2");
    for (l, (label, points)) in rule
        .levels
        .iter_mut()
        .zip([("Đúng hạn", "60"), ("Chậm", "30")])
    {
        l.label = TextForm::vi(label);
        l.points = points.into();
    }
    rule.add_row(RuleRows::Levels);
    rule.levels[2].label = TextForm::vi("Không ban hành");
    rule.levels[2].points = "0".into();
    rule.raise_row(RuleRows::Levels, 2);
    assert_eq!(rule.levels[1].label.vi, "Không ban hành");
    // A level's id stays when its label is retyped and rows move.
    assert_eq!(rule.levels[1].id, "muc-3");
    let fw = check(&form).framework.expect("usable");
    assert_eq!(fw.items()[0].rule().unwrap().kind(), RuleKind::Levels);

    // Away to percentage bands and back: the levels are still there.
    let rule = &mut form.node_mut(a).unwrap().rule;
    rule.choose(Some(RuleKind::PercentBands));
    rule.bands[0].from = "80".into();
    rule.bands[0].points = "60".into();
    rule.bands[1].from = "0".into();
    rule.bands[1].to = "80".into();
    rule.bands[1].points = "0".into();
    assert!(check(&form).usable(), "{:?}", check(&form).problems);
    // A gap at exactly 80 % is named at the rule.
    form.node_mut(a).unwrap().rule.bands[0].from_inclusive = false;
    let issues = issues_at(&form, a);
    assert!(
        issues.iter().any(|(part, _)| part.starts_with("rule")),
        "{issues:?}"
    );
    let rule = &mut form.node_mut(a).unwrap().rule;
    rule.choose(Some(RuleKind::Levels));
    assert_eq!(rule.levels.len(), 3);
    assert!(check(&form).usable());
}

#[test]
fn a_framework_is_official_only_with_its_decisions_number_and_date() {
    let mut form = small();
    form.decision_number = "1234/QĐ-UBND".into();
    let fw = check(&form).framework.unwrap();
    assert_eq!(fw.status, FrameworkStatus::Model);
    assert!(fw.status_note.is_some());
    form.decision_date = "2026-01-15".into();
    let fw = check(&form).framework.unwrap();
    assert_eq!(fw.status, FrameworkStatus::Official);
    assert_eq!(fw.status_note, None);
}

#[test]
fn a_survey_item_makes_the_split_and_the_details_are_checked_where_typed() {
    let mut form = small();
    let b = form.fields[0].children[1].key;
    form.node_mut(b)
        .unwrap()
        .rule
        .choose(Some(RuleKind::Survey));
    let fw = check(&form).framework.unwrap();
    assert_eq!(fw.survey_max, cchc_core::Points::from_whole(40));
    assert_eq!(fw.self_scored_max, cchc_core::Points::from_whole(60));

    form.id = "sở nội vụ".into();
    form.year_from = "năm nay".into();
    let checked = check(&form);
    let parts: Vec<&str> = checked.problems.iter().map(|p| p.part.as_str()).collect();
    assert!(parts.contains(&"id"), "{parts:?}");
    assert!(parts.contains(&"years.from"), "{parts:?}");
    assert!(checked.problems.iter().all(|p| p.node.is_none()));
}

#[test]
fn the_builders_work_comes_over_with_what_it_left_open_still_open() {
    let pasted = "STT\tTiêu chí\tĐiểm tối đa\tCách chấm điểm\n\
                  I\tCông tác chỉ đạo\t3\t\n\
                  1\tBan hành kế hoạch\t2\tBan hành kịp thời: 2 điểm; ban hành chậm: 1 điểm; không ban hành: 0 điểm\n\
                  2\tTuyên truyền\t1\tTùy mức độ\n";
    let table = from_delimited(pasted, SourceKind::Pasted).unwrap();
    let project = Project::new("phu-luc.docx", table, 2026);
    let built = build(&project);
    assert!(!built.usable);
    let form = FrameworkForm::from_built(&built);
    let items: Vec<_> = form.fields[0].children.iter().collect();
    assert_eq!(items[0].rule.kind, Some(RuleKind::Levels));
    assert_eq!(items[0].rule.levels.len(), 3);
    assert_eq!(items[1].rule.kind, None, "the builder could not read it");
    let issues = issues_at(&form, items[1].key);
    assert_eq!(issues, vec![("rule".to_string(), Issue::NoRuleChosen)]);

    let k = items[1].key;
    let mut form = form;
    form.node_mut(k).unwrap().rule.choose(Some(RuleKind::YesNo));
    form.total_max = "3".into();
    assert!(check(&form).usable(), "{:?}", check(&form).problems);
}

#[test]
fn a_file_the_loader_refuses_still_opens_with_what_could_be_read() {
    let form = open(
        r#"{"format": "cchc-framework", "format_version": 1, "id": "x", "fields": [
              {"code": "1", "title": "Lĩnh vực", "max": "mười", "children": [
                 {"code": "1.1", "title": {"vi": "Một"}, "max": 0.5, "rule": {"kind": "nope"}}]}]}"#,
    );
    assert_eq!(form.fields[0].title.vi, "Lĩnh vực");
    assert_eq!(form.fields[0].max, "mười");
    assert_eq!(form.fields[0].children[0].max, "0,5");
    assert_eq!(form.fields[0].children[0].rule.kind, None);
    assert!(form.bands.is_empty());
    let checked = check(&form);
    assert!(!checked.usable());
    assert!(
        checked
            .problems
            .iter()
            .any(|p| p.part == "bands" || p.part.starts_with("bands")),
        "{:?}",
        checked.problems
    );
}

#[test]
fn only_a_framework_file_opens_and_each_other_file_is_named_for_what_it_is() {
    use cchc_core::builder::editor::file::{OpenError, open_text};
    assert_eq!(open_text("PK\u{3}\u{4}…").unwrap_err(), OpenError::NotJson);
    let submission =
        open_text(r#"{"format": "cchc-submission", "format_version": 1}"#).unwrap_err();
    assert!(submission.message(cchc_core::Lang::Vi).contains("tệp nộp"));
    assert_eq!(
        open_text(r#"{"format": "cchc-framework", "format_version": 7}"#).unwrap_err(),
        OpenError::UnsupportedFormatVersion(7)
    );
    let (_, text) = builtin::FRAMEWORK_FILES[0];
    let with_bom = format!("\u{feff}{text}");
    assert!(check(&open_text(&with_bom).unwrap()).usable());
}
