//! Tables pasted from Word or Excel and .csv files: the separator found, Excel's quoting, the
//! encodings read and the ones refused with a message saying how to save the file instead.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::Lang;
use cchc_core::builder::delimited::{decode_text, from_delimited};
use cchc_core::builder::source_error::SourceError;
use cchc_core::builder::table::{SourceKind, SourceTable};
use cchc_core::submission::MAX_FILE_BYTES;

fn texts(table: &SourceTable) -> Vec<Vec<&str>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect()
}

#[test]
fn tsv_pasted_from_excel_keeps_quoted_multiline_cells_whole() {
    // Excel quotes a cell holding a line break or a quote and doubles the inner quotes.
    let pasted = "STT\tTiêu chí\tĐiểm tối đa\tPhương pháp chấm\r\n\
                  1\tKế hoạch CCHC\t2\t\"Ban hành kịp thời: 1 điểm\r\nBan hành chậm: 0,5 điểm\"\r\n\
                  1.1\t\"Văn bản \"\"đúng hạn\"\"\"\t1\t\r\n\
                  \r\n";
    let table = from_delimited(pasted, SourceKind::Pasted).unwrap();
    assert_eq!(table.kind, SourceKind::Pasted);
    assert_eq!(
        texts(&table),
        vec![
            vec!["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm"],
            vec![
                "1",
                "Kế hoạch CCHC",
                "2",
                "Ban hành kịp thời: 1 điểm\nBan hành chậm: 0,5 điểm"
            ],
            vec!["1.1", "Văn bản \"đúng hạn\"", "1", ""],
        ]
    );
    assert!(table.rows.iter().all(|r| !r.marked_header));
}

#[test]
fn tsv_pasted_from_word_is_read_as_written() {
    // Word does not quote: a quote opening a cell is just a character.
    let pasted = "I\tCÔNG TÁC CHỈ ĐẠO\t4\n1\t\"Một cửa\" liên thông\t0,5\n";
    let table = from_delimited(pasted, SourceKind::Pasted).unwrap();
    assert_eq!(
        texts(&table),
        vec![
            vec!["I", "CÔNG TÁC CHỈ ĐẠO", "4"],
            vec!["1", "\"Một cửa\" liên thông", "0,5"],
        ]
    );
}

#[test]
fn a_semicolon_csv_with_decimal_commas_and_quoted_newlines() {
    // As Excel saves "CSV UTF-8" on a computer set to Vietnamese: ';' between cells, ',' in
    // numbers and prose; a BOM first.
    let csv = "\u{feff}STT;Tiêu chí;Điểm tối đa;Phương pháp chấm\n\
               1;Ban hành kế hoạch, đúng hạn;1;\"Kịp thời: 1 điểm;\nchậm: 0,5 điểm\"\n\
               2;Kiểm tra;0,5;Có: 0,5 điểm, không: 0 điểm\n";
    let table = from_delimited(csv, SourceKind::Csv).unwrap();
    assert_eq!(
        texts(&table),
        vec![
            vec!["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm"],
            vec![
                "1",
                "Ban hành kế hoạch, đúng hạn",
                "1",
                "Kịp thời: 1 điểm;\nchậm: 0,5 điểm"
            ],
            vec!["2", "Kiểm tra", "0,5", "Có: 0,5 điểm, không: 0 điểm"],
        ]
    );
}

#[test]
fn a_comma_csv_with_semicolons_in_unquoted_text() {
    let csv = "STT,Tiêu chí,Điểm\r1,Đúng hạn; đủ,1\r2,\"Chậm, thiếu\",\"0,5\"\r";
    let table = from_delimited(csv, SourceKind::Csv).unwrap();
    assert_eq!(
        texts(&table),
        vec![
            vec!["STT", "Tiêu chí", "Điểm"],
            vec!["1", "Đúng hạn; đủ", "1"],
            vec!["2", "Chậm, thiếu", "0,5"],
        ]
    );
}

