//! Opening a submission file (picked, or dropped anywhere on the window): it is checked
//! completely before any draft is touched, a preview says what it holds, and only the user's
//! choice imports it. A framework file dropped the same way is loaded as a framework.

use std::sync::Arc;

use cchc_core::submission::{ImportError, ImportPreview, check_import};
use cchc_core::{Draft, FrameworkError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{AppState, ImportFrameworkError};
use crate::clock;
use crate::file_io::{self, ReadError};
use crate::storage::{self, StorageError};

/// What the import panel shows.
#[derive(Clone)]
pub enum ImportView {
    Preview {
        file: String,
        preview: Arc<ImportPreview>,
        /// A stored draft has the file's id.
        exists: bool,
    },
    Failed {
        file: String,
        error: ImportFailure,
        /// The file's draft, readable but made with a framework version the app lacks: its
        /// answers can still be carried into a framework the app has.
        carriable: Option<Arc<Draft>>,
    },
    FrameworkLoaded(String),
}

/// Why a file was not imported. Nothing was changed.
#[derive(Clone)]
pub enum ImportFailure {
    Read(ReadError),
    Check(ImportError),
    Framework(Vec<FrameworkError>),
    FrameworkAlreadyLoaded,
    Storage(StorageError),
}

/// How an imported draft is stored when one with its id exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportChoice {
    /// Beside the existing one, under a new id.
    AsNew,
    /// In place of the existing one, which stays restorable.
    Replace,
}

/// The import in progress.
#[derive(Clone, Copy)]
pub struct ImportFlow {
    pub view: RwSignal<Option<ImportView>>,
    /// The confirmed import could not be stored.
    pub problem: RwSignal<Option<StorageError>>,
}

impl ImportFlow {
    pub(super) fn new() -> ImportFlow {
        ImportFlow {
            view: RwSignal::new(None),
            problem: RwSignal::new(None),
        }
    }

    /// Shows a new file's preview or failure; what an earlier one left is cleared.
    fn show(&self, view: ImportView) {
        self.problem.set(None);
        self.view.set(Some(view));
    }

    pub fn close(&self) {
        self.problem.set(None);
        self.view.set(None);
    }
}

fn is_framework_file(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.get("format")
                .and_then(|f| f.as_str())
                .map(|f| f == cchc_core::framework::FRAMEWORK_FORMAT)
        })
        .unwrap_or(false)
}

impl AppState {
    /// Reads a picked or dropped file and shows what it is.
    pub fn open_file(&self, file: web_sys::File) {
        let state = *self;
        let name = file.name();
        spawn_local(async move {
            let view = match file_io::read_text(file).await {
                Err(e) => ImportView::Failed {
                    file: name,
                    error: ImportFailure::Read(e),
                    carriable: None,
                },
                Ok(text) => state.examine(name, &text),
            };
            state.import.show(view);
        });
    }

    fn examine(&self, file: String, text: &str) -> ImportView {
        if is_framework_file(text) {
            let l = self.lang.get_untracked();
            let failed = |error| ImportView::Failed {
                file: file.clone(),
                error,
                carriable: None,
            };
            return match self.library.import(text) {
                Ok(fw) => ImportView::FrameworkLoaded(fw.title.get(l).to_string()),
                Err(ImportFrameworkError::Invalid(problems)) => {
                    failed(ImportFailure::Framework(problems))
                }
                Err(ImportFrameworkError::AlreadyLoaded) => {
                    failed(ImportFailure::FrameworkAlreadyLoaded)
                }
                Err(ImportFrameworkError::Storage(e)) => failed(ImportFailure::Storage(e)),
            };
        }
        let frameworks = self.library.all();
        let refs: Vec<&cchc_core::Framework> = frameworks.iter().map(|f| f.as_ref()).collect();
        match check_import(text, &refs) {
            Ok(preview) => {
                let exists = matches!(storage::read_draft(&preview.draft.id), Ok(Some(_)));
                ImportView::Preview {
                    file,
                    preview: Arc::new(preview),
                    exists,
                }
            }
            Err(e) => {
                let carriable = matches!(
                    e,
                    ImportError::FrameworkNotLoaded { .. } | ImportError::FrameworkDiffers { .. }
                )
                .then(|| Draft::from_json(text).ok().map(Arc::new))
                .flatten();
                ImportView::Failed {
                    file,
                    error: ImportFailure::Check(e),
                    carriable,
                }
            }
        }
    }

    /// Stores a checked draft (its content exactly as in the file) and closes the panel; gives
    /// the id to open. A replaced draft is kept restorable ("Hoàn tác").
    pub fn import_checked(&self, preview: &ImportPreview, choice: ImportChoice) -> Option<String> {
        match self.store_import(preview.clone(), choice) {
            Ok(id) => {
                self.import.close();
                Some(id)
            }
            Err(e) => {
                self.import.problem.set(Some(e));
                None
            }
        }
    }

    fn store_import(
        &self,
        preview: ImportPreview,
        choice: ImportChoice,
    ) -> Result<String, StorageError> {
        self.save_now();
        let file_id = preview.draft.id.clone();
        let existing = match storage::read_draft(&file_id) {
            Ok(Some(Ok(d))) => Some(d),
            _ => None,
        };
        let id = match (&existing, choice) {
            (Some(_), ImportChoice::AsNew) => clock::new_id(),
            _ => file_id,
        };
        let draft = preview.into_draft(id.clone());
        storage::write_draft(&draft)?;
        if let Some(old) = existing.filter(|_| choice == ImportChoice::Replace) {
            self.shelf.deleted.update(|l| l.push(old));
        }
        self.close_if_open(&id);
        self.shelf.changed();
        Ok(id)
    }
}
