//! The submission file (`cchc-submission`, version 1): reading and writing a [`Draft`] as a file,
//! exporting it exactly, and checking a file before anything is imported — every way a file can be
//! wrong has its own error and its own message, and nothing is changed until the file has passed.
//!
//! The file is a [`Draft`] with, filled in at export: the framework's fingerprint and outline,
//! the app version, a snapshot of the scorecard and a checksum over the canonical content. Export
//! is a pure function of the draft, so exporting an imported file again gives the same bytes.
//!
//! Layers: this module sits on top of [`crate::draft`] (the record), which sits on
//! [`crate::answer`] and [`crate::framework`], which sit on [`crate::points`], [`crate::text`] and
//! [`crate::fingerprint`]. The methods `Draft::from_json`, `to_json`, `file_name`,
//! `content_checksum` and `export` are defined here, where the file format lives.

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;

use crate::answer::Value;
use crate::draft::Draft;
use crate::framework::{Framework, OutlineItem, Rule};
use crate::points::Points;
use crate::scoring::{Scorecard, score};
use crate::text::Lang;

pub use crate::draft::{SUBMISSION_FORMAT, SUBMISSION_FORMAT_VERSION};
pub use crate::fingerprint::sha256_tag;
pub use crate::snapshot::{FieldSnapshot, ScoreSnapshot};

/// Files above this are refused before they are read.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Why a text (a stored draft or a picked file) is not a readable submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    Empty,
    /// Not JSON; `truncated` when the text simply stops (an interrupted copy or download).
    NotJson {
        truncated: bool,
        detail: String,
    },
    NotASubmission,
    NewerVersion(u32),
    Malformed(String),
}

impl DraftError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DraftError::Empty, Lang::Vi) => "Tệp rỗng".into(),
            (DraftError::Empty, Lang::En) => "The file is empty".into(),
            (
                DraftError::NotJson {
                    truncated: true, ..
                },
                Lang::Vi,
            ) => "Tệp bị cắt cụt (không trọn vẹn); hãy lấy lại tệp gốc".into(),
            (
                DraftError::NotJson {
                    truncated: true, ..
                },
                Lang::En,
            ) => "The file is cut short (incomplete); get the original file again".into(),
            (DraftError::NotJson { detail, .. }, Lang::Vi) => {
                format!("Tệp không phải định dạng JSON của ứng dụng (chi tiết kỹ thuật: {detail})")
            }
            (DraftError::NotJson { detail, .. }, Lang::En) => {
                format!("The file is not JSON ({detail})")
            }
            (DraftError::NotASubmission, Lang::Vi) => {
                "Tệp JSON này không phải tệp tự đánh giá Chỉ số CCHC".into()
            }
            (DraftError::NotASubmission, Lang::En) => {
                "This JSON file is not a PAR Index self-assessment".into()
            }
            (DraftError::NewerVersion(v), Lang::Vi) => format!(
                "Tệp dùng định dạng phiên bản {v}, mới hơn ứng dụng này; hãy cập nhật ứng dụng"
            ),
            (DraftError::NewerVersion(v), Lang::En) => {
                format!("The file uses format version {v}, newer than this app; update the app")
            }
            (DraftError::Malformed(m), Lang::Vi) => {
                format!("Nội dung tệp sai cấu trúc (chi tiết kỹ thuật: {m})")
            }
            (DraftError::Malformed(m), Lang::En) => format!("The file's content is malformed: {m}"),
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

/// Writes a value as JSON.
///
/// Cannot fail for the values written here (a [`Draft`] and its parts): every type serialises
/// through derived impls or `Points`' and `Percent`'s decimal strings, which never return an
/// error, and every map is keyed by `String`. `serde_json` fails only on an impl that returns an
/// error or a map key that is not a string, so the `Err` arm is unreachable and no caller can
/// ever be handed an empty or partial file.
pub(crate) fn write_json(value: &impl Serialize, pretty: bool) -> String {
    let written = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    match written {
        Ok(text) => text,
        Err(e) => unreachable!("a draft always serialises to JSON: {e}"),
    }
}

