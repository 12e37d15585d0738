//! The rows of a source table as read from a file or the clipboard, before any meaning is given to
//! them. Row numbers shown to the officer are 1-based positions in `SourceTable::rows`.

use serde::{Deserialize, Serialize};

/// How a cell relates to a merged region of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Merge {
    /// A cell of its own (or the first cell of a merged region).
    #[default]
    Own,
    /// Covered by the cell to its left (Word's gridSpan, Excel's merged range).
    FromLeft,
    /// Covered by the cell above (Word's vMerge continuation, Excel's merged range).
    FromAbove,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Cell {
    /// The cell's text, paragraphs joined by `\n`, runs of spaces kept as written but the whole
    /// trimmed. Empty for a covered (merged) cell.
    pub text: String,
    /// Every non-blank run of the cell is bold (field rows are often only told apart this way).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_own")]
    pub merge: Merge,
}

fn is_own(m: &Merge) -> bool {
    *m == Merge::Own
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SourceRow {
    pub cells: Vec<Cell>,
    /// Word marks a header row repeated on every page (`w:tblHeader`); other sources leave it false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub marked_header: bool,
}

/// Where the table came from, for messages and for the builder's record of its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Docx,
    Xlsx,
    Csv,
    Pasted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceTable {
    pub kind: SourceKind,
    /// Every row has the same number of cells (short rows are padded with empty cells).
    pub rows: Vec<SourceRow>,
}

impl SourceTable {
    /// Pads every row to the widest one, so that a column index means the same in every row.
    pub fn new(kind: SourceKind, mut rows: Vec<SourceRow>) -> SourceTable {
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        for row in &mut rows {
            row.cells.resize_with(width, Cell::default);
        }
        SourceTable { kind, rows }
    }

    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, |r| r.cells.len())
    }
}
