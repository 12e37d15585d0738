use leptos::prelude::*;

use crate::components::draft_list::DraftList;
use crate::components::framework_card::FrameworkCard;
use crate::components::framework_import::FrameworkImport;
use crate::components::import::ImportFilePicker;
use crate::components::new_draft::NewDraftForm;
use crate::i18n::{Msg, tr};
use crate::state::AppState;

/// The start screen: a new draft, the stored drafts, and the frameworks the app carries.
#[component]
pub fn StartPage() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="start">
            <section class="panel" aria-labelledby="new-heading">
                <h2 id="new-heading">{tr(Msg::NewAssessment)}</h2>
                <NewDraftForm />
            </section>
            <section class="panel" aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">{tr(Msg::YourDrafts)}</h2>
                <DraftList />
                <ImportFilePicker />
            </section>
            <section class="panel" aria-labelledby="frameworks-heading">
                <h2 id="frameworks-heading">{tr(Msg::BuiltInFrameworks)}</h2>
                <div class="framework-list" data-testid="framework-list">
                    {move || state.library.frameworks.get().into_iter().map(|f| view! { <FrameworkCard framework=f.framework /> }).collect_view()}
                </div>
                <FrameworkImport />
            </section>
        </div>
    }
}