impl Draft {
    /// Reads a draft or submission file, checking its header before its body so that a file of
    /// another kind or version gets a message about what it is.
    pub fn from_json(text: &str) -> Result<Draft, DraftError> {
        if text.trim().is_empty() {
            return Err(DraftError::Empty);
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| DraftError::NotJson {
                truncated: e.is_eof(),
                detail: e.to_string(),
            })?;
        if value.get("format").and_then(|f| f.as_str()) != Some(SUBMISSION_FORMAT) {
            return Err(DraftError::NotASubmission);
        }
        match value.get("format_version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(SUBMISSION_FORMAT_VERSION) => {}
            Some(v) if v > u64::from(SUBMISSION_FORMAT_VERSION) => {
                return Err(DraftError::NewerVersion(
                    u32::try_from(v).unwrap_or(u32::MAX),
                ));
            }
            _ => return Err(DraftError::Malformed("format_version".into())),
        }
        serde_json::from_value(value).map_err(|e| DraftError::Malformed(e.to_string()))
    }

    /// The draft as stored (compact). Never empty: see [`write_json`].
    pub fn to_json(&self) -> String {
        write_json(self, false)
    }

    /// `CCHC-2025-So-Noi-vu-tu-danh-gia.json`: a name a clerk recognises, without diacritics
    /// (they are kept inside the file).
    pub fn file_name(&self) -> String {
        format!(
            "CCHC-{}-{}-tu-danh-gia.json",
            self.answers.year,
            file_slug(&self.unit.name)
        )
    }

    /// The checksum of this draft's content: the canonical JSON of the draft without its
    /// `checksum`.
    pub fn content_checksum(&self) -> String {
        let mut copy = self.clone();
        copy.checksum = None;
        sha256_tag(copy.to_json().as_bytes())
    }

    /// The submission file for this draft, scored with `framework`. Never empty: see
    /// [`write_json`].
    pub fn export(&self, framework: &Framework, app_version: &str) -> String {
        let mut file = self.clone();
        // The file names the framework it was scored with, all of it from that framework.
        file.framework.id = framework.id.clone();
        file.framework.version = framework.version.clone();
        file.framework.fingerprint = Some(framework.fingerprint.clone());
        file.framework.outline = Some(framework.outline());
        file.revision = 0;
        file.app_version = Some(app_version.to_string());
        file.scorecard = Some(ScoreSnapshot::of(
            framework,
            &score(framework, &self.answers),
        ));
        file.checksum = None;
        file.checksum = Some(file.content_checksum());
        // Pretty, so that a person who opens it in a text editor can read it.
        write_json(&file, true)
    }
}

/// A unit's name as a file names it: no diacritics, every run of other characters than ASCII
/// letters and digits one `-`; `don-vi` when nothing is left.
pub(crate) fn file_slug(unit: &str) -> String {
    let slug = crate::text::strip_diacritics(unit)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "don-vi".to_string()
    } else {
        slug
    }
}

/// One way an answer in a file does not fit the framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerProblem {
    UnknownCode(String),
    DoesNotFit(String),
    UnknownLevel { code: String, id: String },
    UnknownChecklistItem { code: String, id: String },
    EstimateOutOfRange { code: String, points: Points },
    NotApplicableNotAllowed(String),
    NoTaskNotAllowed(String),
    UnknownEvidence { code: String, id: String },
    DuplicateEvidenceId(String),
}

