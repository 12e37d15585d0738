//! The annex table of a Word file (`word/document.xml`).
//!
//! A decree's annex is one wide table, sometimes split into one table per section, among
//! narrower tables for the letterhead and the signatures; so the widest table (the one with
//! most rows among the widest) decides the width, and every table of that width is read, in
//! document order. A table nested in a cell is part of that cell's text.

use super::xml::{Node, Ns, Walker, attr, is_on};
use crate::builder::source_error::{SourceError, check_cells};
use crate::builder::table::{Cell, Merge, SourceKind, SourceRow, SourceTable};

#[derive(Debug, Default)]
struct Table {
    grid_columns: usize,
    rows: Vec<Row>,
}

#[derive(Debug, Default)]
struct Row {
    marked_header: bool,
    grid_before: usize,
    grid_after: usize,
    cells: Vec<TableCell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Continues {
    #[default]
    No,
    /// `w:vMerge` continuing the cell above.
    Above,
    /// The old `w:hMerge` continuing the cell to the left.
    Left,
}

#[derive(Debug)]
struct TableCell {
    paragraphs: Vec<String>,
    span: usize,
    continues: Continues,
    runs_with_text: usize,
    bold_runs: usize,
}

impl Default for TableCell {
    fn default() -> TableCell {
        TableCell {
            paragraphs: Vec::new(),
            span: 1,
            continues: Continues::No,
            runs_with_text: 0,
            bold_runs: 0,
        }
    }
}

impl Row {
    fn width(&self) -> usize {
        self.cells
            .iter()
            .fold(self.grid_before.saturating_add(self.grid_after), |w, c| {
                w.saturating_add(c.span)
            })
    }

