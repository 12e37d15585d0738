//! The appraisal file (`cchc-appraisal`, version 1), documented in `docs/appraisal-format.md`:
//! written by the council, read back by the council (to go on with its work) and by the unit.
//! It names the submission it appraises by a checksum of what the unit declared, so it cannot be
//! applied to another unit's file or to answers changed since; it carries its own checksum, so a
//! file edited after export is refused rather than trusted.

use serde::Serialize;

use super::{APPRAISAL_FORMAT, APPRAISAL_FORMAT_VERSION, Appraisal, SubmissionRef};
use crate::draft::{Draft, SUBMISSION_FORMAT};
use crate::fingerprint::of_json;
use crate::framework::{Framework, Rule};
use crate::snapshot::ScoreSnapshot;
use crate::submission::{AnswerProblem, MAX_FILE_BYTES, answer_problems, file_slug, write_json};
use crate::text::Lang;

/// The checksum of what a unit declared in a submission: the framework named (id and version),
/// the unit, the answers with their evidence, and the remarks. Times, revision, the app version
/// and the export-only parts are left out, so the same declaration gives the same checksum in the
/// exported file, in the unit's draft and in the round it was loaded into.
pub fn submission_checksum(draft: &Draft) -> String {
    #[derive(Serialize)]
    struct Declared<'a> {
        framework_id: &'a str,
        framework_version: &'a str,
        unit: &'a crate::draft::UnitRef,
        answers: &'a crate::answer::Answers,
        remarks: &'a str,
    }
    let declared = Declared {
        framework_id: &draft.framework.id,
        framework_version: &draft.framework.version,
        unit: &draft.unit,
        answers: &draft.answers,
        remarks: &draft.remarks,
    };
    match serde_json::to_value(&declared) {
        Ok(value) => of_json(&value),
        // Every part serialises (string keys only); see `write_json`.
        Err(e) => unreachable!("a declaration always serialises to JSON: {e}"),
    }
}

impl SubmissionRef {
    pub fn of(draft: &Draft) -> SubmissionRef {
        SubmissionRef {
            checksum: submission_checksum(draft),
            unit: draft.unit.name.clone(),
            unit_id: draft.unit.id.clone(),
            year: draft.answers.year,
            framework_id: draft.framework.id.clone(),
            framework_version: draft.framework.version.clone(),
        }
    }
}

impl Appraisal {
    /// `CCHC-2025-So-Noi-vu-tham-dinh.json`.
    pub fn file_name(&self) -> String {
        format!(
            "CCHC-{}-{}-tham-dinh.json",
            self.submission.year,
            file_slug(&self.submission.unit)
        )
    }

    /// `sha256:` of the file without `checksum`, written canonically (keys sorted, no spaces),
    /// so that any program can check it whatever order it writes keys in.
    fn content_checksum(&self) -> String {
        let mut copy = self.clone();
        copy.checksum = None;
        match serde_json::to_value(&copy) {
            Ok(value) => of_json(&value),
            Err(e) => unreachable!("an appraisal always serialises to JSON: {e}"),
        }
    }

    /// The appraisal file: the appraised scores of `submission` (the draft appraised, scored with
    /// `framework`) written in for readers, and the checksum. A pure function of its inputs.
    pub fn export(&self, framework: &Framework, submission: &Draft) -> String {
        let mut file = self.clone();
        file.format = APPRAISAL_FORMAT.into();
        file.format_version = APPRAISAL_FORMAT_VERSION;
        file.scorecard = Some(ScoreSnapshot::of(
            framework,
            &self.score(framework, &submission.answers),
        ));
        file.checksum = None;
        file.checksum = Some(file.content_checksum());
        write_json(&file, true)
    }

    /// Reads an appraisal file on its own: its header, its body and its checksum.
    pub fn from_json(text: &str) -> Result<Appraisal, AppraisalError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(AppraisalError::TooLarge { bytes: text.len() });
        }
        if text.trim().is_empty() {
            return Err(AppraisalError::Empty);
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| AppraisalError::NotJson {
                truncated: e.is_eof(),
            })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(APPRAISAL_FORMAT) => {}
            Some(SUBMISSION_FORMAT) => return Err(AppraisalError::IsASubmission),
            _ => return Err(AppraisalError::NotAnAppraisal),
        }
        match value.get("format_version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(APPRAISAL_FORMAT_VERSION) => {}
            Some(v) if v > u64::from(APPRAISAL_FORMAT_VERSION) => {
                return Err(AppraisalError::NewerVersion(
                    u32::try_from(v).unwrap_or(u32::MAX),
                ));
            }
            _ => return Err(AppraisalError::Malformed("format_version".into())),
        }
        // Checked on the file as written, before reading it into the record: what the council
        // exported, every key of it, is what is taken.
        let mut body = value.clone();
        let written = body
            .as_object_mut()
            .and_then(|o| o.remove("checksum"))
            .and_then(|c| c.as_str().map(str::to_string));
        if written.as_deref() != Some(of_json(&body).as_str()) {
            return Err(AppraisalError::Edited);
        }
        serde_json::from_value(value).map_err(|e| AppraisalError::Malformed(e.to_string()))
    }
}

