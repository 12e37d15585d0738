//! A draft assessment: which framework, which unit, which year, and the answers — and the one way
//! to change it, [`Draft::apply`] with an [`Edit`], so that every change is reviewable in one place.
//!
//! A draft is the record the submission format (`cchc-submission`, version 1) writes: one format,
//! one parser, for autosave and for the file handed to Sở Nội vụ. Reading, writing, exporting and
//! checking that file live in [`crate::submission`]; this module knows the record, not the file.
//! The export-only parts (outline, app version, score snapshot, checksum) are optional fields whose
//! types come from the modules below ([`crate::fingerprint`], [`crate::snapshot`]).

use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Answers, Evidence, Value};
use crate::fingerprint::OutlineItem;
use crate::snapshot::ScoreSnapshot;

/// The format tag every draft record carries (the submission file's header).
pub const SUBMISSION_FORMAT: &str = "cchc-submission";
/// The version of the record this build writes and reads.
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
        deserialize_with = "crate::snapshot::lenient"
    )]
    pub scorecard: Option<ScoreSnapshot>,
    /// In an exported file: `sha256:` of the canonical content (this file without `checksum`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
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
pub(crate) mod tests {
    use super::*;

    /// An empty draft of the `mini` framework, shared by the tests of the layers above.
    pub(crate) fn draft() -> Draft {
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
}