impl AnswerProblem {
    /// The item the problem is at; `None` for a problem of the register.
    pub fn code(&self) -> Option<&str> {
        match self {
            AnswerProblem::UnknownCode(c)
            | AnswerProblem::DoesNotFit(c)
            | AnswerProblem::NotApplicableNotAllowed(c)
            | AnswerProblem::NoTaskNotAllowed(c) => Some(c),
            AnswerProblem::UnknownLevel { code, .. }
            | AnswerProblem::UnknownChecklistItem { code, .. }
            | AnswerProblem::EstimateOutOfRange { code, .. }
            | AnswerProblem::UnknownEvidence { code, .. } => Some(code),
            AnswerProblem::DuplicateEvidenceId(_) => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let p = |x: &Points| x.format_short(lang);
        match (self, lang) {
            (AnswerProblem::UnknownCode(c), Lang::Vi) => {
                format!("{c}: mã tiêu chí không có trong bộ tiêu chí")
            }
            (AnswerProblem::UnknownCode(c), Lang::En) => {
                format!("{c}: no such item in the framework")
            }
            (AnswerProblem::DoesNotFit(c), Lang::Vi) => {
                format!("{c}: câu trả lời không khớp cách chấm")
            }
            (AnswerProblem::DoesNotFit(c), Lang::En) => {
                format!("{c}: the answer does not fit the item's rule")
            }
            (AnswerProblem::UnknownLevel { code, id }, Lang::Vi) => {
                format!("{code}: không có mức “{id}”")
            }
            (AnswerProblem::UnknownLevel { code, id }, Lang::En) => {
                format!("{code}: no level “{id}”")
            }
            (AnswerProblem::UnknownChecklistItem { code, id }, Lang::Vi) => {
                format!("{code}: không có nội dung “{id}”")
            }
            (AnswerProblem::UnknownChecklistItem { code, id }, Lang::En) => {
                format!("{code}: no sub-item “{id}”")
            }
            (AnswerProblem::EstimateOutOfRange { code, points }, Lang::Vi) => {
                format!("{code}: điểm ước tính {} ngoài khoảng cho phép", p(points))
            }
            (AnswerProblem::EstimateOutOfRange { code, points }, Lang::En) => {
                format!("{code}: estimate {} is out of range", p(points))
            }
            (AnswerProblem::NotApplicableNotAllowed(c), Lang::Vi) => {
                format!("{c}: tiêu chí không được chọn “không áp dụng”")
            }
            (AnswerProblem::NotApplicableNotAllowed(c), Lang::En) => {
                format!("{c}: cannot be “not applicable”")
            }
            (AnswerProblem::NoTaskNotAllowed(c), Lang::Vi) => {
                format!("{c}: tiêu chí không được chọn “không phát sinh nhiệm vụ”")
            }
            (AnswerProblem::NoTaskNotAllowed(c), Lang::En) => {
                format!("{c}: cannot be “nothing to do”")
            }
            (AnswerProblem::UnknownEvidence { code, id }, Lang::Vi) => {
                format!("{code}: tài liệu “{id}” không có trong sổ tài liệu")
            }
            (AnswerProblem::UnknownEvidence { code, id }, Lang::En) => {
                format!("{code}: document “{id}” is not in the register")
            }
            (AnswerProblem::DuplicateEvidenceId(id), Lang::Vi) => {
                format!("Mã tài liệu “{id}” bị trùng")
            }
            (AnswerProblem::DuplicateEvidenceId(id), Lang::En) => {
                format!("Document id “{id}” is used twice")
            }
        }
    }
}

/// Every answer in `draft` that does not fit `framework`.
pub fn answer_problems(framework: &Framework, draft: &Draft) -> Vec<AnswerProblem> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for e in &draft.answers.evidence {
        if !ids.insert(e.id.as_str()) {
            out.push(AnswerProblem::DuplicateEvidenceId(e.id.clone()));
        }
    }
    for (code, answer) in &draft.answers.items {
        let Some(node) = framework.node(code).filter(|n| n.is_item()) else {
            out.push(AnswerProblem::UnknownCode(code.clone()));
            continue;
        };
        for id in &answer.evidence {
            if !ids.contains(id.as_str()) {
                out.push(AnswerProblem::UnknownEvidence {
                    code: code.clone(),
                    id: id.clone(),
                });
            }
        }
        let (Some(value), Some(rule)) = (&answer.value, node.rule()) else {
            continue;
        };
        let c = || code.clone();
        match (value, rule) {
            (Value::NotApplicable { .. }, _) if !node.allow_not_applicable => {
                out.push(AnswerProblem::NotApplicableNotAllowed(c()))
            }
            (Value::NoTask, _) if !node.allow_no_task => {
                out.push(AnswerProblem::NoTaskNotAllowed(c()))
            }
            // Survey items are scored by the province: "nothing to do" cannot earn them points.
            (Value::NoTask, Rule::Survey { .. }) => out.push(AnswerProblem::DoesNotFit(c())),
            (Value::NotApplicable { .. } | Value::NoTask, _) => {}
            (Value::YesNo { .. }, Rule::YesNo { .. }) => {}
            (Value::Level { id }, Rule::Levels { levels }) => {
                if !levels.iter().any(|l| &l.id == id) {
                    out.push(AnswerProblem::UnknownLevel {
                        code: c(),
                        id: id.clone(),
                    });
                }
            }
            (Value::Ratio { .. }, Rule::PercentBands { .. } | Rule::Proportional { .. }) => {}
            (Value::Count { .. }, Rule::CountBands { .. } | Rule::PerCount { .. }) => {}
            (Value::Checklist { ticked }, Rule::Checklist { items }) => {
                for id in ticked
                    .iter()
                    .filter(|id| !items.iter().any(|i| &i.id == *id))
                {
                    out.push(AnswerProblem::UnknownChecklistItem {
                        code: c(),
                        id: id.clone(),
                    });
                }
            }
            (Value::Estimate { points }, Rule::Survey { .. }) => {
                if *points < Points::ZERO || *points > node.max {
                    out.push(AnswerProblem::EstimateOutOfRange {
                        code: c(),
                        points: *points,
                    });
                }
            }
            _ => out.push(AnswerProblem::DoesNotFit(c())),
        }
    }
    out
}

