use leptos::prelude::*;

use crate::components::framework_card::FrameworkCard;
use crate::i18n::Msg;
use crate::state::AppState;

/// The start screen.
#[component]
pub fn StartPage() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let frameworks = state.frameworks.get_value();
    let empty = frameworks.is_empty();
    view! {
        <section class="start" aria-labelledby="frameworks-heading">
            <h2 id="frameworks-heading">{move || Msg::BuiltInFrameworks.text(lang())}</h2>
            <Show when=move || empty>
                <p role="alert">{move || Msg::NoFramework.text(lang())}</p>
            </Show>
            <div class="framework-list" data-testid="framework-list">
                {frameworks
                    .into_iter()
                    .map(|f| view! { <FrameworkCard framework=f /> })
                    .collect_view()}
            </div>
        </section>
    }
}
