//! The province's survey points (điểm điều tra xã hội học) read from a sheet — an Excel file, a
//! .csv or a table pasted from either — instead of typed unit by unit: which column names the
//! unit and which holds the points is read from the header words (or, without a header, the
//! column of names and the column of numbers); each row is matched to the batch's files by the
//! unit's code or its name (accents and case aside), and every row that cannot be taken says why.
//! On top of `ranking` (the entries matched), `units::sheet` (the unit columns) and the builder's
//! tables.

use std::collections::HashMap;

use crate::builder::table::SourceTable;
use crate::points::Points;
use crate::ranking::Entry;
use crate::text::{Lang, fold_diacritics};
use crate::units::sheet::{cell, guess_columns};

/// One row of the sheet as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyRow {
    /// 1-based, as the sheet shows it.
    pub row: usize,
    /// The unit as the sheet names it.
    pub unit: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The points go to these files (more than one where a unit sent its file twice).
    Matched {
        sources: Vec<String>,
        points: Points,
    },
    /// The row is not taken; the unit keeps the points it has.
    Refused(RowProblem),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// No file of the batch is of this unit.
    UnknownUnit,
    /// The same unit on several rows: none of them is taken.
    DuplicateUnit {
        rows: Vec<usize>,
    },
    NoPoints,
    NotANumber {
        text: String,
    },
    OutOfRange {
        points: Points,
        max: Points,
    },
}

impl RowProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RowProblem::UnknownUnit, Lang::Vi) => {
                "không có tệp tự đánh giá của đơn vị này trong đợt".into()
            }
            (RowProblem::UnknownUnit, Lang::En) => {
                "no self-assessment of this unit in the batch".into()
            }
            (RowProblem::DuplicateUnit { rows }, Lang::Vi) => format!(
                "đơn vị có ở nhiều dòng ({}); không dòng nào được lấy",
                join(rows)
            ),
            (RowProblem::DuplicateUnit { rows }, Lang::En) => format!(
                "the unit is on several rows ({}); none is taken",
                join(rows)
            ),
            (RowProblem::NoPoints, Lang::Vi) => "chưa có điểm".into(),
            (RowProblem::NoPoints, Lang::En) => "no points".into(),
            (RowProblem::NotANumber { text }, Lang::Vi) => {
                format!("“{text}” không phải là điểm (ví dụ 25,5)")
            }
            (RowProblem::NotANumber { text }, Lang::En) => {
                format!("“{text}” is not a number of points (e.g. 25.5)")
            }
            (RowProblem::OutOfRange { points, max }, Lang::Vi) => format!(
                "{} điểm ngoài khoảng 0 đến {} (điểm tối đa phần điều tra)",
                points.format_short(lang),
                max.format_short(lang)
            ),
            (RowProblem::OutOfRange { points, max }, Lang::En) => format!(
                "{} points is outside 0 to {} (the survey's maximum)",
                points.format_short(lang),
                max.format_short(lang)
            ),
        }
    }
}

fn join(rows: &[usize]) -> String {
    rows.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a sheet gives no survey points at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetError {
    NoUnitColumn,
    NoPointsColumn,
}

impl SheetError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SheetError::NoUnitColumn, Lang::Vi) => "Không tìm thấy cột tên đơn vị: bảng cần hai cột, “Đơn vị” và “Điểm điều tra XHH”".into(),
            (SheetError::NoUnitColumn, Lang::En) => "No column of unit names: the table needs two columns, “Đơn vị” and “Điểm điều tra XHH”".into(),
            (SheetError::NoPointsColumn, Lang::Vi) => "Không tìm thấy cột điểm: bảng cần hai cột, “Đơn vị” và “Điểm điều tra XHH”".into(),
            (SheetError::NoPointsColumn, Lang::En) => "No column of points: the table needs two columns, “Đơn vị” and “Điểm điều tra XHH”".into(),
        }
    }
}

/// The sheet read against a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveySheet {
    pub rows: Vec<SurveyRow>,
}

impl SurveySheet {
    /// Every (file, points) to set.
    pub fn matched(&self) -> Vec<(String, Points)> {
        self.rows
            .iter()
            .filter_map(|r| match &r.outcome {
                Outcome::Matched { sources, points } => Some((sources, *points)),
                Outcome::Refused(_) => None,
            })
            .flat_map(|(sources, points)| sources.iter().map(move |s| (s.clone(), points)))
            .collect()
    }

    pub fn refused(&self) -> impl Iterator<Item = (&SurveyRow, &RowProblem)> {
        self.rows.iter().filter_map(|r| match &r.outcome {
            Outcome::Refused(p) => Some((r, p)),
            Outcome::Matched { .. } => None,
        })
    }
}

