//! The table-to-framework builder on annex-shaped tables: header words, merged cells, repeated
//! headers, missing codes, Roman numerals, checklists, problems tied to their rows, and the
//! officer's choices.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::Framework;
use cchc_core::builder::assemble::{
    BuildProblem, Built, Choice, ItemState, NodeKind, Project, SimpleRule, build,
};
use cchc_core::builder::columns::{Column, column_named, guess};
use cchc_core::builder::outline::{Numbering, parse_numbering, split_numbering};
use cchc_core::builder::table::{Cell, Merge, SourceKind, SourceRow, SourceTable};
use cchc_core::points::{Percent, Points};

fn own(t: &str) -> Cell {
    Cell::text(t)
}

fn bold(t: &str) -> Cell {
    Cell {
        bold: true,
        ..Cell::text(t)
    }
}

fn merged(m: Merge) -> Cell {
    Cell {
        merge: m,
        ..Cell::default()
    }
}

/// A field row of a five-column annex: code, title and max in bold, no method or evidence.
fn field(code: &str, title: &str, max: &str) -> SourceRow {
    row(vec![bold(code), bold(title), bold(max), own(""), own("")])
}

fn row(cells: Vec<Cell>) -> SourceRow {
    SourceRow {
        cells,
        marked_header: false,
    }
}

fn texts(cells: &[&str]) -> SourceRow {
    row(cells.iter().map(|t| own(t)).collect())
}

const HEADER: [&str; 5] = [
    "STT",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Điểm tối đa",
    "Cách chấm điểm",
    "Tài liệu kiểm chứng",
];

