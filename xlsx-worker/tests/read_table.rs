//! The worker's other job: a spreadsheet read into a table for the page (the Sở Nội vụ survey
//! sheet), answered as the JSON of `Result<SourceTable, SourceError>`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cchc_core::builder::source_error::SourceError;
use cchc_core::builder::table::SourceTable;
use cchc_core::report::{Cell, PlainSheet, SpreadsheetRequest};

fn answer(file_name: &str, bytes: Vec<u8>) -> Result<SourceTable, SourceError> {
    let request = SpreadsheetRequest::ReadTable {
        file_name: file_name.into(),
        bytes,
    };
    // The request goes to the worker as JSON and the answer comes back as JSON.
    let request: SpreadsheetRequest =
        serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
    serde_json::from_slice(&xlsx_worker::write(&request).unwrap()).unwrap()
}

#[test]
fn a_workbook_is_read_back_into_its_rows() {
    let sheet = PlainSheet {
        name: "Điều tra".into(),
        title: "Kết quả điều tra xã hội học".into(),
        headers: vec!["Đơn vị".into(), "Điểm điều tra XHH".into()],
        rows: vec![vec![
            Cell::Text("Sở Y tế".into()),
            Cell::Text("25,5".into()),
        ]],
    };
    let bytes = xlsx_worker::write_sheets(&[sheet]).unwrap();
    let table = answer("dieu-tra.xlsx", bytes).expect("the workbook reads");
    let texts: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
        .collect();
    assert!(
        texts.contains(&vec!["Đơn vị".to_string(), "Điểm điều tra XHH".to_string()]),
        "{texts:?}"
    );
    assert!(
        texts.contains(&vec!["Sở Y tế".to_string(), "25,5".to_string()]),
        "{texts:?}"
    );
}

#[test]
fn a_file_that_is_no_table_comes_back_as_the_readers_refusal() {
    assert_eq!(
        answer("bao-cao.xlsx", b"%PDF-1.7\n1 0 obj".to_vec()),
        Err(SourceError::Pdf)
    );
    assert_eq!(answer("trong.xlsx", Vec::new()), Err(SourceError::Empty));
}
