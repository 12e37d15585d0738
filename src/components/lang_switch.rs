use cchc_core::Lang;
use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::state::AppState;

/// A button that switches the interface between Vietnamese and English; the choice is kept.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = AppState::expect();
    let toggle = move |_| {
        state.lang.update(|l| {
            *l = match l {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        })
    };
    view! {
        <button
            type="button"
            class="lang-switch"
            data-testid="lang-switch"
            title=tr(Msg::SwitchLanguageLabel)
            // The visible word is in the other language; its accessible name is that word
            // (a voice-control user says what they see).
            lang=move || match state.lang.get() {
                Lang::Vi => "en",
                Lang::En => "vi",
            }
            on:click=toggle
        >
            {tr(Msg::SwitchLanguage)}
        </button>
    }
}