/// What differs between the framework a file was made with and the one loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    Added(String),
    Removed(String),
    MaxChanged {
        code: String,
        file: Points,
        loaded: Points,
    },
    RuleChanged {
        code: String,
        file: String,
        loaded: String,
    },
}

impl Difference {
    pub fn message(&self, lang: Lang) -> String {
        let p = |x: &Points| x.format_short(lang);
        match (self, lang) {
            (Difference::Added(c), Lang::Vi) => {
                format!("{c}: có trong bộ tiêu chí đang dùng, không có trong tệp")
            }
            (Difference::Added(c), Lang::En) => {
                format!("{c}: in the loaded framework, not in the file's")
            }
            (Difference::Removed(c), Lang::Vi) => {
                format!("{c}: có trong tệp, không có trong bộ tiêu chí đang dùng")
            }
            (Difference::Removed(c), Lang::En) => {
                format!("{c}: in the file's framework, not in the loaded one")
            }
            (Difference::MaxChanged { code, file, loaded }, Lang::Vi) => format!(
                "{code}: điểm tối đa {} trong tệp, {} trong bộ đang dùng",
                p(file),
                p(loaded)
            ),
            (Difference::MaxChanged { code, file, loaded }, Lang::En) => {
                format!("{code}: max {} in the file, {} loaded", p(file), p(loaded))
            }
            (Difference::RuleChanged { code, file, loaded }, Lang::Vi) => {
                format!("{code}: cách chấm “{file}” trong tệp, “{loaded}” trong bộ đang dùng")
            }
            (Difference::RuleChanged { code, file, loaded }, Lang::En) => {
                format!("{code}: rule “{file}” in the file, “{loaded}” loaded")
            }
        }
    }
}

pub fn differences(file: &[OutlineItem], loaded: &[OutlineItem]) -> Vec<Difference> {
    let mut out = Vec::new();
    for l in loaded {
        match file.iter().find(|f| f.code == l.code) {
            None => out.push(Difference::Added(l.code.clone())),
            Some(f) if f.max != l.max => out.push(Difference::MaxChanged {
                code: l.code.clone(),
                file: f.max,
                loaded: l.max,
            }),
            Some(f) if f.rule != l.rule => out.push(Difference::RuleChanged {
                code: l.code.clone(),
                file: f.rule.clone(),
                loaded: l.rule.clone(),
            }),
            Some(_) => {}
        }
    }
    for f in file
        .iter()
        .filter(|f| !loaded.iter().any(|l| l.code == f.code))
    {
        out.push(Difference::Removed(f.code.clone()));
    }
    out
}

/// Why a file cannot be imported. Each leaves every draft as it was.
///
/// `Empty`, `NotJson`, `NotASubmission`, `NewerVersion` and `Malformed` are the file's
/// [`DraftError`], converted by `From` and said in the same words; the others are found after the
/// file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    /// Not JSON; `truncated` when the text simply stops (an interrupted copy or download).
    NotJson {
        truncated: bool,
        detail: String,
    },
    NotASubmission,
    NewerVersion(u32),
    Malformed(String),
    FrameworkNotLoaded {
        id: String,
        version: String,
    },
    FrameworkDiffers {
        id: String,
        file_version: String,
        loaded_version: String,
        differences: Vec<Difference>,
    },
    InvalidAnswers(Vec<AnswerProblem>),
}