/// An annex in the usual shape: Roman fields, numbered criteria, dotted sub-criteria.
fn annex() -> SourceTable {
    SourceTable::new(
        SourceKind::Docx,
        vec![
            texts(&["PHỤ LỤC I", "", "", "", ""]),
            texts(&HEADER),
            texts(&["(1)", "(2)", "(3)", "(4)", "(5)"]),
            field("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "3"),
            row(vec![
                own("1"),
                own("Kế hoạch CCHC năm"),
                own("2"),
                own(""),
                own(""),
            ]),
            texts(&[
                "1.1",
                "Ban hành kế hoạch",
                "1",
                "Ban hành kịp thời: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm",
                "Kế hoạch CCHC",
            ]),
            texts(&[
                "1.2",
                "Hoàn thành kế hoạch",
                "1",
                "Có: 1 điểm; không: 0 điểm",
                "",
            ]),
            // The header typed again at the top of the next page.
            texts(&HEADER),
            row(vec![
                own("2"),
                own("Tuyên truyền CCHC"),
                own("1"),
                own("Có: 1 điểm; không: 0 điểm"),
                own(""),
            ]),
            field("II", "ĐIỂM THƯỞNG", "1"),
            texts(&[
                "1",
                "Sáng kiến được công nhận",
                "1",
                "Mỗi sáng kiến được công nhận: cộng 0,5 điểm",
                "",
            ]),
        ],
    )
}

fn usable(built: &Built) -> Framework {
    assert!(built.usable, "problems: {:#?}", built.problems);
    Framework::from_json(&built.framework.to_string()).unwrap()
}

#[test]
fn header_words_name_the_columns() {
    assert_eq!(column_named("STT"), Some(Column::Code));
    assert_eq!(column_named("Điểm tối đa"), Some(Column::Max));
    assert_eq!(column_named("Điểm tự chấm"), Some(Column::Ignored));
    assert_eq!(column_named("Hướng dẫn chấm điểm"), Some(Column::Method));
    assert_eq!(column_named("Tài liệu kiểm chứng"), Some(Column::Evidence));
    assert_eq!(column_named("Nội dung tiêu chí"), Some(Column::Title));
    assert_eq!(column_named("Mẫu số"), None);
}

#[test]
fn numbering_is_read_as_annexes_write_it() {
    assert_eq!(parse_numbering("IV"), Some(Numbering::Roman(4)));
    assert_eq!(parse_numbering("1.2."), Some(Numbering::Dotted(vec![1, 2])));
    assert_eq!(parse_numbering("đ)"), Some(Numbering::Letter("đ".into())));
    assert_eq!(parse_numbering("Tổng"), None);
    let (n, rest) = split_numbering("1.1. Ban hành kế hoạch").unwrap();
    assert_eq!(
        (n, rest),
        (Numbering::Dotted(vec![1, 1]), "Ban hành kế hoạch")
    );
    // A word that looks like a numeral is not one without its full stop.
    assert!(split_numbering("I am").is_none());
}

#[test]
fn an_annex_with_roman_fields_becomes_a_tree_with_unique_codes() {
    let project = Project::new("phu-luc.docx", annex(), 2025);
    assert_eq!(project.layout.header, vec![1, 2]);
    assert_eq!(
        project.layout.columns,
        vec![
            Column::Code,
            Column::Title,
            Column::Max,
            Column::Method,
            Column::Evidence
        ]
    );
    let built = build(&project);
    let codes: Vec<&str> = built.nodes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1"]);
    let fw = usable(&built);
    assert_eq!(fw.total_max, Points(300));
    // Rows are 1-based positions in the source, the repeated header skipped.
    let tuyen_truyen = built.nodes.iter().find(|n| n.code == "1.2").unwrap();
    assert_eq!(tuyen_truyen.rows, vec![9]);
}

#[test]
fn merged_cells_continue_the_node_above() {
    let table = SourceTable::new(
        SourceKind::Docx,
        vec![
            texts(&HEADER),
            field("1", "CÔNG TÁC CHỈ ĐẠO", "2"),
            texts(&["1.1", "Ban hành kế hoạch", "1", "Có: 1 điểm;", "Kế hoạch"]),
            // The code cell merged over the row below: the method goes on there.
            row(vec![
                merged(Merge::FromAbove),
                own(""),
                own(""),
                own("không: 0 điểm"),
                own(""),
            ]),
            // One method for two items, merged down.
            texts(&[
                "1.2",
                "Báo cáo quý",
                "0,5",
                "Có: 0,5 điểm; không: 0 điểm",
                "",
            ]),
            row(vec![
                own("1.3"),
                own("Báo cáo năm"),
                own("0.5"),
                merged(Merge::FromAbove),
                own(""),
            ]),
        ],
    );
    let built = build(&Project::new("a.docx", table, 2025));
    let fw = usable(&built);
    assert_eq!(fw.items().len(), 3);
    let first = built.nodes.iter().find(|n| n.code == "1.1").unwrap();
    assert_eq!(first.rows, vec![3, 4]);
    let NodeKind::Item { method, .. } = &built.nodes.iter().find(|n| n.code == "1.3").unwrap().kind
    else {
        panic!("1.3 is an item")
    };
    assert!(method.contains("0,5 điểm"));
    // A comma in one row and a dot in the next are both read, and the officer is told.
    assert_eq!(built.mixed_marks, Some((vec![5], vec![6])));
}

#[test]
fn without_codes_the_numbering_in_titles_or_bold_rows_give_the_tree() {
    let numbered = SourceTable::new(
        SourceKind::Pasted,
        vec![
            texts(&["Nội dung", "Điểm tối đa", "Cách chấm điểm"]),
            row(vec![bold("1. Chỉ đạo điều hành"), bold("1"), own("")]),
            texts(&["1.1. Kế hoạch", "1", "Có: 1 điểm; không: 0 điểm"]),
        ],
    );
    let built = build(&Project::new("p", numbered, 2025));
    usable(&built);
    assert_eq!(built.nodes[1].code, "1.1");

    let bold_only = SourceTable::new(
        SourceKind::Pasted,
        vec![
            texts(&["Tiêu chí", "Điểm tối đa", "Cách chấm điểm"]),
            row(vec![bold("Chỉ đạo điều hành"), bold("2"), own("")]),
            texts(&["Kế hoạch", "1", "Có: 1 điểm; không: 0 điểm"]),
            texts(&["Báo cáo", "1", "Đạt: 1 điểm; không đạt: 0 điểm"]),
            row(vec![bold("Thể chế"), bold("1"), own("")]),
            texts(&["Văn bản", "1", "Có: 1 điểm; không: 0 điểm"]),
        ],
    );
    let built = build(&Project::new("p", bold_only, 2025));
    usable(&built);
    let codes: Vec<&str> = built.nodes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["1", "1.1", "1.2", "2", "2.1"]);
}

#[test]
fn parts_a_b_c_adding_up_make_a_checklist() {
    let table = SourceTable::new(
        SourceKind::Xlsx,
        vec![
            texts(&HEADER),
            field("1", "Công khai", "0,5"),
            texts(&["1.1", "Công khai thủ tục hành chính", "0,5", "", ""]),
            texts(&["a", "Niêm yết tại trụ sở", "0,25", "", ""]),
            texts(&["b)", "Đăng trên Cổng thông tin", "0,25", "", ""]),
        ],
    );
    let built = build(&Project::new("p", table, 2025));
    let fw = usable(&built);
    let item = fw.node("1.1").unwrap();
    assert_eq!(item.rule().unwrap().kind(), cchc_core::RuleKind::Checklist);
}

