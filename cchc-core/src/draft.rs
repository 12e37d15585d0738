//! A draft assessment: which framework, which unit, which year, and the answers — and the one way
//! to change it, [`Draft::apply`] with an [`Edit`], so that every change is reviewable in one place.
//!
//! A draft is stored and exported in the submission format (`cchc-submission`, version 1): one
//! format, one parser, for autosave and for the file handed to Sở Nội vụ.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Answers, Evidence, Value};
use crate::framework::OutlineItem;
use crate::submission::ScoreSnapshot;
use crate::text::Lang;

pub const SUBMISSION_FORMAT: &str = "cchc-submission";
pub const SUBMISSION_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkRef {
    pub id: String,
    pub version: String,
    /// The framework's fingerprint when the draft was made (see `Framework::fingerprint`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Each item's code, max and rule, written into exported files so that a reader with
    /// another version of the framework can be told what differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outline: Option<Vec<OutlineItem>>,
}

impl FrameworkRef {
    /// The reference a new draft keeps to the framework it is scored with.
    pub fn of(framework: &crate::framework::Framework) -> FrameworkRef {
        FrameworkRef {
            id: framework.id.clone(),
            version: framework.version.clone(),
            fingerprint: Some(framework.fingerprint.clone()),
            outline: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UnitRef {
    /// The id in the shipped unit list, when the unit was picked from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    pub framework: FrameworkRef,
    pub unit: UnitRef,
    pub answers: Answers,
    /// Khó khăn, vướng mắc và đề xuất, for the report.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remarks: String,
    /// RFC 3339 times, given by the caller (the core reads no clock).
    pub created_at: String,
    pub updated_at: String,
    /// Counts saved changes; lets two tabs notice each other's writes. Always 0 in an exported
    /// file.
    #[serde(default)]
    pub revision: u64,
    /// Set when a file whose checksum did not match (edited outside the app) was imported.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub edited_outside: bool,
    /// The app that wrote an exported file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// In an exported file: the scores as the app computed them, for readers without the app.
    /// Never trusted on import: scores are recomputed and compared.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_snapshot"
    )]
    pub scorecard: Option<ScoreSnapshot>,
    /// In an exported file: `sha256:` of the canonical content (this file without `checksum`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

/// A snapshot that cannot be read is dropped rather than refusing the file: it is never used for
/// scoring, and the checksum then shows the file was changed.
fn lenient_snapshot<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<ScoreSnapshot>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}

/// Why a stored or imported text is not a usable draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    Empty,
    NotJson(String),
    NotASubmission,
    NewerVersion(u32),
    Malformed(String),
}

impl DraftError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DraftError::Empty, Lang::Vi) => "Tệp rỗng".into(),
            (DraftError::Empty, Lang::En) => "The file is empty".into(),
            (DraftError::NotJson(m), Lang::Vi) => {
                format!("Nội dung không phải JSON hoặc bị cắt cụt ({m})")
            }
            (DraftError::NotJson(m), Lang::En) => format!("Not JSON, or cut short ({m})"),
            (DraftError::NotASubmission, Lang::Vi) => {
                "Đây không phải tệp tự đánh giá Chỉ số CCHC".into()
            }
            (DraftError::NotASubmission, Lang::En) => {
                "This is not a PAR Index self-assessment file".into()
            }
            (DraftError::NewerVersion(v), Lang::Vi) => format!(
                "Tệp được tạo bằng phiên bản định dạng mới hơn ({v}); hãy cập nhật ứng dụng"
            ),
            (DraftError::NewerVersion(v), Lang::En) => {
                format!("The file uses a newer format version ({v}); update the app")
            }
            (DraftError::Malformed(m), Lang::Vi) => format!("Nội dung tệp sai cấu trúc: {m}"),
            (DraftError::Malformed(m), Lang::En) => format!("The file's content is malformed: {m}"),
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

