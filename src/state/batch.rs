//! The Sở Nội vụ view's batch: the units' submission files, checked and scored, and last year's
//! for the movement in rank; the council's appraisals of this year's, which the ranking counts
//! where they exist. Kept in memory for this page: an appraisal is kept by exporting its file,
//! which opens again with the submissions.

use std::collections::HashMap;
use std::sync::Arc;

use cchc_core::appraisal::file::{AppraisalError, check_appraisal, submission_checksum};
use cchc_core::appraisal::{Appraisal, Stage, SubmissionRef};
use cchc_core::ranking::Entry;
use cchc_core::submission::{ImportError, check_import};
use cchc_core::{Draft, Framework, Value};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::AppState;
use crate::clock;
use crate::file_io::{self, FileError, ReadError};

/// Which results a loaded file joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchPart {
    ThisYear,
    LastYear,
}

/// Why a file of the batch was not loaded; the rest load.
#[derive(Debug, Clone)]
pub enum Refusal {
    Read(ReadError),
    Check(ImportError),
    Appraisal(AppraisalError),
    /// An appraisal file whose submission is not among this year's files.
    NoSubmission {
        unit: String,
        year: u16,
    },
}

/// A submission of this year's batch, as read: what an appraisal is of.
#[derive(Clone)]
pub struct Submission {
    pub draft: Draft,
    pub framework: Arc<Framework>,
    edited: bool,
}

#[derive(Clone, Copy)]
pub struct Batch {
    pub entries: RwSignal<Vec<Entry>>,
    pub last_year: RwSignal<Vec<Entry>>,
    /// (file name, why it was not loaded).
    pub refused: RwSignal<Vec<(String, Refusal)>>,
    /// Files read so far, of how many.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// This year's submissions by file name.
    submissions: StoredValue<HashMap<String, Submission>>,
    /// The council's appraisals by the file name of the submission appraised.
    pub appraisals: RwSignal<HashMap<String, Appraisal>>,
    /// The submission the council has open.
    pub appraising: RwSignal<Option<String>>,
}

impl Batch {
    pub(super) fn new() -> Batch {
        Batch {
            entries: RwSignal::new(Vec::new()),
            last_year: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            submissions: StoredValue::new(HashMap::new()),
            appraisals: RwSignal::new(HashMap::new()),
            appraising: RwSignal::new(None),
        }
    }

    /// Sets the province's survey points of several files at once (from a sheet, each already
    /// checked against its file's survey maximum); gives how many were set.
    pub fn set_surveys(&self, points: &[(String, cchc_core::Points)]) -> usize {
        let mut set = 0;
        self.entries.update(|list| {
            for (source, p) in points {
                if let Some(e) = list.iter_mut().find(|e| &e.source == source)
                    && *p >= cchc_core::Points::ZERO
                    && *p <= e.survey_max
                {
                    e.survey_entered = Some(*p);
                    set += 1;
                }
            }
        });
        set
    }

    pub fn submission(&self, source: &str) -> Option<Submission> {
        self.submissions.with_value(|s| s.get(source).cloned())
    }

    /// Opens a submission for appraisal, starting its appraisal if there is none yet.
    pub fn appraise(&self, source: &str) {
        let Some(sub) = self.submission(source) else {
            return;
        };
        if self.appraisals.with_untracked(|a| !a.contains_key(source)) {
            let fresh = Appraisal::new(SubmissionRef::of(&sub.draft), clock::now_iso());
            self.appraisals
                .update(|a| drop(a.insert(source.to_string(), fresh)));
        }
        self.appraising.set(Some(source.to_string()));
    }

    /// The council's value for an item (`None`: the unit's answer stands).
    pub fn set_appraised_value(&self, source: &str, code: &str, value: Option<Value>) {
        self.change_appraisal(source, |a| a.set_value(code, value));
    }

    pub fn set_appraisal_comment(&self, source: &str, code: &str, comment: String) {
        self.change_appraisal(source, |a| a.set_comment(code, comment));
    }

    pub fn set_appraisal_stage(&self, source: &str, stage: Stage) {
        self.change_appraisal(source, |a| a.stage = stage);
    }

    fn change_appraisal(&self, source: &str, change: impl FnOnce(&mut Appraisal)) {
        self.appraisals.update(|all| {
            if let Some(a) = all.get_mut(source) {
                change(a);
                a.updated_at = clock::now_iso();
            }
        });
        // A comment changes no points, but the row shows the unit as appraised from then on.
        self.rescore(source);
    }

    /// Scores one submission again on its appraisal (or its own points without one), keeping
    /// the survey points entered.
    fn rescore(&self, source: &str) {
        let Some(sub) = self.submission(source) else {
            return;
        };
        let fresh = self.appraisals.with_untracked(|all| match all.get(source) {
            Some(a) => Entry::appraised(source.into(), &sub.framework, &sub.draft, sub.edited, a),
            None => Entry::new(source.into(), &sub.framework, &sub.draft, sub.edited),
        });
        self.entries.update(|list| {
            if let Some(e) = list.iter_mut().find(|e| e.source == source) {
                let survey = e.survey_entered;
                *e = fresh;
                e.survey_entered = survey;
            }
        });
    }

