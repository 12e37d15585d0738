//! Trainer mode: a criteria browser for any loaded framework (search with or without diacritics,
//! each item's guidance, rule, evidence expected and a worked example from the sample unit), the
//! sample unit opened as a sandbox for what-ifs, and a presenter view with one item per screen.

use std::sync::Arc;

use cchc_core::framework::{Framework, Node};
use cchc_core::text::fold_diacritics;
use cchc_core::{Scorecard, score};
use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::route::{Route, TrainerView};
use crate::state::{AppState, SANDBOX_PREFIX, Shared};

/// A framework with its sample unit scored, for worked examples.
#[derive(Clone)]
struct Worked {
    framework: Arc<Framework>,
    sample: Arc<Scorecard>,
}

fn worked(state: AppState, framework_id: &str) -> Option<Worked> {
    let framework = state.library.by_id(framework_id)?;
    // The same year the sample opens with in the sandbox.
    let sample = cchc_core::sample::draft(&framework, crate::clock::current_year());
    let sample = Arc::new(score(&framework, &sample.answers));
    Some(Worked { framework, sample })
}

fn matches(node: &Node, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let hay = format!(
        "{} {} {} {}",
        node.code,
        node.title.vi,
        node.title.en.clone().unwrap_or_default(),
        node.guidance
            .as_ref()
            .map(|g| g.vi.clone())
            .unwrap_or_default()
    );
    fold_diacritics(&hay).contains(query)
}

