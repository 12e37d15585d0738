//! The workbook, read back by an independent reader (calamine): the cells a clerk sees.

use calamine::{Data, Reader, Xlsx};
use cchc_core::answer::{Answer, Evidence, Value};
use cchc_core::draft::{Draft, FrameworkRef, UnitRef};
use cchc_core::report::ScoreTable;
use cchc_core::{Lang, builtin, score};

fn table() -> ScoreTable {
    let fw = builtin::frameworks().remove(0).unwrap();
    let mut d = Draft::new(
        "x".into(),
        FrameworkRef::of(&fw),
        UnitRef {
            id: None,
            name: "Sở Nội vụ".into(),
        },
        2025,
        "2025-01-01T00:00:00Z".into(),
    );
    d.answers.evidence.push(Evidence {
        id: "tl1".into(),
        number: "12/KH-SNV".into(),
        date: Some("2025-01-10".into()),
        issuer: "Sở Nội vụ".into(),
        title: "Kế hoạch cải cách hành chính năm 2025".into(),
        ..Evidence::default()
    });
    d.answers.items.insert(
        "1.1.1".into(),
        Answer {
            value: Some(Value::Level { id: "cham".into() }),
            evidence: vec!["tl1".into()],
            ..Answer::default()
        },
    );
    d.answers.items.insert(
        "1.1.2".into(),
        Answer {
            value: Some(Value::YesNo { yes: true }),
            explanation: "Đang bổ sung tài liệu".into(),
            ..Answer::default()
        },
    );
    let sc = score(&fw, &d.answers);
    ScoreTable::build(&fw, &d, &sc, Lang::Vi)
}

#[test]
fn the_workbook_has_the_score_table_with_numbers_as_numbers_and_the_evidence_register() {
    let t = table();
    let bytes = xlsx_worker::write_xlsx(&t).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec!["Bảng điểm".to_string(), "Tài liệu kiểm chứng".to_string()]
    );
    let sheet = book.worksheet_range("Bảng điểm").unwrap();
    let cell = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        cell(0, 0),
        Data::String("BẢNG ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025".into())
    );
    assert_eq!(cell(1, 0), Data::String("Sở Nội vụ".into()));
    // Find the header row and the row of item 1.1.1.
    let rows: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    let header = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String("STT".into())))
        .unwrap();
    assert_eq!(rows[header][3], Data::String("Điểm tự đánh giá".into()));
    let item = rows
        .iter()
        .find(|r| r.first() == Some(&Data::String("1.1.1".into())))
        .unwrap();
    assert_eq!(item[2], Data::Float(1.0));
    assert_eq!(item[3], Data::Float(0.5));
    assert_eq!(
        item[4],
        // The issuer is cited, as on the item's evidence list and in the printed report.
        Data::String(
            "12/KH-SNV ngày 10/01/2025 của Sở Nội vụ — Kế hoạch cải cách hành chính năm 2025"
                .into()
        )
    );
    let field = rows
        .iter()
        .find(|r| r.first() == Some(&Data::String("1".into())))
        .unwrap();
    assert!(
        matches!(field[3], Data::Float(p) if (p - 1.5).abs() < 1e-9),
        "field 1 subtotal: {:?}",
        field[3]
    );
    let explained = rows
        .iter()
        .find(|r| r.first() == Some(&Data::String("1.1.2".into())))
        .unwrap();
    assert_eq!(explained[5], Data::String("Đang bổ sung tài liệu".into()));
    let total = rows
        .iter()
        .find(|r| r.first() == Some(&Data::String("TỔNG ĐIỂM".into())))
        .unwrap();
    assert_eq!(total[3], Data::Float(t.total.hundredths() as f64 / 100.0));
    // Field rows are bold, merged headers exist: checked through the bytes' styles is beyond
    // calamine; the layout test above pins the cells.
    let register = book.worksheet_range("Tài liệu kiểm chứng").unwrap();
    assert_eq!(
        register.get_value((1, 1)),
        Some(&Data::String("12/KH-SNV".into()))
    );
    assert_eq!(
        register.get_value((1, 6)),
        Some(&Data::String("1.1.1".into()))
    );
}

#[test]
fn a_plain_sheet_keeps_its_numbers_as_numbers() {
    use cchc_core::Points;
    use cchc_core::report::{Cell, PlainSheet, SpreadsheetRequest};
    let sheet = PlainSheet {
        name: "Cấp sở".into(),
        title: "Xếp hạng Chỉ số CCHC".into(),
        headers: vec!["Hạng".into(), "Đơn vị".into(), "Chỉ số (%)".into()],
        rows: vec![vec![
            Cell::Whole(1),
            Cell::Text("Sở Nội vụ".into()),
            Cell::Points(Points(9045)),
        ]],
    };
    let bytes = xlsx_worker::write(&SpreadsheetRequest::Sheets {
        sheets: vec![sheet],
    })
    .unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Cấp sở").unwrap();
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String("Xếp hạng Chỉ số CCHC".into()))
    );
    assert_eq!(range.get_value((3, 0)), Some(&Data::Float(1.0)));
    assert_eq!(
        range.get_value((3, 1)),
        Some(&Data::String("Sở Nội vụ".into()))
    );
    assert_eq!(range.get_value((3, 2)), Some(&Data::Float(90.45)));
}
