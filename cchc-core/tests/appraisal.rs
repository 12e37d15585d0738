//! The appraisal round: the council's values scored in place of the unit's, the `cchc-appraisal`
//! file written and read back, each refusal with its own words, and the ranking on appraised
//! points.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::appraisal::file::{AppraisalError, check_appraisal, submission_checksum};
use cchc_core::appraisal::{Appraisal, Stage, SubmissionRef};
use cchc_core::ranking::{Entry, rank};
use cchc_core::{Draft, Edit, Framework, Lang, Node, Points, Rule, Value, sample, score};

fn so_framework() -> Framework {
    cchc_core::builtin::frameworks()
        .into_iter()
        .next()
        .unwrap()
        .expect("the shipped sở framework loads")
}

fn submission(framework: &Framework, unit: &str) -> Draft {
    let mut d = sample::draft(framework, 2025);
    d.unit.name = unit.into();
    d
}

/// The first item scored by levels whose sample answer is not its lowest level, and that level.
fn level_item(framework: &Framework, draft: &Draft) -> (String, Value, Points) {
    for node in framework.items() {
        if let Some(Rule::Levels { levels }) = node.rule() {
            let lowest = levels.iter().min_by_key(|l| l.points).unwrap();
            let answered = draft
                .answers
                .items
                .get(&node.code)
                .and_then(|a| a.value.clone());
            if answered.is_some()
                && answered
                    != Some(Value::Level {
                        id: lowest.id.clone(),
                    })
            {
                return (
                    node.code.clone(),
                    Value::Level {
                        id: lowest.id.clone(),
                    },
                    lowest.points,
                );
            }
        }
    }
    panic!("the sở framework has an item scored by levels")
}

fn survey_item(framework: &Framework) -> &Node {
    framework
        .items()
        .into_iter()
        .find(|n| n.rule().is_some_and(Rule::is_survey))
        .expect("the sở framework has survey items")
}

fn appraisal_of(draft: &Draft) -> Appraisal {
    let mut a = Appraisal::new(SubmissionRef::of(draft), "2026-02-10T09:00:00+07:00".into());
    a.appraiser = "Hội đồng thẩm định Chỉ số CCHC tỉnh".into();
    a
}

#[test]
fn the_councils_value_replaces_the_units_and_nothing_else_changes() {
    let fw = so_framework();
    let draft = submission(&fw, "Sở Y tế");
    let (code, lowest, lowest_points) = level_item(&fw, &draft);
    let own = score(&fw, &draft.answers);
    let mut a = appraisal_of(&draft);
    a.set_value(&code, Some(lowest.clone()));
    a.set_comment(&code, "Kế hoạch ban hành chậm so với quy định".into());

    let accepted = a.apply_to(&draft.answers);
    assert_eq!(accepted.items[&code].value, Some(lowest));
    assert_eq!(
        accepted.items[&code].evidence, draft.answers.items[&code].evidence,
        "the unit's evidence stays"
    );
    assert_eq!(accepted.evidence, draft.answers.evidence);

    let appraised = a.score(&fw, &draft.answers);
    let lost = own.nodes[&code].points - lowest_points;
    assert!(lost > Points::ZERO);
    assert_eq!(appraised.nodes[&code].points, lowest_points);
    assert_eq!(appraised.self_scored, own.self_scored - lost);
    assert_eq!(
        score(&fw, &draft.answers),
        own,
        "the submission itself is unchanged"
    );
}

#[test]
fn an_item_given_back_to_the_units_answer_and_without_a_comment_leaves_the_appraisal() {
    let fw = so_framework();
    let draft = submission(&fw, "Sở Y tế");
    let (code, lowest, _) = level_item(&fw, &draft);
    let mut a = appraisal_of(&draft);
    a.set_value(&code, Some(lowest));
    a.set_comment(&code, "Chưa đủ".into());
    a.set_value(&code, None);
    assert!(a.items.contains_key(&code), "the comment keeps it");
    a.set_comment(&code, "  ".into());
    assert!(a.items.is_empty());
}

