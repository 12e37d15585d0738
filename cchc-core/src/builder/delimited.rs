//! A table as delimited text: pasted from Word or Excel (tab-separated) or a .csv file (comma or
//! semicolon separated, as Excel writes it depending on the computer's regional settings).
//!
//! Quoting follows RFC 4180 as Excel writes it: a cell holding a line break, the separator or a
//! quote is enclosed in `"…"` with inner quotes doubled. Word does not quote when a table is
//! copied, so a quote that does not close a properly quoted cell is read as an ordinary
//! character rather than swallowing the rest of the text.

use super::source_error::{SourceError, check_cells};
use super::table::{Cell, SourceKind, SourceRow, SourceTable};
use crate::submission::MAX_FILE_BYTES;

const BOM: char = '\u{feff}';

/// How many non-empty records decide between ';' and ','.
const SEPARATOR_SAMPLE: usize = 20;

/// Reads pasted or .csv text into rows of cells.
pub fn from_delimited(text: &str, kind: SourceKind) -> Result<SourceTable, SourceError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(SourceError::Empty);
    }
    let chars: Vec<char> = text.chars().collect();
    let tabbed = records(&chars, '\t', usize::MAX);
    let mut records = if tabbed.iter().any(|r| r.len() > 1) {
        tabbed
    } else {
        records(&chars, separator_of(&chars), usize::MAX)
    };
    while records.last().is_some_and(|r| is_blank(r)) {
        records.pop();
    }
    let width = records.iter().map(Vec::len).max().unwrap_or(0);
    check_cells(records.len(), width)?;
    let rows = records
        .into_iter()
        .map(|fields| SourceRow {
            cells: fields.into_iter().map(|f| Cell::text(f.trim())).collect(),
            marked_header: false,
        })
        .collect();
    Ok(SourceTable::new(kind, rows))
}

/// Decodes the bytes of a .csv or .txt file: UTF-8 with or without a byte-order mark, or
/// UTF-16 with one (Excel's "Unicode text"). Legacy Vietnamese encodings are refused rather than
/// guessed, since a wrong guess would turn every diacritic into another letter silently.
pub fn decode_text(bytes: &[u8]) -> Result<String, SourceError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    // NUL is valid UTF-8, but no text file holds it: this is UTF-16 without a mark, or binary.
    if bytes.contains(&0) {
        return Err(SourceError::NotText);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, SourceError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| SourceError::NotText)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, SourceError> {
    let (pairs, rest) = bytes.as_chunks::<2>();
    if !rest.is_empty() {
        return Err(SourceError::NotText);
    }
    char::decode_utf16(pairs.iter().map(|p| unit(*p)))
        .collect::<Result<String, _>>()
        .map_err(|_| SourceError::NotText)
}

fn is_blank(fields: &[String]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

/// ';' or ',' — whichever splits the first non-empty records into the same number of cells more
/// often. Excel pads every row of a sheet to the same width, so the true separator gives the
/// same count on almost every line, while commas inside unquoted text ("0,5 điểm") vary.
fn separator_of(chars: &[char]) -> char {
    let score = |separator: char| {
        let counts: Vec<usize> = records(chars, separator, SEPARATOR_SAMPLE)
            .iter()
            .map(|r| r.len() - 1)
            .collect();
        let mut best = (0, 0);
        for &count in &counts {
            let agreeing = counts.iter().filter(|&&c| c == count).count();
            if count > 0 && (agreeing, count) > best {
                best = (agreeing, count);
            }
        }
        best
    };
    if score(';') > score(',') { ';' } else { ',' }
}

/// Splits the text into records of fields, stopping after `limit` records that are not blank.
fn records(chars: &[char], separator: char, limit: usize) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut non_blank = 0;
    let mut at = 0;
    loop {
        let (field, next) = field(chars, at, separator);
        record.push(field);
        at = next;
        match chars.get(at) {
            Some(&c) if c == separator => at += 1,
            Some('\r') | Some('\n') | None => {
                if chars.get(at) == Some(&'\r') && chars.get(at + 1) == Some(&'\n') {
                    at += 1;
                }
                let end = at >= chars.len();
                at += 1;
                let finished = std::mem::take(&mut record);
                if !is_blank(&finished) {
                    non_blank += 1;
                }
                out.push(finished);
                if end || non_blank >= limit {
                    return out;
                }
            }
            Some(_) => at += 1,
        }
    }
}

/// Reads one field from `start`; returns it and the position of the separator, line break or
/// end that ends it.
fn field(chars: &[char], start: usize, separator: char) -> (String, usize) {
    if chars.get(start) == Some(&'"')
        && let Some(quoted) = quoted_field(chars, start + 1, separator)
    {
        return quoted;
    }
    let mut text = String::new();
    let mut at = start;
    while let Some(&c) = chars.get(at) {
        if c == separator || c == '\r' || c == '\n' {
            break;
        }
        text.push(c);
        at += 1;
    }
    (text, at)
}

/// A quoted field whose content starts at `start`, or `None` when the quotes do not close just
/// before a separator, a line break or the end (then the field is read as written).
fn quoted_field(chars: &[char], start: usize, separator: char) -> Option<(String, usize)> {
    let mut text = String::new();
    let mut at = start;
    loop {
        match *chars.get(at)? {
            '"' if chars.get(at + 1) == Some(&'"') => {
                text.push('"');
                at += 2;
            }
            '"' => {
                let after = at + 1;
                return match chars.get(after) {
                    None | Some('\r') | Some('\n') => Some((text, after)),
                    Some(&c) if c == separator => Some((text, after)),
                    Some(_) => None,
                };
            }
            '\r' => {
                text.push('\n');
                at += if chars.get(at + 1) == Some(&'\n') {
                    2
                } else {
                    1
                };
            }
            c => {
                text.push(c);
                at += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records_of(text: &str, separator: char, limit: usize) -> Vec<Vec<String>> {
        records(&text.chars().collect::<Vec<_>>(), separator, limit)
    }

    #[test]
    fn a_quote_inside_an_unquoted_word_cell_is_kept() {
        let rows = records_of("\"Một cửa\" liên thông\t1\n", '\t', usize::MAX);
        assert_eq!(rows[0], vec!["\"Một cửa\" liên thông", "1"]);
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_rest() {
        let rows = records_of("\"abc\tdef\nghi\tjkl", '\t', usize::MAX);
        assert_eq!(rows, vec![vec!["\"abc", "def"], vec!["ghi", "jkl"]]);
    }

    #[test]
    fn the_sample_stops_after_the_limit() {
        let text = "a;b\n\nc;d\ne;f\n";
        assert_eq!(records_of(text, ';', 2).len(), 3);
    }
}
