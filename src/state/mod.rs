//! The application state: a small `Copy` struct of signals and memos, provided as context, split
//! by concern: the open draft and its saving (`open_draft.rs`, deciding with `save.rs`), the
//! stored drafts (`drafts.rs`), the frameworks and unit lists (`library.rs`), the import flow
//! (`import.rs`), answers carried into another framework (`carry.rs`) and the evaluator's batch
//! (`batch.rs`).
//!
//! Nothing here imports `components` or `pages`: they read the state and call its methods.
//! Every storage call of the app goes through here; mutations of a draft go through the core
//! (`Draft::apply`).

mod batch;
mod carry;
mod drafts;
mod import;
mod library;
mod open_draft;
pub mod save;

use std::ops::Deref;
use std::sync::Arc;

use cchc_core::{Draft, Framework, Lang, Scorecard, score};
use leptos::prelude::*;

use crate::route::Route;
use crate::storage;

pub use batch::{Batch, BatchPart, Refusal};
pub use carry::{CarryFlow, CarrySource};
pub use drafts::Shelf;
pub use import::{ImportChoice, ImportFailure, ImportFlow, ImportView};
pub use library::{ImportFrameworkError, Library, LoadedFramework, load_unit_lists};
pub use open_draft::{OpenError, SaveState};

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

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    /// The frameworks the app can score with, and the unit lists.
    pub library: Library,
    /// The open draft (see `open_draft.rs` for its saving).
    pub draft: RwSignal<Option<Draft>>,
    pub framework: Memo<Option<Shared<Framework>>>,
    /// The open draft's scorecard, recomputed from its answers on every edit.
    pub scorecard: Memo<Option<Shared<Scorecard>>>,
    pub save: RwSignal<SaveState>,
    /// The open draft is the trainers' sample: edits are what-ifs, never saved.
    pub sandbox: RwSignal<bool>,
    saving: open_draft::Saving,
    /// The drafts stored in this browser.
    pub shelf: Shelf,
    /// A file being imported: its preview or why it cannot be.
    pub import: ImportFlow,
    /// The Sở Nội vụ view's batch of submissions (in memory), made when that view first asks
    /// for it (see [`AppState::batch`]) so that the first program carries none of it.
    batch: StoredValue<Option<Batch>>,
    /// The app's own owner: what lives as long as the page (the batch) is made under it.
    root: StoredValue<Option<Owner>>,
    /// A draft's answers being carried into another framework.
    pub carry: CarryFlow,
    /// The service worker found a newer release than the one this page runs.
    pub new_release: RwSignal<bool>,
}

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Drafts opened as `mau.<framework id>` are the trainers' sample for that framework.
pub const SANDBOX_PREFIX: &str = "mau.";

impl AppState {
    /// Creates the state and provides it to every component below.
    pub fn provide() -> AppState {
        let library = Library::load();
        let lang = match storage::read_lang().as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Vi,
        };
        let draft: RwSignal<Option<Draft>> = RwSignal::new(None);
        let framework = Memo::new(move |_| {
            let (id, version) = draft.with(|d| {
                d.as_ref()
                    .map(|d| (d.framework.id.clone(), d.framework.version.clone()))
            })?;
            library.find(&id, &version).map(Shared)
        });
        let scorecard = Memo::new(move |_| {
            let fw = framework.get()?;
            draft.with(|d| d.as_ref().map(|d| Shared(Arc::new(score(&fw, &d.answers)))))
        });
        let state = AppState {
            lang: RwSignal::new(lang),
            route: RwSignal::new(Route::Start),
            library,
            draft,
            framework,
            scorecard,
            save: RwSignal::new(SaveState::Idle),
            sandbox: RwSignal::new(false),
            saving: open_draft::Saving::new(),
            shelf: Shelf::new(),
            import: ImportFlow::new(),
            batch: StoredValue::new(None),
            root: StoredValue::new(Owner::current()),
            carry: CarryFlow::new(),
            new_release: RwSignal::new(false),
        };
        provide_context(state);
        state
    }

    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The Sở Nội vụ view's batch, made under the app's owner the first time it is asked for,
    /// so it outlives the page that asked.
    pub fn batch(&self) -> Batch {
        if let Some(batch) = self.batch.get_value() {
            return batch;
        }
        let batch = self.root.with_value(|root| match root {
            Some(owner) => owner.with(Batch::new),
            None => Batch::new(),
        });
        self.batch.set_value(Some(batch));
        batch
    }

    /// Remembers the interface language (best effort: a convenience, not data).
    pub fn remember_lang(&self) {
        storage::write_lang(self.lang.get_untracked().code());
    }

    /// Follows other tabs' writes to storage for as long as the page lives.
    pub fn follow_other_tabs(&self) {
        let state = *self;
        let _ = storage::on_external_change(move |key| state.external_change(key));
    }
}
