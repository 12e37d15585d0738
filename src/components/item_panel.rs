use cchc_core::framework::Block;
use leptos::prelude::*;

use crate::components::evidence::EvidencePanel;
use crate::components::item_input::ItemInput;
use crate::components::item_tree::points_short;
use crate::i18n::{Msg, tr};
use crate::route::Route;
use crate::state::AppState;

/// The selected item: what it asks, how it is scored, the answer, the points it earns now and
/// why, its issues, and its evidence.
#[component]
pub fn ItemPanel(draft_id: String, code: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let Some(fw) = state.framework.get_untracked() else {
        return ().into_any();
    };
    let Some(node) = fw.node(&code).filter(|n| n.is_item()).cloned() else {
        return view! { <p role="alert" class="panel">{tr(Msg::ItemNotFound)}</p> }.into_any();
    };
    let items = fw.items();
    let pos = items.iter().position(|n| n.code == code).unwrap_or(0);
    let prev = pos
        .checked_sub(1)
        .and_then(|i| items.get(i))
        .map(|n| n.code.clone());
    let next = items.get(pos + 1).map(|n| n.code.clone());
    let lineage: Vec<(String, cchc_core::Text)> = fw
        .lineage(&code)
        .iter()
        .filter(|c| **c != code)
        .filter_map(|c| fw.node(c).map(|n| (n.code.clone(), n.title.clone())))
        .collect();
    // Follows the language switch like the rest of the panel.
    let breadcrumb = move || {
        let l = lang();
        lineage
            .iter()
            .map(|(code, title)| format!("{code} {}", title.get(l)))
            .collect::<Vec<_>>()
            .join(" › ")
    };

    let code_s = code.clone();
    let score = Memo::new(move |_| {
        state
            .scorecard
            .with(|sc| sc.as_ref().and_then(|sc| sc.node(&code_s).cloned()))
    });
    let max = node.max;
    let block = node.block;
    let points_line = move || {
        let l = lang();
        score.get().map(|s| match (block, s.status) {
            (_, Some(cchc_core::scoring::ItemStatus::NotApplicable)) => {
                Msg::NotApplicableShort.text(l).to_string()
            }
            (_, Some(cchc_core::scoring::ItemStatus::Survey)) => format!(
                "{} {} / {}",
                Msg::SurveyEstimate.text(l),
                s.survey_points.format_short(l),
                max.format_short(l)
            ),
            (Block::Penalty, _) => {
                format!("{} −{}", Msg::Deduction.text(l), s.points.format_short(l))
            }
            _ => format!(
                "{} {} / {}",
                Msg::PointsNow.text(l),
                s.points.format_short(l),
                max.format_short(l)
            ),
        })
    };
    let explanation = move || score.get().map(|s| s.explain(lang())).unwrap_or_default();
    let issues = move || {
        score
            .get()
            .map(|s| {
                s.issues
                    .iter()
                    .map(|i| i.message(lang()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let title = node.title.clone();
    let guidance = node.guidance.clone();
    let evidence_expected = node.evidence.clone();
    let source = node.source.clone();
    let block_label = move || match block {
        Block::Regular => None,
        Block::Bonus => Some(Msg::BonusItem.text(lang())),
        Block::Penalty => Some(Msg::PenaltyItem.text(lang())),
    };
    let to_list = Route::Item {
        draft: draft_id.clone(),
        code: None,
    }
    .href();
    let nav_link = move |target: Option<String>, msg: Msg, testid: &'static str| {
        target.map(|c| {
            view! {
                <a class=format!("button {testid}") href=Route::Item { draft: draft_id.clone(), code: Some(c) }.href() data-testid=testid>
                    {move || msg.text(lang())}
                </a>
            }
        })
    };
    let here_code = code.clone();
    let here = move || {
        let points = score
            .get()
            .map(|s| points_short(block, s.points, s.applicable_max, lang()))
            .unwrap_or_default();
        format!("{here_code} · {points}")
    };
    let prev_link = nav_link(prev, Msg::PreviousItem, "prev-item");
    let next_link = nav_link(next, Msg::NextItem, "next-item");
    let heading_id = format!("item-heading-{code}");
    let labelled_by = heading_id.clone();

    view! {
        <article class="item-panel" aria-labelledby=labelled_by>
            <a class="button back-to-list" href=to_list data-testid="back-to-list">{tr(Msg::BackToCriteriaList)}</a>
            <p class="lineage muted" data-testid="lineage">{breadcrumb}</p>
            // The focus lands here when the item is opened from a link that is then gone.
            <h2 id=heading_id tabindex="-1">
                <span class="item-code">{code.clone()}</span> " " {move || title.get(lang()).to_string()}
            </h2>
            <p class="item-max">
                {move || format!("{} {}", Msg::MaxPoints.text(lang()), max.format_short(lang()))}
                {move || block_label().map(|b| view! { <span class="badge">{b}</span> })}
            </p>
            {guidance.map(|g| view! {
                <section class="guidance">
                    <h3>{tr(Msg::Guidance)}</h3>
                    <p>{move || g.get(lang()).to_string()}</p>
                </section>
            })}
            {evidence_expected.map(|e| view! {
                <section class="guidance">
                    <h3>{tr(Msg::EvidenceExpected)}</h3>
                    <p>{move || e.get(lang()).to_string()}</p>
                </section>
            })}
            {source.map(|s| view! { <p class="muted source">{tr(Msg::Follows)} " " {s.clone()}</p> })}

            <section class="answer" aria-label=tr(Msg::Answer)>
                <ItemInput node=node.clone() />
            </section>

            <p class="item-points" data-testid=format!("item-points-{code}") aria-live="polite">{points_line}</p>
            <details class="why" data-testid=format!("why-{code}")>
                <summary>{tr(Msg::Why)}</summary>
                <ol>{move || explanation().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ol>
            </details>
            <Show when=move || !issues().is_empty()>
                <ul class="issues" data-testid=format!("issues-{}", code.clone())>
                    {move || issues().into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                </ul>
            </Show>

            <EvidencePanel code=node.code.clone() />

            <nav class="item-nav" aria-label=tr(Msg::ItemNavigation)>
                {prev_link}
                <span class="item-nav-here" data-testid="item-nav-here">{here}</span>
                {next_link}
            </nav>
        </article>
    }
    .into_any()
}
