//! The application state: a small `Copy` struct of signals, provided as context.

use std::sync::Arc;

use cchc_core::{Framework, Lang};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// The frameworks the app can score with: the built-in ones, checked at start.
    pub frameworks: StoredValue<Vec<Arc<Framework>>>,
}

impl AppState {
    /// Creates the state and provides it to every component below.
    pub fn provide() -> AppState {
        let frameworks = cchc_core::builtin::frameworks()
            .into_iter()
            // A shipped framework that fails to load is caught by the core's native tests;
            // in the browser it is left out rather than taking the app down.
            .filter_map(Result::ok)
            .map(Arc::new)
            .collect();
        let state = AppState {
            lang: RwSignal::new(Lang::Vi),
            frameworks: StoredValue::new(frameworks),
        };
        provide_context(state);
        state
    }

    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }
}