/// Reads an appraisal file and checks it against the submission it is to be applied to (scored
/// with `framework`). Nothing is applied here; a refusal changes nothing.
pub fn check_appraisal(
    text: &str,
    framework: &Framework,
    submission: &Draft,
) -> Result<Appraisal, AppraisalError> {
    let appraisal = Appraisal::from_json(text)?;
    let named = &appraisal.submission;
    if named.framework_id != framework.id || named.framework_version != framework.version {
        return Err(AppraisalError::OtherFramework {
            file_id: named.framework_id.clone(),
            file_version: named.framework_version.clone(),
            id: framework.id.clone(),
            version: framework.version.clone(),
        });
    }
    if named.checksum != submission_checksum(submission) {
        return Err(AppraisalError::OtherSubmission {
            file_unit: named.unit.clone(),
            file_year: named.year,
            unit: submission.unit.name.clone(),
            year: submission.answers.year,
        });
    }
    let problems = value_problems(framework, submission, &appraisal);
    if !problems.is_empty() {
        return Err(AppraisalError::InvalidValues(problems));
    }
    Ok(appraisal)
}

/// The council's values that do not fit their items: the same checks as a unit's answers, and
/// none on a survey item (the province's survey scores those, not the appraisal).
pub fn value_problems(
    framework: &Framework,
    submission: &Draft,
    appraisal: &Appraisal,
) -> Vec<AnswerProblem> {
    let mut appraised = submission.clone();
    appraised.answers = appraisal.apply_to(&submission.answers);
    // The unit's own problems (its register) are not the council's: only values it gave count.
    let mut out: Vec<AnswerProblem> = answer_problems(framework, &appraised)
        .into_iter()
        .filter(|p| {
            !matches!(
                p,
                AnswerProblem::UnknownCode(_) | AnswerProblem::UnknownEvidence { .. }
            ) && p.code().is_some_and(|c| appraisal.value(c).is_some())
        })
        .collect();
    for (code, item) in &appraisal.items {
        match framework.node(code).filter(|n| n.is_item()) {
            None => out.push(AnswerProblem::UnknownCode(code.clone())),
            Some(node) if item.value.is_some() && node.rule().is_some_and(Rule::is_survey) => {
                let problem = AnswerProblem::DoesNotFit(code.clone());
                if !out.contains(&problem) {
                    out.push(problem);
                }
            }
            Some(_) => {}
        }
    }
    out
}

/// Why an appraisal file is not taken. Each says what the file is and changes nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppraisalError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotJson {
        truncated: bool,
    },
    /// A unit's self-assessment file, picked where an appraisal belongs.
    IsASubmission,
    NotAnAppraisal,
    NewerVersion(u32),
    Malformed(String),
    /// The checksum is missing or does not match: changed after the council exported it.
    Edited,
    OtherFramework {
        file_id: String,
        file_version: String,
        id: String,
        version: String,
    },
    /// Of another submission: another unit, another year, or answers changed since.
    OtherSubmission {
        file_unit: String,
        file_year: u16,
        unit: String,
        year: u16,
    },
    InvalidValues(Vec<AnswerProblem>),
}

