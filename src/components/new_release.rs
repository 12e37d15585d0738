//! "Có phiên bản mới — Tải lại": offered when the service worker has a newer release. The reload
//! happens only when the user asks, and only once the open draft is saved, so an update never
//! takes over a tab in the middle of an edit; the drafts in storage are the new release's too.

use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::reload_page;
use crate::state::{AppState, SaveState};

#[component]
pub fn NewRelease() -> impl IntoView {
    let state = AppState::expect();
    let unsaved = RwSignal::new(false);
    let reload = move |_| {
        state.save_now();
        if matches!(
            state.save.get_untracked(),
            SaveState::Idle | SaveState::Saved { .. }
        ) || state.sandbox.get_untracked()
        {
            reload_page();
        } else {
            unsaved.set(true);
        }
    };
    view! {
        <Show when=move || state.new_release.get()>
            <div class="toast" role="status" data-testid="new-release">
                {tr(Msg::NewRelease)}
                " "
                <button type="button" class="primary" data-testid="reload-release" on:click=reload>{tr(Msg::ReloadRelease)}</button>
                <Show when=move || unsaved.get()>
                    " "
                    <span class="error" role="alert">{tr(Msg::SaveBeforeReload)}</span>
                </Show>
            </div>
        </Show>
    }
}
