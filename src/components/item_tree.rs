use cchc_core::framework::{Block, Node};
use cchc_core::{ItemMark, Points};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use wasm_bindgen::JsCast;

use crate::i18n::{Msg, mark_label, tr};
use crate::route::Route;
use crate::state::AppState;

/// The tree of fields → criteria → sub-criteria with each node's points and each item's mark.
/// Each row reads its own slice of the scorecard, so an edit re-renders only what changed.
/// The tree is one tab stop; arrow keys, Home and End move between items, Enter opens one.
#[component]
pub fn ItemTree(draft_id: String, selected: Memo<String>) -> impl IntoView {
    let state = AppState::expect();
    let Some(fw) = state.framework.get_untracked() else {
        return ().into_any();
    };
    let fields = fw.fields.clone();
    // One subscription per row to "is it me?": moving the selection re-renders two rows.
    let selected = Selector::new(move || selected.get());
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
            return;
        }
        let Some(nav) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(links) = nav.query_selector_all("a.tree-item") else {
            return;
        };
        let n = links.length();
        if n == 0 {
            return;
        }
        let active = document().active_element();
        let pos = (0..n).find(|i| {
            links
                .item(*i)
                .map(|l| Some(l.unchecked_into::<web_sys::Element>()) == active)
                .unwrap_or(false)
        });
        let next: u32 = match (key.as_str(), pos) {
            ("Home", _) => 0,
            ("End", _) => n - 1,
            ("ArrowDown", Some(p)) => (p + 1).min(n - 1),
            ("ArrowUp", Some(p)) => p.saturating_sub(1),
            _ => 0,
        };
        ev.prevent_default();
        if let Some(link) = links
            .item(next)
            .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = link.focus();
        }
    };
    view! {
        <nav class="item-tree" aria-label=tr(Msg::CriteriaTree) on:keydown=on_keydown data-testid="item-tree">
            <ul>{fields.into_iter().map(|f| tree_node(state, draft_id.clone(), f, selected.clone(), 1)).collect_view()}</ul>
        </nav>
    }
    .into_any()
}

fn tree_node(
    state: AppState,
    draft_id: String,
    node: Node,
    selected: Selector<String>,
    level: u8,
) -> AnyView {
    let lang = move || state.lang.get();
    let code = node.code.clone();
    let code_for_memo = code.clone();
    let slice = Memo::new(move |_| {
        state.scorecard.with(|sc| {
            sc.as_ref().and_then(|sc| {
                sc.node(&code_for_memo)
                    .map(|n| (n.points, n.applicable_max, n.mark()))
            })
        })
    });
    let title = node.title.clone();
    let block = node.block;
    let points_text = move || {
        slice
            .get()
            .map(|(p, m, _)| points_short(block, p, m, lang()))
    };
    if node.is_item() {
        let code_sel = code.clone();
        let is_selected = Signal::derive(move || selected.selected(&code_sel));
        let mark = move || slice.get().and_then(|(_, _, m)| m);
        let mark_class = move || {
            mark().map(|m| match m {
                ItemMark::Done => "mark mark-done",
                ItemMark::Unanswered => "mark mark-unanswered",
                ItemMark::NeedsEvidence | ItemMark::NeedsExplanation => "mark mark-attention",
                ItemMark::NotApplicable => "mark mark-na",
                ItemMark::Survey => "mark mark-survey",
            })
        };
        let href = Route::Item {
            draft: draft_id,
            code: Some(code.clone()),
        }
        .href();
        view! {
            <li>
                <a
                    class="tree-item"
                    href=href
                    data-testid=format!("tree-{code}")
                    aria-current=move || is_selected.get().then_some("page")
                    // One tab stop for the whole tree (the selected item); arrows move within it.
                    tabindex=move || if is_selected.get() { "0" } else { "-1" }
                    class:selected=is_selected
                >
                    <span class=mark_class aria-hidden="true"></span>
                    <span class="tree-code">{code.clone()}</span>
                    <span class="tree-title">{move || title.get(lang()).to_string()}</span>
                    <span class="tree-points">{points_text}</span>
                    <span class="visually-hidden">{move || mark().map(|m| format!(" — {}", mark_label(m, lang())))}</span>
                </a>
            </li>
        }
        .into_any()
    } else {
        let children = node.children().to_vec();
        view! {
            <li class=format!("tree-group level-{level}")>
                <div class="tree-group-head">
                    <span class="tree-code">{code.clone()}</span>
                    <span class="tree-title">{move || title.get(lang()).to_string()}</span>
                    <span class="tree-points">{points_text}</span>
                </div>
                <ul>
                    {children.into_iter().map(|c| tree_node(state, draft_id.clone(), c, selected.clone(), level + 1)).collect_view()}
                </ul>
            </li>
        }
        .into_any()
    }
}

/// A node's points as the tree writes them: "1,5/2", or "−0,5" for a deduction.
pub fn points_short(block: Block, points: Points, max: Points, lang: cchc_core::Lang) -> String {
    match block {
        Block::Penalty if points > Points::ZERO => format!("−{}", points.format_short(lang)),
        _ => format!("{}/{}", points.format_short(lang), max.format_short(lang)),
    }
}