#[test]
fn the_submission_checksum_names_what_the_unit_declared_and_nothing_else() {
    let fw = so_framework();
    let draft = submission(&fw, "Sở Y tế");
    let sum = submission_checksum(&draft);
    let exported = Draft::from_json(&draft.export(&fw, "9.9.9")).unwrap();
    assert_eq!(
        submission_checksum(&exported),
        sum,
        "the exported file names the same submission"
    );
    let mut saved = draft.clone();
    saved.revision = 17;
    saved.updated_at = "2026-01-01T00:00:00Z".into();
    assert_eq!(
        submission_checksum(&saved),
        sum,
        "saving again changes nothing declared"
    );
    let mut changed = draft.clone();
    let (code, lowest, _) = level_item(&fw, &draft);
    changed.apply(Edit::SetValue {
        code,
        value: Some(lowest),
    });
    assert_ne!(submission_checksum(&changed), sum);
    let mut renamed = draft.clone();
    renamed.apply(Edit::SetRemarks("Khác".into()));
    assert_ne!(submission_checksum(&renamed), sum);
}

#[test]
fn an_exported_appraisal_reads_back_as_written_and_exports_to_the_same_bytes() {
    let fw = so_framework();
    let draft = submission(&fw, "Sở Tư pháp");
    let (code, lowest, _) = level_item(&fw, &draft);
    let mut a = appraisal_of(&draft);
    a.set_value(&code, Some(lowest));
    a.set_comment(&code, "Văn bản “chậm” 5 ngày\nxem lại".into());
    a.remarks = "Đơn vị cần bổ sung tài liệu".into();
    a.stage = Stage::Final;
    let text = a.export(&fw, &draft);
    let back = check_appraisal(&text, &fw, &draft).expect("its own file is accepted");
    assert_eq!(back.items, a.items);
    assert_eq!(back.remarks, a.remarks);
    assert_eq!(back.stage, Stage::Final);
    assert_eq!(back.submission, a.submission);
    let snapshot = back
        .scorecard
        .clone()
        .expect("the appraised scores are written");
    assert_eq!(
        snapshot.self_scored,
        a.score(&fw, &draft.answers).self_scored
    );
    assert_eq!(back.export(&fw, &draft), text);
    assert_eq!(a.file_name(), "CCHC-2025-So-Tu-phap-tham-dinh.json");
}

