//! The files an officer picks, built here as real .docx/.xlsx packages: the annex table of a
//! Word file with every shape a typed annex takes, the score sheet of an Excel file, and every
//! file that cannot be read, each refused with its own message.

#![cfg(feature = "office")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Cursor, Write};

use cchc_core::Lang;
use cchc_core::builder::office::read_file;
use cchc_core::builder::source_error::SourceError;
use cchc_core::builder::table::{Cell, Merge, SourceKind, SourceTable};
use cchc_core::submission::MAX_FILE_BYTES;

// ---------------------------------------------------------------------------------------------
// Packages

fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn docx(body: &str) -> Vec<u8> {
    package(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        (
            "word/document.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
            ),
        ),
    ])
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn b(text: &str) -> String {
    format!(r#"<w:r><w:rPr><w:b/><w:sz w:val="26"/></w:rPr><w:t>{text}</w:t></w:r>"#)
}

fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

fn tc(content: &str) -> String {
    tc_with("", content)
}

fn tc_with(properties: &str, content: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>{properties}</w:tcPr>{content}</w:tc>"#
    )
}

fn tr(cells: &[String]) -> String {
    tr_with("", cells)
}

fn tr_with(properties: &str, cells: &[String]) -> String {
    format!(
        "<w:tr><w:trPr>{properties}</w:trPr>{}</w:tr>",
        cells.concat()
    )
}

fn tbl(columns: usize, rows: &[String]) -> String {
    let grid = r#"<w:gridCol w:w="1200"/>"#.repeat(columns);
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

fn texts(table: &SourceTable) -> Vec<Vec<&str>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect()
}

fn merges(table: &SourceTable) -> Vec<Vec<Merge>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.merge).collect())
        .collect()
}

fn bolds(table: &SourceTable) -> Vec<Vec<bool>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.bold).collect())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Word

fn header_cells() -> Vec<String> {
    [
        "STT",
        "Tiêu chí, tiêu chí thành phần",
        "Điểm tối đa",
        "Phương pháp chấm",
        "Tài liệu kiểm chứng",
    ]
    .iter()
    .map(|t| tc(&p(&b(t))))
    .collect()
}

