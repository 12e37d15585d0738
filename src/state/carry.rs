//! Carrying a draft's answers into another framework: the source (a stored draft, or a submission
//! file whose framework version the app lacks), the framework the app answered it with when it
//! has it, and the new draft made from the core's `carry` once the officer has seen what is left.
//! The source is never written: stored drafts stay as they are, a file's draft is only read.

use std::sync::Arc;

use cchc_core::Framework;
use cchc_core::carry::Carried;
use cchc_core::draft::Draft;
use leptos::prelude::*;

use super::AppState;
use crate::{clock, storage};

/// The draft whose answers are being carried.
#[derive(Clone, PartialEq)]
pub struct CarrySource {
    pub draft: Arc<Draft>,
    /// The file it was read from; `None` for a draft stored here.
    pub file: Option<String>,
}

#[derive(Clone, Copy)]
pub struct CarryFlow {
    pub source: RwSignal<Option<CarrySource>>,
    /// The first page could not hand the draft to the full program (the browser refused the
    /// tab's storage); the draft is untouched and the page stays.
    pub handover_failed: RwSignal<bool>,
}

impl CarryFlow {
    pub(super) fn new() -> CarryFlow {
        CarryFlow {
            source: RwSignal::new(None),
            handover_failed: RwSignal::new(false),
        }
    }

    pub fn close(&self) {
        self.source.set(None);
    }
}

impl AppState {
    /// Shows the carry panel for `draft`; the import panel, if open, gives way to it.
    pub fn begin_carry(&self, draft: Arc<Draft>, file: Option<String>) {
        self.import.close();
        self.carry.handover_failed.set(false);
        self.carry.source.set(Some(CarrySource { draft, file }));
    }

    /// Hands the draft being carried to the next page of this tab (the first page carries no carry
    /// panel; the full program opens it with `take_handed_carry`). `false` when it could not.
    pub fn hand_over_carry(&self) -> bool {
        let Some(source) = self.carry.source.get_untracked() else {
            return false;
        };
        let handed = storage::write_carry_handover(&source.draft, source.file.as_deref()).is_ok();
        self.carry.handover_failed.set(!handed);
        if !handed {
            self.carry.close();
        }
        handed
    }

    /// Opens the carry panel for a draft the first page handed over, if any. A handed text that
    /// no longer reads (it never should: it was written just before) is dropped.
    pub fn take_handed_carry(&self) {
        if let Some((Ok(draft), file)) = storage::take_carry_handover() {
            self.begin_carry(Arc::new(draft), file);
        }
    }

    /// The framework the draft was answered with: the one of its fingerprint, else of its id and
    /// version. `None` when the app has neither (levels then move by id only).
    pub fn answered_with(&self, draft: &Draft) -> Option<Arc<Framework>> {
        let r = &draft.framework;
        self.library
            .all()
            .into_iter()
            .find(|f| match &r.fingerprint {
                Some(fp) if &f.fingerprint == fp => true,
                _ => f.id == r.id && f.version == r.version,
            })
    }

    /// Makes the new draft from what was carried, opens it and saves it; gives its id.
    pub fn create_carried(&self, carried: Carried, into: &Framework, source: &Draft) -> String {
        let draft =
            carried.into_draft(clock::new_id(), into, source.unit.clone(), clock::now_iso());
        self.carry.close();
        let id = self.start(draft);
        self.shelf.changed();
        id
    }
}
