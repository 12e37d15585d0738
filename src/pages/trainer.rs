//! Trainer mode: a criteria browser for any loaded framework (search with or without diacritics,
//! each item's guidance, rule, evidence expected and a worked example from the sample unit), the
//! sample unit opened as a sandbox for what-ifs, and a presenter view with one item per screen.

use std::sync::Arc;

use cchc_core::framework::{Framework, Node};
use cchc_core::text::fold_diacritics;
use cchc_core::{Scorecard, score};
use leptos::prelude::*;

use crate::i18n::{Msg, tr};
use crate::route::Route;
use crate::state::{AppState, SANDBOX_PREFIX, Shared};

/// A framework with its sample unit scored, for worked examples.
#[derive(Clone)]
struct Worked {
    framework: Arc<Framework>,
    sample: Arc<Scorecard>,
}

fn worked(state: AppState, framework_id: &str) -> Option<Worked> {
    let framework = state.framework_by_id(framework_id)?;
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
pub fn TrainerPage(presenter: bool) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let framework_id = RwSignal::new(
        state
            .frameworks
            .with_untracked(|f| f.first().map(|f| f.framework.id.clone()))
            .unwrap_or_default(),
    );
    let data = Memo::new(move |_| worked(state, &framework_id.get()).map(|w| Shared(Arc::new(w))));
    let query = RwSignal::new(String::new());
    let frameworks = move || {
        state
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
            {(!presenter).then(|| view! { <a class="button" data-testid="to-presenter" href="#/huong-dan/trinh-chieu">{tr(Msg::PresenterView)}</a> })}
        </div>
    };
    if presenter {
        return view! { <div class="trainer">{select}<Presenter data=data /></div> }.into_any();
    }
    let items = move || {
        let l = lang();
        let w = data.get()?;
        let q = fold_diacritics(query.get().trim());
        let shown: Vec<Node> = w
            .framework
            .items()
            .into_iter()
            .filter(|n| matches(n, &q))
            .cloned()
            .collect();
        let count = shown.len();
        Some(view! {
            <p role="status" data-testid="trainer-count">{format!("{count} {}", Msg::ItemsFound.text(l))}</p>
            <ol class="criteria-browser" data-testid="criteria-browser">
                {shown.into_iter().map(|n| item_card(&w, &n, l)).collect_view()}
            </ol>
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

fn item_card(w: &Worked, n: &Node, l: cchc_core::Lang) -> AnyView {
    let (rule, example) = rule_and_example(w, n, l);
    view! {
        <li class="panel criterion-card" data-testid=format!("criterion-{}", n.code)>
            <h3><span class="item-code">{n.code.clone()}</span> " " {n.title.get(l).to_string()}</h3>
            <p class="muted">{format!("{} {} · {}", Msg::MaxPoints.text(l), n.max.format_short(l), rule)}</p>
            {n.guidance.as_ref().map(|g| view! { <p><strong>{Msg::Guidance.text(l)}": "</strong>{g.get(l).to_string()}</p> })}
            {n.evidence.as_ref().map(|e| view! { <p><strong>{Msg::EvidenceExpected.text(l)}": "</strong>{e.get(l).to_string()}</p> })}
            <details>
                <summary>{Msg::WorkedExample.text(l)}</summary>
                <ol>{example.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ol>
            </details>
        </li>
    }
    .into_any()
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
