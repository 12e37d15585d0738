//! The score sheet of an Excel file: the first sheet, in the workbook's order, holding any
//! non-empty cell (visible sheets before hidden ones), with its merged ranges and bold cells.

use std::collections::{BTreeMap, BTreeSet};

use super::xml::{Node, Ns, Walker, attr, is, is_on};
use super::zip::Archive;
use crate::builder::source_error::{SourceError, check_cells};
use crate::builder::table::{Cell, Merge, SourceKind, SourceRow, SourceTable};

/// Excel's own limits; a reference past them is not a cell.
const MAX_ROW: u32 = 1_048_576;
const MAX_COLUMN: u32 = 16_384;

#[derive(Debug, Clone)]
struct SheetRef {
    rel_id: String,
    hidden: bool,
}

/// A shared or inline string and whether every run of its rich text is bold.
#[derive(Debug, Clone, Default)]
struct RichText {
    text: String,
    all_runs_bold: bool,
}

pub(crate) fn read_workbook(archive: &mut Archive) -> Result<SourceTable, SourceError> {
    let workbook = archive.read("xl/workbook.xml")?.unwrap_or_default();
    let sheets = sheets_of(&workbook)?;
    let rels = match archive.read("xl/_rels/workbook.xml.rels")? {
        Some(xml) => relationships(&xml)?,
        None => BTreeMap::new(),
    };
    let strings = match archive.read("xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let bold_styles = match archive.read("xl/styles.xml")? {
        Some(xml) => bold_styles(&xml)?,
        None => Vec::new(),
    };
    let visible = sheets.iter().enumerate().filter(|(_, s)| !s.hidden);
    let hidden = sheets.iter().enumerate().filter(|(_, s)| s.hidden);
    for (position, sheet) in visible.chain(hidden) {
        // Without relationships, Excel's own naming is the best remaining guess.
        let part = rels
            .get(&sheet.rel_id)
            .cloned()
            .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", position + 1));
        let Some(xml) = archive.read(&part)? else {
            continue;
        };
        if let Some(table) = read_sheet(&xml, &strings, &bold_styles)? {
            return Ok(table);
        }
    }
    Err(SourceError::EmptyWorkbook)
}

fn sheets_of(xml: &[u8]) -> Result<Vec<SheetRef>, SourceError> {
    let mut walker = Walker::new(xml, "xl/workbook.xml");
    let mut sheets = Vec::new();
    loop {
        match walker.next()? {
            Node::Open(ns, e) if is(ns, &e, b"sheet") => sheets.push(SheetRef {
                rel_id: attr(&e, b"id").unwrap_or_default(),
                hidden: matches!(attr(&e, b"state").as_deref(), Some("hidden" | "veryHidden")),
            }),
            Node::End => return Ok(sheets),
            _ => {}
        }
    }
}

/// The workbook's relationships: id → part name inside the archive.
fn relationships(xml: &[u8]) -> Result<BTreeMap<String, String>, SourceError> {
    let mut walker = Walker::new(xml, "xl/_rels/workbook.xml.rels");
    let mut rels = BTreeMap::new();
    loop {
        match walker.next()? {
            Node::Open(ns, e) if is(ns, &e, b"Relationship") => {
                if attr(&e, b"TargetMode").as_deref() == Some("External") {
                    continue;
                }
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    rels.insert(id, part_name("xl", &target));
                }
            }
            Node::End => return Ok(rels),
            _ => {}
        }
    }
}