/// An annex as provinces type it: a letterhead table, the annex table (header row repeated on
/// every page, and typed again mid-table), its continuation as a second table of the same
/// width, a signature table, and a long narrow table of abbreviations.
fn annex_docx() -> Vec<u8> {
    let letterhead = tbl(
        2,
        &[tr(&[
            tc(&p(&b("UBND TỈNH A"))),
            tc(&p(&b("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))),
        ])],
    );
    let nested = tbl(
        2,
        &[
            tr(&[tc(&p(&r("Đúng hạn"))), tc(&p(&r("0,5")))]),
            tr(&[tc(&p(&r("Chậm"))), tc(&p(&r("0")))]),
        ],
    );
    let main = tbl(
        5,
        &[
            tr_with(r#"<w:cantSplit/><w:tblHeader/>"#, &header_cells()),
            tr(&[
                tc_with(
                    r#"<w:gridSpan w:val="2"/>"#,
                    &p(&b("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC")),
                ),
                tc(&p(&b("4"))),
                tc(&p("")),
                tc(&p("")),
            ]),
            tr(&[
                tc_with(r#"<w:vMerge w:val="restart"/>"#, &p(&r("1"))),
                tc(&p(&r("Kế hoạch CCHC năm"))),
                tc(&p(&r("2"))),
                tc(&format!(
                    "{}{}",
                    p(&r("Ban hành kịp thời: 1 điểm;")),
                    p(&format!("{}{}", r("Ban hành chậm: "), r("0,5 điểm.")))
                )),
                tc(&p(&format!(
                    "{}<w:r><w:br/></w:r>{}",
                    r("Kế hoạch"),
                    r("số … /KH-UBND")
                ))),
            ]),
            tr(&[
                tc_with("<w:vMerge/>", &p("")),
                tc(&p(&r("Ban hành đúng hạn"))),
                tc(&p(&r("0,5"))),
                tc(&format!("{}{nested}{}", p(&r("Mức:")), p(""))),
                tc(&p("")),
            ]),
            tr(&[
                tc_with(r#"<w:vMerge w:val="continue"/>"#, &p("")),
                tc(&p(&r("Báo cáo &amp; đánh giá &lt;năm&gt;"))),
                tc(&p(&r("1,5"))),
                tc(&p(r#"<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>"#)),
                tc(&p("")),
            ]),
            // The header typed again where a page began, without the repeat mark.
            tr(&header_cells()),
            tr_with(
                r#"<w:gridBefore w:val="1"/>"#,
                &[
                    tc(&p(&r("Điểm thưởng"))),
                    tc(&p(&r("1"))),
                    tc(&p("")),
                    tc(&p("")),
                ],
            ),
            tr(&[
                // Bold only on the paragraph mark: the runs say nothing.
                tc(r#"<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>II</w:t></w:r></w:p>"#),
                // The run says not bold, whatever the mark says.
                tc(
                    r#"<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>CẢI CÁCH</w:t></w:r></w:p>"#,
                ),
                // One bold run and one plain: not a bold cell.
                tc(&p(&format!("{}{}", b("Một phần"), r(" đậm")))),
                // A plain run of blanks does not count against the bold text.
                tc(&p(&format!("{}{}", r("  "), b("6")))),
                tc(&p(
                    r#"<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>x</w:t></w:r>"#,
                )),
            ]),
        ],
    );
    let continuation = tbl(
        5,
        &[
            tr(&[
                tc(&p(&b("III"))),
                tc(&p(&b("THỂ CHẾ"))),
                tc(&p(&b("3"))),
                tc(&p("")),
                tc(&p("")),
            ]),
            tr(&[
                tc(&p(&r("1"))),
                tc(&p(&r("Rà soát văn bản"))),
                tc(&p(&r("3"))),
                tc(&p("")),
                tc(&p("")),
            ]),
        ],
    );
    let signature = tbl(2, &[tr(&[tc(&p(&r("Nơi nhận:"))), tc(&p(&b("CHỦ TỊCH")))])]);
    let abbreviations: Vec<String> = (1..=15)
        .map(|i| {
            tr(&[
                tc(&p(&r(&i.to_string()))),
                tc(&p(&r("CCHC"))),
                tc(&p(&r("Cải cách hành chính"))),
            ])
        })
        .collect();
    let abbreviations = tbl(3, &abbreviations);
    docx(&format!(
        "{letterhead}{}{main}{}{continuation}{signature}{}{abbreviations}",
        p(&r("PHỤ LỤC")),
        p(""),
        p(&r("Chữ viết tắt"))
    ))
}

#[test]
fn the_annex_table_of_a_word_file_is_read_with_its_merges_and_bold_rows() {
    let table = read_file("Phu luc.docx", &annex_docx()).unwrap();
    assert_eq!(table.kind, SourceKind::Docx);
    assert_eq!(table.width(), 5);
    let header = vec![
        "STT",
        "Tiêu chí, tiêu chí thành phần",
        "Điểm tối đa",
        "Phương pháp chấm",
        "Tài liệu kiểm chứng",
    ];
    assert_eq!(
        texts(&table),
        vec![
            header.clone(),
            vec!["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "", "4", "", ""],
            vec![
                "1",
                "Kế hoạch CCHC năm",
                "2",
                "Ban hành kịp thời: 1 điểm;\nBan hành chậm: 0,5 điểm.",
                "Kế hoạch\nsố … /KH-UBND",
            ],
            vec![
                "",
                "Ban hành đúng hạn",
                "0,5",
                "Mức:\nĐúng hạn\n0,5\nChậm\n0",
                ""
            ],
            vec!["", "Báo cáo & đánh giá <năm>", "1,5", "a b", ""],
            header,
            vec!["", "Điểm thưởng", "1", "", ""],
            vec!["II", "CẢI CÁCH", "Một phần đậm", "6", "x"],
            // The second table of the same width follows the first.
            vec!["III", "THỂ CHẾ", "3", "", ""],
            vec!["1", "Rà soát văn bản", "3", "", ""],
        ]
    );
    let own = Merge::Own;
    assert_eq!(merges(&table)[1], vec![own, Merge::FromLeft, own, own, own]);
    assert_eq!(merges(&table)[2], vec![own; 5]);
    assert_eq!(merges(&table)[3][0], Merge::FromAbove);
    assert_eq!(merges(&table)[4][0], Merge::FromAbove);
    assert!(merges(&table)[5..].iter().flatten().all(|m| *m == own));

    let marked: Vec<bool> = table.rows.iter().map(|r| r.marked_header).collect();
    assert_eq!(
        marked,
        [
            true, false, false, false, false, false, false, false, false, false
        ]
    );

    let bold = bolds(&table);
    assert_eq!(bold[0], vec![true; 5]);
    assert_eq!(bold[1], vec![true, false, true, false, false]);
    assert_eq!(bold[2], vec![false; 5]);
    assert_eq!(bold[7], vec![true, false, false, true, false]);
    assert_eq!(bold[8], vec![true, true, true, false, false]);
}

#[test]
fn a_vertical_merge_over_a_grid_span_covers_every_column_it_spans() {
    let table = tbl(
        3,
        &[
            tr(&[
                tc_with(
                    r#"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#,
                    &p(&r("A")),
                ),
                tc(&p(&r("1"))),
            ]),
            tr(&[
                tc_with(r#"<w:gridSpan w:val="2"/><w:vMerge/>"#, &p("")),
                tc(&p(&r("2"))),
            ]),
        ],
    );
    let table = read_file("a.docx", &docx(&table)).unwrap();
    assert_eq!(texts(&table), vec![vec!["A", "", "1"], vec!["", "", "2"]]);
    assert_eq!(
        merges(&table),
        vec![
            vec![Merge::Own, Merge::FromLeft, Merge::Own],
            vec![Merge::FromAbove, Merge::FromAbove, Merge::Own],
        ]
    );
}

#[test]
fn a_tbl_header_switched_off_is_not_a_header() {
    let table = tbl(
        1,
        &[
            tr_with(r#"<w:tblHeader w:val="0"/>"#, &[tc(&p(&r("a")))]),
            tr_with(r#"<w:tblHeader w:val="true"/>"#, &[tc(&p(&r("b")))]),
        ],
    );
    let table = read_file("a.docx", &docx(&table)).unwrap();
    let marked: Vec<bool> = table.rows.iter().map(|r| r.marked_header).collect();
    assert_eq!(marked, [false, true]);
}

#[test]
fn a_word_file_without_a_table_says_to_make_one() {
    let bytes = docx(&p(&r(
        "Phụ lục: Bộ tiêu chí (gõ thành đoạn văn, không có bảng)",
    )));
    assert_eq!(read_file("a.docx", &bytes), Err(SourceError::NoTable));
    assert!(
        SourceError::NoTable
            .message(Lang::Vi)
            .contains("Chèn → Bảng")
    );
}

#[test]
fn damaged_xml_in_a_word_file_is_corrupt() {
    let bytes = package(&[(
        "word/document.xml",
        &format!(
            r#"<w:document xmlns:w="{W}"><w:body><w:tbl><w:tr></w:tbl></w:body></w:document>"#
        ),
    )]);
    assert!(matches!(
        read_file("a.docx", &bytes),
        Err(SourceError::Corrupt { .. })
    ));
    let unfinished = package(&[(
        "word/document.xml",
        &format!(r#"<w:document xmlns:w="{W}"><w:body><w:tbl>"#),
    )]);
    assert!(matches!(
        read_file("a.docx", &unfinished),
        Err(SourceError::Corrupt { .. })
    ));
    let unknown_entity = package(&[(
        "word/document.xml",
        &format!(
            r#"<w:document xmlns:w="{W}"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&bomb;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#
        ),
    )]);
    assert!(matches!(
        read_file("a.docx", &unknown_entity),
        Err(SourceError::Corrupt { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Excel

const S: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn xlsx(sheets: &[(&str, &str)], shared_strings: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let mut workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{S}" xmlns:r="{R}"><sheets>"#
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut parts: Vec<(String, String)> = Vec::new();
    for (i, (name, sheet_data)) in sheets.iter().enumerate() {
        // Ids in reverse and parts named unlike Excel's, so only the relationships find them.
        let id = format!("rId{}", sheets.len() - i);
        workbook.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{}" r:id="{id}"/>"#,
            i + 1
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{R}/worksheet" Target="/xl/worksheets/trang{}.xml"/>"#,
            i + 1
        ));
        parts.push((
            format!("xl/worksheets/trang{}.xml", i + 1),
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{S}" xmlns:r="{R}">{sheet_data}</worksheet>"#),
        ));
    }
    workbook.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    parts.push(("xl/workbook.xml".into(), workbook));
    parts.push(("xl/_rels/workbook.xml.rels".into(), rels));
    if let Some(sst) = shared_strings {
        parts.push((
            "xl/sharedStrings.xml".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{S}">{sst}</sst>"#),
        ));
    }
    if let Some(styles) = styles {
        parts.push((
            "xl/styles.xml".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{S}">{styles}</styleSheet>"#),
        ));
    }
    parts.push((
        "[Content_Types].xml".into(),
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.into(),
    ));
    let parts: Vec<(&str, &str)> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_str()))
        .collect();
    package(&parts)
}

const SHARED_STRINGS: &str = concat!(
    "<si><t>PHỤ LỤC</t></si>",
    "<si><t>STT</t></si>",
    "<si><t>Tiêu chí</t></si>",
    "<si><t>Điểm tối đa</t></si>",
    r#"<si><r><rPr><b/><sz val="12"/></rPr><t xml:space="preserve">I. CÔNG TÁC </t></r><r><rPr><b val="1"/></rPr><t>CHỈ ĐẠO</t></r></si>"#,
    r#"<si><r><rPr><b/></rPr><t>Kịp thời</t></r><r><rPr><sz val="12"/></rPr><t>: 1 điểm</t></r></si>"#,
    r#"<si><t>Dòng 1_x000D_
Dòng 2</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>"#,
    "<si><t>a &amp; b</t></si>",
);

/// Font 1 is bold; cell style 1 uses it. The cell-style records before and the differential
/// formats after also name bold fonts, and must not shift or change the cell styles.
const STYLES: &str = concat!(
    r#"<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/></font></fonts>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="1"/></cellStyleXfs>"#,
    r#"<cellXfs count="2"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="0" fontId="1" xfId="0" applyFont="1"><alignment wrapText="1"/></xf></cellXfs>"#,
    r#"<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>"#,
);

const GUIDE_SHEET: &str =
    r#"<sheetData><row r="1"><c r="A1" s="1"/><c r="B1" t="s"/></row></sheetData>"#;

const ANNEX_SHEET: &str = concat!(
    r#"<dimension ref="A1:D8"/><sheetData>"#,
    r#"<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="1"/></row>"#,
    r#"<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c></row>"#,
    r#"<row r="3"><c r="A3" t="s"><v>4</v></c><c r="C3" s="1"><v>4</v></c></row>"#,
    r#"<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t>Kế hoạch CCHC</t></is></c><c r="C4"><v>0.5</v></c></row>"#,
    r#"<row r="5"><c r="A5" s="1"/></row>"#,
    r#"<row r="6"><c r="A6" t="str"><f>"1."&amp;"1"</f><v>1.1</v></c><c r="B6" t="s"><v>5</v></c><c r="C6" t="n"><v>0.30000000000000004</v></c></row>"#,
    r#"<row r="7"><c r="B7" t="s"><v>6</v></c><c r="C7"><f>SUM(C4:C6)</f><v>1</v></c><c r="D7" t="inlineStr"><is><r><rPr><b/></rPr><t>Ghi chú</t></r></is></c></row>"#,
    r#"<row><c t="inlineStr"><is><t>Không có r</t></is></c><c t="s"><v>7</v></c><c r="C8"><v>2</v></c><c r="D8" t="e"><v>#N/A</v></c></row>"#,
    r#"</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A3:B3"/><mergeCell ref="A6:A7"/></mergeCells>"#,
    r#"<extLst><ext uri="{x}"><c r="A9"><v>9</v></c></ext></extLst>"#,
);

#[test]
fn the_score_sheet_of_an_excel_file_is_read_from_its_first_sheet_with_cells() {
    let bytes = xlsx(
        &[("Hướng dẫn", GUIDE_SHEET), ("Phụ lục", ANNEX_SHEET)],
        Some(SHARED_STRINGS),
        Some(STYLES),
    );
    let table = read_file("Bang diem.xlsx", &bytes).unwrap();
    assert_eq!(table.kind, SourceKind::Xlsx);
    // The empty row 5 is left out; columns A to D.
    assert_eq!(
        texts(&table),
        vec![
            vec!["PHỤ LỤC", "", "", ""],
            vec!["STT", "Tiêu chí", "Điểm tối đa", ""],
            vec!["I. CÔNG TÁC CHỈ ĐẠO", "", "4", ""],
            vec!["1", "Kế hoạch CCHC", "0.5", ""],
            vec!["1.1", "Kịp thời: 1 điểm", "0.3", ""],
            vec!["", "Dòng 1\nDòng 2", "1", "Ghi chú"],
            vec!["Không có r", "a & b", "2", "#N/A"],
        ]
    );
    let own = Merge::Own;
    assert_eq!(
        merges(&table),
        vec![
            vec![own, Merge::FromLeft, Merge::FromLeft, own],
            vec![own; 4],
            vec![own, Merge::FromLeft, own, own],
            vec![own; 4],
            vec![own; 4],
            vec![Merge::FromAbove, own, own, own],
            vec![own; 4],
        ]
    );
    assert_eq!(
        bolds(&table),
        vec![
            vec![true, false, false, false],
            vec![false; 4],
            vec![true, false, true, false],
            vec![false; 4],
            vec![false; 4],
            vec![false, false, false, true],
            vec![false; 4],
        ]
    );
    assert!(table.rows.iter().all(|r| !r.marked_header));
}

#[test]
fn a_sheet_without_shared_strings_or_styles_is_read() {
    let sheet = r#"<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>Tiêu chí</t></is></c><c r="D2"><v>1.5</v></c></row></sheetData>"#;
    let table = read_file("a.xlsx", &xlsx(&[("Sheet1", sheet)], None, None)).unwrap();
    // From the first used column; the gap column C is kept.
    assert_eq!(texts(&table), vec![vec!["Tiêu chí", "", "1.5"]]);
}

#[test]
fn a_workbook_without_data_says_so() {
    let bytes = xlsx(
        &[("Sheet1", "<sheetData/>"), ("Sheet2", GUIDE_SHEET)],
        None,
        Some(STYLES),
    );
    assert_eq!(read_file("a.xlsx", &bytes), Err(SourceError::EmptyWorkbook));
}

#[test]
fn a_stray_cell_far_to_the_right_is_refused_before_the_grid_is_allocated() {
    let mut sheet = String::from(
        r#"<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>"#,
    );
    for row in 2..=31 {
        sheet.push_str(&format!(
            r#"<row r="{row}"><c r="A{row}"><v>{row}</v></c></row>"#
        ));
    }
    sheet.push_str("</sheetData>");
    let bytes = xlsx(&[("Sheet1", &sheet)], None, None);
    assert_eq!(
        read_file("a.xlsx", &bytes),
        Err(SourceError::TooManyCells {
            rows: 31,
            columns: 16_384
        })
    );
}

#[test]
fn a_shared_string_that_does_not_exist_is_corrupt() {
    let sheet = r#"<sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData>"#;
    let bytes = xlsx(&[("Sheet1", sheet)], Some("<si><t>a</t></si>"), None);
    assert!(matches!(
        read_file("a.xlsx", &bytes),
        Err(SourceError::Corrupt { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Files that are not read

/// Sets a field of the central-directory entry of `part` (offsets as in the ZIP format).
fn patch_directory_entry(bytes: &mut [u8], part: &str, offset: usize, value: &[u8]) {
    let at = (0..bytes.len() - 46)
        .find(|&i| {
            bytes[i..].starts_with(b"PK\x01\x02")
                && usize::from(u16::from_le_bytes([bytes[i + 28], bytes[i + 29]])) == part.len()
                && bytes[i + 46..].starts_with(part.as_bytes())
        })
        .unwrap();
    bytes[at + offset..at + offset + value.len()].copy_from_slice(value);
}

fn ole(stream_names: &[&str]) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    for name in stream_names {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        bytes.extend(entry);
    }
    bytes
}

#[test]
fn a_pdf_is_refused_with_how_to_get_the_table_out() {
    assert_eq!(
        read_file("Phu luc.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"),
        Err(SourceError::Pdf)
    );
    // Named .docx, still a PDF.
    assert_eq!(
        read_file("Phu luc.docx", b"\r\n%PDF-1.4\n"),
        Err(SourceError::Pdf)
    );
    assert!(
        SourceError::Pdf
            .message(Lang::Vi)
            .contains("dán vào ô bên dưới")
    );
}

#[test]
fn ole_files_are_told_apart_by_their_streams_then_their_name() {
    assert_eq!(
        read_file(
            "Phu luc.docx",
            &ole(&["Root Entry", "EncryptionInfo", "EncryptedPackage"])
        ),
        Err(SourceError::PasswordProtected)
    );
    assert_eq!(
        read_file(
            "Phu luc.doc",
            &ole(&["Root Entry", "WordDocument", "1Table"])
        ),
        Err(SourceError::OldWord)
    );
    assert_eq!(
        read_file("tep", &ole(&["Root Entry", "Workbook"])),
        Err(SourceError::OldExcel)
    );
    assert_eq!(
        read_file("tep", &ole(&["Root Entry", "Book"])),
        Err(SourceError::OldExcel)
    );
    assert_eq!(
        read_file("Bang diem.XLS", &ole(&["Root Entry"])),
        Err(SourceError::OldExcel)
    );
    assert_eq!(
        read_file("Phu luc.doc", &ole(&["Root Entry"])),
        Err(SourceError::OldWord)
    );
    assert_eq!(
        read_file("Trinh chieu.ppt", &ole(&["Root Entry"])),
        Err(SourceError::NotRecognised)
    );
    assert_eq!(
        SourceError::OldWord.message(Lang::Vi),
        "Đây là tệp Word cũ (.doc). Hãy mở bằng Word, chọn Lưu thành… (Save As) kiểu .docx rồi chọn lại tệp."
    );
}

#[test]
fn a_truncated_package_is_corrupt() {
    let bytes = annex_docx();
    let error = read_file("a.docx", &bytes[..bytes.len() / 2]).unwrap_err();
    assert!(matches!(error, SourceError::Corrupt { .. }), "{error:?}");
    assert!(
        error
            .message(Lang::Vi)
            .contains("không phải tệp .docx/.xlsx thật")
    );
}

#[test]
fn a_package_of_another_kind_is_not_recognised() {
    let odt = package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<x/>"),
    ]);
    assert_eq!(
        read_file("Phu luc.odt", &odt),
        Err(SourceError::NotRecognised)
    );
    let empty_zip = package(&[]);
    assert_eq!(
        read_file("a.zip", &empty_zip),
        Err(SourceError::NotRecognised)
    );
}

#[test]
fn an_encrypted_part_is_password_protected() {
    let mut bytes = annex_docx();
    patch_directory_entry(&mut bytes, "word/document.xml", 8, &1u16.to_le_bytes());
    assert_eq!(
        read_file("a.docx", &bytes),
        Err(SourceError::PasswordProtected)
    );
}

#[test]
fn zip64_and_other_compression_methods_are_not_supported() {
    let mut zip64 = annex_docx();
    patch_directory_entry(&mut zip64, "word/document.xml", 24, &u32::MAX.to_le_bytes());
    assert!(matches!(
        read_file("a.docx", &zip64),
        Err(SourceError::UnsupportedZip { .. })
    ));

    let mut bzip2 = annex_docx();
    patch_directory_entry(&mut bzip2, "word/document.xml", 10, &12u16.to_le_bytes());
    let error = read_file("a.docx", &bzip2).unwrap_err();
    assert_eq!(
        error,
        SourceError::UnsupportedZip {
            detail: "compression method 12".into()
        }
    );
}

#[test]
fn a_part_claiming_to_unpack_past_the_limit_is_refused() {
    let mut bytes = annex_docx();
    patch_directory_entry(
        &mut bytes,
        "word/document.xml",
        24,
        &(100u32 << 20).to_le_bytes(),
    );
    assert_eq!(
        read_file("a.docx", &bytes),
        Err(SourceError::UnpackedTooLarge)
    );
}

#[test]
fn sizes_are_checked_before_anything_is_read() {
    assert_eq!(read_file("a.docx", &[]), Err(SourceError::Empty));
    // Zeroed memory is not touched until written, so this costs no 10 MiB of work.
    let over = vec![0u8; MAX_FILE_BYTES + 1];
    let error = read_file("a.docx", &over).unwrap_err();
    assert_eq!(
        error,
        SourceError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    let message = error.message(Lang::Vi);
    assert!(
        message.contains("10,1 MB") && message.contains("10 MB"),
        "{message}"
    );
    assert!(error.message(Lang::En).contains("10.1 MB"));
}

#[test]
fn text_files_are_read_as_csv() {
    let csv = "STT;Tiêu chí;Điểm\r\n1;\"Kế hoạch\nnăm\";0,5\r\n";
    let table = read_file("Phu luc.csv", csv.as_bytes()).unwrap();
    assert_eq!(table.kind, SourceKind::Csv);
    assert_eq!(
        texts(&table),
        vec![
            vec!["STT", "Tiêu chí", "Điểm"],
            vec!["1", "Kế hoạch\nnăm", "0,5"]
        ]
    );

    let mut unicode_text = vec![0xFF, 0xFE];
    unicode_text.extend(
        "STT\tTiêu chí\r\n1\tKế hoạch\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let table = read_file("Phu luc.txt", &unicode_text).unwrap();
    assert_eq!(
        texts(&table),
        vec![vec!["STT", "Tiêu chí"], vec!["1", "Kế hoạch"]]
    );

    assert_eq!(
        read_file("Phu luc.csv", b"Ti\xEAu ch\xED;\xD0i\xD2m"),
        Err(SourceError::NotText)
    );
    assert_eq!(
        read_file("Phu luc.csv", b"\xEF\xBB\xBF \r\n"),
        Err(SourceError::Empty)
    );
}

#[test]
fn documents_saved_as_text_are_told_apart_from_tables() {
    assert_eq!(
        read_file("Phu luc.doc", br"{\rtf1\ansi\deff0 {\fonttbl}"),
        Err(SourceError::Rtf)
    );
    let html =
        "\u{feff}\n<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>";
    assert_eq!(
        read_file("Bang diem.xls", html.as_bytes()),
        Err(SourceError::WebPage)
    );
    assert_eq!(
        read_file(
            "Bang diem.xls",
            b"<table border=1><tr><td>1</td></tr></table>"
        ),
        Err(SourceError::WebPage)
    );
    assert_eq!(
        read_file(
            "Phu luc.xml",
            br#"<?xml version="1.0"?><?mso-application progid="Word.Document"?>"#
        ),
        Err(SourceError::NotRecognised)
    );
    assert_eq!(
        read_file("anh.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(SourceError::NotRecognised)
    );
}

#[test]
fn every_error_has_a_vietnamese_message_apart_from_the_english_one() {
    let every = [
        SourceError::TooLarge { bytes: 12 << 20 },
        SourceError::Empty,
        SourceError::Pdf,
        SourceError::OldWord,
        SourceError::OldExcel,
        SourceError::Rtf,
        SourceError::WebPage,
        SourceError::PasswordProtected,
        SourceError::Corrupt {
            detail: "word/document.xml".into(),
        },
        SourceError::UnsupportedZip {
            detail: "ZIP64".into(),
        },
        SourceError::UnpackedTooLarge,
        SourceError::TooManyCells {
            rows: 31,
            columns: 16_384,
        },
        SourceError::NoTable,
        SourceError::EmptyWorkbook,
        SourceError::NotRecognised,
        SourceError::NotText,
    ];
    for error in &every {
        // A new variant fails to compile here until it is added to the list above.
        match error {
            SourceError::TooLarge { .. }
            | SourceError::Empty
            | SourceError::Pdf
            | SourceError::OldWord
            | SourceError::OldExcel
            | SourceError::Rtf
            | SourceError::WebPage
            | SourceError::PasswordProtected
            | SourceError::Corrupt { .. }
            | SourceError::UnsupportedZip { .. }
            | SourceError::UnpackedTooLarge
            | SourceError::TooManyCells { .. }
            | SourceError::NoTable
            | SourceError::EmptyWorkbook
            | SourceError::NotRecognised
            | SourceError::NotText => {}
        }
        let vi = error.message(Lang::Vi);
        let en = error.message(Lang::En);
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{error:?}");
        assert_ne!(vi, en, "{error:?}");
        assert!(
            vi.contains("Hãy") || vi.contains("hãy"),
            "says what to do: {vi}"
        );
        assert_eq!(error.to_string(), vi);
        let json = serde_json::to_string(error).unwrap();
        assert_eq!(&serde_json::from_str::<SourceError>(&json).unwrap(), error);
    }
    assert!(
        SourceError::PasswordProtected
            .message(Lang::Vi)
            .contains("gỡ mật khẩu rồi lưu lại")
    );
    assert!(
        SourceError::TooManyCells {
            rows: 31,
            columns: 16_384
        }
        .message(Lang::Vi)
        .contains("31 hàng × 16384 cột")
    );
}

#[test]
fn cells_compare_as_plain_values() {
    // The reader's cells are the table module's: a plain own cell is `Cell::text`.
    let table = read_file("a.docx", &docx(&tbl(1, &[tr(&[tc(&p(&r(" x ")))])]))).unwrap();
    assert_eq!(table.rows[0].cells[0], Cell::text("x"));
}
