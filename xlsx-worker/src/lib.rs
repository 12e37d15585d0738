//! The score table as an .xlsx workbook, laid out the way units already file it: STT, lĩnh vực /
//! tiêu chí / tiêu chí thành phần, điểm tối đa, điểm tự đánh giá, tài liệu kiểm chứng, giải
//! trình, ghi chú; bold field rows with their subtotals, the total and the index; numbers as
//! numbers with two decimals. A second sheet lists the evidence register.
//!
//! This crate is compiled into a web worker that the app loads only when a user asks for a
//! spreadsheet, so the spreadsheet writer never weighs on the first page load.

use cchc_core::Lang;
use cchc_core::points::{Percent, Points};
use cchc_core::report::{Cell, PlainSheet, RowKind, ScoreTable, SpreadsheetRequest};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

fn number(p: Points) -> f64 {
    // Output only: the exact hundredths become the spreadsheet's number.
    p.hundredths() as f64 / 100.0
}

fn percent(p: Percent) -> f64 {
    p.hundredths() as f64 / 100.0
}

struct Labels {
    sheet: &'static str,
    register_sheet: &'static str,
    heading: &'static str,
    columns: [&'static str; 7],
    self_scored: &'static str,
    survey: &'static str,
    bonus: &'static str,
    penalty: &'static str,
    total: &'static str,
    index: &'static str,
    likely: &'static str,
    register_columns: [&'static str; 7],
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Vi => Labels {
            sheet: "Bảng điểm",
            register_sheet: "Tài liệu kiểm chứng",
            heading: "BẢNG ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM",
            columns: [
                "STT",
                "Lĩnh vực / Tiêu chí / Tiêu chí thành phần",
                "Điểm tối đa",
                "Điểm tự đánh giá",
                "Tài liệu kiểm chứng",
                "Giải trình",
                "Ghi chú",
            ],
            self_scored: "Điểm tự đánh giá (phần đơn vị tự chấm)",
            survey: "Điểm điều tra xã hội học (ước tính)",
            bonus: "Điểm thưởng",
            penalty: "Điểm trừ",
            total: "TỔNG ĐIỂM",
            index: "CHỈ SỐ CCHC (%)",
            likely: "Dự kiến sau thẩm định",
            register_columns: [
                "STT",
                "Số, ký hiệu",
                "Ngày ban hành",
                "Cơ quan ban hành",
                "Trích yếu",
                "Mục, trang",
                "Tiêu chí sử dụng",
            ],
        },
        Lang::En => Labels {
            sheet: "Scores",
            register_sheet: "Evidence",
            heading: "PAR INDEX SELF-ASSESSMENT SCORE TABLE",
            columns: [
                "No.",
                "Field / criterion / sub-criterion",
                "Max",
                "Self-score",
                "Evidence",
                "Explanation",
                "Note",
            ],
            self_scored: "Self-scored part",
            survey: "Survey part (estimate)",
            bonus: "Bonus",
            penalty: "Penalty",
            total: "TOTAL",
            index: "PAR INDEX (%)",
            likely: "Likely after appraisal",
            register_columns: [
                "No.",
                "Number",
                "Date",
                "Issued by",
                "Title",
                "Section, page",
                "Items",
            ],
        },
    }
}

/// Writes the workbook and returns its bytes.
pub fn write_xlsx(table: &ScoreTable) -> Result<Vec<u8>, XlsxError> {
    let l = labels(table.lang);
    let mut workbook = Workbook::new();
    let title = Format::new()
        .set_bold()
        .set_font_size(13)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color("DDEBF7");
    let text = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let bold_text = text.clone().set_bold();
    let num = Format::new()
        .set_num_format("0.00")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let bold_num = num.clone().set_bold();

    let sheet: &mut Worksheet = workbook.add_worksheet();
    sheet.set_name(l.sheet)?;
    sheet
        .set_paper_size(9)
        .set_portrait()
        .set_print_fit_to_pages(1, 0);
    for (col, width) in [6.0, 48.0, 9.0, 10.0, 32.0, 28.0, 16.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.merge_range(0, 0, 0, 6, &format!("{} {}", l.heading, table.year), &title)?;
    sheet.merge_range(1, 0, 1, 6, &table.unit, &title)?;
    sheet.merge_range(
        2,
        0,
        2,
        6,
        &format!("{} — {}", table.framework_title, table.decision),
        &Format::new().set_align(FormatAlign::Center).set_text_wrap(),
    )?;
    let mut row: u32 = 3;
    if let Some(note) = &table.model_note {
        sheet.merge_range(
            row,
            0,
            row,
            6,
            note,
            &Format::new().set_italic().set_text_wrap(),
        )?;
        row += 1;
    }
    row += 1;
    let header_row = row;
    for (col, name) in l.columns.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *name, &header)?;
    }
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    row += 1;
    for r in &table.rows {
        let (t, n) = if r.kind == RowKind::Field {
            (&bold_text, &bold_num)
        } else {
            (&text, &num)
        };
        let indent = "   ".repeat(r.depth as usize);
        sheet.write_string_with_format(row, 0, &r.code, t)?;
        sheet.write_string_with_format(row, 1, format!("{indent}{}", r.title), t)?;
        sheet.write_number_with_format(row, 2, number(r.max), n)?;
        match r.points {
            Some(p) => sheet.write_number_with_format(row, 3, number(p), n)?,
            None => sheet.write_blank(row, 3, n)?,
        };
        sheet.write_string_with_format(row, 4, r.evidence.join("\n"), t)?;
        sheet.write_string_with_format(row, 5, &r.explanation, t)?;
        let note = [r.remark.as_str(), r.note.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("; ");
        sheet.write_string_with_format(row, 6, &note, t)?;
        row += 1;
    }
    let totals: [(&str, f64, Option<f64>); 7] = [
        (
            l.self_scored,
            number(table.self_scored),
            Some(number(table.self_applicable_max)),
        ),
        (l.survey, number(table.survey), None),
        (l.bonus, number(table.bonus), None),
        (l.penalty, number(table.penalty), None),
        (
            l.total,
            number(table.total),
            Some(number(table.applicable_max)),
        ),
        (l.index, percent(table.index), None),
        (
            l.likely,
            number(table.likely_total),
            Some(number(table.applicable_max)),
        ),
    ];
    for (label, value, max) in totals {
        sheet.merge_range(row, 0, row, 1, label, &bold_text)?;
        match max {
            Some(m) => sheet.write_number_with_format(row, 2, m, &bold_num)?,
            None => sheet.write_blank(row, 2, &bold_num)?,
        };
        sheet.write_number_with_format(row, 3, value, &bold_num)?;
        if label == l.index && !table.band.is_empty() {
            sheet.write_string_with_format(row, 4, &table.band, &bold_text)?;
        }
        row += 1;
    }

    let register = workbook.add_worksheet();
    register.set_name(l.register_sheet)?;
    for (col, width) in [6.0, 16.0, 12.0, 24.0, 40.0, 18.0, 20.0]
        .into_iter()
        .enumerate()
    {
        register.set_column_width(col as u16, width)?;
    }
    for (col, name) in l.register_columns.iter().enumerate() {
        register.write_string_with_format(0, col as u16, *name, &header)?;
    }
    for (i, e) in table.evidence_register.iter().enumerate() {
        let r = i as u32 + 1;
        register.write_number_with_format(
            r,
            0,
            r as f64,
            &Format::new().set_border(FormatBorder::Thin),
        )?;
        for (col, value) in [&e.number, &e.date, &e.issuer, &e.title, &e.section]
            .into_iter()
            .enumerate()
        {
            register.write_string_with_format(r, col as u16 + 1, value, &text)?;
        }
        register.write_string_with_format(r, 6, e.items.join(", "), &text)?;
    }
    workbook.save_to_buffer()
}

/// Writes whatever the app asked for.
pub fn write(request: &SpreadsheetRequest) -> Result<Vec<u8>, XlsxError> {
    match request {
        SpreadsheetRequest::ScoreTable { table } => write_xlsx(table),
        SpreadsheetRequest::Sheets { sheets } => write_sheets(sheets),
        SpreadsheetRequest::ReadTable { file_name, bytes } => Ok(read_table(file_name, bytes)),
    }
}

/// A sheet (or a Word table, a .csv) read by the builder's readers, as the JSON of
/// `Result<SourceTable, SourceError>`: the refusal travels back to the page to be said there.
pub fn read_table(file_name: &str, bytes: &[u8]) -> Vec<u8> {
    let read = cchc_core::builder::office::read_file(file_name, bytes);
    // Tables and refusals have string keys only: serialising cannot fail.
    serde_json::to_vec(&read).unwrap_or_default()
}

/// Plain tables, one sheet each: a merged title row, a bold header row, then the rows with
/// numbers as numbers (two decimals).
pub fn write_sheets(sheets: &[PlainSheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13).set_text_wrap();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color("DDEBF7");
    let text = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let num = Format::new()
        .set_num_format("0.00")
        .set_border(FormatBorder::Thin);
    let whole = Format::new()
        .set_num_format("0")
        .set_border(FormatBorder::Thin);
    for s in sheets {
        let sheet = workbook.add_worksheet();
        // Sheet names are at most 31 characters in Excel.
        sheet.set_name(s.name.chars().take(31).collect::<String>())?;
        let last_col = s.headers.len().saturating_sub(1) as u16;
        if last_col > 0 {
            sheet.merge_range(0, 0, 0, last_col, &s.title, &title)?;
        } else {
            sheet.write_string_with_format(0, 0, &s.title, &title)?;
        }
        for (c, h) in s.headers.iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, h, &header)?;
            sheet.set_column_width(c as u16, if c == 1 { 34.0 } else { 12.0 })?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32 + 3;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(t) => sheet.write_string_with_format(r, c, t, &text)?,
                    Cell::Points(p) => sheet.write_number_with_format(r, c, number(*p), &num)?,
                    Cell::Percent(p) => sheet.write_number_with_format(r, c, percent(*p), &num)?,
                    Cell::Whole(n) => sheet.write_number_with_format(r, c, *n as f64, &whole)?,
                };
            }
        }
    }
    workbook.save_to_buffer()
}
