//! The open draft and its saving: edits go through the core, a debounced save follows, and the
//! decisions of `save.rs` are carried out against storage.

use std::time::Duration;

use cchc_core::draft::{FrameworkRef, UnitRef};
use cchc_core::{Draft, DraftError, Edit, Framework};
use leptos::prelude::*;

use super::save::{self, Decision, Event, Local, Stored};
use super::{AppState, SANDBOX_PREFIX, Shared};
use crate::clock;
use crate::file_io::{self, FileError};
use crate::storage::{self, StorageError};

const SAVE_DELAY: Duration = Duration::from_millis(300);

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

/// Why a draft named in the address cannot be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    NotFound,
    Unreadable(DraftError),
    Storage(StorageError),
    /// The draft opened, but its framework is not loaded.
    FrameworkMissing,
}

/// The bookkeeping behind the save status: what `save::decide` needs, and the pending timer.
#[derive(Clone, Copy)]
pub(super) struct Saving {
    local: StoredValue<Local>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Saving {
    pub(super) fn new() -> Saving {
        Saving {
            local: StoredValue::new(Local::default()),
            pending: StoredValue::new(None),
        }
    }
}

fn stored_now(id: &str) -> Stored {
    match storage::read_draft(id) {
        Ok(Some(Ok(d))) => Stored::Revision(d.revision),
        Ok(Some(Err(_))) => Stored::Unreadable,
        // Storage that cannot be read now holds nothing this tab could lose.
        Ok(None) | Err(_) => Stored::Missing,
    }
}

impl AppState {
    /// The id of the open draft, if any.
    pub fn open_id(&self) -> Option<String> {
        self.draft
            .with_untracked(|d| d.as_ref().map(|d| d.id.clone()))
    }

    fn is_open(&self, id: &str) -> bool {
        self.draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id))
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
        self.saving.local.update_value(|l| l.unsaved_edits = true);
        self.schedule_save();
    }

    fn schedule_save(&self) {
        self.cancel_pending_save();
        if self.save.get_untracked() != SaveState::Conflict {
            self.save.set(SaveState::Pending);
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY).ok();
        self.saving.pending.set_value(handle);
    }

    fn cancel_pending_save(&self) {
        if let Some(handle) = self.saving.pending.get_value() {
            handle.clear();
            self.saving.pending.set_value(None);
        }
    }

    /// Writes the open draft now if it has unsaved changes. Never overwrites a newer save made by
    /// another tab: that becomes a conflict for the user to settle.
    pub fn save_now(&self) {
        self.cancel_pending_save();
        if self.sandbox.get_untracked() {
            return;
        }
        self.carry_out(Event::SaveDue);
    }

    /// Decides what `event` calls for and does it.
    fn carry_out(&self, event: Event) {
        let Some(id) = self.open_id() else {
            return;
        };
        let stored = stored_now(&id);
        match save::decide(self.saving.local.get_value(), stored, event) {
            Decision::Nothing => {}
            Decision::Conflict => self.enter_conflict(),
            Decision::Follow => {
                if let Ok(Some(Ok(stored))) = storage::read_draft(&id) {
                    self.load(stored);
                }
            }
            Decision::Write { revision } => self.write(revision),
        }
    }

    fn enter_conflict(&self) {
        self.saving.local.update_value(|l| l.in_conflict = true);
        self.save.set(SaveState::Conflict);
    }

    fn write(&self, revision: u64) {
        let Some(mut copy) = self.draft.get_untracked() else {
            return;
        };
        let now = clock::now_iso();
        copy.revision = revision;
        copy.updated_at = now.clone();
        match storage::write_draft(&copy) {
            Ok(()) => {
                self.saving.local.set_value(save::written(revision));
                // Bookkeeping only: not an edit, so no re-score and no new save.
                self.draft.update_untracked(|d| {
                    if let Some(d) = d {
                        d.revision = revision;
                        d.updated_at = now.clone();
                    }
                });
                self.save.set(SaveState::Saved { at: now });
                self.shelf.changed();
            }
            Err(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    /// Opens a stored draft (no-op when it is already open).
    pub fn open(&self, id: &str) -> Result<(), OpenError> {
        if self.is_open(id) {
            return Ok(());
        }
        self.save_now();
        if let Some(framework_id) = id.strip_prefix(SANDBOX_PREFIX) {
            let fw = self
                .library
                .by_id(framework_id)
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

    /// Opens the draft a page is for, and gives its framework.
    pub fn open_with_framework(&self, id: &str) -> Result<Shared<Framework>, OpenError> {
        self.open(id)?;
        self.framework
            .get_untracked()
            .ok_or(OpenError::FrameworkMissing)
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
        self.saving.local.set_value(save::written(draft.revision));
        self.save.set(SaveState::Saved {
            at: draft.updated_at.clone(),
        });
        self.draft.set(Some(draft));
    }

    /// Closes the open draft without saving (it was deleted or replaced in storage).
    pub(super) fn close_if_open(&self, id: &str) {
        if self.is_open(id) {
            self.draft.set(None);
            self.saving.local.set_value(Local::default());
        }
    }

    /// Starts a new draft and saves it at once; returns its id.
    pub fn create(&self, framework: &Framework, unit: UnitRef, year: u16) -> String {
        let draft = Draft::new(
            clock::new_id(),
            FrameworkRef::of(framework),
            unit,
            year,
            clock::now_iso(),
        );
        self.start(draft)
    }

    /// Opens a draft made here (new, or carried from another) and saves it at once.
    pub(super) fn start(&self, draft: Draft) -> String {
        self.save_now();
        // A real draft: whatever was open before (the sample included) is left behind.
        self.sandbox.set(false);
        let id = draft.id.clone();
        self.saving.local.set_value(Local {
            saved_revision: 0,
            unsaved_edits: true,
            in_conflict: false,
        });
        self.draft.set(Some(draft));
        self.save.set(SaveState::Pending);
        self.save_now();
        id
    }

    /// Another tab changed storage under `key`.
    pub fn external_change(&self, key: Option<String>) {
        self.shelf.changed();
        if key
            .as_deref()
            .is_none_or(|k| k.starts_with(storage::UNIT_LIST_PREFIX))
        {
            self.library.reload_unit_lists();
        }
        let Some(id) = self.open_id() else {
            return;
        };
        if key.as_deref() == Some(storage::draft_key(&id).as_str()) {
            self.carry_out(Event::OtherTabChanged);
        }
    }

    /// Settles a conflict by taking the other tab's version.
    pub fn take_stored(&self) {
        self.carry_out(Event::TakeStored);
    }

    /// Settles a conflict by keeping this tab's version (it overwrites the other tab's).
    pub fn keep_mine(&self) {
        self.cancel_pending_save();
        self.save.set(SaveState::Pending);
        self.carry_out(Event::KeepMine);
    }

    /// Downloads the open draft as a submission file.
    pub fn export_open_draft(&self) -> Result<(), FileError> {
        self.save_now();
        match self.draft.get_untracked() {
            Some(d) => self.export(&d),
            None => Ok(()),
        }
    }

    /// Downloads a draft as a submission file. Without its framework (it could not be scored),
    /// the draft is saved as it is, so that nothing is lost.
    pub fn export(&self, d: &Draft) -> Result<(), FileError> {
        let fw = untrack(|| self.library.find(&d.framework.id, &d.framework.version));
        let text = match fw {
            Some(fw) => d.export(&fw, super::APP_VERSION),
            None => d.to_json(),
        };
        file_io::download(&d.file_name(), file_io::JSON, &text)
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
}
