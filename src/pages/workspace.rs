use cchc_core::framework::FrameworkStatus;
use leptos::prelude::*;

use crate::components::draft_header::DraftHeader;
use crate::components::item_panel::ItemPanel;
use crate::components::item_tree::ItemTree;
use crate::route::Route;

use crate::pages::open_page;
use crate::state::AppState;

/// The self-assessment workspace: the criteria tree on the left, the selected item on the right.
#[component]
pub fn WorkspacePage(draft_id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let fw = match open_page(state, &draft_id) {
        Ok(fw) => fw,
        Err(problem) => return problem,
    };
    let first = fw
        .items()
        .first()
        .map(|n| n.code.clone())
        .unwrap_or_default();
    let selected = Memo::new(move |_| match state.route.get() {
        Route::Item {
            code: Some(code), ..
        } => code,
        _ => first.clone(),
    });
    let model_note = (fw.status == FrameworkStatus::Model).then(|| {
        let fw = fw.clone();
        view! {
            <p class="status-model" role="note" data-testid="model-note">
                {move || fw.status_note.as_ref().map(|n| n.get(lang()).to_string())}
            </p>
        }
    });
    view! {
        <div class="workspace">
            <DraftHeader />
            {model_note}
            <div class="workspace-body">
                <ItemTree draft_id=draft_id.clone() selected=selected />
                <div class="item-area">
                    // Keyed, so that each item gets fresh elements: nothing opened or typed in
                    // one item's panel carries over to the next.
                    <For
                        each=move || [selected.get()]
                        key=|code| code.clone()
                        children=move |code| view! { <ItemPanel draft_id=draft_id.clone() code=code /> }
                    />
                </div>
            </div>
        </div>
    }
    .into_any()
}
