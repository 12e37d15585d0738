//! The browser shell: renders the core's model and sends the user's edits back to it.
//! Components render; the core (`cchc-core`) decides. See ARCHITECTURE.md.

pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;

use leptos::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::i18n::Msg;
use crate::pages::start::StartPage;
use crate::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    // The only effect here reaches the outside world: `<html lang>` and the document title.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(Msg::AppTitle.text(lang));
    });
    view! {
        <header class="app-header">
            <h1 data-testid="app-title">{move || Msg::AppTitle.text(state.lang.get())}</h1>
            <LangSwitch />
        </header>
        <main>
            <StartPage />
        </main>
    }
}