/// A header cell naming the survey points.
fn names_points(text: &str) -> bool {
    let t = fold_diacritics(text);
    [
        "diem", "xhh", "khao sat", "dieu tra", "sipas", "point", "survey",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Reads `table` against this year's `entries`.
pub fn read(table: &SourceTable, entries: &[Entry]) -> Result<SurveySheet, SheetError> {
    let mut columns = guess_columns(table).ok_or(SheetError::NoUnitColumn)?;
    let headed = columns.header.and_then(|h| {
        (0..table.width())
            .filter(|&c| c != columns.name && Some(c) != columns.code)
            .find(|&c| names_points(cell(table, h, c)))
    });
    // A "header" without a points heading is a unit named like one ("Đơn vị …") in a sheet
    // without a header: then the points are the column of numbers.
    if headed.is_none() && columns.header.is_some() {
        let numbers_beside_it = (0..table.width()).filter(|&c| c != columns.name).any(|c| {
            columns
                .header
                .is_some_and(|h| Points::parse(cell(table, h, c)).is_ok())
        });
        if numbers_beside_it {
            columns.header = None;
            columns.code = None;
        }
    }
    let start = columns.header.map_or(0, |h| h + 1);
    let points_column = match (headed, columns.header) {
        (Some(c), Some(_)) => Some(c),
        (_, Some(_)) => None,
        // No header: the column other than the names where most filled cells are points.
        (_, None) => (0..table.width())
            .filter(|&c| c != columns.name)
            .map(|c| {
                let numbers = (start..table.rows.len())
                    .filter(|&r| Points::parse(cell(table, r, c)).is_ok())
                    .count();
                (c, numbers)
            })
            .filter(|&(_, n)| n > 0)
            .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
            .map(|(c, _)| c),
    }
    .ok_or(SheetError::NoPointsColumn)?;

    let by_id: HashMap<&str, Vec<&Entry>> = group(
        entries
            .iter()
            .filter_map(|e| Some((e.unit_id.as_deref()?, e))),
    );
    let folded: Vec<(String, &Entry)> = entries
        .iter()
        .map(|e| (fold_diacritics(e.unit.trim()), e))
        .collect();
    let mut rows = Vec::new();
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for r in start..table.rows.len() {
        let unit = cell(table, r, columns.name).to_string();
        let code = columns.code.map(|c| cell(table, r, c)).unwrap_or("");
        let text = cell(table, r, points_column);
        if unit.is_empty() && code.is_empty() {
            continue;
        }
        let matched: Vec<&Entry> = match by_id.get(code) {
            Some(list) if !code.is_empty() => list.clone(),
            _ => {
                let name = fold_diacritics(&unit);
                folded
                    .iter()
                    .filter(|(n, _)| *n == name)
                    .map(|(_, e)| *e)
                    .collect()
            }
        };
        let outcome = if matched.is_empty() {
            Outcome::Refused(RowProblem::UnknownUnit)
        } else if text.is_empty() {
            Outcome::Refused(RowProblem::NoPoints)
        } else {
            match Points::parse(text) {
                Err(_) => Outcome::Refused(RowProblem::NotANumber { text: text.into() }),
                Ok(points) => {
                    let max = matched
                        .iter()
                        .map(|e| e.survey_max)
                        .min()
                        .unwrap_or(Points::ZERO);
                    if points < Points::ZERO || points > max {
                        Outcome::Refused(RowProblem::OutOfRange { points, max })
                    } else {
                        Outcome::Matched {
                            sources: matched.iter().map(|e| e.source.clone()).collect(),
                            points,
                        }
                    }
                }
            }
        };
        if let Some(first) = matched.first() {
            seen.entry(first.unit_key()).or_default().push(r + 1);
        }
        rows.push((
            matched.first().map(|e| e.unit_key()),
            SurveyRow {
                row: r + 1,
                unit: if unit.is_empty() {
                    code.to_string()
                } else {
                    unit
                },
                outcome,
            },
        ));
    }
    // A unit on two rows: neither is taken, each says where the other is.
    let rows = rows
        .into_iter()
        .map(|(key, mut row)| {
            if let Some(list) = key.and_then(|k| seen.get(&k)).filter(|l| l.len() > 1) {
                row.outcome = Outcome::Refused(RowProblem::DuplicateUnit { rows: list.clone() });
            }
            row
        })
        .collect();
    Ok(SurveySheet { rows })
}

fn group<'a>(
    pairs: impl Iterator<Item = (&'a str, &'a Entry)>,
) -> HashMap<&'a str, Vec<&'a Entry>> {
    let mut out: HashMap<&str, Vec<&Entry>> = HashMap::new();
    for (k, e) in pairs {
        out.entry(k).or_default().push(e);
    }
    out
}
