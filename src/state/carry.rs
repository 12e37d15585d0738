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
use crate::clock;

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
}

impl CarryFlow {
    pub(super) fn new() -> CarryFlow {
        CarryFlow {
            source: RwSignal::new(None),
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
        self.carry.source.set(Some(CarrySource { draft, file }));
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