#[component]
pub fn TrainerPage(view: TrainerView) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let framework_id = RwSignal::new(
        state
            .library
            .frameworks
            .with_untracked(|f| f.first().map(|f| f.framework.id.clone()))
            .unwrap_or_default(),
    );
    let data = Memo::new(move |_| worked(state, &framework_id.get()).map(|w| Shared(Arc::new(w))));
    let query = RwSignal::new(String::new());
    let frameworks = move || {
        state
            .library
            .frameworks
            .get()
            .into_iter()
            .map(|f| f.framework)
            .collect::<Vec<_>>()
    };
    let select = view! {
        <div class="row inline">
            <label for="trainer-framework">{tr(Msg::Framework)}</label>
            <select id="trainer-framework" data-testid="trainer-framework" prop:value=move || framework_id.get() on:change=move |ev| framework_id.set(event_target_value(&ev))>
                {move || frameworks().into_iter().map(|f| view! { <option value=f.id.clone()>{f.title.get(lang()).to_string()}</option> }).collect_view()}
            </select>
            <a class="button" data-testid="open-sample" href=move || Route::Item { draft: format!("{SANDBOX_PREFIX}{}", framework_id.get()), code: None }.href()>{tr(Msg::OpenSample)}</a>
            {(view == TrainerView::Browser).then(|| view! { <a class="button" data-testid="to-presenter" href="#/huong-dan/trinh-chieu">{tr(Msg::PresenterView)}</a> })}
        </div>
    };
    if view == TrainerView::Presenter {
        return view! { <div class="trainer">{select}<Presenter data=data /></div> }.into_any();
    }
    // The items the search finds, keyed by framework and code: typing adds and removes cards
    // and leaves the others as they are.
    let shown = Memo::new(move |_| {
        let q = fold_diacritics(query.get().trim());
        data.with(|w| {
            w.as_ref().map_or_else(Vec::new, |w| {
                w.framework
                    .items()
                    .into_iter()
                    .filter(|n| matches(n, &q))
                    .map(|n| (w.clone(), n.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let count = move || shown.with(Vec::len);
    let items = move || {
        data.with(Option::is_some).then(|| {
            view! {
                <p role="status" data-testid="trainer-count">{move || format!("{} {}", count(), Msg::ItemsFound.text(lang()))}</p>
                <ol class="criteria-browser" data-testid="criteria-browser">
                    <For
                        each=move || shown.get()
                        key=|(w, n)| (w.framework.id.clone(), n.code.clone())
                        children=|(w, n)| view! { <CriterionCard worked=w node=n /> }
                    />
                </ol>
            }
        })
    };
    view! {
        <div class="trainer">
            <section class="panel" aria-labelledby="trainer-heading">
                <h2 id="trainer-heading">{tr(Msg::TrainerHeading)}</h2>
                <p class="muted">{tr(Msg::TrainerHelp)}</p>
                {select}
                <div class="row">
                    <label for="trainer-search">{tr(Msg::SearchCriteria)}</label>
                    <input id="trainer-search" type="search" data-testid="trainer-search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                </div>
            </section>
            {items}
        </div>
    }
    .into_any()
}

/// The item's rule, and the lines explaining the sample unit's points for it.
fn rule_and_example(w: &Worked, n: &Node, l: cchc_core::Lang) -> (&'static str, Vec<String>) {
    let rule = n.rule().map(|r| r.kind().label(l)).unwrap_or_default();
    let example = w
        .sample
        .node(&n.code)
        .map(|s| s.explain(l))
        .unwrap_or_default();
    (rule, example)
}

/// One item of the criteria browser: its rule, guidance, evidence expected and worked example.
#[component]
fn CriterionCard(worked: Shared<Worked>, node: Node) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let n = node.clone();
    let heading = move || n.title.get(lang()).to_string();
    let n = node.clone();
    let w = worked.clone();
    let meta = move || {
        let l = lang();
        let (rule, _) = rule_and_example(&w, &n, l);
        format!(
            "{} {} · {}",
            Msg::MaxPoints.text(l),
            n.max.format_short(l),
            rule
        )
    };
    let n = node.clone();
    let example = move || {
        let (_, lines) = rule_and_example(&worked, &n, lang());
        lines
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    view! {
        <li class="panel criterion-card" data-testid=format!("criterion-{}", node.code)>
            <h3><span class="item-code">{node.code.clone()}</span> " " {heading}</h3>
            <p class="muted">{meta}</p>
            {node.guidance.clone().map(|g| view! { <p><strong>{tr(Msg::Guidance)}": "</strong>{move || g.get(lang()).to_string()}</p> })}
            {node.evidence.clone().map(|e| view! { <p><strong>{tr(Msg::EvidenceExpected)}": "</strong>{move || e.get(lang()).to_string()}</p> })}
            <details>
                <summary>{tr(Msg::WorkedExample)}</summary>
                <ol>{example}</ol>
            </details>
        </li>
    }
}

/// One item per screen in large type; arrow keys, Page Up/Down and the buttons move.
#[component]
fn Presenter(data: Memo<Option<Shared<Worked>>>) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let index = RwSignal::new(0usize);
    let count = move || data.with(|d| d.as_ref().map_or(0, |d| d.framework.items().len()));
    let step = move |delta: i64| {
        let n = count() as i64;
        if n > 0 {
            index.update(|i| *i = (*i as i64 + delta).clamp(0, n - 1) as usize);
        }
    };
    let handle = window_event_listener(
        leptos::ev::keydown,
        move |e: web_sys::KeyboardEvent| match e.key().as_str() {
            "ArrowRight" | "PageDown" => step(1),
            "ArrowLeft" | "PageUp" => step(-1),
            _ => {}
        },
    );
    on_cleanup(move || handle.remove());
    let slide = move || {
        let l = lang();
        let w = data.get()?;
        let items = w.framework.items();
        let n = items.get(index.get().min(items.len().saturating_sub(1)))?;
        let (rule, example) = rule_and_example(&w, n, l);
        Some(view! {
            <p class="slide-position" data-testid="slide-position">{format!("{} / {}", index.get() + 1, items.len())}</p>
            <h2 class="slide-title" data-testid="slide-title"><span class="item-code">{n.code.clone()}</span> " " {n.title.get(l).to_string()}</h2>
            <p class="slide-meta">{format!("{} {} · {}", Msg::MaxPoints.text(l), n.max.format_short(l), rule)}</p>
            {n.guidance.as_ref().map(|g| view! { <p class="slide-guidance">{g.get(l).to_string()}</p> })}
            <ol class="slide-example">{example.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ol>
        })
    };
    view! {
        <section class="presenter" aria-live="polite" data-testid="presenter">
            {slide}
            <div class="slide-nav">
                <button type="button" data-testid="slide-prev" on:click=move |_| step(-1)>{tr(Msg::PreviousItem)}</button>
                <button type="button" data-testid="slide-next" on:click=move |_| step(1)>{tr(Msg::NextItem)}</button>
            </div>
        </section>
    }
}