impl ImportError {
    /// The message: the reading refusals are said by [`DraftError::message`], the one wording
    /// for a text that cannot be read, whether it was stored or picked.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Empty => DraftError::Empty.message(lang),
            ImportError::NotJson { truncated, detail } => DraftError::NotJson {
                truncated: *truncated,
                detail: detail.clone(),
            }
            .message(lang),
            ImportError::NotASubmission => DraftError::NotASubmission.message(lang),
            ImportError::NewerVersion(v) => DraftError::NewerVersion(*v).message(lang),
            ImportError::Malformed(m) => DraftError::Malformed(m.clone()).message(lang),
            ImportError::TooLarge { bytes } => {
                let mb = bytes / (1024 * 1024);
                match lang {
                    Lang::Vi => format!(
                        "Tệp lớn {mb} MB, vượt giới hạn 10 MB; đây không phải tệp tự đánh giá"
                    ),
                    Lang::En => format!(
                        "The file is {mb} MB, over the 10 MB limit; it is not a self-assessment file"
                    ),
                }
            }
            ImportError::FrameworkNotLoaded { id, version } => match lang {
                Lang::Vi => format!(
                    "Tệp được chấm theo bộ tiêu chí “{id}” phiên bản {version}, chưa có trong ứng dụng; hãy nạp bộ tiêu chí đó trước"
                ),
                Lang::En => format!(
                    "The file was scored with framework “{id}” version {version}, which is not loaded; load it first"
                ),
            },
            ImportError::FrameworkDiffers {
                id,
                file_version,
                loaded_version,
                differences,
            } => {
                let n = differences.len();
                match lang {
                    Lang::Vi => format!(
                        "Tệp được chấm theo bộ tiêu chí “{id}” phiên bản {file_version}, khác với bộ đang dùng (phiên bản {loaded_version}); {n} điểm khác nhau"
                    ),
                    Lang::En => format!(
                        "The file was scored with framework “{id}” version {file_version}, which differs from the loaded one (version {loaded_version}); {n} differences"
                    ),
                }
            }
            ImportError::InvalidAnswers(list) => {
                let n = list.len();
                match lang {
                    Lang::Vi => format!("Có {n} câu trả lời không khớp bộ tiêu chí"),
                    Lang::En => format!("{n} answers do not fit the framework"),
                }
            }
        }
    }

    /// The lines of detail to list under the message.
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match self {
            ImportError::FrameworkDiffers { differences, .. } => {
                differences.iter().map(|d| d.message(lang)).collect()
            }
            ImportError::InvalidAnswers(list) => list.iter().map(|p| p.message(lang)).collect(),
            _ => Vec::new(),
        }
    }
}

/// A file that passed every check, ready to be shown before anything is imported.
#[derive(Debug, Clone)]
pub struct ImportPreview {
    pub draft: Draft,
    /// The checksum is missing or does not match the content: the file was edited outside
    /// the app (it may still be imported, with a visible mark).
    pub edited: bool,
    /// The file's own score snapshot differs from the scores recomputed here.
    pub snapshot_differs: bool,
    /// The file was made with the same version of the framework, whose texts have since been
    /// edited (its items, maxima and rules are the same).
    pub framework_texts_differ: bool,
    pub scorecard: Scorecard,
}

impl From<DraftError> for ImportError {
    fn from(e: DraftError) -> ImportError {
        match e {
            DraftError::Empty => ImportError::Empty,
            DraftError::NotJson { truncated, detail } => ImportError::NotJson { truncated, detail },
            DraftError::NotASubmission => ImportError::NotASubmission,
            DraftError::NewerVersion(v) => ImportError::NewerVersion(v),
            DraftError::Malformed(m) => ImportError::Malformed(m),
        }
    }
}