/// A relationship target resolved against the folder of the part that names it.
fn part_name(folder: &str, target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

fn shared_strings(xml: &[u8]) -> Result<Vec<RichText>, SourceError> {
    let mut walker = Walker::new(xml, "xl/sharedStrings.xml");
    let mut strings = Vec::new();
    loop {
        match walker.next()? {
            Node::Open(ns, e) if is(ns, &e, b"si") => strings.push(rich_text(&mut walker, b"si")?),
            Node::End => return Ok(strings),
            _ => {}
        }
    }
}

/// The text of an `si` or `is` element just opened: its `t`, or its runs' `t`, without the
/// phonetic guide (`rPh`).
fn rich_text(walker: &mut Walker, end: &[u8]) -> Result<RichText, SourceError> {
    let mut text = String::new();
    let mut in_text = false;
    let mut run_bold: Option<bool> = None;
    let mut in_run = false;
    let mut run_has_text = false;
    let mut runs_with_text = 0;
    let mut bold_runs = 0;
    loop {
        match walker.next()? {
            Node::Open(ns, e) if is(ns, &e, b"rPh") || is(ns, &e, b"extLst") => walker.skip()?,
            Node::Open(ns, e) if is(ns, &e, b"r") => {
                in_run = true;
                run_bold = None;
                run_has_text = false;
            }
            Node::Open(ns, e) if in_run && is(ns, &e, b"b") => run_bold = Some(is_on(&e)),
            Node::Open(ns, e) if is(ns, &e, b"t") => in_text = true,
            Node::Open(..) => {}
            Node::Text(t) if in_text => {
                run_has_text |= !t.trim().is_empty();
                text.push_str(&t);
            }
            Node::Text(_) => {}
            Node::Close(Ns::Main, local) if local == b"t" => in_text = false,
            Node::Close(Ns::Main, local) if local == b"r" => {
                in_run = false;
                if run_has_text {
                    runs_with_text += 1;
                    if run_bold == Some(true) {
                        bold_runs += 1;
                    }
                }
            }
            Node::Close(Ns::Main, local) if local == end => break,
            Node::Close(..) => {}
            Node::End => return Err(walker.damaged("the XML stops inside a string")),
        }
    }
    Ok(RichText {
        text: excel_escapes(&text),
        all_runs_bold: runs_with_text > 0 && bold_runs == runs_with_text,
    })
}

/// Whether each cell style (`cellXfs/xf`, by position) uses a bold font.
fn bold_styles(xml: &[u8]) -> Result<Vec<bool>, SourceError> {
    let mut walker = Walker::new(xml, "xl/styles.xml");
    let mut fonts: Vec<bool> = Vec::new();
    let mut style_fonts: Vec<usize> = Vec::new();
    let (mut in_fonts, mut in_font, mut in_cell_styles) = (false, false, false);
    loop {
        match walker.next()? {
            Node::Open(ns, e) if is(ns, &e, b"extLst") => walker.skip()?,
            Node::Open(ns, e) if is(ns, &e, b"fonts") => in_fonts = true,
            Node::Open(ns, e) if in_fonts && is(ns, &e, b"font") => {
                in_font = true;
                fonts.push(false);
            }
            Node::Open(ns, e) if in_font && is(ns, &e, b"b") => {
                if let Some(last) = fonts.last_mut() {
                    *last = is_on(&e);
                }
            }
            Node::Open(ns, e) if is(ns, &e, b"cellXfs") => in_cell_styles = true,
            Node::Open(ns, e) if in_cell_styles && is(ns, &e, b"xf") => {
                style_fonts.push(
                    attr(&e, b"fontId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0),
                );
                walker.skip()?;
            }
            Node::Close(Ns::Main, local) => match local.as_slice() {
                b"fonts" => in_fonts = false,
                b"font" => in_font = false,
                b"cellXfs" => in_cell_styles = false,
                _ => {}
            },
            Node::End => break,
            _ => {}
        }
    }
    Ok(style_fonts
        .into_iter()
        .map(|font| fonts.get(font).copied().unwrap_or(false))
        .collect())
}

/// Excel writes control characters in strings as `_xHHHH_` (a line break typed with Alt+Enter
/// often arrives as `_x000D_` before the `\n`); a literal `_x` is written `_x005F_x`.
fn excel_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let escape = rest
            .get(at + 2..at + 7)
            .filter(|s| s.ends_with('_'))
            .and_then(|s| u32::from_str_radix(&s[..4], 16).ok())
            .and_then(char::from_u32);
        match escape {
            Some(c) => {
                out.push(c);
                rest = &rest[at + 7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    out.replace("\r\n", "\n").replace('\r', "\n")
}

/// A number as Excel stored it, with the noise of binary floating point removed: points have at
/// most two decimals, so six are more than enough, and `0.30000000000000004` reads `0.3`.
pub(crate) fn clean_number(written: &str) -> String {
    let written = written.trim();
    if !written.contains(['.', 'e', 'E']) {
        return written.to_string();
    }
    let Ok(value) = written.parse::<f64>() else {
        return written.to_string();
    };
    if !value.is_finite() {
        return written.to_string();
    }
    let fixed = format!("{value:.6}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    match trimmed {
        "-0" | "" => "0".to_string(),
        t => t.to_string(),
    }
}

/// "B3" → (row 3, column 2), both 1-based.
fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut column = 0u32;
    for c in letters.chars() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        column = column * 26 + (u32::from(c.to_ascii_uppercase()) - u32::from('A') + 1);
    }
    let row: u32 = digits.parse().ok()?;
    ((1..=MAX_ROW).contains(&row) && (1..=MAX_COLUMN).contains(&column)).then_some((row, column))
}

/// "A1:C1" → its first and last cells; a single cell is a range of one.
fn range(reference: &str) -> Option<((u32, u32), (u32, u32))> {
    let reference = reference.replace('$', "");
    let (first, last) = reference
        .split_once(':')
        .unwrap_or((&reference, &reference));
    let (r1, c1) = cell_position(first)?;
    let (r2, c2) = cell_position(last)?;
    Some(((r1.min(r2), c1.min(c2)), (r1.max(r2), c1.max(c2))))
}

#[derive(Debug, Default)]
struct SheetCell {
    kind: String,
    style: usize,
    value: String,
    inline: Option<RichText>,
}

/// The cells of a sheet with text, or `None` when it has none.
fn read_sheet(
    xml: &[u8],
    strings: &[RichText],
    bold_styles: &[bool],
) -> Result<Option<SourceTable>, SourceError> {
    let mut walker = Walker::new(xml, "a worksheet");
    let mut cells: BTreeMap<(u32, u32), Cell> = BTreeMap::new();
    let mut merges = Vec::new();
    let (mut row, mut column) = (0u32, 0u32);
    let mut current: Option<SheetCell> = None;
    let mut in_value = false;
    loop {
        match walker.next()? {
            Node::Open(ns, e) if is(ns, &e, b"extLst") => walker.skip()?,
            Node::Open(ns, e) if is(ns, &e, b"row") => {
                row = attr(&e, b"r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(row.saturating_add(1));
                column = 0;
            }
            Node::Open(ns, e) if is(ns, &e, b"c") => {
                match attr(&e, b"r").as_deref().and_then(cell_position) {
                    Some((r, c)) => (row, column) = (r, c),
                    None => column = column.saturating_add(1),
                }
                current = Some(SheetCell {
                    kind: attr(&e, b"t").unwrap_or_default(),
                    style: attr(&e, b"s").and_then(|s| s.parse().ok()).unwrap_or(0),
                    ..SheetCell::default()
                });
            }
            Node::Open(ns, e) if current.is_some() && is(ns, &e, b"v") => in_value = true,
            Node::Open(ns, e) if is(ns, &e, b"is") => {
                let text = rich_text(&mut walker, b"is")?;
                if let Some(cell) = &mut current {
                    cell.inline = Some(text);
                }
            }
            Node::Open(ns, e) if is(ns, &e, b"mergeCell") => {
                if let Some(r) = attr(&e, b"ref").as_deref().and_then(range) {
                    merges.push(r);
                }
            }
            Node::Open(..) => {}
            Node::Text(t) if in_value => {
                if let Some(cell) = &mut current {
                    cell.value.push_str(&t);
                }
            }
            Node::Text(_) => {}
            Node::Close(Ns::Main, local) if local == b"v" => in_value = false,
            Node::Close(Ns::Main, local) if local == b"c" => {
                if let Some(cell) = current.take() {
                    let read = cell_text(cell, strings, bold_styles)
                        .map_err(|detail| walker.damaged(detail))?;
                    if !read.text.is_empty() {
                        cells.insert((row, column), read);
                    }
                }
            }
            Node::Close(..) => {}
            Node::End => break,
        }
    }
    layout(cells, &merges)
}

fn cell_text(cell: SheetCell, strings: &[RichText], bold_styles: &[bool]) -> Result<Cell, String> {
    let style_bold = bold_styles.get(cell.style).copied().unwrap_or(false);
    let (text, string_bold) = match cell.kind.as_str() {
        "s" if cell.value.trim().is_empty() => (String::new(), false),
        "s" => {
            let index: usize =
                cell.value.trim().parse().map_err(|_| {
                    format!("a shared string index “{}” is not a number", cell.value)
                })?;
            let string = strings
                .get(index)
                .ok_or_else(|| format!("the shared string {index} does not exist"))?;
            (string.text.clone(), string.all_runs_bold)
        }
        "inlineStr" => match cell.inline {
            Some(inline) => (inline.text, inline.all_runs_bold),
            None => (excel_escapes(&cell.value), false),
        },
        "str" => (excel_escapes(&cell.value), false),
        "b" => (
            match cell.value.trim() {
                "1" => "TRUE".to_string(),
                "0" => "FALSE".to_string(),
                other => other.to_string(),
            },
            false,
        ),
        "e" | "d" => (cell.value, false),
        _ => (clean_number(&cell.value), false),
    };
    let text = text.trim().to_string();
    let bold = !text.is_empty() && (style_bold || string_bold);
    Ok(Cell {
        text,
        bold,
        merge: Merge::Own,
    })
}

type Range = ((u32, u32), (u32, u32));

/// Places the cells in a grid from the first used row and column to the last; rows with no
/// text are left out (a gap row means nothing in an annex), and a merged range covers the
/// cells after its first, from the left in its first row and from above below it.
fn layout(
    mut cells: BTreeMap<(u32, u32), Cell>,
    merges: &[Range],
) -> Result<Option<SourceTable>, SourceError> {
    let rows: BTreeSet<u32> = cells.keys().map(|(r, _)| *r).collect();
    let (Some(first_column), Some(last_column)) = (
        cells.keys().map(|(_, c)| *c).min(),
        cells.keys().map(|(_, c)| *c).max(),
    ) else {
        return Ok(None);
    };
    let width = usize::try_from(last_column - first_column + 1).unwrap_or(usize::MAX);
    check_cells(rows.len(), width)?;

    // Ranges in a real sheet never overlap, so together they cover at most the grid; more
    // means a crafted file, refused before the work grows with it.
    let mut covered = 0usize;
    for &((r1, c1), (r2, c2)) in merges {
        let columns = c1.max(first_column)..=c2.min(last_column);
        if columns.is_empty() {
            continue;
        }
        for &r in rows.range(r1..=r2) {
            for c in columns.clone() {
                if (r, c) == (r1, c1) {
                    continue;
                }
                covered += 1;
                if covered > rows.len().saturating_mul(width) {
                    return Err(SourceError::Corrupt {
                        detail: "a worksheet: merged ranges overlap".into(),
                    });
                }
                let merge = if r == r1 {
                    Merge::FromLeft
                } else {
                    Merge::FromAbove
                };
                cells.insert(
                    (r, c),
                    Cell {
                        merge,
                        ..Cell::default()
                    },
                );
            }
        }
    }

    let mut grid: Vec<SourceRow> = Vec::with_capacity(rows.len());
    let mut index = BTreeMap::new();
    for &r in &rows {
        index.insert(r, grid.len());
        grid.push(SourceRow {
            cells: vec![Cell::default(); width],
            marked_header: false,
        });
    }
    for ((r, c), cell) in cells {
        let at = usize::try_from(c - first_column).unwrap_or(usize::MAX);
        if let Some(slot) = index
            .get(&r)
            .and_then(|&i| grid.get_mut(i))
            .and_then(|row| row.cells.get_mut(at))
        {
            *slot = cell;
        }
    }
    Ok(Some(SourceTable::new(SourceKind::Xlsx, grid)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_floating_point_noise_only() {
        assert_eq!(clean_number("0.5"), "0.5");
        assert_eq!(clean_number("1"), "1");
        assert_eq!(clean_number("0.30000000000000004"), "0.3");
        assert_eq!(clean_number("2.0000000000000004"), "2");
        assert_eq!(clean_number("1.25"), "1.25");
        assert_eq!(clean_number("1E-3"), "0.001");
        assert_eq!(clean_number("-0.0000000001"), "0");
        assert_eq!(clean_number("12"), "12");
    }

    #[test]
    fn references_read_as_row_and_column() {
        assert_eq!(cell_position("B3"), Some((3, 2)));
        assert_eq!(cell_position("AA10"), Some((10, 27)));
        assert_eq!(cell_position("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_position("XFE1"), None);
        assert_eq!(cell_position("3"), None);
        assert_eq!(range("$A$1:C2"), Some(((1, 1), (2, 3))));
    }

    #[test]
    fn excel_escapes_are_decoded() {
        assert_eq!(excel_escapes("a_x000D_\nb"), "a\nb");
        assert_eq!(excel_escapes("a_x005F_x000D_"), "a_x000D_");
        assert_eq!(excel_escapes("_xyz_x"), "_xyz_x");
    }

    #[test]
    fn targets_resolve_against_the_workbook_folder() {
        assert_eq!(
            part_name("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            part_name("xl", "/xl/worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(part_name("xl", "../sheets/a.xml"), "sheets/a.xml");
    }
}
