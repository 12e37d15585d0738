//! Which column of the source is which: guessed from the header words, confirmed or changed by the
//! officer. Also where the header ends, and which later rows only repeat it (page headers).

use serde::{Deserialize, Serialize};

use super::table::{Merge, SourceTable};
use crate::text::fold_diacritics;

/// What a source column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// STT / Mã: I, II / 1, 2 / 1.1 / a, b.
    Code,
    /// Lĩnh vực, tiêu chí, tiêu chí thành phần (sometimes with the scoring method inside).
    Title,
    /// Điểm tối đa.
    Max,
    /// Cách chấm điểm / Hướng dẫn.
    Method,
    /// Tài liệu kiểm chứng.
    Evidence,
    /// Anything else (điểm tự chấm, ghi chú, …): not read.
    Ignored,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Code,
        Column::Title,
        Column::Max,
        Column::Method,
        Column::Evidence,
        Column::Ignored,
    ];
}

/// Header words, accent-folded, in the order they are tried: the more specific first, because
/// "Điểm tự chấm" and "Hướng dẫn chấm điểm" both contain "điểm".
const WORDS: &[(Column, &[&str])] = &[
    (
        Column::Ignored,
        &[
            "tu cham",
            "tu danh gia",
            "tham dinh",
            "ghi chu",
            "dat duoc",
            "giai trinh",
            "diem danh gia",
            "ket qua",
        ],
    ),
    (
        Column::Method,
        &[
            "cach cham",
            "huong dan",
            "phuong phap",
            "cach tinh",
            "cach danh gia",
            "cach thuc",
            "cham diem",
            "yeu cau",
        ],
    ),
    (
        Column::Evidence,
        &["kiem chung", "minh chung", "tai lieu", "can cu"],
    ),
    (
        Column::Max,
        &["diem toi da", "thang diem", "diem chuan", "toi da", "diem"],
    ),
    (
        Column::Code,
        &["stt", "so tt", "ma so", "ky hieu", "thu tu", "ma"],
    ),
    (
        Column::Title,
        &["linh vuc", "tieu chi", "noi dung", "chi so", "ten "],
    ),
];

/// The column a header text names, if any of the header words is in it.
pub fn column_named(header: &str) -> Option<Column> {
    let folded = format!(" {} ", words_of(header));
    WORDS.iter().find_map(|(column, words)| {
        words
            .iter()
            .any(|w| contains_word(&folded, w))
            .then_some(*column)
    })
}

