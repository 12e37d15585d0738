//! The province's survey points read from a sheet: the columns found by their header words or,
//! without a header, by what they hold; rows matched by code or by name (accents and case
//! aside); every row that cannot be taken says why and sets nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::builder::delimited::from_delimited;
use cchc_core::builder::table::SourceKind;
use cchc_core::ranking::Entry;
use cchc_core::survey_sheet::{Outcome, RowProblem, SheetError, read};
use cchc_core::{Framework, Lang, Points, sample};

fn so_framework() -> Framework {
    cchc_core::builtin::frameworks()
        .into_iter()
        .next()
        .unwrap()
        .unwrap()
}

/// Three units' files: two picked from a list (with ids), one typed by hand.
fn entries() -> Vec<Entry> {
    let fw = so_framework();
    [
        (Some("so-y-te"), "Sở Y tế"),
        (Some("so-tu-phap"), "Sở Tư pháp"),
        (None, "Ban Quản lý các khu công nghiệp"),
    ]
    .into_iter()
    .map(|(id, name)| {
        let mut d = sample::draft(&fw, 2025);
        d.unit.id = id.map(Into::into);
        d.unit.name = name.into();
        Entry::new(format!("{name}.json"), &fw, &d, false)
    })
    .collect()
}

fn pasted(text: &str) -> cchc_core::builder::table::SourceTable {
    from_delimited(text, SourceKind::Pasted).unwrap()
}

fn outcomes(text: &str) -> Vec<(usize, String, Outcome)> {
    read(&pasted(text), &entries())
        .unwrap()
        .rows
        .into_iter()
        .map(|r| (r.row, r.unit, r.outcome))
        .collect()
}

fn matched(source: &str, points: i64) -> Outcome {
    Outcome::Matched {
        sources: vec![source.into()],
        points: Points(points),
    }
}

#[test]
fn a_two_column_sheet_with_a_header_is_matched_by_name_without_regard_to_accents_and_case() {
    let got = outcomes(
        "KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM 2025\nSTT\tĐơn vị\tĐiểm điều tra XHH\n1\tsở y tế\t25,5\n2\tSO TU PHAP\t24.75\n3\tBan Quản lý các khu công nghiệp\t30\n",
    );
    assert_eq!(
        got,
        vec![
            (3, "sở y tế".into(), matched("Sở Y tế.json", 2550)),
            (4, "SO TU PHAP".into(), matched("Sở Tư pháp.json", 2475)),
            (
                5,
                "Ban Quản lý các khu công nghiệp".into(),
                matched("Ban Quản lý các khu công nghiệp.json", 3000)
            ),
        ]
    );
}

#[test]
fn a_code_column_matches_by_the_units_id_before_its_name() {
    let got = outcomes("Mã đơn vị\tTên đơn vị\tĐiểm khảo sát\nso-y-te\tSở Y tế (cũ)\t20\n");
    assert_eq!(
        got,
        vec![(2, "Sở Y tế (cũ)".into(), matched("Sở Y tế.json", 2000))]
    );
}

#[test]
fn without_a_header_the_names_and_the_numbers_are_told_apart_by_what_they_hold() {
    let got = outcomes("Sở Y tế\t21,25\nSở Tư pháp\t22\n");
    assert_eq!(
        got,
        vec![
            (1, "Sở Y tế".into(), matched("Sở Y tế.json", 2125)),
            (2, "Sở Tư pháp".into(), matched("Sở Tư pháp.json", 2200)),
        ]
    );
}

#[test]
fn a_unit_named_like_a_heading_in_a_sheet_without_a_header_is_a_unit() {
    let got = outcomes("Sở Y tế\t21\nĐơn vị lạ\t10\n");
    assert_eq!(got[0], (1, "Sở Y tế".into(), matched("Sở Y tế.json", 2100)));
    assert_eq!(
        got[1],
        (
            2,
            "Đơn vị lạ".into(),
            Outcome::Refused(RowProblem::UnknownUnit)
        )
    );
    let got = outcomes("Đơn vị lạ\t10\nSở Y tế\t21\n");
    assert_eq!(
        got[0],
        (
            1,
            "Đơn vị lạ".into(),
            Outcome::Refused(RowProblem::UnknownUnit)
        )
    );
    assert_eq!(got[1], (2, "Sở Y tế".into(), matched("Sở Y tế.json", 2100)));
}

#[test]
fn each_row_that_cannot_be_taken_says_why_and_sets_nothing() {
    let sheet = read(
        &pasted(
            "Đơn vị\tĐiểm XHH\nSở Xây dựng\t20\nSở Y tế\t21\nSở Y tế\t22\nSở Tư pháp\thai mươi\nBan Quản lý các khu công nghiệp\t31\n",
        ),
        &entries(),
    )
    .unwrap();
    let problems: Vec<(usize, RowProblem)> =
        sheet.refused().map(|(r, p)| (r.row, p.clone())).collect();
    assert_eq!(
        problems,
        vec![
            (2, RowProblem::UnknownUnit),
            (3, RowProblem::DuplicateUnit { rows: vec![3, 4] }),
            (4, RowProblem::DuplicateUnit { rows: vec![3, 4] }),
            (
                5,
                RowProblem::NotANumber {
                    text: "hai mươi".into()
                }
            ),
            (
                6,
                RowProblem::OutOfRange {
                    points: Points(3100),
                    max: Points(3000)
                }
            ),
        ]
    );
    assert!(sheet.matched().is_empty(), "nothing is set");
    let said: Vec<String> = problems.iter().map(|(_, p)| p.message(Lang::Vi)).collect();
    assert_eq!(
        said,
        vec![
            "không có tệp tự đánh giá của đơn vị này trong đợt",
            "đơn vị có ở nhiều dòng (3, 4); không dòng nào được lấy",
            "đơn vị có ở nhiều dòng (3, 4); không dòng nào được lấy",
            "“hai mươi” không phải là điểm (ví dụ 25,5)",
            "31 điểm ngoài khoảng 0 đến 30 (điểm tối đa phần điều tra)",
        ]
    );
    assert!(
        problems
            .iter()
            .all(|(_, p)| !p.message(Lang::En).is_empty())
    );
}

#[test]
fn a_sheet_without_names_or_without_points_is_refused_as_a_whole() {
    assert_eq!(
        read(&pasted("1\t20\n2\t21\n"), &entries()),
        Err(SheetError::NoUnitColumn)
    );
    assert_eq!(
        read(&pasted("Đơn vị\tGhi chú\nSở Y tế\ttốt\n"), &entries()),
        Err(SheetError::NoPointsColumn)
    );
    assert!(
        SheetError::NoPointsColumn
            .message(Lang::Vi)
            .contains("cột điểm")
    );
}

#[test]
fn a_unit_whose_file_came_twice_gets_the_points_on_both() {
    let mut list = entries();
    let mut copy = list[0].clone();
    copy.source = "Sở Y tế (bản sao).json".into();
    list.push(copy);
    let sheet = read(&pasted("Đơn vị\tĐiểm\nSở Y tế\t20\n"), &list).unwrap();
    assert_eq!(
        sheet.matched(),
        vec![
            ("Sở Y tế.json".to_string(), Points(2000)),
            ("Sở Y tế (bản sao).json".to_string(), Points(2000)),
        ]
    );
}
