use cchc_core::Lang;
use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::AppState;

/// A button that switches the interface between Vietnamese and English.
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
            aria-label=move || Msg::SwitchLanguageLabel.text(state.lang.get())
            on:click=toggle
        >
            {move || Msg::SwitchLanguage.text(state.lang.get())}
        </button>
    }
}
