//! A unit list read from a table — an Excel sheet, a .csv file, a Word table or text pasted from
//! any of them: which column holds the name, the type and the code is guessed from the header
//! words; a type left blank is read from the name ("UBND xã An Bình" is a commune). The units come
//! out as read, problems and all, for the officer to mend in the list editor before it is saved.

use super::{ListYears, Unit, UnitList};
use crate::builder::table::{Merge, SourceTable};
use crate::framework::UnitType;
use crate::text::fold_diacritics;

/// How far down a header row is looked for (titles and blank rows may come first).
const HEADER_SEARCH_ROWS: usize = 10;
const MAX_HEADING_WORDS: usize = 6;

/// Which columns of the table hold what, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitColumns {
    pub name: usize,
    pub unit_type: Option<usize>,
    pub code: Option<usize>,
    /// The header row, when the table has one; the units start below it.
    pub header: Option<usize>,
}

/// The units of a table as read, with where each came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadUnits {
    pub list: UnitList,
    pub columns: UnitColumns,
    /// The source row of each unit (1-based, as the sheet shows it), in the list's order.
    pub source_rows: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetError {
    /// No column with names in it.
    NoNames,
}

impl SheetError {
    pub fn message(&self, lang: crate::text::Lang) -> String {
        match lang {
            crate::text::Lang::Vi => "Không tìm thấy cột tên đơn vị trong bảng: cần một cột “Tên đơn vị” (và nếu có, “Loại đơn vị”, “Mã”)".into(),
            crate::text::Lang::En => "No column of unit names in the table: it needs a “Tên đơn vị” column (and, if any, “Loại đơn vị” and “Mã”)".into(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Heading {
    Name,
    Type,
    Code,
    Number,
}

/// A header cell's meaning, from its accent-folded words.
fn heading(text: &str) -> Option<Heading> {
    let t = fold_diacritics(text);
    let t = t.trim();
    // A heading is a few words; a title above the table ("DANH SÁCH ĐƠN VỊ …") is not.
    if t.is_empty() || t.split_whitespace().count() > MAX_HEADING_WORDS {
        return None;
    }
    if ["stt", "so tt", "tt", "so thu tu", "no"].contains(&t) {
        return Some(Heading::Number);
    }
    if t.contains("loai") || t == "cap" || t.starts_with("cap ") || t.contains("type") {
        return Some(Heading::Type);
    }
    if t.starts_with("ma") || t == "code" || t == "id" {
        return Some(Heading::Code);
    }
    if t.contains("ten") || t.contains("don vi") || t.contains("co quan") || t.contains("name") {
        return Some(Heading::Name);
    }
    None
}

/// A cell's text, trimmed; empty for a cell covered by a merge or past the row's end.
pub(crate) fn cell(table: &SourceTable, row: usize, col: usize) -> &str {
    table.rows[row]
        .cells
        .get(col)
        .filter(|c| c.merge == Merge::Own)
        .map_or("", |c| c.text.trim())
}

/// Guesses the columns: from a header row when there is one, else the widest text column is the
/// names (a plain pasted list of names has only that).
pub fn guess_columns(table: &SourceTable) -> Option<UnitColumns> {
    for r in 0..table.rows.len().min(HEADER_SEARCH_ROWS) {
        let headings: Vec<Option<Heading>> = (0..table.width())
            .map(|c| heading(cell(table, r, c)))
            .collect();
        if let Some(name) = headings.iter().position(|h| *h == Some(Heading::Name)) {
            return Some(UnitColumns {
                name,
                unit_type: headings.iter().position(|h| *h == Some(Heading::Type)),
                code: headings.iter().position(|h| *h == Some(Heading::Code)),
                header: Some(r),
            });
        }
    }
    // No header: the column with the most letters holds the names; a column of type words beside
    // it is the type.
    let letters = |c: usize| -> usize {
        (0..table.rows.len())
            .map(|r| {
                let t = cell(table, r, c);
                if looks_like_number(t) {
                    0
                } else {
                    t.chars().filter(|ch| ch.is_alphabetic()).count()
                }
            })
            .sum()
    };
    let name = (0..table.width())
        .filter(|&c| letters(c) > 0)
        .max_by_key(|&c| (letters(c), std::cmp::Reverse(c)))?;
    let unit_type = (0..table.width()).find(|&c| {
        c != name && {
            let filled: Vec<&str> = (0..table.rows.len())
                .map(|r| cell(table, r, c))
                .filter(|t| !t.is_empty())
                .collect();
            !filled.is_empty() && filled.iter().all(|t| type_from_words(t).is_some())
        }
    });
    Some(UnitColumns {
        name,
        unit_type,
        code: None,
        header: None,
    })
}

fn looks_like_number(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ')')
}

/// A type cell read: the format's codes, or the words a sheet uses ("Sở, ban, ngành", "Cấp xã",
/// "Phường", "UBND huyện"…). District words are tried first: "thị xã" is a district-level town.
pub fn type_from_words(text: &str) -> Option<UnitType> {
    let t = fold_diacritics(text);
    let t = t.trim();
    if let Some(u) = UnitType::from_code(t) {
        return Some(u);
    }
    let has = |w: &str| {
        t == w
            || t.starts_with(&format!("{w} "))
            || t.ends_with(&format!(" {w}"))
            || t.contains(&format!(" {w} "))
            || t.contains(&format!(" {w},"))
            || t.starts_with(&format!("{w},"))
    };
    if has("huyen") || has("thi xa") || has("quan") || has("thanh pho") {
        Some(UnitType::Huyen)
    } else if has("xa") || has("phuong") || has("dac khu") || has("thi tran") {
        Some(UnitType::Xa)
    } else if has("so") || has("ban") || has("nganh") {
        Some(UnitType::So)
    } else if has("khac") {
        Some(UnitType::Khac)
    } else {
        None
    }
}

/// A unit's type read from its name, where the name says it: "UBND xã …", "Phường …", "UBND
/// huyện …", "Sở …", "Ban …", "Văn phòng …", "Thanh tra tỉnh".
pub fn type_from_name(name: &str) -> Option<UnitType> {
    let folded = fold_diacritics(name);
    let t = folded.trim();
    let t = t
        .strip_prefix("ubnd ")
        .or_else(|| t.strip_prefix("uy ban nhan dan "))
        .unwrap_or(t);
    let starts = |w: &str| t.starts_with(&format!("{w} "));
    if starts("huyen") || starts("thi xa") || starts("quan") || starts("thanh pho") {
        Some(UnitType::Huyen)
    } else if starts("xa") || starts("phuong") || starts("dac khu") || starts("thi tran") {
        Some(UnitType::Xa)
    } else if starts("so")
        || starts("ban")
        || starts("van phong")
        || starts("thanh tra")
        || starts("bo chi huy")
        || starts("cong an")
    {
        Some(UnitType::So)
    } else {
        None
    }
}

/// Reads the units of a table with the given columns. A row with neither name nor code is
/// skipped (blank lines, a repeated page header); every other row becomes a unit as read.
pub fn read_units(
    table: &SourceTable,
    columns: UnitColumns,
    province: &str,
    years: Option<ListYears>,
) -> ReadUnits {
    let mut list = UnitList::new(province, years);
    let mut source_rows = Vec::new();
    let start = columns.header.map_or(0, |h| h + 1);
    for r in start..table.rows.len() {
        let name = cell(table, r, columns.name).to_string();
        let code = columns
            .code
            .map(|c| cell(table, r, c).to_string())
            .filter(|c| !c.is_empty());
        if name.is_empty() && code.is_none() {
            continue;
        }
        // A header repeated further down (a sheet printed in pages) is not a unit.
        if heading(&name) == Some(Heading::Name) && columns.header.is_some() {
            continue;
        }
        let typed = columns
            .unit_type
            .map(|c| cell(table, r, c).to_string())
            .unwrap_or_default();
        let unit_type = type_from_words(&typed)
            .or_else(|| {
                if typed.is_empty() {
                    type_from_name(&name)
                } else {
                    None
                }
            })
            .map_or(typed, |u| u.code().to_string());
        // A unit's own code makes its id when it is free; else its name does.
        let id = code
            .as_deref()
            .map(crate::text::slug)
            .filter(|id| !id.is_empty() && list.unit(id).is_none())
            .unwrap_or_else(|| list.fresh_id(if name.is_empty() { "don-vi" } else { &name }));
        list.units.push(Unit {
            id,
            name,
            unit_type,
            code,
            retired_from: None,
            merged_into: None,
        });
        source_rows.push(r + 1);
    }
    ReadUnits {
        list,
        columns,
        source_rows,
    }
}

/// Reads a table with its columns guessed.
pub fn read_table(
    table: &SourceTable,
    province: &str,
    years: Option<ListYears>,
) -> Result<ReadUnits, SheetError> {
    let columns = guess_columns(table).ok_or(SheetError::NoNames)?;
    Ok(read_units(table, columns, province, years))
}