/// The appraisal's file, changed by `edit` on its JSON, with the checksum written again so that
/// only the change is refused.
fn resealed(text: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    edit(&mut v);
    v.as_object_mut().unwrap().remove("checksum");
    // The documented checksum: keys sorted, no spaces.
    let sum = cchc_core::fingerprint::of_json(&v);
    v["checksum"] = serde_json::Value::String(sum);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn every_refusal_has_its_own_words_and_names_what_the_file_is() {
    let fw = so_framework();
    let draft = submission(&fw, "Sở Y tế");
    let (code, lowest, _) = level_item(&fw, &draft);
    let mut a = appraisal_of(&draft);
    a.set_value(&code, Some(lowest));
    a.set_comment(&code, "Chậm".into());
    let text = a.export(&fw, &draft);
    let refused = |t: &str, d: &Draft| check_appraisal(t, &fw, d).unwrap_err();

    let other_unit = submission(&fw, "Sở Xây dựng");
    let mut changed = draft.clone();
    changed.apply(Edit::SetRemarks("Đề xuất mới".into()));
    let survey_code = survey_item(&fw).code.clone();
    let cases: Vec<(&str, AppraisalError, &str)> = vec![
        ("empty", refused("", &draft), "trống"),
        (
            "truncated",
            refused(&text[..text.len() / 2], &draft),
            "cắt ngang",
        ),
        (
            "not json",
            refused("Biên bản thẩm định", &draft),
            "không đọc được",
        ),
        (
            "a submission",
            refused(&draft.export(&fw, "1"), &draft),
            "tệp tự đánh giá của đơn vị",
        ),
        (
            "another kind",
            refused(r#"{"format":"cchc-framework"}"#, &draft),
            "không phải tệp thẩm định",
        ),
        (
            "newer",
            refused(
                &text.replacen("\"format_version\": 1", "\"format_version\": 2", 1),
                &draft,
            ),
            "phiên bản 2",
        ),
        (
            "malformed",
            refused(
                &resealed(&text, |v| v["items"] = serde_json::json!([1, 2])),
                &draft,
            ),
            "sai cấu trúc",
        ),
        (
            "edited",
            refused(&text.replacen("Chậm", "Đạt", 1), &draft),
            "đã bị sửa",
        ),
        (
            "another framework",
            refused(
                &resealed(&text, |v| {
                    v["submission"]["framework_version"] = "1999".into()
                }),
                &draft,
            ),
            "phiên bản 1999",
        ),
        (
            "another unit",
            refused(&text, &other_unit),
            "không phải của “Sở Xây dựng”",
        ),
        (
            "answers changed since",
            refused(&text, &changed),
            "câu trả lời đã thay đổi",
        ),
        (
            "a level the item lacks",
            refused(
                &resealed(&text, |v| {
                    v["items"][code.as_str()]["value"] =
                        serde_json::json!({"kind": "level", "id": "khong-co"})
                }),
                &draft,
            ),
            "không khớp cách chấm",
        ),
        (
            "a code the framework lacks",
            refused(
                &resealed(&text, |v| {
                    v["items"]["99.9.9"] = serde_json::json!({"comment": "?"})
                }),
                &draft,
            ),
            "không khớp cách chấm",
        ),
        (
            "a survey item",
            refused(
                &resealed(
                    &text,
                    |v| {
                        v["items"][survey_code.as_str()] =
                            serde_json::json!({"value": {"kind": "estimate", "points": "1.00"}})
                    },
                ),
                &draft,
            ),
            "không khớp cách chấm",
        ),
    ];
    let mut messages = Vec::new();
    for (name, error, words) in &cases {
        let message = error.message(Lang::Vi);
        assert!(
            message.contains(words),
            "[{name}] «{message}» should say «{words}»"
        );
        assert!(
            !error.message(Lang::En).is_empty(),
            "[{name}] in English too"
        );
        messages.push(message);
    }
    let details = cases[11].1.details(Lang::Vi);
    assert!(
        details.iter().any(|d| d.contains("khong-co")),
        "{details:?}"
    );
    let details = cases[12].1.details(Lang::Vi);
    assert!(details.iter().any(|d| d.contains("99.9.9")), "{details:?}");
    let details = cases[13].1.details(Lang::Vi);
    assert!(
        details.iter().any(|d| d.contains(&survey_code)),
        "{details:?}"
    );
}

#[test]
fn the_ranking_counts_appraised_points_where_an_appraisal_exists_and_keeps_the_claim() {
    let fw = so_framework();
    let a_draft = submission(&fw, "Sở A");
    let b_draft = submission(&fw, "Sở B");
    let c_draft = submission(&fw, "Sở C");
    let (code, lowest, lowest_points) = level_item(&fw, &a_draft);
    let own = score(&fw, &a_draft.answers);
    let lost = own.nodes[&code].points - lowest_points;
    let mut appraisal = appraisal_of(&a_draft);
    appraisal.set_value(&code, Some(lowest));

    let a = Entry::appraised("a.json".into(), &fw, &a_draft, false, &appraisal);
    let b = Entry::new("b.json".into(), &fw, &b_draft, false);
    let c = Entry::new("c.json".into(), &fw, &c_draft, false);
    assert!(a.appraised && !b.appraised);
    assert_eq!(a.claimed, own.self_scored);
    assert_eq!(a.self_scored, own.self_scored - lost);
    assert_eq!(b.claimed, b.self_scored);

    let ranked = rank(&[a.clone(), b, c]);
    let order: Vec<(&str, u32)> = ranked
        .iter()
        .map(|r| (r.entry.unit.as_str(), r.rank))
        .collect();
    assert_eq!(
        order,
        vec![("Sở B", 1), ("Sở C", 1), ("Sở A", 3)],
        "B and C tie on their own points; A drops below on the council's"
    );

    // Appraised back to the unit's own answers: the tie is three-way.
    let mut undone = appraisal.clone();
    undone.set_value(&code, None);
    let a_again = Entry::appraised("a.json".into(), &fw, &a_draft, false, &undone);
    let ranked = rank(&[a_again, Entry::new("b.json".into(), &fw, &b_draft, false)]);
    assert!(ranked.iter().all(|r| r.rank == 1));
}

#[test]
fn units_with_different_applicable_maxima_are_ranked_by_index_not_by_points() {
    let fw = so_framework();
    let full = submission(&fw, "Sở Đủ");
    let mut narrower = submission(&fw, "Sở Ít nhiệm vụ");
    // The council accepts "không áp dụng" on items the unit had answered: fewer points on a
    // smaller maximum.
    let mut appraisal = appraisal_of(&narrower);
    let mut taken_out = Points::ZERO;
    let own = score(&fw, &narrower.answers);
    for node in fw.items().into_iter().filter(|n| n.allow_not_applicable) {
        let scored = &own.nodes[&node.code];
        // Items scored below the unit's own index: leaving them raises it.
        let below = i128::from(scored.points.0) * i128::from(own.applicable_max.0)
            < i128::from(own.total.0) * i128::from(scored.applicable_max.0);
        if below && scored.points > Points::ZERO {
            appraisal.set_value(
                &node.code,
                Some(Value::NotApplicable {
                    reason: "Không có nhiệm vụ".into(),
                }),
            );
            taken_out += scored.applicable_max;
        }
    }
    assert!(
        taken_out > Points::ZERO,
        "the sở framework allows không áp dụng on items scored short"
    );
    narrower.id = "other".into();
    let a = Entry::new("a.json".into(), &fw, &full, false);
    let b = Entry::appraised("b.json".into(), &fw, &narrower, false, &appraisal);
    assert_eq!(b.applicable_max, a.applicable_max - taken_out);
    assert!(b.total() < a.total(), "fewer points");
    assert!(b.index() > a.index(), "but a higher index");
    let ranked = rank(&[a, b]);
    assert_eq!(ranked[0].entry.unit, "Sở Ít nhiệm vụ");
}

#[test]
fn the_review_lists_every_item_with_the_claim_beside_the_councils_points() {
    use cchc_core::appraisal::{Filter, review};
    let fw = so_framework();
    let mut draft = submission(&fw, "Sở Y tế");
    let (code, lowest, lowest_points) = level_item(&fw, &draft);
    // One claim left unproven: its evidence and giải trình removed.
    let unproven = draft
        .answers
        .items
        .iter()
        .find(|(c, a)| **c != code && !a.evidence.is_empty())
        .map(|(c, _)| c.clone())
        .unwrap();
    let item = draft.answers.items.get_mut(&unproven).unwrap();
    item.evidence.clear();
    item.explanation.clear();
    let mut a = appraisal_of(&draft);
    a.set_value(&code, Some(lowest));
    let commented = fw
        .items()
        .into_iter()
        .find(|n| n.code != code)
        .unwrap()
        .code
        .clone();
    a.set_comment(&commented, "Đề nghị bổ sung".into());
    let own = score(&fw, &draft.answers);
    let rows = review(&fw, &own, &a.score(&fw, &draft.answers), &a);
    assert_eq!(rows.len(), fw.items().len(), "every item, in order");
    let shown = |f: Filter| -> Vec<&str> {
        rows.iter()
            .filter(|r| r.shown_by(f))
            .map(|r| r.code.as_str())
            .collect()
    };
    assert_eq!(shown(Filter::Differ), vec![code.as_str()]);
    let row = rows.iter().find(|r| r.code == code).unwrap();
    assert_eq!(row.difference(), lowest_points - own.nodes[&code].points);
    assert!(shown(Filter::LackingEvidence).contains(&unproven.as_str()));
    let mut touched = vec![code.as_str(), commented.as_str()];
    touched.sort();
    let mut got = shown(Filter::Appraised);
    got.sort();
    assert_eq!(got, touched);
    assert!(
        rows.iter().any(|r| r.survey),
        "survey items are listed, marked"
    );
}

/// The golden appraisal: the council's appraisal of the golden submission
/// (`tests/golden/valid-export-mini.json`), as export writes it. `UPDATE_GOLDEN=1` rewrites it;
/// `scripts/check_schemas.py` checks it against `docs/appraisal.schema.json` and redoes both
/// checksums from `docs/appraisal-format.md`.
#[test]
fn the_golden_appraisal_is_what_export_writes_and_reads_back() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
    let fw = Framework::from_json(&read("cases/frameworks/mini.json")).unwrap();
    let submission = Draft::from_json(&read("golden/valid-export-mini.json")).unwrap();
    let mut a = Appraisal::new(
        SubmissionRef::of(&submission),
        "2026-02-10T09:00:00+07:00".into(),
    );
    a.appraiser = "Hội đồng thẩm định Chỉ số CCHC tỉnh".into();
    a.set_value("1.1.1", Some(Value::Level { id: "khong".into() }));
    a.set_comment(
        "1.1.1",
        "Kế hoạch ban hành sau thời hạn; không đạt mức “chậm”".into(),
    );
    a.set_comment("1.2.3", "Đề nghị gửi biên bản các cuộc kiểm tra".into());
    a.remarks = "Đơn vị bổ sung tài liệu trong 5 ngày làm việc.".into();
    let text = a.export(&fw, &submission);
    let path = dir.join("golden/appraisal-mini.json");
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &text).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("tests/golden/appraisal-mini.json: {e}; run UPDATE_GOLDEN=1 cargo test -p cchc-core --test appraisal")
    });
    assert_eq!(
        stored, text,
        "tests/golden/appraisal-mini.json differs from what export writes; if intended, run UPDATE_GOLDEN=1 cargo test -p cchc-core --test appraisal and review the diff"
    );
    let back = check_appraisal(&stored, &fw, &submission).unwrap();
    assert_eq!(back.items, a.items);
}