    fn into_source_row(self, width: usize) -> SourceRow {
        let mut cells = Vec::with_capacity(width);
        cells.resize_with(self.grid_before, Cell::default);
        for cell in self.cells {
            let (first, rest) = match cell.continues {
                Continues::Above => (covered(Merge::FromAbove), Merge::FromAbove),
                Continues::Left => (covered(Merge::FromLeft), Merge::FromLeft),
                Continues::No => (
                    Cell {
                        text: cell.paragraphs.join("\n").trim().to_string(),
                        bold: cell.runs_with_text > 0 && cell.bold_runs == cell.runs_with_text,
                        merge: Merge::Own,
                    },
                    Merge::FromLeft,
                ),
            };
            cells.push(first);
            for _ in 1..cell.span {
                cells.push(covered(rest));
            }
        }
        cells.resize_with(width, Cell::default);
        SourceRow {
            cells,
            marked_header: self.marked_header,
        }
    }
}

fn covered(merge: Merge) -> Cell {
    Cell {
        merge,
        ..Cell::default()
    }
}

impl Table {
    fn width(&self) -> usize {
        self.rows
            .iter()
            .map(Row::width)
            .fold(self.grid_columns, usize::max)
    }
}

/// A count from a `w:val` attribute; a missing or unreadable one counts as `default`.
fn count(e: &quick_xml::events::BytesStart, default: usize) -> usize {
    attr(e, b"val")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Where the walk is inside the current paragraph's runs.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    /// The paragraph mark's bold (`w:pPr/w:rPr/w:b`), used for runs that say nothing.
    mark_bold: Option<bool>,
    in_properties: bool,
    in_mark_properties: bool,
    run: Option<Run>,
}

#[derive(Debug, Default)]
struct Run {
    bold: Option<bool>,
    in_properties: bool,
    in_text: bool,
    has_text: bool,
}

/// The state of the walk through the body.
#[derive(Debug, Default)]
struct Reading {
    tables: Vec<Table>,
    /// How many `w:tbl` are open: 1 inside a table of the body, more inside a nested one.
    depth: usize,
    table: Table,
    row: Option<Row>,
    cell: Option<TableCell>,
    paragraph: Option<Paragraph>,
    in_row_properties: bool,
    in_cell_properties: bool,
    in_grid: bool,
}

/// Elements whose content is not the cell's text: an older form of the same content
/// (`mc:Fallback`), revisions' former properties (`w:rPrChange`…), text moved away, drawings and
/// embedded objects.
fn is_skipped(ns: Ns, e: &quick_xml::events::BytesStart) -> bool {
    let local = e.local_name();
    let local = local.as_ref();
    match ns {
        Ns::MarkupCompatibility => local == b"Fallback",
        Ns::Main => {
            local.ends_with(b"Change")
                || matches!(local, b"moveFrom" | b"drawing" | b"pict" | b"object")
        }
        Ns::Other => false,
    }
}

impl Reading {
    fn open(&mut self, e: &quick_xml::events::BytesStart) {
        let local = e.local_name();
        let local = local.as_ref();
        let top = self.depth == 1;
        match local {
            b"tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.table = Table::default();
                }
            }
            b"tblGrid" if top => self.in_grid = true,
            b"gridCol" if top && self.in_grid => self.table.grid_columns += 1,
            b"tr" if top => self.row = Some(Row::default()),
            b"trPr" if top => self.in_row_properties = true,
            b"tc" if top => self.cell = Some(TableCell::default()),
            b"tcPr" if top => self.in_cell_properties = true,
            b"p" if self.cell.is_some() => {
                self.close_paragraph();
                self.paragraph = Some(Paragraph::default());
            }
            _ => {}
        }
        if self.in_row_properties
            && let Some(row) = &mut self.row
        {
            match local {
                b"tblHeader" => row.marked_header = is_on(e),
                b"gridBefore" => row.grid_before = count(e, 0),
                b"gridAfter" => row.grid_after = count(e, 0),
                _ => {}
            }
        }
        if self.in_cell_properties
            && let Some(cell) = &mut self.cell
        {
            match local {
                b"gridSpan" => cell.span = count(e, 1).max(1),
                b"vMerge" if attr(e, b"val").as_deref() != Some("restart") => {
                    cell.continues = Continues::Above;
                }
                b"hMerge" if attr(e, b"val").as_deref() != Some("restart") => {
                    cell.continues = Continues::Left;
                }
                _ => {}
            }
        }
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.open(local, e);
        }
    }

    fn close(&mut self, local: &[u8]) {
        let top = self.depth == 1;
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.close(local);
        }
        match local {
            b"tbl" => {
                if self.depth == 1 {
                    self.tables.push(std::mem::take(&mut self.table));
                }
                self.depth = self.depth.saturating_sub(1);
            }
            b"tblGrid" if top => self.in_grid = false,
            b"trPr" if top => self.in_row_properties = false,
            b"tcPr" if top => self.in_cell_properties = false,
            b"p" if self.depth >= 1 => self.close_paragraph(),
            b"tc" if top => {
                self.close_paragraph();
                if let (Some(cell), Some(row)) = (self.cell.take(), &mut self.row) {
                    row.cells.push(cell);
                }
            }
            b"tr" if top => {
                if let Some(row) = self.row.take() {
                    self.table.rows.push(row);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(paragraph) = &mut self.paragraph
            && let Some(run) = &mut paragraph.run
            && run.in_text
        {
            paragraph.text.push_str(text);
            run.has_text |= !text.trim().is_empty();
        }
    }

    fn close_paragraph(&mut self) {
        if let Some(mut paragraph) = self.paragraph.take() {
            paragraph.close_run(self.cell.as_mut());
            if let Some(cell) = &mut self.cell {
                cell.paragraphs.push(paragraph.text);
            }
        }
    }
}

impl Paragraph {
    fn open(&mut self, local: &[u8], e: &quick_xml::events::BytesStart) {
        if let Some(run) = &mut self.run {
            match local {
                b"rPr" => run.in_properties = true,
                b"b" if run.in_properties => run.bold = Some(is_on(e)),
                b"t" => run.in_text = true,
                b"tab" => self.text.push(' '),
                b"br" | b"cr" => self.text.push('\n'),
                b"noBreakHyphen" => self.text.push('-'),
                _ => {}
            }
            return;
        }
        match local {
            b"pPr" => self.in_properties = true,
            b"rPr" if self.in_properties => self.in_mark_properties = true,
            b"b" if self.in_mark_properties => self.mark_bold = Some(is_on(e)),
            b"r" => self.run = Some(Run::default()),
            _ => {}
        }
    }

    fn close(&mut self, local: &[u8]) {
        if let Some(run) = &mut self.run {
            match local {
                b"rPr" => run.in_properties = false,
                b"t" => run.in_text = false,
                _ => {}
            }
            return;
        }
        match local {
            b"pPr" => self.in_properties = false,
            b"rPr" => self.in_mark_properties = false,
            _ => {}
        }
    }

    /// Ends the open run, counting it towards its cell's boldness.
    fn close_run(&mut self, cell: Option<&mut TableCell>) {
        if let (Some(run), Some(cell)) = (self.run.take(), cell)
            && run.has_text
        {
            cell.runs_with_text += 1;
            if run.bold.or(self.mark_bold).unwrap_or(false) {
                cell.bold_runs += 1;
            }
        }
    }
}

pub(crate) fn read_document(xml: &[u8]) -> Result<SourceTable, SourceError> {
    let mut walker = Walker::new(xml, "word/document.xml");
    let mut reading = Reading::default();
    loop {
        match walker.next()? {
            Node::Open(ns, e) if is_skipped(ns, &e) => walker.skip()?,
            Node::Open(Ns::Main, e) => reading.open(&e),
            Node::Open(..) => {}
            Node::Close(Ns::Main, local) => {
                if local == b"r"
                    && let Some(paragraph) = &mut reading.paragraph
                {
                    paragraph.close_run(reading.cell.as_mut());
                } else {
                    reading.close(&local);
                }
            }
            Node::Close(..) => {}
            Node::Text(text) => reading.text(&text),
            Node::End => break,
        }
    }
    annex_table(reading.tables)
}

fn annex_table(tables: Vec<Table>) -> Result<SourceTable, SourceError> {
    let tables: Vec<(usize, Table)> = tables
        .into_iter()
        .map(|t| (t.width(), t))
        .filter(|(width, t)| *width > 0 && !t.rows.is_empty())
        .collect();
    let mut main: Option<(usize, usize)> = None;
    for (width, table) in &tables {
        let key = (*width, table.rows.len());
        if main.is_none_or(|best| key > best) {
            main = Some(key);
        }
    }
    let Some((width, _)) = main else {
        return Err(SourceError::NoTable);
    };
    let chosen: Vec<Table> = tables
        .into_iter()
        .filter(|(w, _)| *w == width)
        .map(|(_, t)| t)
        .collect();
    let row_count = chosen.iter().map(|t| t.rows.len()).sum();
    check_cells(row_count, width)?;
    let rows = chosen
        .into_iter()
        .flat_map(|t| t.rows)
        .map(|row| row.into_source_row(width))
        .collect();
    Ok(SourceTable::new(SourceKind::Docx, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(body: &str) -> Vec<u8> {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        )
        .into_bytes()
    }

    #[test]
    fn another_prefix_for_the_word_namespace_is_read() {
        let xml = br#"<doc:document xmlns:doc="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><doc:body><doc:tbl><doc:tr><doc:tc><doc:p><doc:r><doc:t>A</doc:t></doc:r></doc:p></doc:tc></doc:tr></doc:tbl></doc:body></doc:document>"#;
        let table = read_document(xml).unwrap();
        assert_eq!(table.rows[0].cells[0].text, "A");
    }

    #[test]
    fn fallback_content_and_former_properties_are_not_read() {
        let xml = document(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:rPrChange><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>A</w:t></w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>B</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>B</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc></w:tr></w:tbl>"#,
        );
        let table = read_document(&xml).unwrap();
        assert_eq!(table.rows[0].cells[0].text, "AB");
        assert!(!table.rows[0].cells[0].bold);
    }

    #[test]
    fn tab_stops_in_paragraph_properties_are_not_text() {
        let xml = document(
            r#"<w:tbl><w:tr><w:tc><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        let table = read_document(&xml).unwrap();
        assert_eq!(table.rows[0].cells[0].text, "a b");
    }

    #[test]
    fn a_huge_grid_span_is_refused_before_it_is_allocated() {
        let xml = document(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
        );
        assert!(matches!(
            read_document(&xml),
            Err(SourceError::TooManyCells { .. })
        ));
    }
}
