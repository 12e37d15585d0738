//! The submission file (`cchc-submission`, version 1): exporting a draft exactly, and checking a
//! file before anything is imported — every way a file can be wrong has its own error and its
//! own message, and nothing is changed until the file has passed.
//!
//! The file is a [`Draft`] with, filled in at export: the framework's fingerprint and outline,
//! the app version, a snapshot of the scorecard and a checksum over the canonical content. Export
//! is a pure function of the draft, so exporting an imported file again gives the same bytes.

use std::collections::HashSet;
use std::fmt::Write;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::answer::Value;
use crate::draft::{Draft, DraftError};
use crate::framework::{Framework, OutlineItem, Rule};
use crate::points::{Percent, Points};
use crate::scoring::{Scorecard, score};
use crate::text::Lang;

/// Files above this are refused before they are read.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// `sha256:` followed by the hex digest of `bytes`.
pub fn sha256_tag(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(71);
    out.push_str("sha256:");
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The scores as exported, for readers of the file; recomputed and compared on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSnapshot {
    pub total: Points,
    pub applicable_max: Points,
    pub index: Percent,
    pub self_scored: Points,
    pub survey: Points,
    pub bonus: Points,
    pub penalty: Points,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    pub fields: Vec<FieldSnapshot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSnapshot {
    pub code: String,
    pub points: Points,
    pub applicable_max: Points,
    pub index: Percent,
}

impl ScoreSnapshot {
    pub fn of(framework: &Framework, sc: &Scorecard) -> ScoreSnapshot {
        ScoreSnapshot {
            total: sc.total,
            applicable_max: sc.applicable_max,
            index: sc.index,
            self_scored: sc.self_scored,
            survey: sc.survey,
            bonus: sc.bonus,
            penalty: sc.penalty,
            band: sc.band(framework).map(|b| b.label.vi.clone()),
            fields: sc
                .fields
                .iter()
                .map(|f| FieldSnapshot {
                    code: f.code.clone(),
                    points: f.points + f.survey_points,
                    applicable_max: f.applicable_max,
                    index: f.index,
                })
                .collect(),
        }
    }
}

impl Draft {
    /// The checksum of this draft's content: the canonical JSON of the draft without its
    /// `checksum`.
    pub fn content_checksum(&self) -> String {
        let mut copy = self.clone();
        copy.checksum = None;
        sha256_tag(copy.to_json().as_bytes())
    }

    /// The submission file for this draft, scored with `framework`.
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
        serde_json::to_string_pretty(&file).unwrap_or_default()
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
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            AnswerProblem::UnknownCode(c) if vi => {
                format!("{c}: mã tiêu chí không có trong bộ tiêu chí")
            }
            AnswerProblem::UnknownCode(c) => format!("{c}: no such item in the framework"),
            AnswerProblem::DoesNotFit(c) if vi => format!("{c}: câu trả lời không khớp cách chấm"),
            AnswerProblem::DoesNotFit(c) => format!("{c}: the answer does not fit the item's rule"),
            AnswerProblem::UnknownLevel { code, id } if vi => {
                format!("{code}: không có mức “{id}”")
            }
            AnswerProblem::UnknownLevel { code, id } => format!("{code}: no level “{id}”"),
            AnswerProblem::UnknownChecklistItem { code, id } if vi => {
                format!("{code}: không có nội dung “{id}”")
            }
            AnswerProblem::UnknownChecklistItem { code, id } => {
                format!("{code}: no sub-item “{id}”")
            }
            AnswerProblem::EstimateOutOfRange { code, points } if vi => format!(
                "{code}: điểm ước tính {} ngoài khoảng cho phép",
                points.format_short(lang)
            ),
            AnswerProblem::EstimateOutOfRange { code, points } => {
                format!(
                    "{code}: estimate {} is out of range",
                    points.format_short(lang)
                )
            }
            AnswerProblem::NotApplicableNotAllowed(c) if vi => {
                format!("{c}: tiêu chí không được chọn “không áp dụng”")
            }
            AnswerProblem::NotApplicableNotAllowed(c) => format!("{c}: cannot be “not applicable”"),
            AnswerProblem::NoTaskNotAllowed(c) if vi => {
                format!("{c}: tiêu chí không được chọn “không phát sinh nhiệm vụ”")
            }
            AnswerProblem::NoTaskNotAllowed(c) => format!("{c}: cannot be “nothing to do”"),
            AnswerProblem::UnknownEvidence { code, id } if vi => {
                format!("{code}: tài liệu “{id}” không có trong sổ tài liệu")
            }
            AnswerProblem::UnknownEvidence { code, id } => {
                format!("{code}: document “{id}” is not in the register")
            }
            AnswerProblem::DuplicateEvidenceId(id) if vi => format!("Mã tài liệu “{id}” bị trùng"),
            AnswerProblem::DuplicateEvidenceId(id) => format!("Document id “{id}” is used twice"),
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
        let vi = lang == Lang::Vi;
        match self {
            Difference::Added(c) if vi => {
                format!("{c}: có trong bộ tiêu chí đang dùng, không có trong tệp")
            }
            Difference::Added(c) => format!("{c}: in the loaded framework, not in the file's"),
            Difference::Removed(c) if vi => {
                format!("{c}: có trong tệp, không có trong bộ tiêu chí đang dùng")
            }
            Difference::Removed(c) => {
                format!("{c}: in the file's framework, not in the loaded one")
            }
            Difference::MaxChanged { code, file, loaded } if vi => format!(
                "{code}: điểm tối đa {} trong tệp, {} trong bộ đang dùng",
                file.format_short(lang),
                loaded.format_short(lang)
            ),
            Difference::MaxChanged { code, file, loaded } => format!(
                "{code}: max {} in the file, {} loaded",
                file.format_short(lang),
                loaded.format_short(lang)
            ),
            Difference::RuleChanged { code, file, loaded } if vi => {
                format!("{code}: cách chấm “{file}” trong tệp, “{loaded}” trong bộ đang dùng")
            }
            Difference::RuleChanged { code, file, loaded } => {
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
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            ImportError::TooLarge { bytes } if vi => format!(
                "Tệp lớn {} MB, vượt giới hạn 10 MB; đây không phải tệp tự đánh giá",
                bytes / (1024 * 1024)
            ),
            ImportError::TooLarge { bytes } => {
                format!(
                    "The file is {} MB, over the 10 MB limit; it is not a self-assessment file",
                    bytes / (1024 * 1024)
                )
            }
            ImportError::Empty if vi => "Tệp rỗng".into(),
            ImportError::Empty => "The file is empty".into(),
            ImportError::NotJson {
                truncated: true, ..
            } if vi => "Tệp bị cắt cụt (không trọn vẹn); hãy lấy lại tệp gốc".into(),
            ImportError::NotJson {
                truncated: true, ..
            } => "The file is cut short (incomplete); get the original file again".into(),
            ImportError::NotJson { detail, .. } if vi => {
                format!("Tệp không phải định dạng JSON của ứng dụng (chi tiết kỹ thuật: {detail})")
            }
            ImportError::NotJson { detail, .. } => format!("The file is not JSON ({detail})"),
            ImportError::NotASubmission if vi => {
                "Tệp JSON này không phải tệp tự đánh giá Chỉ số CCHC".into()
            }
            ImportError::NotASubmission => {
                "This JSON file is not a PAR Index self-assessment".into()
            }
            ImportError::NewerVersion(v) if vi => format!(
                "Tệp dùng định dạng phiên bản {v}, mới hơn ứng dụng này; hãy cập nhật ứng dụng"
            ),
            ImportError::NewerVersion(v) => {
                format!("The file uses format version {v}, newer than this app; update the app")
            }
            ImportError::Malformed(m) if vi => {
                format!("Nội dung tệp sai cấu trúc (chi tiết kỹ thuật: {m})")
            }
            ImportError::Malformed(m) => format!("The file's content is malformed: {m}"),
            ImportError::FrameworkNotLoaded { id, version } if vi => format!(
                "Tệp được chấm theo bộ tiêu chí “{id}” phiên bản {version}, chưa có trong ứng dụng; hãy nạp bộ tiêu chí đó trước"
            ),
            ImportError::FrameworkNotLoaded { id, version } => format!(
                "The file was scored with framework “{id}” version {version}, which is not loaded; load it first"
            ),
            ImportError::FrameworkDiffers {
                id,
                file_version,
                loaded_version,
                differences,
            } if vi => format!(
                "Tệp được chấm theo bộ tiêu chí “{id}” phiên bản {file_version}, khác với bộ đang dùng (phiên bản {loaded_version}); {} điểm khác nhau",
                differences.len()
            ),
            ImportError::FrameworkDiffers {
                id,
                file_version,
                loaded_version,
                differences,
            } => format!(
                "The file was scored with framework “{id}” version {file_version}, which differs from the loaded one (version {loaded_version}); {} differences",
                differences.len()
            ),
            ImportError::InvalidAnswers(list) if vi => {
                format!("Có {} câu trả lời không khớp bộ tiêu chí", list.len())
            }
            ImportError::InvalidAnswers(list) => {
                format!("{} answers do not fit the framework", list.len())
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

fn from_draft_error(e: DraftError) -> ImportError {
    match e {
        DraftError::Empty => ImportError::Empty,
        DraftError::NotJson(detail) => ImportError::NotJson {
            truncated: detail.contains("EOF"),
            detail,
        },
        DraftError::NotASubmission => ImportError::NotASubmission,
        DraftError::NewerVersion(v) => ImportError::NewerVersion(v),
        DraftError::Malformed(m) => ImportError::Malformed(m),
    }
}

/// Checks a submission file against the loaded frameworks. Nothing is imported here: the caller
/// shows the preview and imports only after the user confirms.
pub fn check_import(text: &str, frameworks: &[&Framework]) -> Result<ImportPreview, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let draft = Draft::from_json(text).map_err(from_draft_error)?;
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