/// Lowercase, accent-folded, punctuation turned into single spaces.
fn words_of(text: &str) -> String {
    let folded: String = fold_diacritics(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `word` as whole words of `padded` (which has a space at each end), so "ma" does not match
/// "mau".
fn contains_word(padded: &str, word: &str) -> bool {
    padded.contains(&format!(" {} ", word.trim()))
}

/// What the builder guessed from the table: the header rows and the meaning of each column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// Row indexes (0-based) of the header, first to last; empty when no header was found.
    pub header: Vec<usize>,
    /// One per source column.
    pub columns: Vec<Column>,
}

impl Layout {
    pub fn column(&self, c: Column) -> Option<usize> {
        self.columns.iter().position(|x| *x == c)
    }
}

/// How many rows from the top are searched for the header: titles and the decision's preamble
/// come first in a sheet.
const HEADER_SEARCH_ROWS: usize = 15;

/// Guesses the layout. Columns no header names are `Ignored`; when nothing names the title, the
/// column with the longest texts is taken for it, since every annex has one.
pub fn guess(table: &SourceTable) -> Layout {
    let width = table.width();
    let header = find_header(table);
    let names = header_texts(table, &header);
    let mut columns: Vec<Column> = names
        .iter()
        .map(|t| column_named(t).unwrap_or(Column::Ignored))
        .collect();
    columns.resize(width, Column::Ignored);
    // A column name used twice keeps only its first column (the second "Điểm" of a score sheet is
    // the self-score, not the maximum).
    for c in [
        Column::Code,
        Column::Title,
        Column::Max,
        Column::Method,
        Column::Evidence,
    ] {
        let mut seen = false;
        for col in columns.iter_mut().filter(|x| **x == c) {
            if seen {
                *col = Column::Ignored;
            }
            seen = true;
        }
    }
    if !columns.contains(&Column::Title)
        && let Some(longest) = longest_text_column(table, &header, &columns)
    {
        columns[longest] = Column::Title;
    }
    Layout { header, columns }
}

/// The header: the first row (among the top ones) in which two or more cells name a column,
/// with the rows right under it that only continue it (a second header row under merged cells,
/// a row of column numbers "(1) (2) (3)").
fn find_header(table: &SourceTable) -> Vec<usize> {
    let named = |i: usize| {
        table.rows[i]
            .cells
            .iter()
            .filter(|c| c.merge == Merge::Own && column_named(&c.text).is_some())
            .count()
    };
    let Some(first) = (0..table.rows.len().min(HEADER_SEARCH_ROWS)).find(|&i| named(i) >= 2) else {
        return Vec::new();
    };
    let mut header = vec![first];
    let mut next = first + 1;
    while next < table.rows.len() && continues_header(table, next) {
        header.push(next);
        next += 1;
    }
    header
}

fn continues_header(table: &SourceTable, i: usize) -> bool {
    let row = &table.rows[i];
    if is_column_numbers(row.cells.iter().map(|c| c.text.as_str())) {
        return true;
    }
    let own: Vec<&str> = row
        .cells
        .iter()
        .filter(|c| c.merge == Merge::Own && !c.text.trim().is_empty())
        .map(|c| c.text.as_str())
        .collect();
    // A second header row names what it holds, and holds no number (a data row has points).
    !own.is_empty()
        && own.iter().all(|t| column_named(t).is_some())
        && own.iter().all(|t| !t.chars().any(|ch| ch.is_ascii_digit()))
}

/// A row of column numbers, as annexes put under the header: "(1)", "(2)", … or "1", "2", … in
/// order, or letters "A", "B", … .
pub fn is_column_numbers<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let texts: Vec<String> = cells
        .map(|t| {
            t.trim()
                .trim_matches(|c| c == '(' || c == ')' || c == '[' || c == ']')
                .to_string()
        })
        .filter(|t| !t.is_empty())
        .collect();
    if texts.len() < 3 {
        return false;
    }
    let numbers: Option<Vec<u32>> = texts.iter().map(|t| t.parse().ok()).collect();
    if let Some(n) = numbers {
        return n.windows(2).all(|w| w[1] == w[0] + 1);
    }
    let letters: Option<Vec<u8>> = texts
        .iter()
        .map(|t| match t.as_bytes() {
            [b] if b.is_ascii_uppercase() => Some(*b),
            _ => None,
        })
        .collect();
    letters.is_some_and(|l| l.windows(2).all(|w| w[1] == w[0] + 1))
}

/// Each column's header text, the header rows joined, a merged cell's text standing for every
/// column and row it covers ("Điểm" over "Tối đa" and "Tự chấm" gives "Điểm Tối đa" and
/// "Điểm Tự chấm").
pub fn header_texts(table: &SourceTable, header: &[usize]) -> Vec<String> {
    let width = table.width();
    let mut texts = vec![String::new(); width];
    let mut above = vec![String::new(); width];
    for &r in header {
        let row = &table.rows[r];
        let mut left = String::new();
        for (c, cell) in row.cells.iter().enumerate() {
            let text = match cell.merge {
                Merge::Own => cell.text.clone(),
                Merge::FromLeft => left.clone(),
                // The text above is already part of this column's name.
                Merge::FromAbove => String::new(),
            };
            if cell.merge != Merge::FromAbove {
                above[c] = text.clone();
            }
            left = if cell.merge == Merge::FromAbove {
                above[c].clone()
            } else {
                text.clone()
            };
            if is_column_numbers(row.cells.iter().map(|c| c.text.as_str())) {
                continue;
            }
            if !text.trim().is_empty() {
                if !texts[c].is_empty() {
                    texts[c].push(' ');
                }
                texts[c].push_str(text.trim());
            }
        }
    }
    texts
}

/// A later row that repeats the header (typed again on each page, or marked by Word), or is a
/// row of column numbers: not data.
pub fn repeats_header(table: &SourceTable, layout: &Layout, i: usize) -> bool {
    let row = &table.rows[i];
    if row.marked_header || is_column_numbers(row.cells.iter().map(|c| c.text.as_str())) {
        return true;
    }
    let key = |r: usize| -> Vec<String> {
        table.rows[r]
            .cells
            .iter()
            .map(|c| words_of(&c.text))
            .collect()
    };
    let own = key(i);
    own.iter().any(|t| !t.is_empty()) && layout.header.iter().any(|&h| key(h) == own)
}

fn longest_text_column(table: &SourceTable, header: &[usize], columns: &[Column]) -> Option<usize> {
    let start = header.last().map_or(0, |h| h + 1);
    (0..table.width())
        .filter(|&c| columns[c] == Column::Ignored)
        .max_by_key(|&c| {
            table.rows[start.min(table.rows.len())..]
                .iter()
                .map(|r| r.cells[c].text.chars().count())
                .sum::<usize>()
        })
}
