//! The Sở Nội vụ view's batch: the units' submission files, checked and scored, and last year's
//! for the movement in rank. Kept in memory for this page.

use cchc_core::ranking::Entry;
use cchc_core::submission::{ImportError, check_import};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::AppState;
use crate::file_io::{self, ReadError};

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
}

#[derive(Clone, Copy)]
pub struct Batch {
    pub entries: RwSignal<Vec<Entry>>,
    pub last_year: RwSignal<Vec<Entry>>,
    /// (file name, why it was not loaded).
    pub refused: RwSignal<Vec<(String, Refusal)>>,
    /// Files read so far, of how many.
    pub progress: RwSignal<Option<(usize, usize)>>,
}

impl Batch {
    pub(super) fn new() -> Batch {
        Batch {
            entries: RwSignal::new(Vec::new()),
            last_year: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
        }
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
        let batch = self.batch;
        let library = self.library;
        let total = files.len();
        batch.progress.set(Some((0, total)));
        spawn_local(async move {
            let frameworks = library.all();
            let refs: Vec<&cchc_core::Framework> = frameworks.iter().map(|f| f.as_ref()).collect();
            let mut loaded = Vec::new();
            let mut refused = Vec::new();
            for (i, file) in files.into_iter().enumerate() {
                let name = file.name();
                match file_io::read_text(file).await {
                    Err(e) => refused.push((name, Refusal::Read(e))),
                    Ok(text) => match check_import(&text, &refs) {
                        Ok(preview) => {
                            let named = &preview.draft.framework;
                            // check_import found it among the loaded frameworks.
                            if let Some(fw) = untrack(|| library.find(&named.id, &named.version)) {
                                loaded.push(Entry::new(name, &fw, &preview.draft, preview.edited));
                            }
                        }
                        Err(e) => refused.push((name, Refusal::Check(e))),
                    },
                }
                batch.progress.set(Some((i + 1, total)));
            }
            let target = match part {
                BatchPart::ThisYear => batch.entries,
                BatchPart::LastYear => batch.last_year,
            };
            target.update(|list| list.extend(loaded));
            batch.refused.update(|list| list.extend(refused));
        });
    }
}