#[test]
fn every_problem_is_placed_at_its_rows_and_nothing_unsettled_is_usable() {
    let table = SourceTable::new(
        SourceKind::Docx,
        vec![
            texts(&HEADER),
            field("1", "Chỉ đạo", "3"),
            texts(&[
                "1.1",
                "Kế hoạch",
                "1",
                "Căn cứ kết quả thực hiện để chấm",
                "",
            ]),
            texts(&["1.2", "Báo cáo", "một", "Có: 1 điểm; không: 0 điểm", ""]),
            texts(&["1.3", "Kiểm tra", "1", "Có: 1 điểm; không: 0 điểm", ""]),
        ],
    );
    let mut project = Project::new("p", table, 2025);
    let built = build(&project);
    assert!(!built.usable);
    let placed: Vec<(Option<&str>, &[usize], &BuildProblem)> = built
        .problems
        .iter()
        .map(|p| (p.code.as_deref(), p.rows.as_slice(), &p.problem))
        .collect();
    assert!(placed.contains(&(Some("1.1"), &[3][..], &BuildProblem::NeedsChoice)));
    assert!(placed.iter().any(|(c, r, p)| *c == Some("1.2")
        && *r == [4]
        && matches!(p, BuildProblem::MaxUnread { text } if text == "một")));

    // The officer settles both: the sum problem the loader finds is placed at the field's row.
    project.choices.insert(
        "1.1".into(),
        Choice::Rule {
            kind: SimpleRule::YesNo,
        },
    );
    project.table.rows[3].cells[2] = own("0,5");
    project.table.rows[3].cells[3] = own("Có: 0,5 điểm; không: 0 điểm");
    let built = build(&project);
    assert!(!built.usable);
    let sum = built
        .problems
        .iter()
        .find(|p| matches!(p.problem, BuildProblem::Loader { .. }))
        .unwrap_or_else(|| panic!("the loader's sum problem: {:#?}", built.problems));
    assert_eq!(
        (sum.code.as_deref(), sum.rows.as_slice()),
        (Some("1"), &[2][..])
    );
    project.set_cell(1, 2, " 2,5 ");
    usable(&build(&project));
    // A cell outside the table changes nothing.
    let before = project.clone();
    project.set_cell(99, 0, "x");
    project.set_cell(0, 99, "x");
    assert_eq!(project, before);
}

#[test]
fn an_open_edge_is_confirmed_before_the_framework_is_usable() {
    let table = SourceTable::new(
        SourceKind::Pasted,
        vec![
            texts(&["STT", "Tiêu chí", "Điểm tối đa", "Cách chấm điểm"]),
            row(vec![
                bold("1"),
                bold("Giải quyết hồ sơ"),
                bold("2"),
                own(""),
            ]),
            texts(&[
                "1.1",
                "Tỷ lệ hồ sơ đúng hạn",
                "2",
                "Trên 90%: 2 điểm; từ 70% - 90%: 1 điểm; dưới 70%: 0 điểm",
            ]),
        ],
    );
    let mut project = Project::new("p", table, 2025);
    let built = build(&project);
    let item = built.nodes.iter().find(|n| n.code == "1.1").unwrap();
    assert!(matches!(
        &item.kind,
        NodeKind::Item { state: ItemState::EdgesOpen { edges }, .. } if edges[0].at == Percent(9000)
    ));
    assert!(!built.usable);
    project.choices.insert(
        "1.1".into(),
        Choice::Edges {
            upper: vec![Percent(9000)],
        },
    );
    let built = build(&project);
    usable(&built);
    // Exactly 90 % now earns the band above.
    let bands = built.framework["fields"][0]["children"][0]["rule"]["bands"]
        .as_array()
        .unwrap()
        .clone();
    let takes_90 = |b: &serde_json::Value| {
        (b["from"] == 90 && b["from_inclusive"] == true)
            || (b["to"] == 90 && b["to_inclusive"] == true)
    };
    let holders: Vec<_> = bands.iter().filter(|b| takes_90(b)).collect();
    assert_eq!(holders.len(), 1, "{bands:?}");
    assert_eq!(holders[0]["points"], 2);
}

#[test]
fn a_guess_without_header_still_finds_a_title_column() {
    let table = SourceTable::new(
        SourceKind::Pasted,
        vec![
            texts(&["1", "Ban hành kế hoạch cải cách hành chính năm", "1"]),
            texts(&["2", "Báo cáo", "1"]),
        ],
    );
    let layout = guess(&table);
    assert!(layout.header.is_empty());
    assert_eq!(layout.column(Column::Title), Some(1));
    let built = build(&Project::new("p", table, 2025));
    assert!(
        built
            .problems
            .iter()
            .any(|p| p.problem == BuildProblem::NoHeader)
    );
}

