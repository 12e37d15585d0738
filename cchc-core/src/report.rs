//! The report model: the rows of the score table (bảng điểm tự đánh giá) as units already lay it
//! out, built once from a draft and its scorecard and shared by the printable report and the
//! spreadsheet, so the two can never disagree.

use serde::{Deserialize, Serialize};

use crate::answer::display_date;
use crate::draft::Draft;
use crate::framework::{Block, Framework, Node};
use crate::points::{Percent, Points};
use crate::scoring::{ItemStatus, Scorecard};
use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Lĩnh vực.
    Field,
    /// Tiêu chí (any group below a field).
    Criterion,
    /// Tiêu chí thành phần: a scored item.
    Item,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub kind: RowKind,
    pub depth: u8,
    /// STT: the framework's code.
    pub code: String,
    pub title: String,
    pub max: Points,
    /// Điểm tự đánh giá; `None` for survey items (scored by the province) and not-applicable ones.
    pub points: Option<Points>,
    /// "Không áp dụng", "Tỉnh chấm (ĐTXHH)", "Điểm thưởng", "Điểm trừ"…
    pub remark: String,
    /// Tài liệu kiểm chứng, one line per document.
    pub evidence: Vec<String>,
    /// Giải trình.
    pub explanation: String,
    /// Ghi chú.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRow {
    pub number: String,
    pub date: String,
    pub issuer: String,
    pub title: String,
    pub section: String,
    pub link: String,
    /// The item codes citing this document.
    pub items: Vec<String>,
}

/// Everything the printed report and the spreadsheet show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreTable {
    pub lang: Lang,
    pub unit: String,
    pub year: u16,
    pub framework_title: String,
    pub decision: String,
    pub model_note: Option<String>,
    pub rows: Vec<Row>,
    pub self_scored: Points,
    pub self_applicable_max: Points,
    pub survey: Points,
    pub bonus: Points,
    pub penalty: Points,
    pub total: Points,
    pub applicable_max: Points,
    pub index: Percent,
    pub band: String,
    pub likely_total: Points,
    pub likely_index: Percent,
    /// (field code and title, component index).
    pub component_indexes: Vec<(String, Percent)>,
    /// Items with points claimed but no evidence, with their giải trình (may be empty).
    pub lacking_evidence: Vec<(String, String)>,
    pub evidence_register: Vec<EvidenceRow>,
    pub remarks: String,
}

