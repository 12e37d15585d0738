//! The application state: a small `Copy` struct of signals and memos, provided as context.
//! Mutations go through the core (`Draft::apply`); persistence goes through `storage`.

use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use cchc_core::draft::{FrameworkRef, UnitRef};
use cchc_core::submission::ImportPreview;
use cchc_core::units::Unit;
use cchc_core::{Draft, DraftError, Edit, Framework, Lang, Scorecard, score};
use leptos::prelude::*;

use crate::route::Route;
use crate::storage::{self, StorageError};
use crate::{clock, file_io};

/// An `Arc` compared by identity: memos holding one notify when it is replaced, without a deep
/// comparison of a whole framework or scorecard.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What the save-status line says.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Pending,
    Saved {
        at: String,
    },
    Failed(StorageError),
    /// Another tab saved this draft after we last did.
    Conflict,
}

#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    NotFound,
    Unreadable(DraftError),
    Storage(StorageError),
}

/// A framework the app can use, and where it came from.
#[derive(Debug, Clone)]
pub struct LoadedFramework {
    pub framework: Arc<Framework>,
    /// The localStorage key of a framework the user loaded; `None` for a built-in one.
    pub stored_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportFrameworkError {
    Invalid(Vec<cchc_core::FrameworkError>),
    AlreadyLoaded,
    Storage(StorageError),
}

/// The framework a draft names: the same id and version, or else the same id.
fn find_framework(fs: &[LoadedFramework], id: &str, version: &str) -> Option<Arc<Framework>> {
    fs.iter()
        .find(|f| f.framework.id == id && f.framework.version == version)
        .or_else(|| fs.iter().find(|f| f.framework.id == id))
        .map(|f| f.framework.clone())
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// The frameworks the app can score with: the built-in ones, then those the user loaded.
    pub frameworks: RwSignal<Vec<LoadedFramework>>,
    pub units: StoredValue<Vec<Unit>>,
    pub route: RwSignal<Route>,
    /// The open draft.
    pub draft: RwSignal<Option<Draft>>,
    pub framework: Memo<Option<Shared<Framework>>>,
    /// The open draft's scorecard, recomputed from its answers on every edit.
    pub scorecard: Memo<Option<Shared<Scorecard>>>,
    pub save: RwSignal<SaveState>,
    dirty: StoredValue<bool>,
    /// The open draft is the trainers' sample: edits are what-ifs, never saved.
    pub sandbox: RwSignal<bool>,
    saved_revision: StoredValue<u64>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Bumped whenever the stored drafts change, so the list re-reads them.
    pub list_version: RwSignal<u64>,
    /// Drafts deleted in this page, restorable until it is closed.
    pub deleted: RwSignal<Vec<Draft>>,
    /// The Sở Nội vụ view's batch of submissions (in memory).
    pub batch: crate::pages::evaluator::Batch,
    /// A file being imported: its preview or why it cannot be.
    pub import: RwSignal<Option<crate::components::import::ImportView>>,
}

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Drafts opened as `mau.<framework id>` are the trainers' sample for that framework.
pub const SANDBOX_PREFIX: &str = "mau.";

const SAVE_DELAY: Duration = Duration::from_millis(300);

impl AppState {
    /// Creates the state and provides it to every component below.
    pub fn provide() -> AppState {
        let mut frameworks: Vec<LoadedFramework> = cchc_core::builtin::frameworks()
            .into_iter()
            // A shipped framework that fails to load is caught by the core's native tests;
            // in the browser it is left out rather than taking the app down.
            .filter_map(Result::ok)
            .map(|f| LoadedFramework {
                framework: Arc::new(f),
                stored_key: None,
            })
            .collect();
        // Frameworks loaded earlier were checked before they were stored; one that no longer
        // loads (edited by hand, or an older format) is left out here and stays in storage.
        for (key, text) in storage::list_frameworks().unwrap_or_default() {
            if let Ok(f) = Framework::from_json(&text) {
                frameworks.push(LoadedFramework {
                    framework: Arc::new(f),
                    stored_key: Some(key),
                });
            }
        }
        let units = cchc_core::builtin::unit_list()
            .map(|l| l.units)
            .unwrap_or_default();
        let lang = match storage::read_lang().as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Vi,
        };
        let draft: RwSignal<Option<Draft>> = RwSignal::new(None);
        let frameworks = RwSignal::new(frameworks);
        let framework = Memo::new(move |_| {
            let (id, version) = draft.with(|d| {
                d.as_ref()
                    .map(|d| (d.framework.id.clone(), d.framework.version.clone()))
            })?;
            frameworks
                .with(|fs| find_framework(fs, &id, &version))
                .map(Shared)
        });
        let scorecard = Memo::new(move |_| {
            let fw = framework.get()?;
            draft.with(|d| d.as_ref().map(|d| Shared(Arc::new(score(&fw, &d.answers)))))
        });
        let state = AppState {
            lang: RwSignal::new(lang),
            frameworks,
            units: StoredValue::new(units),
            route: RwSignal::new(Route::Start),
            draft,
            framework,
            scorecard,
            save: RwSignal::new(SaveState::Idle),
            dirty: StoredValue::new(false),
            sandbox: RwSignal::new(false),
            saved_revision: StoredValue::new(0),
            pending: StoredValue::new(None),
            list_version: RwSignal::new(0),
            deleted: RwSignal::new(Vec::new()),
            import: RwSignal::new(None),
            batch: crate::pages::evaluator::Batch::new(),
        };
        provide_context(state);
        state
    }

    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The id of the open draft, if any.
    fn open_id(&self) -> Option<String> {
        self.draft
            .with_untracked(|d| d.as_ref().map(|d| d.id.clone()))
    }

