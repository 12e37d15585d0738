//! The routes' pages. Pages compose components; they share only `open_page` below.

pub mod appraisal;
pub mod evaluator;
pub mod report;
pub mod round_words;
pub mod start;
pub mod summary;
pub mod survey_sheet;
pub mod trainer;
pub mod workspace;

use cchc_core::Framework;
use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::state::{AppState, OpenError, Shared};

/// Opens the draft a page is for and gives its framework, or the view that says plainly why it
/// cannot be shown.
pub fn open_page(state: AppState, draft_id: &str) -> Result<Shared<Framework>, AnyView> {
    state.open_with_framework(draft_id).map_err(|e| {
        let msg = match e {
            OpenError::NotFound => Msg::DraftNotFound,
            OpenError::Unreadable(_) => Msg::DraftUnreadable,
            OpenError::Storage(_) => Msg::StorageUnavailable,
            OpenError::FrameworkMissing => Msg::FrameworkMissing,
        };
        view! {
            <div class="panel" role="alert" data-testid="open-problem">
                <p>{tr(msg)}</p>
                <a href="#/">{tr(Msg::BackToStart)}</a>
            </div>
        }
        .into_any()
    })
}