impl ScoreTable {
    pub fn build(framework: &Framework, draft: &Draft, sc: &Scorecard, lang: Lang) -> ScoreTable {
        let register = &draft.answers.evidence;
        let describe = |id: &str| -> String {
            register
                .iter()
                .find(|e| e.id == id)
                .map_or_else(|| id.to_string(), |e| e.describe(lang))
        };
        let mut rows = Vec::new();
        fn walk<'a>(node: &'a Node, depth: u8, out: &mut Vec<(&'a Node, u8)>) {
            out.push((node, depth));
            for c in node.children() {
                walk(c, depth + 1, out);
            }
        }
        let mut nodes = Vec::new();
        for f in &framework.fields {
            walk(f, 0, &mut nodes);
        }
        for (node, depth) in nodes {
            let score = sc.node(&node.code);
            let answer = draft.answers.items.get(&node.code);
            let kind = match (depth, node.is_item()) {
                (_, true) => RowKind::Item,
                (0, false) => RowKind::Field,
                _ => RowKind::Criterion,
            };
            let status = score.and_then(|s| s.status);
            let points = match status {
                Some(ItemStatus::Survey) | Some(ItemStatus::NotApplicable) => None,
                _ => score.map(|s| s.points),
            };
            let mut remark = match (status, node.block, lang) {
                (Some(ItemStatus::Survey), _, Lang::Vi) => "Tỉnh chấm qua ĐTXHH",
                (Some(ItemStatus::Survey), _, Lang::En) => "Scored by the province's survey",
                (Some(ItemStatus::NotApplicable), _, Lang::Vi) => "Không áp dụng",
                (Some(ItemStatus::NotApplicable), _, Lang::En) => "Not applicable",
                (_, Block::Penalty, Lang::Vi) if depth == 0 => "Điểm trừ",
                (_, Block::Penalty, Lang::En) if depth == 0 => "Penalty",
                (_, Block::Bonus, Lang::Vi) if depth == 0 => "Điểm thưởng",
                (_, Block::Bonus, Lang::En) if depth == 0 => "Bonus",
                (_, _, Lang::Vi | Lang::En) => "",
            }
            .to_string();
            if let Some(crate::answer::Value::NotApplicable { reason }) =
                answer.and_then(|a| a.value.as_ref())
                && status == Some(ItemStatus::NotApplicable)
            {
                remark = format!("{remark}: {reason}");
            }
            rows.push(Row {
                kind,
                depth,
                code: node.code.clone(),
                title: node.title.get(lang).to_string(),
                max: node.max,
                points,
                remark,
                evidence: answer
                    .map(|a| a.evidence.iter().map(|id| describe(id)).collect())
                    .unwrap_or_default(),
                explanation: answer.map(|a| a.explanation.clone()).unwrap_or_default(),
                note: answer.map(|a| a.note.clone()).unwrap_or_default(),
            });
        }
        let lacking_evidence = framework
            .items()
            .into_iter()
            .filter_map(|n| {
                let s = sc.node(&n.code)?;
                let has_evidence = draft
                    .answers
                    .items
                    .get(&n.code)
                    .is_some_and(|a| !a.evidence.is_empty());
                (s.status == Some(ItemStatus::Answered)
                    && s.points > Points::ZERO
                    && !has_evidence
                    && n.block != Block::Penalty)
                    .then(|| {
                        let explanation = draft
                            .answers
                            .items
                            .get(&n.code)
                            .map(|a| a.explanation.clone())
                            .unwrap_or_default();
                        (format!("{} {}", n.code, n.title.get(lang)), explanation)
                    })
            })
            .collect();
        let evidence_register = register
            .iter()
            .map(|e| EvidenceRow {
                number: e.number.clone(),
                date: display_date(&e.date),
                issuer: e.issuer.clone(),
                title: e.title.clone(),
                section: e.section.clone(),
                link: e.link.clone(),
                items: draft
                    .answers
                    .items
                    .iter()
                    .filter(|(_, a)| a.evidence.contains(&e.id))
                    .map(|(code, _)| code.clone())
                    .collect(),
            })
            .collect();
        let decision = [
            Some(framework.decision.number.clone()),
            framework.decision.issuer.clone(),
            framework
                .decision
                .date
                .as_ref()
                .map(|d| display_date(&Some(d.clone()))),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        ScoreTable {
            lang,
            unit: draft.unit.name.clone(),
            year: draft.answers.year,
            framework_title: framework.title.get(lang).to_string(),
            decision,
            model_note: framework
                .status_note
                .as_ref()
                .map(|n| n.get(lang).to_string()),
            rows,
            self_scored: sc.self_scored,
            self_applicable_max: sc.self_applicable_max,
            survey: sc.survey,
            bonus: sc.bonus,
            penalty: sc.penalty,
            total: sc.total,
            applicable_max: sc.applicable_max,
            index: sc.index,
            band: sc
                .band(framework)
                .map(|b| b.label.get(lang).to_string())
                .unwrap_or_default(),
            likely_total: sc.likely_total,
            likely_index: sc.likely_index,
            component_indexes: sc
                .fields
                .iter()
                .filter(|f| f.block == Block::Regular)
                .map(|f| {
                    let title = framework
                        .node(&f.code)
                        .map(|n| n.title.get(lang).to_string())
                        .unwrap_or_default();
                    (format!("{}. {title}", f.code), f.index)
                })
                .collect(),
            lacking_evidence,
            evidence_register,
            remarks: draft.remarks.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Evidence, Value};
    use crate::draft::{FrameworkRef, UnitRef};
    use crate::score;

    #[test]
    fn the_table_has_a_row_per_node_and_lists_claims_without_evidence() {
        let fw = crate::builtin::frameworks().remove(0).unwrap();
        let mut d = Draft::new(
            "x".into(),
            FrameworkRef::of(&fw),
            UnitRef {
                id: None,
                name: "Sở Nội vụ".into(),
            },
            2025,
            "2025-01-01T00:00:00Z".into(),
        );
        d.answers.evidence.push(Evidence {
            id: "tl1".into(),
            number: "12/KH-SNV".into(),
            date: Some("2025-01-10".into()),
            ..Evidence::default()
        });
        d.answers.items.insert(
            "1.1.1".into(),
            Answer {
                value: Some(Value::Level {
                    id: "dung-han".into(),
                }),
                evidence: vec!["tl1".into()],
                ..Answer::default()
            },
        );
        d.answers.items.insert(
            "1.1.2".into(),
            Answer {
                value: Some(Value::YesNo { yes: true }),
                explanation: "Đang bổ sung".into(),
                ..Answer::default()
            },
        );
        let sc = score(&fw, &d.answers);
        let t = ScoreTable::build(&fw, &d, &sc, Lang::Vi);
        assert_eq!(t.rows.len(), fw.walk().len());
        let row = t.rows.iter().find(|r| r.code == "1.1.1").unwrap();
        assert_eq!(row.points, Some(Points(100)));
        assert_eq!(row.evidence, vec!["12/KH-SNV ngày 10/01/2025".to_string()]);
        // A document's issuer is cited too, as everywhere a document is cited.
        let mut with_issuer = d.clone();
        with_issuer.answers.evidence[0].issuer = "Sở Nội vụ".into();
        let t = ScoreTable::build(&fw, &with_issuer, &sc, Lang::Vi);
        let row = t.rows.iter().find(|r| r.code == "1.1.1").unwrap();
        assert_eq!(
            row.evidence,
            vec!["12/KH-SNV ngày 10/01/2025 của Sở Nội vụ".to_string()]
        );
        assert_eq!(t.lacking_evidence.len(), 1);
        assert!(t.lacking_evidence[0].0.starts_with("1.1.2"));
        assert_eq!(t.lacking_evidence[0].1, "Đang bổ sung");
        assert_eq!(t.evidence_register[0].items, vec!["1.1.1".to_string()]);
        assert_eq!(t.total, sc.total);
    }
}

/// A cell of a plain table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Points(Points),
    Percent(Percent),
    Whole(i64),
}

impl Cell {
    /// The cell as CSV text: decimal points, so any spreadsheet reads numbers as numbers.
    pub fn csv(&self) -> String {
        let text = match self {
            Cell::Text(s) => s.clone(),
            Cell::Points(p) => p.to_string(),
            Cell::Percent(p) => p.to_string(),
            Cell::Whole(n) => n.to_string(),
        };
        if text.contains([',', '"', '\n']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    }
}

/// A titled table with a header row: the ranking, or any other list the app exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlainSheet {
    pub name: String,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl PlainSheet {
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let head: Vec<String> = self
            .headers
            .iter()
            .map(|h| Cell::Text(h.clone()).csv())
            .collect();
        out.push_str(&head.join(","));
        out.push('\n');
        for row in &self.rows {
            out.push_str(&row.iter().map(Cell::csv).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }
}

/// What the spreadsheet worker is asked to do: write a workbook (answered with its bytes), or
/// read one into a table (answered with the JSON of `Result<SourceTable, SourceError>`), so that
/// the Excel reader stays in the worker, fetched only when a sheet is read or written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SpreadsheetRequest {
    ScoreTable { table: Box<ScoreTable> },
    Sheets { sheets: Vec<PlainSheet> },
    ReadTable { file_name: String, bytes: Vec<u8> },
}