#[test]
fn short_rows_are_padded_and_trailing_empty_rows_dropped() {
    let table = from_delimited("a\tb\tc\nd\n\ne\tf\n\t\n\n", SourceKind::Pasted).unwrap();
    assert_eq!(
        texts(&table),
        vec![
            vec!["a", "b", "c"],
            vec!["d", "", ""],
            vec!["", "", ""],
            vec!["e", "f", ""],
        ]
    );
    assert_eq!(table.width(), 3);
}

#[test]
fn a_single_column_is_one_cell_per_line() {
    let table = from_delimited("Tiêu chí A\nTiêu chí B", SourceKind::Pasted).unwrap();
    assert_eq!(texts(&table), vec![vec!["Tiêu chí A"], vec!["Tiêu chí B"]]);
}

#[test]
fn nothing_pasted_is_empty() {
    assert_eq!(
        from_delimited("", SourceKind::Pasted),
        Err(SourceError::Empty)
    );
    assert_eq!(
        from_delimited("\u{feff} \r\n\t\n", SourceKind::Pasted),
        Err(SourceError::Empty)
    );
}

#[test]
fn a_line_of_hundreds_of_thousands_of_cells_is_refused() {
    // Padding the other rows to its width would multiply it.
    let line = "x\t".repeat(300_000);
    assert!(matches!(
        from_delimited(&format!("a\n{line}"), SourceKind::Pasted),
        Err(SourceError::TooManyCells { rows: 2, .. })
    ));
}

#[test]
fn utf8_is_read_with_or_without_a_bom() {
    assert_eq!(decode_text("Điểm".as_bytes()).unwrap(), "Điểm");
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice("Điểm;1".as_bytes());
    assert_eq!(decode_text(&with_bom).unwrap(), "Điểm;1");
}

#[test]
fn utf16_with_a_bom_is_read_as_excel_unicode_text() {
    let text = "STT\tTiêu chí\r\n1\tKế hoạch\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(decode_text(&le).unwrap(), text);
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(decode_text(&be).unwrap(), text);

    let table = from_delimited(&decode_text(&le).unwrap(), SourceKind::Csv).unwrap();
    assert_eq!(
        texts(&table),
        vec![vec!["STT", "Tiêu chí"], vec!["1", "Kế hoạch"]]
    );
}

#[test]
fn windows_1258_and_tcvn3_bytes_are_refused_with_how_to_save_instead() {
    // "Tiêu chí;Điểm" in Windows-1258: ê = 0xEA, í = 0xED, Đ = 0xD0, i + hook = i 0xD2.
    let windows_1258 = b"Ti\xEAu ch\xED;\xD0i\xD2m";
    assert_eq!(decode_text(windows_1258), Err(SourceError::NotText));
    // TCVN3 (ABC), as typed in .VnTime: "Tiªu chÝ".
    assert_eq!(decode_text(b"Ti\xAAu ch\xDD"), Err(SourceError::NotText));
    // UTF-16 without its mark, and an odd number of bytes after one.
    assert_eq!(decode_text(b"S\0T\0T\0"), Err(SourceError::NotText));
    assert_eq!(decode_text(b"\xFF\xFES\0T"), Err(SourceError::NotText));

    let message = SourceError::NotText.message(Lang::Vi);
    assert!(message.contains("CSV UTF-8"), "{message}");
    assert!(
        message.contains("Windows-1258") && message.contains("TCVN3"),
        "{message}"
    );
}

#[test]
fn text_over_the_file_limit_is_refused() {
    let text = "a".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        from_delimited(&text, SourceKind::Pasted),
        Err(SourceError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn errors_round_trip_through_json() {
    let error = SourceError::Corrupt {
        detail: "word/document.xml".into(),
    };
    let json = serde_json::to_string(&error).unwrap();
    assert_eq!(serde_json::from_str::<SourceError>(&json).unwrap(), error);
}