    pub fn framework_by_id(&self, id: &str) -> Option<Arc<Framework>> {
        self.frameworks.with_untracked(|fs| {
            fs.iter()
                .find(|f| f.framework.id == id)
                .map(|f| f.framework.clone())
        })
    }

    /// Checks a framework file and, when it is sound, stores it and makes it available.
    /// A file with the id and version of a framework already loaded replaces nothing.
    pub fn import_framework(&self, text: &str) -> Result<Arc<Framework>, ImportFrameworkError> {
        let framework = Framework::from_json(text).map_err(ImportFrameworkError::Invalid)?;
        let exists = self.frameworks.with_untracked(|fs| {
            fs.iter()
                .any(|f| f.framework.id == framework.id && f.framework.version == framework.version)
        });
        if exists {
            return Err(ImportFrameworkError::AlreadyLoaded);
        }
        let key = storage::framework_key(&framework.id, &framework.version);
        storage::write_framework(&key, text).map_err(ImportFrameworkError::Storage)?;
        let framework = Arc::new(framework);
        self.frameworks.update(|fs| {
            fs.push(LoadedFramework {
                framework: framework.clone(),
                stored_key: Some(key),
            })
        });
        Ok(framework)
    }

    /// Applies an edit to the open draft and schedules a save.
    pub fn edit(&self, edit: Edit) {
        if self.draft.with_untracked(Option::is_none) {
            return;
        }
        self.draft.update(|d| {
            if let Some(d) = d {
                d.apply(edit)
            }
        });
        self.dirty.set_value(true);
        self.schedule_save();
    }

    fn schedule_save(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        if self.save.get_untracked() != SaveState::Conflict {
            self.save.set(SaveState::Pending);
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY).ok();
        self.pending.set_value(handle);
    }

