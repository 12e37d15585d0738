//! The carry panel: a draft's answers carried into another framework. The officer picks the
//! framework and the year, maps by hand any code the new framework lacks, and sees — before
//! anything is created — what arrives whole and every item that does not, with the core's reason.
//! The panel decides nothing: `cchc_core::carry` does.

use std::sync::Arc;

use cchc_core::carry::{Carried, Carry, Renames, carry, suggested_renames};
use cchc_core::draft::Draft;
use cchc_core::{Framework, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::new_draft::{read_year, version_key as key};
use crate::i18n::{Msg, tr};
use crate::navigate;
use crate::route::Route;
use crate::state::{AppState, CarrySource};

/// Shown on any page while a draft is being carried.
#[component]
pub fn CarryPanel() -> impl IntoView {
    let state = AppState::expect();
    move || {
        state
            .carry
            .source
            .get()
            .map(|source| view! { <CarryForm source=source /> })
    }
}

/// The year a carried draft is for, unless the officer types another: the same year when the
/// framework chosen is another one covering it (this year's annex), else the year after (last
/// year's answers into this year).
fn default_year(from: &Draft, old: Option<&Framework>, into: &Framework) -> u16 {
    let year = from.answers.year;
    let covers = into.years.0 <= year && into.years.1.is_none_or(|l| year <= l);
    let same = old.is_some_and(|o| o.fingerprint == into.fingerprint);
    if covers && !same { year } else { year + 1 }
}

/// The framework first offered: another one for the same kind of unit than the draft's own,
/// preferring another version of it. When the app lacks the draft's own, its id still names the
/// kind of unit.
fn default_target(
    frameworks: &[Arc<Framework>],
    from: &Draft,
    old: Option<&Framework>,
) -> Option<String> {
    let unit_type = old.map(|o| o.unit_type).or_else(|| {
        frameworks
            .iter()
            .find(|f| f.id == from.framework.id)
            .map(|f| f.unit_type)
    });
    let same_type = |f: &&Arc<Framework>| unit_type.is_none_or(|t| t == f.unit_type);
    let other = |f: &&Arc<Framework>| old.is_none_or(|o| o.fingerprint != f.fingerprint);
    let same_id = |f: &&Arc<Framework>| f.id == from.framework.id;
    frameworks
        .iter()
        .find(|f| same_id(f) && other(f))
        .or_else(|| frameworks.iter().find(|f| same_type(f) && other(f)))
        .or_else(|| frameworks.iter().find(same_type))
        .or_else(|| frameworks.first())
        .map(|f| key(f))
}

#[component]
fn CarryForm(source: CarrySource) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let from = source.draft.clone();
    let old = state.answered_with(&from);
    let frameworks = state.library.all();
    let target =
        RwSignal::new(default_target(&frameworks, &from, old.as_deref()).unwrap_or_default());
    let into = {
        let frameworks = frameworks.clone();
        Memo::new(move |_| {
            let k = target.get();
            frameworks
                .iter()
                .find(|f| key(f) == k)
                .cloned()
                .map(crate::state::Shared)
        })
    };
    let year_of = {
        let (from, old) = (from.clone(), old.clone());
        move |into: &Framework| default_year(&from, old.as_deref(), into).to_string()
    };
    let suggestions = {
        let (from, old) = (from.clone(), old.clone());
        move |into: &Framework| match &old {
            Some(old) => suggested_renames(&from, old, into),
            None => Renames::new(),
        }
    };
    let first = into.get_untracked();
    let year_text = RwSignal::new(first.as_ref().map(|f| year_of(&f.0)).unwrap_or_default());
    let renames = RwSignal::new(
        first
            .as_ref()
            .map(|f| suggestions(&f.0))
            .unwrap_or_default(),
    );
    let choose = {
        let (year_of, suggestions) = (year_of.clone(), suggestions.clone());
        move |k: String| {
            target.set(k);
            if let Some(f) = into.get_untracked() {
                year_text.set(year_of(&f.0));
                renames.set(suggestions(&f.0));
            }
        }
    };
    let year = move || year_text.with(|t| read_year(t));
    let result = {
        let (from, old) = (from.clone(), old.clone());
        Memo::new(move |_| {
            let into = into.get()?;
            let Some(year) = year() else {
                return Some(Err(Msg::YearInvalid.text(lang()).to_string()));
            };
            renames.with(|renames| {
                Some(
                    carry(&Carry {
                        from: &from,
                        old: old.as_deref(),
                        into: &into.0,
                        year,
                        renames,
                    })
                    .map_err(|r| r.message(lang())),
                )
            })
        })
    };
    // The codes the new framework lacks, which the officer may map by hand.
    let missing = {
        let from = from.clone();
        Memo::new(move |_| {
            let Some(into) = into.get() else {
                return Vec::new();
            };
            from.answers
                .items
                .keys()
                .filter(|c| !into.0.contains(c) || renames.with(|r| r.contains_key(*c)))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let old_title = {
        let old = old.clone();
        move |code: &str, l: Lang| {
            old.as_ref()
                .and_then(|o| o.node(code).map(|n| n.title.get(l).to_string()))
        }
    };

    let create = {
        let from = from.clone();
        move |_| {
            let (Some(Ok(carried)), Some(into)) = (result.get_untracked(), into.get_untracked())
            else {
                return;
            };
            let id = state.create_carried(carried, &into.0, &from);
            navigate(&Route::Item {
                draft: id,
                code: None,
            });
        }
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get()
            && let Ok(h) = h.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = h.focus();
        }
    });

    let source_line = {
        let from = from.clone();
        let old = old.clone();
        let file = source.file.clone();
        move || {
            let l = lang();
            let framework = old.as_ref().map_or_else(
                || format!("{} ({})", from.framework.id, from.framework.version),
                |f| format!("{} ({})", f.title.get(l), f.version),
            );
            let file = file.as_ref().map(|f| format!(" · {f}")).unwrap_or_default();
            format!(
                "{} · {framework} · {} {}{file}",
                from.unit.name,
                Msg::Year.text(l),
                from.answers.year
            )
        }
    };
    let options = frameworks
        .iter()
        .map(|f| {
            let (k, k2) = (key(f), key(f));
            let f = f.clone();
            view! {
                <option value=k prop:selected=move || target.get() == k2>
                    {move || format!("{} — {} ({})", f.unit_type.label(lang()), f.title.get(lang()), f.version)}
                </option>
            }
            .into_any()
        })
        .collect_view()
        .into_any();
    let no_renames = move || missing.with(Vec::is_empty);
    let rename_rows = move || {
        let l = lang();
        let Some(into) = into.get() else {
            return Vec::new();
        };
        missing
            .get()
            .into_iter()
            .map(|code| {
                let title = old_title(&code, l).unwrap_or_default();
                let chosen = {
                    let code = code.clone();
                    move || renames.with(|r| r.get(&code).cloned().flatten().unwrap_or_default())
                };
                let on_change = {
                    let code = code.clone();
                    move |ev: leptos::ev::Event| {
                        let to = event_target_value(&ev);
                        renames.update(|r| {
                            if to.is_empty() {
                                r.remove(&code);
                            } else {
                                r.insert(code.clone(), Some(to));
                            }
                        });
                    }
                };
                let id = format!("carry-rename-{code}");
                let items = into
                    .0
                    .items()
                    .into_iter()
                    .map(|n| {
                        let c = n.code.clone();
                        let c2 = c.clone();
                        let chosen = chosen.clone();
                        view! {
                            <option value=c prop:selected=move || chosen() == c2>
                                {format!("{} — {}", n.code, n.title.get(l))}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row"><label for=id.clone()>{code.clone()} " " <span class="muted">{title}</span></label></th>
                        <td>
                            <select id=id.clone() data-testid=id on:change=on_change>
                                <option value="" prop:selected=move || chosen().is_empty()>{Msg::CarryLeaveOut.text(l)}</option>
                                {items}
                            </select>
                        </td>
                    </tr>
                }
                .into_any()
            })
            .collect_view()
            .into_iter()
            .collect::<Vec<_>>()
    };
    let account = {
        let from = from.clone();
        move || {
            let l = lang();
            match result.get()? {
                Err(message) => Some(
                    view! { <p class="error" role="alert" data-testid="carry-refused">{message}</p> }
                        .into_any(),
                ),
                Ok(carried) => Some(account(&carried, &from, l)),
            }
        }
    };
    let refused = move || !matches!(result.get(), Some(Ok(_)));

    view! {
        <section class="panel carry-panel" role="dialog" aria-labelledby="carry-heading" data-testid="carry-panel"
            on:keydown=move |ev| if ev.key() == "Escape" { state.carry.close() }>
            <h2 id="carry-heading" tabindex="-1" node_ref=heading>{tr(Msg::CarryHeading)}</h2>
            <p class="muted" data-testid="carry-source">{source_line}</p>
            <p class="hint">{tr(Msg::CarryOriginalKept)}</p>
            <div class="row">
                <label for="carry-framework">{tr(Msg::CarryInto)}</label>
                <select id="carry-framework" data-testid="carry-framework" on:change=move |ev| choose(event_target_value(&ev))>
                    {options}
                </select>
            </div>
            <div class="row">
                <label for="carry-year">{tr(Msg::AssessedYear)}</label>
                <input id="carry-year" type="number" min="2000" max="2100" inputmode="numeric" data-testid="carry-year"
                    prop:value=move || year_text.get()
                    on:input=move |ev| year_text.set(event_target_value(&ev)) />
            </div>
            <div class="carry-renames-part" hidden=no_renames>
                <h3>{tr(Msg::CarryRenames)}</h3>
                <p class="hint">{tr(Msg::CarryRenamesHelp)}</p>
                <table class="carry-renames" data-testid="carry-renames">
                    <thead><tr><th scope="col">{tr(Msg::CarryOldCode)}</th><th scope="col">{tr(Msg::CarryNewCode)}</th></tr></thead>
                    <tbody>{rename_rows}</tbody>
                </table>
            </div>
            {account}
            <div class="actions">
                <button type="button" class="primary" data-testid="carry-create" prop:disabled=refused on:click=create>
                    {tr(Msg::CarryCreate)}
                </button>
                <button type="button" data-testid="carry-cancel" on:click=move |_| state.carry.close()>{tr(Msg::Cancel)}</button>
            </div>
        </section>
    }
    .into_any()
}

/// What will arrive, and every item that will not arrive whole, with its reason.
fn account(carried: &Carried, from: &Draft, l: Lang) -> AnyView {
    let answered = carried.items.len();
    let summary = match l {
        Lang::Vi => format!(
            "Chuyển được câu trả lời của {} trong {answered} tiêu chí đã trả lời. Bộ tiêu chí mới còn {} tiêu chí cần trả lời.",
            carried.with_value(),
            carried.to_answer
        ),
        Lang::En => format!(
            "The answers of {} of the {answered} answered items arrive. The new framework has {} items left to answer.",
            carried.with_value(),
            carried.to_answer
        ),
    };
    let left: Vec<_> = carried
        .left()
        .map(|c| {
            let line = match &c.to {
                Some(to) if *to != c.from => format!("{} → {to}: {}", c.from, c.outcome.message(l)),
                _ => format!("{}: {}", c.from, c.outcome.message(l)),
            };
            view! { <li data-testid=format!("carry-left-{}", c.from)>{line}</li> }
        })
        .collect();
    let outside: Vec<String> = carried
        .outside_year
        .iter()
        .filter_map(|id| carried.answers.evidence.iter().find(|e| &e.id == id))
        .map(|e| e.describe(l))
        .collect();
    let year = carried.answers.year;
    let remarks_stay = !from.remarks.trim().is_empty() && carried.remarks.is_empty();
    view! {
        <p role="status" data-testid="carry-summary">{summary}</p>
        {(!left.is_empty()).then(|| view! {
            <h3>{Msg::CarryLeftHeading.text(l)}</h3>
            <ul class="carry-left" data-testid="carry-left">{left}</ul>
        })}
        {(!outside.is_empty()).then(|| view! {
            <div class="warning" data-testid="carry-outside-year">
                <p>{format!("{} {year}:", Msg::CarryOutsideYear.text(l))}</p>
                <ul>{outside.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            </div>
        })}
        {remarks_stay.then(|| view! { <p class="hint" data-testid="carry-remarks">{Msg::CarryRemarksStay.text(l)}</p> })}
    }
    .into_any()
}
