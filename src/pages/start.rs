use leptos::prelude::*;

use crate::components::draft_list::DraftList;
use crate::components::framework_card::FrameworkCard;
use crate::components::new_draft::NewDraftForm;
use crate::i18n::Msg;
use crate::state::AppState;

/// The start screen: a new draft, the stored drafts, and the frameworks the app carries.
#[component]
pub fn StartPage() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let frameworks = state.frameworks.get_value();
    view! {
        <div class="start">
            <section class="panel" aria-labelledby="new-heading">
                <h2 id="new-heading">{move || Msg::NewAssessment.text(lang())}</h2>
                <NewDraftForm />
            </section>
            <section class="panel" aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">{move || Msg::YourDrafts.text(lang())}</h2>
                <DraftList />
            </section>
            <section class="panel" aria-labelledby="frameworks-heading">
                <h2 id="frameworks-heading">{move || Msg::BuiltInFrameworks.text(lang())}</h2>
                <div class="framework-list" data-testid="framework-list">
                    {frameworks.into_iter().map(|f| view! { <FrameworkCard framework=f /> }).collect_view()}
                </div>
            </section>
        </div>
    }
}