impl AppraisalError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AppraisalError::TooLarge { bytes }, Lang::Vi) => format!(
                "Tệp lớn {} MB, vượt giới hạn 10 MB; đây không phải tệp thẩm định",
                bytes / (1024 * 1024)
            ),
            (AppraisalError::TooLarge { bytes }, Lang::En) => format!(
                "The file is {} MB, over the 10 MB limit; it is not an appraisal file",
                bytes / (1024 * 1024)
            ),
            (AppraisalError::Empty, Lang::Vi) => "Tệp trống".into(),
            (AppraisalError::Empty, Lang::En) => "The file is empty".into(),
            (AppraisalError::NotJson { truncated: true }, Lang::Vi) => {
                "Tệp bị cắt ngang (chưa tải hoặc sao chép hết); hãy lấy lại tệp".into()
            }
            (AppraisalError::NotJson { truncated: true }, Lang::En) => {
                "The file stops short (not fully downloaded or copied); get it again".into()
            }
            (AppraisalError::NotJson { truncated: false }, Lang::Vi) => {
                "Tệp không đọc được: không phải tệp thẩm định của ứng dụng".into()
            }
            (AppraisalError::NotJson { truncated: false }, Lang::En) => {
                "The file cannot be read: it is not one of the app's appraisal files".into()
            }
            (AppraisalError::IsASubmission, Lang::Vi) => {
                "Đây là tệp tự đánh giá của đơn vị, không phải tệp thẩm định; hãy nạp nó ở phần tệp của các đơn vị".into()
            }
            (AppraisalError::IsASubmission, Lang::En) => {
                "This is a unit's self-assessment file, not an appraisal file; load it with the units' files".into()
            }
            (AppraisalError::NotAnAppraisal, Lang::Vi) => "Đây không phải tệp thẩm định".into(),
            (AppraisalError::NotAnAppraisal, Lang::En) => "This is not an appraisal file".into(),
            (AppraisalError::NewerVersion(v), Lang::Vi) => format!(
                "Tệp thẩm định phiên bản {v} do một bản ứng dụng mới hơn tạo; hãy dùng bản ứng dụng mới"
            ),
            (AppraisalError::NewerVersion(v), Lang::En) => format!(
                "The appraisal file is version {v}, written by a newer app; use the newer app"
            ),
            (AppraisalError::Malformed(detail), Lang::Vi) => {
                format!("Tệp thẩm định sai cấu trúc ({detail})")
            }
            (AppraisalError::Malformed(detail), Lang::En) => {
                format!("The appraisal file is malformed ({detail})")
            }
            (AppraisalError::Edited, Lang::Vi) => {
                "Tệp thẩm định đã bị sửa sau khi hội đồng xuất (mã kiểm tra không khớp); không dùng được, hãy xin lại tệp gốc".into()
            }
            (AppraisalError::Edited, Lang::En) => {
                "The appraisal file was changed after the council exported it (the checksum does not match); ask for the original".into()
            }
            (
                AppraisalError::OtherFramework {
                    file_id,
                    file_version,
                    id,
                    version,
                },
                Lang::Vi,
            ) => format!(
                "Tệp thẩm định theo bộ tiêu chí “{file_id}” phiên bản {file_version}, còn tệp tự đánh giá theo “{id}” phiên bản {version}"
            ),
            (
                AppraisalError::OtherFramework {
                    file_id,
                    file_version,
                    id,
                    version,
                },
                Lang::En,
            ) => format!(
                "The appraisal is of framework “{file_id}” version {file_version}; the self-assessment is of “{id}” version {version}"
            ),
            (
                AppraisalError::OtherSubmission {
                    file_unit,
                    file_year,
                    unit,
                    year,
                },
                Lang::Vi,
            ) => {
                if fold(file_unit) == fold(unit) && file_year == year {
                    format!(
                        "Tệp thẩm định là của bản tự đánh giá {file_year} của “{file_unit}” đã nộp, nhưng câu trả lời đã thay đổi từ đó; chỉ áp dụng được vào đúng bản đã nộp"
                    )
                } else {
                    format!(
                        "Tệp thẩm định là của “{file_unit}” năm {file_year}, không phải của “{unit}” năm {year}"
                    )
                }
            }
            (
                AppraisalError::OtherSubmission {
                    file_unit,
                    file_year,
                    unit,
                    year,
                },
                Lang::En,
            ) => {
                if fold(file_unit) == fold(unit) && file_year == year {
                    format!(
                        "The appraisal is of “{file_unit}”’s {file_year} submission as handed in, and the answers have changed since; it applies to that submission only"
                    )
                } else {
                    format!(
                        "The appraisal is of “{file_unit}” for {file_year}, not of “{unit}” for {year}"
                    )
                }
            }
            (AppraisalError::InvalidValues(list), Lang::Vi) => format!(
                "Có {} điểm thẩm định không khớp cách chấm của tiêu chí",
                list.len()
            ),
            (AppraisalError::InvalidValues(list), Lang::En) => {
                format!("{} appraised values do not fit their items", list.len())
            }
        }
    }

    /// The lines of detail to list under the message.
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match self {
            AppraisalError::InvalidValues(list) => list.iter().map(|p| p.message(lang)).collect(),
            _ => Vec::new(),
        }
    }
}

fn fold(name: &str) -> String {
    crate::text::fold_diacritics(name.trim())
}
