//! The council's appraisal of one unit's submission (thẩm định), opened from the Sở Nội vụ view:
//! every item with the unit's points and proof beside the council's, filtered to those that differ
//! or lack evidence; one item at a time re-scored within its rule, with the council's comment;
//! the totals on appraised points, and the appraisal file.

use cchc_core::appraisal::{Filter, ItemReview, Stage, review};
use cchc_core::{Points, Value, score};
use leptos::prelude::*;

use crate::components::item_input::{ItemInput, ValueBinding};
use crate::file_io::FileError;
use crate::i18n::{Msg, file_error, tr};
use crate::pages::round_words as round;
use crate::state::AppState;

const FILTERS: [(Filter, round::Msg); 4] = [
    (Filter::All, round::Msg::AppraiseShowAll),
    (Filter::Differ, round::Msg::AppraiseShowDiffer),
    (Filter::LackingEvidence, round::Msg::AppraiseShowLacking),
    (Filter::Appraised, round::Msg::AppraiseShowCommented),
];

#[component]
pub fn AppraisalPanel(source: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let batch = state.batch();
    let Some(sub) = batch.submission(&source) else {
        return ().into_any();
    };
    let framework = sub.framework.clone();
    let draft = sub.draft.clone();
    let own = score(&framework, &draft.answers);
    let source_key = source.clone();
    let appraisal = Memo::new(move |_| batch.appraisals.with(|a| a.get(&source_key).cloned()));
    let appraised = {
        let (framework, draft) = (framework.clone(), draft.clone());
        Memo::new(move |_| {
            appraisal.with(|a| a.as_ref().map(|a| a.score(&framework, &draft.answers)))
        })
    };
    let reviews = {
        let (framework, own) = (framework.clone(), own.clone());
        Memo::new(move |_| match (appraisal.get(), appraised.get()) {
            (Some(a), Some(sc)) => review(&framework, &own, &sc, &a),
            _ => Vec::new(),
        })
    };
    let filter = RwSignal::new(Filter::All);
    let open = RwSignal::new(None::<String>);
    let shown = Memo::new(move |_| {
        let f = filter.get();
        reviews.with(|r| {
            r.iter()
                .filter(|r| r.shown_by(f))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let count = move |f: Filter| reviews.with(|r| r.iter().filter(|r| r.shown_by(f)).count());

    let (own_points, own_index) = (
        own.self_scored,
        own.self_scored.percent_of(own.applicable_max),
    );
    let totals = move || {
        let l = lang();
        appraised.get().map(|sc| {
            let diff = sc.self_scored - own_points;
            format!(
                "{}: {} · {}: {} · {}: {}{} · {} {} % → {} %",
                round::Msg::ClaimedPoints.text(l),
                own_points.format(l),
                round::Msg::AppraisedPoints.text(l),
                sc.self_scored.format(l),
                round::Msg::Difference.text(l),
                if diff > Points::ZERO { "+" } else { "" },
                diff.format(l),
                round::Msg::SelfScoredIndex.text(l),
                own_index.format(l),
                sc.self_scored.percent_of(sc.applicable_max).format(l),
            )
        })
    };
    let export_error = RwSignal::new(None::<FileError>);
    let source_export = source.clone();
    let export = move |_| export_error.set(batch.export_appraisal(&source_export).err());
    let source_stage = source.clone();
    let is_final = move || appraisal.with(|a| a.as_ref().is_some_and(|a| a.stage == Stage::Final));
    let close = move |_| batch.appraising.set(None);
    let unit = draft.unit.name.clone();
    let year = draft.answers.year;

    let editor = {
        let (framework, draft, source) = (framework.clone(), draft.clone(), source.clone());
        move || {
            let code = open.get()?;
            let node = framework.node(&code)?.clone();
            Some(item_editor(state, &source, node, &draft, &own, appraised))
        }
    };

    view! {
        <section class="panel appraisal" aria-labelledby="appraisal-heading" data-testid="appraisal">
            <h2 id="appraisal-heading" tabindex="-1">
                {move || format!("{} — {unit} ({year})", round::Msg::AppraisalHeading.text(lang()))}
            </h2>
            <p class="muted">{round::tr(round::Msg::AppraisalHelp)}</p>
            <p class="appraisal-totals" role="status" data-testid="appraisal-totals">{totals}</p>
            <div class="row">
                <input type="checkbox" id="appraisal-final" data-testid="appraisal-final"
                    prop:checked=is_final
                    on:change=move |ev| batch.set_appraisal_stage(
                        &source_stage,
                        if event_target_checked(&ev) { Stage::Final } else { Stage::Appraised },
                    ) />
                <label for="appraisal-final">{round::tr(round::Msg::AppraisalFinal)}</label>
            </div>
            <div class="tabs" role="group" aria-label=round::tr(round::Msg::AppraiseShow)>
                {FILTERS.into_iter().map(|(f, label)| view! {
                    <button type="button" data-testid=format!("appraise-filter-{}", filter_id(f))
                        aria-pressed=move || (filter.get() == f).to_string()
                        on:click=move |_| filter.set(f)>
                        {move || format!("{} ({})", label.text(lang()), count(f))}
                    </button>
                }).collect_view()}
                <button type="button" class="primary" data-testid="export-appraisal" on:click=export>{round::tr(round::Msg::ExportAppraisal)}</button>
                <button type="button" data-testid="close-appraisal" on:click=close>{round::tr(round::Msg::CloseAppraisal)}</button>
            </div>
            <p class="error" role="alert">{move || export_error.get().map(|e| file_error(&e, lang()))}</p>
            <div class="table-scroll" role="region" tabindex="0" aria-label=round::tr(round::Msg::AppraisalHeading)>
                <table class="appraisal-items" data-testid="appraisal-items">
                    <thead>
                        <tr>
                            <th scope="col">{round::tr(round::Msg::ItemCode)}</th>
                            <th scope="col">{tr(Msg::Item)}</th>
                            <th scope="col" class="num">{round::tr(round::Msg::ClaimedPoints)}</th>
                            <th scope="col" class="num">{round::tr(round::Msg::AppraisedPoints)}</th>
                            <th scope="col" class="num">{round::tr(round::Msg::Difference)}</th>
                            <th scope="col"><span class="visually-hidden">{round::tr(round::Msg::AppraisalActions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|r| r.clone() let:r>
                            {review_row(state, &framework, r, open)}
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="muted" data-testid="appraisal-none">{round::tr(round::Msg::AppraiseNothingShown)}</p>
            </Show>
            {editor}
        </section>
    }
    .into_any()
}

fn filter_id(f: Filter) -> &'static str {
    match f {
        Filter::All => "all",
        Filter::Differ => "differ",
        Filter::LackingEvidence => "lacking",
        Filter::Appraised => "commented",
    }
}

fn review_row(
    state: AppState,
    framework: &cchc_core::Framework,
    r: ItemReview,
    open: RwSignal<Option<String>>,
) -> impl IntoView + use<> {
    let lang = move || state.lang.get();
    let title = framework
        .node(&r.code)
        .map(|n| n.title.clone())
        .unwrap_or_default();
    let code = r.code.clone();
    let code_open = r.code.clone();
    let diff = r.difference();
    let is_open = {
        let code = r.code.clone();
        move || open.get().as_deref() == Some(code.as_str())
    };
    view! {
        <tr data-testid=format!("appraise-row-{}", r.code) class:differs=diff != Points::ZERO>
            <td>{code.clone()}</td>
            <th scope="row">
                {move || title.get(lang()).to_string()}
                {r.lacking_evidence.then(|| view! { <span class="badge warn">{round::tr(round::Msg::AppraiseLacking)}</span> })}
            </th>
            {if r.survey {
                view! { <td colspan="3" class="muted">{tr(Msg::SurveyScoredByProvince)}</td> }.into_any()
            } else {
                view! {
                    <td class="num">{move || r.claimed.format(lang())}</td>
                    <td class="num" data-testid="appraised">{move || r.appraised.format(lang())}</td>
                    <td class="num" data-testid="difference">
                        {move || if diff == Points::ZERO { String::new() } else {
                            format!("{}{}", if diff > Points::ZERO { "+" } else { "" }, diff.format(lang()))
                        }}
                    </td>
                }.into_any()
            }}
            <td>
                {(!r.survey).then(|| view! {
                    <button type="button" class="link" data-testid="appraise-item"
                        aria-expanded=move || is_open().to_string()
                        aria-label=move || format!("{} {code_open}", round::Msg::AppraiseItem.text(lang()))
                        on:click=move |_| {
                            open.set(Some(code.clone()));
                            focus_editor();
                        }>
                        {round::tr(round::Msg::AppraiseItem)}
                    </button>
                })}
            </td>
        </tr>
    }
}

/// Moves the focus to the item's editor once it is rendered, so a keyboard user lands on it.
fn focus_editor() {
    request_animation_frame(|| {
        if let Some(heading) = document()
            .get_element_by_id("appraise-editor-heading")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = heading.focus();
        }
    });
}

/// One item re-scored by the council: the unit's answer, explanation and proof, the council's
/// value within the item's rule, its comment.
fn item_editor(
    state: AppState,
    source: &str,
    node: cchc_core::Node,
    draft: &cchc_core::Draft,
    own: &cchc_core::Scorecard,
    appraised: Memo<Option<cchc_core::Scorecard>>,
) -> AnyView {
    let lang = move || state.lang.get();
    let batch = state.batch();
    let code = node.code.clone();
    let answer = draft.answers.items.get(&code).cloned().unwrap_or_default();
    let own_lines = own.node(&code).map(|s| (s.points, s.explanation.clone()));
    let documents: Vec<cchc_core::Evidence> = answer
        .evidence
        .iter()
        .filter_map(|id| draft.answers.evidence.iter().find(|e| &e.id == id).cloned())
        .collect();
    let unit_value = answer.value.clone();
    let value = {
        let (source, code) = (source.to_string(), code.clone());
        Memo::new(move |_| {
            batch.appraisals.with(|a| {
                a.get(&source)
                    .and_then(|a| a.value(&code).cloned())
                    .or_else(|| unit_value.clone())
            })
        })
    };
    let slot = {
        let (source, code) = (source.to_string(), code.clone());
        ValueBinding::new(
            value,
            move |v: Option<Value>| batch.set_appraised_value(&source, &code, v),
            Msg::AppraisedValue,
            Msg::KeepUnitsAnswer,
        )
    };
    let comment = {
        let (source, code) = (source.to_string(), code.clone());
        move || {
            batch
                .appraisals
                .with(|a| a.get(&source).map(|a| a.comment(&code).to_string()))
                .unwrap_or_default()
        }
    };
    let set_comment = {
        let (source, code) = (source.to_string(), code.clone());
        move |ev: leptos::ev::Event| {
            batch.set_appraisal_comment(&source, &code, event_target_value(&ev))
        }
    };
    let code_points = code.clone();
    let appraised_line = move || {
        let l = lang();
        appraised.with(|sc| {
            sc.as_ref().and_then(|sc| sc.node(&code_points)).map(|s| {
                let mut lines = vec![format!(
                    "{}: {}",
                    round::Msg::AppraisedPoints.text(l),
                    s.points.format(l)
                )];
                lines.extend(s.explain(l));
                lines.join(" · ")
            })
        })
    };
    let title = node.title.clone();
    let max = node.max;
    let explanation = answer.explanation.clone();
    let note = answer.note.clone();
    let comment_id = format!("appraise-comment-{code}");
    let editor_key = code.clone();
    view! {
        <section class="appraise-editor" aria-labelledby="appraise-editor-heading" data-testid=format!("appraise-editor-{editor_key}")>
            <h3 id="appraise-editor-heading" tabindex="-1">
                {move || format!("{code} {} ({} {})", title.get(lang()), Msg::MaxPoints.text(lang()), max.format_short(lang()))}
            </h3>
            <div class="unit-side">
                <h4>{round::tr(round::Msg::UnitsSelfAssessment)}</h4>
                {own_lines.map(|(points, steps)| {
                    view! {
                        <p data-testid="claimed-line">
                            {move || {
                                let l = lang();
                                let mut lines = vec![format!("{}: {}", round::Msg::ClaimedPoints.text(l), points.format(l))];
                                lines.extend(steps.iter().map(|s| s.render(l)));
                                lines.join(" · ")
                            }}
                        </p>
                    }
                })}
                <p>{tr(Msg::EvidenceDocuments)} ": "
                    {if documents.is_empty() {
                        view! { <span class="warn" data-testid="no-documents">{round::tr(round::Msg::NoDocuments)}</span> }.into_any()
                    } else {
                        view! {
                            <ul data-testid="unit-documents">
                                {documents.into_iter().map(|d| view! { <li>{move || d.describe(lang())}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </p>
                {(!explanation.trim().is_empty()).then(|| view! {
                    <p data-testid="unit-explanation"><strong>{tr(Msg::ExplanationShort)} ": "</strong>{explanation.clone()}</p>
                })}
                {(!note.trim().is_empty()).then(|| view! {
                    <p><strong>{tr(Msg::Note)} ": "</strong>{note.clone()}</p>
                })}
            </div>
            <div class="council-side">
                <ItemInput node=node.clone() binding=slot />
                <p role="status" data-testid="appraised-line">{appraised_line}</p>
                <label for=comment_id.clone()>{round::tr(round::Msg::AppraisalComment)}</label>
                <textarea id=comment_id rows="3" data-testid="appraisal-comment"
                    prop:value=comment on:input=set_comment></textarea>
            </div>
        </section>
    }
    .into_any()
}