/// Checks a submission file against the loaded frameworks. Nothing is imported here: the caller
/// shows the preview and imports only after the user confirms.
pub fn check_import(text: &str, frameworks: &[&Framework]) -> Result<ImportPreview, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let draft = Draft::from_json(text)?;
    let same_id: Vec<&&Framework> = frameworks
        .iter()
        .filter(|f| f.id == draft.framework.id)
        .collect();
    let framework = match &draft.framework.fingerprint {
        Some(fp) => same_id.iter().find(|f| &f.fingerprint == fp),
        None => same_id
            .iter()
            .find(|f| f.version == draft.framework.version),
    };
    let mut framework_texts_differ = false;
    let framework: &Framework = match framework {
        Some(f) => f,
        None => {
            let Some(loaded) = same_id
                .iter()
                .find(|f| f.version == draft.framework.version)
                .or_else(|| same_id.first())
            else {
                return Err(ImportError::FrameworkNotLoaded {
                    id: draft.framework.id.clone(),
                    version: draft.framework.version.clone(),
                });
            };
            let differences = match &draft.framework.outline {
                Some(outline) => differences(outline, &loaded.outline()),
                None => Vec::new(),
            };
            // Same version, same items, maxima and rules: only texts (titles, guidance) were
            // edited. The answers mean the same; import, and say so.
            let only_texts = loaded.version == draft.framework.version
                && draft.framework.outline.is_some()
                && differences.is_empty();
            if !only_texts {
                return Err(ImportError::FrameworkDiffers {
                    id: draft.framework.id.clone(),
                    file_version: draft.framework.version.clone(),
                    loaded_version: loaded.version.clone(),
                    differences,
                });
            }
            framework_texts_differ = true;
            loaded
        }
    };
    let problems = answer_problems(framework, &draft);
    if !problems.is_empty() {
        return Err(ImportError::InvalidAnswers(problems));
    }
    let edited = draft.checksum.as_deref() != Some(draft.content_checksum().as_str());
    let scorecard = score(framework, &draft.answers);
    let snapshot_differs = draft
        .scorecard
        .as_ref()
        .is_some_and(|s| *s != ScoreSnapshot::of(framework, &scorecard));
    Ok(ImportPreview {
        draft,
        edited,
        snapshot_differs,
        framework_texts_differ,
        scorecard,
    })
}

impl ImportPreview {
    /// The draft to store: under `id`, with the export-only parts dropped and the edited mark
    /// kept. Its content, and so its re-export, is unchanged.
    pub fn into_draft(self, id: String) -> Draft {
        let mut d = self.draft;
        d.id = id;
        d.edited_outside |= self.edited;
        d.app_version = None;
        d.scorecard = None;
        d.checksum = None;
        d.framework.outline = None;
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Evidence;
    use crate::draft::tests::draft;
    use crate::draft::{Edit, UnitRef};

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
    fn every_kind_of_value_is_written_and_read_back() {
        let values = [
            Value::YesNo { yes: true },
            Value::Level {
                id: "a\u{0}\"b".into(),
            },
            Value::Ratio {
                numerator: u64::MAX,
                denominator: 0,
            },
            Value::Count { count: u64::MAX },
            Value::Checklist {
                ticked: ["x".to_string(), "y".to_string()].into(),
            },
            Value::NoTask,
            Value::NotApplicable {
                reason: "\n\t“lý do”".into(),
            },
            Value::Estimate {
                points: Points(-99_999_999_999_999),
            },
        ];
        let mut d = draft();
        for (i, v) in values.into_iter().enumerate() {
            d.apply(Edit::SetValue {
                code: format!("{i}"),
                value: Some(v),
            });
        }
        let text = d.to_json();
        assert!(text.starts_with("{\"format\":\"cchc-submission\""));
        assert_eq!(Draft::from_json(&text), Ok(d));
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
    fn files_of_another_kind_or_a_newer_version_are_named() {
        assert_eq!(Draft::from_json(""), Err(DraftError::Empty));
        assert!(matches!(
            Draft::from_json("{\"format\":"),
            Err(DraftError::NotJson {
                truncated: true,
                ..
            })
        ));
        assert!(matches!(
            Draft::from_json("{\"format\" 1}"),
            Err(DraftError::NotJson {
                truncated: false,
                ..
            })
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
        assert_eq!(
            Draft::from_json(r#"{"format":"cchc-submission","format_version":99999999999}"#),
            Err(DraftError::NewerVersion(u32::MAX))
        );
        assert!(matches!(
            Draft::from_json(r#"{"format":"cchc-submission","format_version":1}"#),
            Err(DraftError::Malformed(_))
        ));
    }

    #[test]
    fn a_stored_draft_and_an_imported_file_are_refused_in_the_same_words() {
        for e in [
            DraftError::Empty,
            DraftError::NotJson {
                truncated: true,
                detail: "EOF".into(),
            },
            DraftError::NotJson {
                truncated: false,
                detail: "x".into(),
            },
            DraftError::NotASubmission,
            DraftError::NewerVersion(3),
            DraftError::Malformed("answers".into()),
        ] {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(ImportError::from(e.clone()).message(lang), e.message(lang));
            }
            assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
        }
        assert_eq!(DraftError::Empty.message(Lang::Vi), "Tệp rỗng");
        assert_eq!(
            DraftError::NewerVersion(2).message(Lang::En),
            "The file uses format version 2, newer than this app; update the app"
        );
    }
}
