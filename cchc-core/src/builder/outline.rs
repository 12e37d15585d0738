//! The tree of an annex, derived from its rows: the codes (I, II / 1, 2 / 1.1 / a, b), or the
//! numbering written at the start of the title, or bold rows where there are no codes; the maxima;
//! and the rows each node came from.

use serde::{Deserialize, Serialize};

use super::columns::{Column, Layout, repeats_header};
use super::table::{Merge, SourceTable};
use crate::points::Points;

/// Numbering as annexes write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// I, II, III: a field (lĩnh vực) when the annex uses them.
    Roman(u32),
    /// 1 / 1.1 / 1.1.1.
    Dotted(Vec<u32>),
    /// a, b, c (đ included): the parts of the item above.
    Letter(String),
}

/// Vietnamese lists skip f, j, w, z and put đ after d.
const LETTERS: [&str; 12] = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m"];

fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 || !s.chars().all(|c| "IVXL".contains(c)) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        _ => 50,
    };
    let digits: Vec<i64> = s.chars().map(value).collect();
    let mut total = 0i64;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0)
}

/// The numbering a whole code cell holds ("II", "1.2.", "a)", "Mục 3"), if it is one.
pub fn parse_numbering(cell: &str) -> Option<Numbering> {
    let s = cell.trim();
    let s = s
        .strip_prefix("Mục ")
        .or_else(|| s.strip_prefix("Phần "))
        .unwrap_or(s)
        .trim()
        .trim_end_matches(['.', ')', ':'])
        .trim();
    if let Some(n) = roman(s) {
        return Some(Numbering::Roman(n));
    }
    let lower = s.to_lowercase();
    if LETTERS.contains(&lower.as_str()) {
        return Some(Numbering::Letter(lower));
    }
    let parts: Option<Vec<u32>> = s
        .split('.')
        .map(|p| {
            (!p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    parts.filter(|p| !p.is_empty()).map(Numbering::Dotted)
}

/// Numbering written at the start of a title ("1.1. Ban hành …", "II. CÔNG TÁC …", "a) Niêm yết
/// …"), and the title without it.
pub fn split_numbering(title: &str) -> Option<(Numbering, &str)> {
    let t = title.trim_start();
    let end = t.find([' ', '\t', '\n'])?;
    let (head, rest) = (&t[..end], t[end..].trim_start());
    if rest.is_empty() {
        return None;
    }
    let closed = head.ends_with('.') || head.ends_with(')') || head.ends_with(':');
    match parse_numbering(head)? {
        // A Roman numeral or a letter must be closed ("I.", "a)"): "I" or "A" alone may be a word.
        n @ (Numbering::Roman(_) | Numbering::Letter(_)) if closed => Some((n, rest)),
        n @ Numbering::Dotted(_) => Some((n, rest)),
        _ => None,
    }
}

/// One node of the annex as read from its rows, before any rule is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The code given in the framework: the written numbering made unique by its parents
    /// ("II" then "1" then "1.1" gives "2.1.1"), or a generated one where nothing was written.
    pub code: String,
    /// As written in the source, for the officer to recognise; empty where there was none.
    pub written: String,
    /// 0 for a field.
    pub depth: usize,
    pub title: String,
    pub max: Option<Points>,
    /// The max cell as written, when it is not a number.
    pub max_unread: Option<String>,
    pub method: String,
    pub evidence: String,
    pub bold: bool,
    pub letter: bool,
    /// 1-based source rows, the first being the node's own.
    pub rows: Vec<usize>,
    /// Indexes into `Outline::entries` of the children, in order.
    pub children: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Outline {
    pub entries: Vec<Entry>,
    /// Indexes of the fields (depth 0), in order.
    pub fields: Vec<usize>,
    /// Source rows (1-based) whose points were written with a comma, and with a dot: both are
    /// read as decimal marks, and the officer is told when a table mixes them.
    pub comma_rows: Vec<usize>,
    pub dot_rows: Vec<usize>,
}

/// Reads a max cell: "2", "0,5", "0.5", "1,0 điểm", "(3)". `Err` keeps a cell that holds
/// something else.
pub fn parse_max(cell: &str) -> Result<Option<Points>, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let number: String = t
        .trim_matches(|c| c == '(' || c == ')')
        .trim()
        .trim_end_matches("điểm")
        .trim_end_matches('đ')
        .trim()
        .to_string();
    Points::parse(&number)
        .ok()
        .filter(|p| p.0 >= 0)
        .map(Some)
        .ok_or_else(|| t.to_string())
}

/// Derives the tree. Rows above the header, repeated headers and empty rows are left out; a row
/// with no numbering, no points and no bold title continues the node above (a cell split over
/// rows, or a vertically merged code cell).
pub fn derive(table: &SourceTable, layout: &Layout) -> Outline {
    let col = |c| layout.column(c);
    let start = layout.header.last().map_or(0, |h| h + 1);
    let text_at = |r: usize, c: Option<usize>| -> (&str, Merge, bool) {
        match c.and_then(|c| table.rows[r].cells.get(c)) {
            Some(cell) => (cell.text.as_str(), cell.merge, cell.bold),
            None => ("", Merge::Own, false),
        }
    };
    let mut rows: Vec<Row> = Vec::new();
    for r in start..table.rows.len() {
        if repeats_header(table, layout, r) {
            continue;
        }
        let (code, code_merge, code_bold) = text_at(r, col(Column::Code));
        let (title, _, title_bold) = text_at(r, col(Column::Title));
        let (max, _, _) = text_at(r, col(Column::Max));
        let (method, method_merge, _) = text_at(r, col(Column::Method));
        let (evidence, evidence_merge, _) = text_at(r, col(Column::Evidence));
        if [code, title, max, method, evidence]
            .iter()
            .all(|t| t.trim().is_empty())
        {
            continue;
        }
        let (numbering, written, title) = match parse_numbering(code) {
            Some(n) => (Some(n), code.trim().to_string(), title.trim()),
            None => match split_numbering(title) {
                Some((n, rest)) if code.trim().is_empty() => {
                    let written = title.trim_start()[..title.trim_start().len() - rest.len()]
                        .trim()
                        .to_string();
                    (Some(n), written, rest.trim())
                }
                _ => (None, code.trim().to_string(), title.trim()),
            },
        };
        rows.push(Row {
            number: r + 1,
            numbering,
            written,
            title: title.to_string(),
            max: max.to_string(),
            method: method.trim().to_string(),
            evidence: evidence.trim().to_string(),
            method_shared: method_merge == Merge::FromAbove,
            evidence_shared: evidence_merge == Merge::FromAbove,
            code_continues: code_merge == Merge::FromAbove,
            bold: title_bold || code_bold,
        });
    }
    build(rows)
}

struct Row {
    number: usize,
    numbering: Option<Numbering>,
    written: String,
    title: String,
    max: String,
    method: String,
    evidence: String,
    method_shared: bool,
    evidence_shared: bool,
    code_continues: bool,
    bold: bool,
}

fn append(to: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push('\n');
    }
    to.push_str(text);
}

fn build(rows: Vec<Row>) -> Outline {
    let uses_roman = rows
        .iter()
        .any(|r| matches!(r.numbering, Some(Numbering::Roman(_))));
    let any_numbering = rows.iter().any(|r| r.numbering.is_some());
    let mut out = Outline::default();
    // The open nodes from the field down, as indexes into `out.entries`.
    let mut stack: Vec<usize> = Vec::new();
    let mut roman_code = String::new();
    for row in rows {
        let max = parse_max(&row.max);
        let has_max = matches!(max, Ok(Some(_)));
        let continues = row.numbering.is_none()
            && !out.entries.is_empty()
            && (row.code_continues || (!has_max && (!row.bold || any_numbering)));
        if continues {
            if let Some(e) = out.entries.last_mut() {
                append(&mut e.title, &row.title);
                if !row.method_shared {
                    append(&mut e.method, &row.method);
                }
                if !row.evidence_shared {
                    append(&mut e.evidence, &row.evidence);
                }
                if e.max.is_none()
                    && let Ok(Some(p)) = max
                {
                    e.max = Some(p);
                }
                e.rows.push(row.number);
            }
            continue;
        }
        let depth = match &row.numbering {
            Some(Numbering::Roman(_)) => 0,
            Some(Numbering::Dotted(parts)) => parts.len() - usize::from(!uses_roman),
            Some(Numbering::Letter(_)) => stack
                .iter()
                .rev()
                .find(|&&i| !out.entries[i].letter)
                .map_or(0, |&i| out.entries[i].depth + 1),
            // Without numbering, bold rows are the fields and the others their items.
            None if row.bold && !uses_roman => 0,
            None => stack
                .iter()
                .rev()
                .find(|&&i| out.entries[i].bold || out.entries[i].depth == 0)
                .map_or(0, |&i| out.entries[i].depth + 1),
        };
        while stack
            .last()
            .is_some_and(|&top| out.entries[top].depth >= depth)
        {
            stack.pop();
        }
        let parent = stack.last().copied();
        let siblings = parent.map_or(out.fields.len(), |p| out.entries[p].children.len());
        let parent_code = parent.map(|p| out.entries[p].code.clone());
        let code = match &row.numbering {
            Some(Numbering::Roman(n)) => {
                roman_code = n.to_string();
                roman_code.clone()
            }
            Some(Numbering::Dotted(parts)) => {
                let dotted = parts
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(".");
                if uses_roman && !roman_code.is_empty() {
                    format!("{roman_code}.{dotted}")
                } else {
                    dotted
                }
            }
            Some(Numbering::Letter(l)) => match &parent_code {
                Some(p) => format!("{p}.{l}"),
                None => l.clone(),
            },
            None => match &parent_code {
                Some(p) => format!("{p}.{}", siblings + 1),
                None => (siblings + 1).to_string(),
            },
        };
        let (max, max_unread) = match max {
            Ok(p) => (p, None),
            Err(t) => (None, Some(t)),
        };
        if max.is_some() {
            if row.max.contains(',') {
                out.comma_rows.push(row.number);
            } else if row.max.contains('.') {
                out.dot_rows.push(row.number);
            }
        }
        // A vertically merged method or evidence cell is one text for every node it covers.
        let above =
            |f: fn(&Entry) -> &String| out.entries.last().map(f).cloned().unwrap_or_default();
        let method = if row.method_shared {
            above(|e| &e.method)
        } else {
            row.method
        };
        let evidence = if row.evidence_shared {
            above(|e| &e.evidence)
        } else {
            row.evidence
        };
        let index = out.entries.len();
        out.entries.push(Entry {
            code,
            written: row.written,
            depth,
            title: row.title,
            max,
            max_unread,
            method,
            evidence,
            bold: row.bold,
            letter: matches!(row.numbering, Some(Numbering::Letter(_))),
            rows: vec![row.number],
            children: Vec::new(),
        });
        match parent {
            Some(p) => out.entries[p].children.push(index),
            None => out.fields.push(index),
        }
        stack.push(index);
    }
    out
}