#[test]
fn the_template_builds_a_usable_framework() {
    let sheet = cchc_core::builder::template::sheet();
    let mut rows = vec![
        texts(&[&sheet.title]),
        row(sheet.headers.iter().map(|h| own(h)).collect()),
    ];
    for r in &sheet.rows {
        rows.push(row(r
            .iter()
            .map(|c| match c {
                cchc_core::report::Cell::Text(t) => own(t),
                other => own(&other.csv()),
            })
            .collect()));
    }
    let built = build(&Project::new(
        "mau.xlsx",
        SourceTable::new(SourceKind::Xlsx, rows),
        2025,
    ));
    usable(&built);
}

#[test]
fn a_header_over_two_rows_names_its_columns_from_both() {
    let table = SourceTable::new(
        SourceKind::Xlsx,
        vec![
            row(vec![
                own("STT"),
                own("Tiêu chí"),
                own("Điểm"),
                merged(Merge::FromLeft),
                own("Cách chấm điểm"),
            ]),
            row(vec![
                merged(Merge::FromAbove),
                merged(Merge::FromAbove),
                own("Tối đa"),
                own("Tự chấm"),
                merged(Merge::FromAbove),
            ]),
            row(vec![
                bold("1"),
                bold("Chỉ đạo"),
                bold("1"),
                own("1"),
                own(""),
            ]),
            texts(&["1.1", "Kế hoạch", "1", "1", "Có: 1 điểm; không: 0 điểm"]),
        ],
    );
    let layout = guess(&table);
    assert_eq!(layout.header, vec![0, 1]);
    assert_eq!(
        layout.columns,
        vec![
            Column::Code,
            Column::Title,
            Column::Max,
            Column::Ignored,
            Column::Method
        ]
    );
    usable(&build(&Project::new("p", table, 2025)));
}

#[test]
fn a_code_written_twice_is_refused_at_both_rows() {
    let table = SourceTable::new(
        SourceKind::Docx,
        vec![
            texts(&HEADER),
            field("1", "Chỉ đạo", "2"),
            texts(&["1.1", "Kế hoạch", "1", "Có: 1 điểm; không: 0 điểm", ""]),
            texts(&["1.1", "Báo cáo", "1", "Có: 1 điểm; không: 0 điểm", ""]),
        ],
    );
    let built = build(&Project::new("p", table, 2025));
    assert!(!built.usable);
    let duplicate = built
        .problems
        .iter()
        .find(|p| matches!(&p.problem, BuildProblem::Loader { message_vi, .. } if message_vi.contains("1.1")))
        .unwrap_or_else(|| panic!("{:#?}", built.problems));
    assert_eq!(duplicate.code.as_deref(), Some("1.1"));
    assert!(!duplicate.rows.is_empty());
}

#[test]
fn a_bonus_field_takes_its_cap_from_the_words_when_no_max_is_written() {
    let table = SourceTable::new(
        SourceKind::Docx,
        vec![
            texts(&HEADER),
            field("I", "CHỈ ĐẠO", "1"),
            texts(&["1", "Kế hoạch", "1", "Có: 1 điểm; không: 0 điểm", ""]),
            row(vec![
                bold("II"),
                bold("ĐIỂM THƯỞNG (tối đa không quá 2 điểm)"),
                own(""),
                own(""),
                own(""),
            ]),
            texts(&[
                "1",
                "Sáng kiến",
                "2",
                "Mỗi sáng kiến được công nhận: cộng 1 điểm",
                "",
            ]),
            texts(&["2", "Giải thưởng", "1", "Có: 1 điểm; không: 0 điểm", ""]),
        ],
    );
    let built = build(&Project::new("p", table, 2025));
    let fw = usable(&built);
    assert_eq!(fw.total_max, Points(100));
    assert_eq!(built.framework["fields"][1]["kind"], "bonus");
    assert_eq!(built.framework["fields"][1]["max"], 2);
}

#[test]
fn an_id_the_loader_refuses_is_a_problem_of_the_whole_framework() {
    let table = SourceTable::new(
        SourceKind::Pasted,
        vec![
            texts(&["STT", "Tiêu chí", "Điểm tối đa", "Cách chấm điểm"]),
            row(vec![bold("1"), bold("Chỉ đạo"), bold("1"), own("")]),
            texts(&["1.1", "Kế hoạch", "1", "Có: 1 điểm; không: 0 điểm"]),
        ],
    );
    let mut project = Project::new("p", table, 2025);
    project.meta.id = "có dấu cách".into();
    let built = build(&project);
    assert!(!built.usable);
    assert!(built.problems.iter().any(|p| p.code.is_none()
        && matches!(&p.problem, BuildProblem::Loader { message_vi, .. } if !message_vi.is_empty())));
}
