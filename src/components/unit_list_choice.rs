use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::state::AppState;

/// The unit list in use, as a choice when there is more than one (the shipped list and those Sở
/// Nội vụ keeps); `on_change` runs after another list is chosen.
#[component]
pub fn UnitListChoice(#[prop(into, optional)] on_change: Option<Callback<()>>) -> impl IntoView {
    let state = AppState::expect();
    let library = state.library;
    view! {
        <Show when=move || { library.unit_lists.with(Vec::len) > 1 }>
            <div class="row">
                <label for="unit-list-choice">{tr(Msg::UnitList)}</label>
                <select
                    id="unit-list-choice"
                    data-testid="choose-unit-list"
                    on:change=move |ev| {
                        library.choose_list(&event_target_value(&ev));
                        if let Some(cb) = on_change {
                            cb.run(());
                        }
                    }
                >
                    {move || {
                        let chosen = library.chosen_list.get();
                        library.unit_lists.with(|ls| {
                            ls.iter()
                                .map(|l| {
                                    let selected = l.id == chosen;
                                    view! { <option value=l.id.clone() selected=selected>{l.label()}</option> }
                                })
                                .collect_view()
                        })
                    }}
                </select>
            </div>
        </Show>
    }
}