    /// Writes the appraisal file of one submission.
    pub fn export_appraisal(&self, source: &str) -> Result<(), FileError> {
        let sub = self.submission(source).ok_or(FileError::DownloadRefused)?;
        let appraisal = self
            .appraisals
            .with_untracked(|a| a.get(source).cloned())
            .ok_or(FileError::DownloadRefused)?;
        file_io::download(
            &appraisal.file_name(),
            file_io::JSON,
            &appraisal.export(&sub.framework, &sub.draft),
        )
    }

    /// Sets the survey points the province entered for one file's unit; `None` clears them.
    /// Gives false (and changes nothing) when the points are outside 0 and the survey's max.
    pub fn set_survey(&self, source: &str, points: Option<cchc_core::Points>) -> bool {
        let mut fits = false;
        self.entries.update(|list| {
            if let Some(e) = list.iter_mut().find(|e| e.source == source)
                && points.is_none_or(|p| p >= cchc_core::Points::ZERO && p <= e.survey_max)
            {
                e.survey_entered = points;
                fits = true;
            }
        });
        fits
    }
}

impl AppState {
    /// Reads, checks and scores every file; bad ones are listed with the reason while the good
    /// ones load.
    pub fn load_batch(&self, files: Vec<web_sys::File>, part: BatchPart) {
        let batch = self.batch();
        let library = self.library;
        let total = files.len();
        batch.progress.set(Some((0, total)));
        spawn_local(async move {
            let frameworks = library.all();
            let refs: Vec<&cchc_core::Framework> = frameworks.iter().map(|f| f.as_ref()).collect();
            let mut loaded = Vec::new();
            let mut refused = Vec::new();
            for (i, reading) in file_io::start_reading(files).into_iter().enumerate() {
                let name = reading.name.clone();
                match reading.text().await {
                    Err(e) => refused.push((name, Refusal::Read(e))),
                    Ok(text) => match check_import(&text, &refs) {
                        Ok(preview) => {
                            let named = &preview.draft.framework;
                            // check_import found it among the loaded frameworks.
                            if let Some(fw) = untrack(|| library.find(&named.id, &named.version)) {
                                let entry = Entry::from_scorecard(
                                    name.clone(),
                                    &fw,
                                    &preview.draft,
                                    &preview.scorecard,
                                    preview.edited,
                                );
                                if part == BatchPart::ThisYear {
                                    let sub = Submission {
                                        draft: preview.draft,
                                        framework: fw,
                                        edited: preview.edited,
                                    };
                                    batch
                                        .submissions
                                        .update_value(|s| drop(s.insert(name, sub)));
                                }
                                loaded.push(entry);
                            }
                        }
                        Err(e) => refused.push((name, Refusal::Check(e))),
                    },
                }
                // Every 50 files, and the last: the count moves without re-rendering 1,000 times.
                if (i + 1) % 50 == 0 || i + 1 == total {
                    batch.progress.set(Some((i + 1, total)));
                }
            }
            let target = match part {
                BatchPart::ThisYear => batch.entries,
                BatchPart::LastYear => batch.last_year,
            };
            target.update(|list| list.extend(loaded));
            batch.refused.update(|list| list.extend(refused));
        });
    }

    /// Reads the council's appraisal files back (to go on with its work): each goes to the
    /// submission of this year's batch it names, checked against it; the others are listed with
    /// the reason and change nothing.
    pub fn load_appraisals(&self, files: Vec<web_sys::File>) {
        let batch = self.batch();
        spawn_local(async move {
            let mut refused = Vec::new();
            for file in files {
                let name = file.name();
                let text = match file_io::read_text(file).await {
                    Ok(text) => text,
                    Err(e) => {
                        refused.push((name, Refusal::Read(e)));
                        continue;
                    }
                };
                let named = match Appraisal::from_json(&text) {
                    Ok(a) => a.submission,
                    Err(e) => {
                        refused.push((name, Refusal::Appraisal(e)));
                        continue;
                    }
                };
                let found = batch.submissions.with_value(|all| {
                    all.iter()
                        .find(|(_, s)| submission_checksum(&s.draft) == named.checksum)
                        .map(|(source, s)| (source.clone(), s.clone()))
                });
                let Some((source, sub)) = found else {
                    refused.push((
                        name,
                        Refusal::NoSubmission {
                            unit: named.unit,
                            year: named.year,
                        },
                    ));
                    continue;
                };
                match check_appraisal(&text, &sub.framework, &sub.draft) {
                    Ok(appraisal) => {
                        batch
                            .appraisals
                            .update(|a| drop(a.insert(source.clone(), appraisal)));
                        batch.rescore(&source);
                    }
                    Err(e) => refused.push((name, Refusal::Appraisal(e))),
                }
            }
            batch.refused.update(|list| list.extend(refused));
        });
    }
}