/// One change to a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Sets (or with `None` clears) the value of an item.
    SetValue {
        code: String,
        value: Option<Value>,
    },
    SetExplanation {
        code: String,
        text: String,
    },
    SetNote {
        code: String,
        text: String,
    },
    /// Adds a document to the register (or replaces the one with the same id).
    PutEvidence(Evidence),
    /// Removes a document from the register and from every item citing it.
    RemoveEvidence {
        id: String,
    },
    Attach {
        code: String,
        evidence_id: String,
    },
    Detach {
        code: String,
        evidence_id: String,
    },
    SetUnit(UnitRef),
    SetYear(u16),
    SetRemarks(String),
}

impl Draft {
    pub fn new(
        id: String,
        framework: FrameworkRef,
        unit: UnitRef,
        year: u16,
        now: String,
    ) -> Draft {
        Draft {
            format: SUBMISSION_FORMAT.into(),
            format_version: SUBMISSION_FORMAT_VERSION,
            id,
            framework,
            unit,
            answers: Answers {
                year,
                ..Answers::default()
            },
            remarks: String::new(),
            created_at: now.clone(),
            updated_at: now,
            revision: 0,
            edited_outside: false,
            app_version: None,
            scorecard: None,
            checksum: None,
        }
    }

    /// Reads a draft or submission file, checking its header before its body so that a file of
    /// another kind or version gets a message about what it is.
    pub fn from_json(text: &str) -> Result<Draft, DraftError> {
        if text.trim().is_empty() {
            return Err(DraftError::Empty);
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| DraftError::NotJson(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(SUBMISSION_FORMAT) {
            return Err(DraftError::NotASubmission);
        }
        match value.get("format_version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(SUBMISSION_FORMAT_VERSION) => {}
            Some(v) if v > u64::from(SUBMISSION_FORMAT_VERSION) => {
                return Err(DraftError::NewerVersion(v.min(u64::from(u32::MAX)) as u32));
            }
            _ => return Err(DraftError::Malformed("format_version".into())),
        }
        serde_json::from_value(value).map_err(|e| DraftError::Malformed(e.to_string()))
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    fn answer_mut(&mut self, code: &str) -> &mut Answer {
        self.answers.items.entry(code.to_string()).or_default()
    }

    /// Applies one edit. Edits never fail: an edit naming an unknown code simply records an
    /// answer that scoring reports as unknown.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::SetValue { code, value } => self.answer_mut(&code).value = value,
            Edit::SetExplanation { code, text } => self.answer_mut(&code).explanation = text,
            Edit::SetNote { code, text } => self.answer_mut(&code).note = text,
            Edit::PutEvidence(evidence) => {
                match self
                    .answers
                    .evidence
                    .iter_mut()
                    .find(|e| e.id == evidence.id)
                {
                    Some(existing) => *existing = evidence,
                    None => self.answers.evidence.push(evidence),
                }
            }
            Edit::RemoveEvidence { id } => {
                self.answers.evidence.retain(|e| e.id != id);
                for answer in self.answers.items.values_mut() {
                    answer.evidence.retain(|e| e != &id);
                }
            }
            Edit::Attach { code, evidence_id } => {
                let answer = self.answer_mut(&code);
                if !answer.evidence.contains(&evidence_id) {
                    answer.evidence.push(evidence_id);
                }
            }
            Edit::Detach { code, evidence_id } => {
                self.answer_mut(&code)
                    .evidence
                    .retain(|e| e != &evidence_id);
            }
            Edit::SetUnit(unit) => self.unit = unit,
            Edit::SetYear(year) => self.answers.year = year,
            Edit::SetRemarks(text) => self.remarks = text,
        }
        // An answer emptied of everything is removed, so a cleared item leaves no trace.
        self.answers.items.retain(|_, a| *a != Answer::default());
    }

    /// `CCHC-2025-So-Noi-vu-tu-danh-gia.json`: a name a clerk recognises, without diacritics
    /// (they are kept inside the file).
    pub fn file_name(&self) -> String {
        let unit = crate::text::strip_diacritics(&self.unit.name)
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let unit = if unit.is_empty() {
            "don-vi".to_string()
        } else {
            unit
        };
        format!("CCHC-{}-{unit}-tu-danh-gia.json", self.answers.year)
    }

    /// The next free evidence id (`tl1`, `tl2`, …), stable across reloads.
    pub fn next_evidence_id(&self) -> String {
        let n = self
            .answers
            .evidence
            .iter()
            .filter_map(|e| e.id.strip_prefix("tl").and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        format!("tl{}", n + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft::new(
            "d1".into(),
            FrameworkRef {
                id: "mini".into(),
                version: "1".into(),
                fingerprint: None,
                outline: None,
            },
            UnitRef {
                id: None,
                name: "Sở Nội vụ".into(),
            },
            2025,
            "2025-11-01T08:00:00Z".into(),
        )
    }

    #[test]
    fn a_draft_survives_a_round_trip_through_json() {
        let mut d = draft();
        d.apply(Edit::SetValue {
            code: "1.1".into(),
            value: Some(Value::YesNo { yes: true }),
        });
        d.apply(Edit::PutEvidence(Evidence {
            id: "tl1".into(),
            ..Evidence::default()
        }));
        d.apply(Edit::Attach {
            code: "1.1".into(),
            evidence_id: "tl1".into(),
        });
        assert_eq!(Draft::from_json(&d.to_json()), Ok(d));
    }

    #[test]
    fn the_file_name_is_recognisable_and_has_no_diacritics() {
        assert_eq!(draft().file_name(), "CCHC-2025-So-Noi-vu-tu-danh-gia.json");
        let mut d = draft();
        d.apply(Edit::SetUnit(UnitRef {
            id: None,
            name: "  ".into(),
        }));
        assert_eq!(d.file_name(), "CCHC-2025-don-vi-tu-danh-gia.json");
    }

    #[test]
    fn removing_a_document_detaches_it_everywhere() {
        let mut d = draft();
        d.apply(Edit::PutEvidence(Evidence {
            id: "tl1".into(),
            ..Evidence::default()
        }));
        d.apply(Edit::Attach {
            code: "1.1".into(),
            evidence_id: "tl1".into(),
        });
        d.apply(Edit::Attach {
            code: "1.2".into(),
            evidence_id: "tl1".into(),
        });
        d.apply(Edit::SetExplanation {
            code: "1.2".into(),
            text: "x".into(),
        });
        d.apply(Edit::RemoveEvidence { id: "tl1".into() });
        assert!(d.answers.evidence.is_empty());
        assert!(
            !d.answers.items.contains_key("1.1"),
            "an emptied answer is dropped"
        );
        assert!(d.answers.items["1.2"].evidence.is_empty());
    }

    #[test]
    fn evidence_ids_keep_counting_after_a_removal() {
        let mut d = draft();
        for id in ["tl1", "tl2"] {
            d.apply(Edit::PutEvidence(Evidence {
                id: id.into(),
                ..Evidence::default()
            }));
        }
        d.apply(Edit::RemoveEvidence { id: "tl1".into() });
        assert_eq!(d.next_evidence_id(), "tl3");
    }

    #[test]
    fn files_of_another_kind_or_a_newer_version_are_named() {
        assert_eq!(Draft::from_json(""), Err(DraftError::Empty));
        assert!(matches!(
            Draft::from_json("{\"format\":"),
            Err(DraftError::NotJson(_))
        ));
        assert_eq!(Draft::from_json("[1,2]"), Err(DraftError::NotASubmission));
        assert_eq!(
            Draft::from_json(r#"{"format":"cchc-framework","format_version":1}"#),
            Err(DraftError::NotASubmission)
        );
        assert_eq!(
            Draft::from_json(r#"{"format":"cchc-submission","format_version":2}"#),
            Err(DraftError::NewerVersion(2))
        );
        assert!(matches!(
            Draft::from_json(r#"{"format":"cchc-submission","format_version":1}"#),
            Err(DraftError::Malformed(_))
        ));
    }
}