    /// Writes the open draft now if it has unsaved changes. Never overwrites a newer save made by
    /// another tab: that becomes a conflict for the user to settle.
    pub fn save_now(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
        if !self.dirty.get_value()
            || self.save.get_untracked() == SaveState::Conflict
            || self.sandbox.get_untracked()
        {
            return;
        }
        let Some(mut copy) = self.draft.get_untracked() else {
            return;
        };
        if let Ok(Some(Ok(stored))) = storage::read_draft(&copy.id)
            && stored.revision > self.saved_revision.get_value()
        {
            self.save.set(SaveState::Conflict);
            return;
        }
        let now = clock::now_iso();
        copy.revision = self.saved_revision.get_value() + 1;
        copy.updated_at = now.clone();
        match storage::write_draft(&copy) {
            Ok(()) => {
                self.saved_revision.set_value(copy.revision);
                // Bookkeeping only: not an edit, so no re-score and no new save.
                self.draft.update_untracked(|d| {
                    if let Some(d) = d {
                        d.revision = copy.revision;
                        d.updated_at = now.clone();
                    }
                });
                self.dirty.set_value(false);
                self.save.set(SaveState::Saved { at: now });
                self.list_version.update(|v| *v += 1);
            }
            Err(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    /// Opens a stored draft (no-op when it is already open).
    pub fn open(&self, id: &str) -> Result<(), OpenError> {
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
        {
            return Ok(());
        }
        self.save_now();
        if let Some(framework_id) = id.strip_prefix(SANDBOX_PREFIX) {
            let fw = self
                .framework_by_id(framework_id)
                .ok_or(OpenError::NotFound)?;
            let mut sample = cchc_core::sample::draft(&fw, clock::current_year());
            sample.id = id.to_string();
            self.load(sample);
            self.sandbox.set(true);
            return Ok(());
        }
        let draft = storage::read_draft(id)
            .map_err(OpenError::Storage)?
            .ok_or(OpenError::NotFound)?
            .map_err(OpenError::Unreadable)?;
        self.load(draft);
        Ok(())
    }

    /// Puts the sample back as it was shipped.
    pub fn reset_sandbox(&self) {
        let Some(id) = self.open_id() else {
            return;
        };
        self.draft.set(None);
        let _ = self.open(&id);
    }

    fn load(&self, draft: Draft) {
        self.sandbox.set(false);
        self.saved_revision.set_value(draft.revision);
        self.dirty.set_value(false);
        self.save.set(SaveState::Saved {
            at: draft.updated_at.clone(),
        });
        self.draft.set(Some(draft));
    }

    /// Starts a new draft and saves it at once; returns its id.
    pub fn create(&self, framework: &Framework, unit: UnitRef, year: u16) -> String {
        self.save_now();
        // A real draft: whatever was open before (the sample included) is left behind.
        self.sandbox.set(false);
        let id = clock::new_id();
        let draft = Draft::new(
            id.clone(),
            FrameworkRef::of(framework),
            unit,
            year,
            clock::now_iso(),
        );
        self.saved_revision.set_value(0);
        self.draft.set(Some(draft));
        self.dirty.set_value(true);
        self.save.set(SaveState::Pending);
        self.save_now();
        id
    }

    /// Another tab changed storage under `key`.
    pub fn external_change(&self, key: Option<String>, new_value: Option<String>) {
        let Some(id) = self.open_id() else {
            self.list_version.update(|v| *v += 1);
            return;
        };
        self.list_version.update(|v| *v += 1);
        if key.as_deref() != Some(storage::draft_key(&id).as_str()) {
            return;
        }
        match new_value.as_deref().map(Draft::from_json) {
            Some(Ok(d)) if d.revision <= self.saved_revision.get_value() => {}
            // Nothing unsaved here: simply follow the other tab.
            Some(Ok(_)) if !self.dirty.get_value() => self.take_stored(),
            // Unsaved edits here, or the draft was deleted or made unreadable in the other tab:
            // the user chooses.
            _ => self.save.set(SaveState::Conflict),
        }
    }

    /// Settles a conflict by taking the other tab's version.
    pub fn take_stored(&self) {
        let Some(id) = self.open_id() else {
            return;
        };
        if let Ok(Some(Ok(stored))) = storage::read_draft(&id) {
            self.load(stored);
        }
    }

    /// Settles a conflict by keeping this tab's version (it overwrites the other tab's).
    pub fn keep_mine(&self) {
        let Some(id) = self.open_id() else {
            return;
        };
        let stored = match storage::read_draft(&id) {
            Ok(Some(Ok(d))) => d.revision,
            _ => 0,
        };
        self.saved_revision
            .set_value(stored.max(self.saved_revision.get_value()));
        self.dirty.set_value(true);
        self.save.set(SaveState::Pending);
        self.save_now();
    }

    /// Deletes a stored draft; it stays restorable (`undo_delete`) until the page is closed.
    pub fn delete(&self, id: &str) -> Result<(), StorageError> {
        let draft = match storage::read_draft(id)? {
            Some(Ok(d)) => Some(d),
            _ => None,
        };
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
        {
            self.draft.set(None);
            self.dirty.set_value(false);
        }
        storage::remove(&storage::draft_key(id))?;
        if let Some(d) = draft {
            self.deleted.update(|list| list.push(d));
        }
        self.list_version.update(|v| *v += 1);
        Ok(())
    }

    pub fn undo_delete(&self) -> Result<(), StorageError> {
        let Some(d) = self.deleted.with_untracked(|l| l.last().cloned()) else {
            return Ok(());
        };
        storage::write_draft(&d)?;
        // The draft it replaced may be open: read the restored one when it is next opened.
        if self
            .draft
            .with_untracked(|o| o.as_ref().is_some_and(|o| o.id == d.id))
        {
            self.draft.set(None);
            self.dirty.set_value(false);
        }
        self.deleted.update(|l| {
            l.pop();
        });
        self.list_version.update(|v| *v += 1);
        Ok(())
    }

    /// Downloads the open draft as a submission file.
    pub fn export_open_draft(&self) -> Result<(), String> {
        self.save_now();
        match self.draft.get_untracked() {
            Some(d) => self.export(&d),
            None => Ok(()),
        }
    }

    /// Downloads a draft as a submission file. Without its framework (it could not be scored),
    /// the draft is saved as it is, so that nothing is lost.
    pub fn export(&self, d: &Draft) -> Result<(), String> {
        let text = match self
            .frameworks
            .with_untracked(|fs| find_framework(fs, &d.framework.id, &d.framework.version))
        {
            Some(fw) => d.export(&fw, APP_VERSION),
            None => d.to_json(),
        };
        file_io::download(&d.file_name(), "application/json", &text)
    }

    /// The open draft's score table as JSON, for the spreadsheet worker.
    pub fn score_table_json(&self) -> Option<String> {
        let fw = self.framework.get_untracked()?;
        let sc = self.scorecard.get_untracked()?;
        let lang = self.lang.get_untracked();
        self.draft.with_untracked(|d| {
            let table = cchc_core::report::ScoreTable::build(&fw, d.as_ref()?, &sc, lang);
            serde_json::to_string(&cchc_core::report::SpreadsheetRequest::ScoreTable {
                table: Box::new(table),
            })
            .ok()
        })
    }

    /// The frameworks, for checking an import.
    pub fn loaded_frameworks(&self) -> Vec<Arc<Framework>> {
        self.frameworks
            .with_untracked(|fs| fs.iter().map(|f| f.framework.clone()).collect())
    }

    /// Stores an imported draft (its content exactly as in the file) and opens it. When a stored
    /// draft has the same id and `replace` is set, that draft is kept restorable ("Hoàn tác").
    pub fn import(&self, preview: ImportPreview, replace: bool) -> Result<String, StorageError> {
        self.save_now();
        let file_id = preview.draft.id.clone();
        let existing = match storage::read_draft(&file_id) {
            Ok(Some(Ok(d))) => Some(d),
            _ => None,
        };
        let id = if existing.is_some() && !replace {
            clock::new_id()
        } else {
            file_id
        };
        let draft = preview.into_draft(id.clone());
        storage::write_draft(&draft)?;
        if let Some(old) = existing.filter(|_| replace) {
            self.deleted.update(|l| l.push(old));
        }
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
        {
            self.draft.set(None);
        }
        self.list_version.update(|v| *v += 1);
        Ok(id)
    }
}
