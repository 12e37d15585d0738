use cchc_core::framework::FrameworkStatus;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    let route_code = Memo::new(move |_| match state.route.get() {
        Route::Item { code, .. } => code,
        _ => None,
    });
    // The criteria list (no item in the address) keeps the last item selected, so that on a
    // phone, back from an item to the list, the list shows where the clerk was.
    let selected = Memo::new(move |before: Option<&String>| match route_code.get() {
        Some(code) => code,
        None => before.cloned().unwrap_or_else(|| first.clone()),
    });
    // On a narrow screen the list and the item are two views, the address saying which.
    let pane = move || {
        if route_code.with(Option::is_some) {
            "item"
        } else {
            "criteria"
        }
    };
    Effect::new(move |before: Option<Option<String>>| {
        let now = route_code.get();
        match (before, &now) {
            (Some(Some(_)), None) => show_selected_in_tree(&selected.get_untracked()),
            (Some(_), Some(code)) => show_item(code),
            _ => {}
        }
        now
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
            <div class="workspace-body" data-pane=pane data-testid="workspace-body">
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

/// The page's element that `selector` names, if it is there.
fn html_element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Back from an item to the list: the item's row gets the focus, so the list does not open at
/// its top.
fn show_selected_in_tree(code: &str) {
    // Focusing scrolls the row into view (its scroll margin keeps it clear of the sticky totals).
    if let Some(link) = html_element(&format!("a.tree-item[data-testid=\"tree-{code}\"]")) {
        let _ = link.focus();
    }
}

/// Another item opened: when the link that opened it is gone (the list hidden on a phone, the
/// previous / next link replaced with the panel), the focus goes to the item's heading; and the
/// item is scrolled to its top when that is above the screen, not left where the last one ended.
fn show_item(code: &str) {
    let Some(heading) = html_element(&format!("[id=\"item-heading-{code}\"]")) else {
        return;
    };
    let focus_lost = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_none_or(|e| e.offset_parent().is_none() || !e.is_connected());
    if focus_lost {
        let _ = heading.focus();
    }
    if let Some(panel) = heading.closest(".item-panel").ok().flatten()
        && panel.get_bounding_client_rect().top() < 0.0
    {
        panel.scroll_into_view();
    }
}
