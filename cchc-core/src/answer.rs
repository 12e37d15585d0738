//! What a unit declares: an answer per item, the evidence register and the giải trình texts.
//!
//! Answers are keyed by the item's code, never by position, so a reordered framework does not
//! move an answer to another item.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::points::Points;
use crate::text::Lang;

/// Everything a unit declares for one assessed year.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answers {
    /// The assessed year (năm đánh giá); evidence outside it is flagged.
    pub year: u16,
    #[serde(default)]
    pub items: BTreeMap<String, Answer>,
    /// The evidence register (sổ tài liệu kiểm chứng): one document can prove several items.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// The answer to one item.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answer {
    /// `None` until the unit answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Ids of documents in the evidence register.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Giải trình: why evidence is missing or incomplete.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    /// Ghi chú.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The value given for an item; which one fits depends on the item's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    YesNo {
        yes: bool,
    },
    Level {
        id: String,
    },
    Ratio {
        numerator: u64,
        denominator: u64,
    },
    Count {
        count: u64,
    },
    Checklist {
        ticked: BTreeSet<String>,
    },
    /// Không phát sinh nhiệm vụ trong năm.
    NoTask,
    /// Không áp dụng, with the reason the unit gives.
    NotApplicable {
        reason: String,
    },
    /// For survey items: the unit's own estimate, kept apart from the self-score.
    Estimate {
        points: Points,
    },
}

/// A document in the evidence register.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Evidence {
    pub id: String,
    /// Số, ký hiệu: e.g. `123/QĐ-UBND`.
    #[serde(default)]
    pub number: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Cơ quan ban hành.
    #[serde(default)]
    pub issuer: String,
    /// Trích yếu.
    #[serde(default)]
    pub title: String,
    /// The section or page that proves the item.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// A link or a file name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

/// Something about a document worth a second look; never blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceWarning {
    DateOutsideYear { year: u16 },
    DateMalformed,
    NumberUnusual,
}

impl EvidenceWarning {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EvidenceWarning::DateOutsideYear { year }, Lang::Vi) => {
                format!("Ngày ban hành không thuộc năm đánh giá {year}")
            }
            (EvidenceWarning::DateOutsideYear { year }, Lang::En) => {
                format!("The date is outside the assessed year {year}")
            }
            (EvidenceWarning::DateMalformed, Lang::Vi) => {
                "Ngày ban hành không đúng dạng ngày/tháng/năm".into()
            }
            (EvidenceWarning::DateMalformed, Lang::En) => "The date is not a valid date".into(),
            (EvidenceWarning::NumberUnusual, Lang::Vi) => {
                "Số, ký hiệu không giống số văn bản (ví dụ 123/QĐ-UBND)".into()
            }
            (EvidenceWarning::NumberUnusual, Lang::En) => {
                "The number does not look like a document number (e.g. 123/QĐ-UBND)".into()
            }
        }
    }
}

impl Evidence {
    /// One line citing the document, as the item's evidence list, the printed report and the
    /// spreadsheet all show it: `123/QĐ-UBND ngày 05/01/2025 của UBND tỉnh — Trích yếu (Mục 2)`.
    /// Parts left empty are left out.
    pub fn describe(&self, lang: Lang) -> String {
        let (dated, by) = match lang {
            Lang::Vi => ("ngày", "của"),
            Lang::En => ("dated", "by"),
        };
        let mut out = self.number.trim().to_string();
        let mut push = |text: String| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text);
        };
        if self.date.as_deref().is_some_and(|d| !d.trim().is_empty()) {
            push(format!("{dated} {}", display_date(&self.date)));
        }
        if !self.issuer.trim().is_empty() {
            push(format!("{by} {}", self.issuer.trim()));
        }
        if !self.title.trim().is_empty() {
            push(format!("— {}", self.title.trim()));
        }
        if !self.section.trim().is_empty() {
            push(format!("({})", self.section.trim()));
        }
        out
    }

    /// The year of the document's date, if it has a valid one.
    pub fn year(&self) -> Option<u16> {
        self.date.as_deref().and_then(parse_date).map(|(y, _, _)| y)
    }

    pub fn warnings(&self, assessed_year: u16) -> Vec<EvidenceWarning> {
        let mut out = Vec::new();
        if let Some(date) = self.date.as_deref().filter(|d| !d.trim().is_empty()) {
            match parse_date(date) {
                None => out.push(EvidenceWarning::DateMalformed),
                Some((y, _, _)) if y != assessed_year => {
                    out.push(EvidenceWarning::DateOutsideYear {
                        year: assessed_year,
                    })
                }
                Some(_) => {}
            }
        }
        if !self.number.trim().is_empty() && !looks_like_document_number(&self.number) {
            out.push(EvidenceWarning::NumberUnusual);
        }
        out
    }
}

/// A document date as Vietnamese offices write it (`05/01/2025`); text that is not a date is shown
/// as written.
pub fn display_date(date: &Option<String>) -> String {
    match date.as_deref().and_then(parse_date) {
        Some((y, m, d)) => format!("{d:02}/{m:02}/{y}"),
        None => date.clone().unwrap_or_default(),
    }
}

/// Parses `YYYY-MM-DD` into a real calendar date.
pub fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let mut parts = s.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Vietnamese document numbers: `123/QĐ-UBND`, `45/KH-SNV`, `12/2023/NĐ-CP`, `01/CT-TTg`.
pub fn looks_like_document_number(s: &str) -> bool {
    let mut parts: Vec<&str> = s.trim().split('/').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return false;
    }
    let Some(symbol) = parts.pop() else {
        return false;
    };
    let serial = parts[0];
    if serial.is_empty() || !serial.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if parts.len() == 2 {
        let year = parts[1];
        if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    let segments: Vec<&str> = symbol.split('-').collect();
    segments
        .iter()
        .all(|seg| !seg.is_empty() && seg.chars().all(char::is_alphanumeric))
        && segments[0].chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_vietnamese_document_numbers() {
        for ok in [
            "123/QĐ-UBND",
            "45/KH-SNV",
            "12/2023/NĐ-CP",
            "01/CT-TTg",
            "383/BNV-CCHC",
        ] {
            assert!(looks_like_document_number(ok), "{ok}");
        }
        for bad in [
            "QĐ-UBND",
            "123",
            "abc/QĐ",
            "12/QĐ--UBND",
            "12/20x3/NĐ-CP",
            "12/qđ-ubnd",
        ] {
            assert!(!looks_like_document_number(bad), "{bad}");
        }
    }

    #[test]
    fn checks_calendar_dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("25-01-01"), None);
    }

    #[test]
    fn warns_but_does_not_refuse_a_document_from_another_year() {
        let e = Evidence {
            id: "e1".into(),
            number: "12/KH-UBND".into(),
            date: Some("2024-12-20".into()),
            ..Evidence::default()
        };
        assert_eq!(
            e.warnings(2025),
            vec![EvidenceWarning::DateOutsideYear { year: 2025 }]
        );
        assert!(e.warnings(2024).is_empty());
    }

    #[test]
    fn a_document_is_cited_with_its_number_date_issuer_title_and_section() {
        let e = Evidence {
            id: "tl1".into(),
            number: "123/QĐ-UBND".into(),
            date: Some("2025-01-05".into()),
            issuer: "UBND tỉnh".into(),
            title: "Kế hoạch CCHC".into(),
            section: "Mục 2".into(),
            link: String::new(),
        };
        assert_eq!(
            e.describe(Lang::Vi),
            "123/QĐ-UBND ngày 05/01/2025 của UBND tỉnh — Kế hoạch CCHC (Mục 2)"
        );
        assert_eq!(
            e.describe(Lang::En),
            "123/QĐ-UBND dated 05/01/2025 by UBND tỉnh — Kế hoạch CCHC (Mục 2)"
        );
        let bare = Evidence {
            title: "Báo cáo".into(),
            ..Evidence::default()
        };
        assert_eq!(bare.describe(Lang::Vi), "— Báo cáo");
    }

    #[test]
    fn answers_are_written_with_a_kind_tag() {
        let v = Value::Ratio {
            numerator: 9,
            denominator: 10,
        };
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"kind":"ratio","numerator":9,"denominator":10}"#
        );
        let back: Value = serde_json::from_str(r#"{"kind":"no_task"}"#).unwrap();
        assert_eq!(back, Value::NoTask);
    }
}
