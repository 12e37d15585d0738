//! The unit lists page of the builder (`#danh-sach-don-vi`): the lists kept for the app, a list
//! read from a sheet, a file or a pasted table, and the list editor with its problems at their
//! rows.

use cchc_core::framework::UnitType;
use cchc_core::units::{ListYears, UnitList, UnitListError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;

use super::unit_state::{UnitListsState, UnitsNotice};
use super::words::{Msg, tr};
use crate::file_io;

fn type_label(t: UnitType) -> Msg {
    match t {
        UnitType::So => Msg::UnitSo,
        UnitType::Xa => Msg::UnitXa,
        UnitType::Huyen => Msg::UnitHuyen,
        UnitType::Khac => Msg::UnitKhac,
    }
}

/// "22 sở · 99 xã" — how many units of each type a list has.
fn counts(list: &UnitList, l: cchc_core::Lang) -> String {
    UnitType::ALL
        .into_iter()
        .filter_map(|t| {
            let n = list.of_type(t).count();
            (n > 0).then(|| format!("{n} {}", t.label(l).to_lowercase()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn parse_year(text: &str) -> Option<u16> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
}

#[component]
pub fn UnitListsPage() -> impl IntoView {
    let state = UnitListsState::expect();
    // A memo, so that the editor is built when a list opens, not again on every keystroke.
    let is_open = Memo::new(move |_| state.open.with(Option::is_some));
    view! {
        <p class="muted">{tr(Msg::UnitsIntro)}</p>
        <KeptLists />
        <UnitsSource />
        <UnitsPending />
        <UnitsNoticeLine />
        {move || is_open.get().then(|| view! { <ListEditor /> })}
    }
}

#[component]
fn KeptLists() -> impl IntoView {
    let state = UnitListsState::expect();
    let lang = state.lang;
    let confirm_delete = RwSignal::new(None::<String>);
    let rows = move || {
        let l = lang.get();
        let chosen = state.chosen.get();
        state.kept.get().into_iter().map(|k| {
            let id = k.list.id.clone();
            let in_use = chosen == id || (chosen.is_empty() && k.shipped);
            let (open_id, use_id, del_id, ask_id) = (id.clone(), id.clone(), id.clone(), id.clone());
            let list = k.list.clone();
            view! {
                <tr data-testid="kept-list" data-id=id.clone()>
                    <th scope="row">{k.list.label()}</th>
                    <td>{counts(&k.list, l)}</td>
                    <td data-testid="kept-state">{if in_use { Msg::InUse.text(l) } else { "" }} {if k.shipped { format!(" ({})", Msg::Shipped.text(l)) } else { String::new() }}</td>
                    <td class="row-buttons">
                        <button type="button" data-testid="kept-open" on:click=move |_| state.open_kept(&open_id)>{if k.shipped { Msg::CopyToEdit.text(l) } else { Msg::OpenToEdit.text(l) }}</button>
                        <button type="button" data-testid="kept-use" disabled=in_use on:click=move |_| state.use_list(&use_id)>{Msg::UseThisList.text(l)}</button>
                        <button type="button" data-testid="kept-export" on:click=move |_| state.export_list(&list)>{Msg::DownloadList.text(l)}</button>
                        {(!k.shipped).then(|| view! {
                            <button type="button" class="danger" data-testid="kept-delete" on:click=move |_| confirm_delete.set(Some(ask_id.clone()))>{Msg::Delete.text(l)}</button>
                        })}
                        {move || (confirm_delete.get().as_deref() == Some(del_id.as_str())).then(|| {
                            let id = del_id.clone();
                            view! {
                                <span role="alert">{tr(Msg::DeleteListConfirm)} " "
                                    <button type="button" class="danger" data-testid="kept-delete-yes" on:click=move |_| { confirm_delete.set(None); state.delete(&id); }>{tr(Msg::Yes)}</button>
                                    <button type="button" on:click=move |_| confirm_delete.set(None)>{tr(Msg::Cancel)}</button>
                                </span>
                            }
                        })}
                    </td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="kept-heading">
            <h2 id="kept-heading">{tr(Msg::KeptLists)}</h2>
            <table class="kept-lists" data-testid="kept-lists">
                <thead><tr>
                    <th scope="col">{tr(Msg::ListName)}</th>
                    <th scope="col">{tr(Msg::ListUnits)}</th>
                    <th scope="col">{tr(Msg::ListState)}</th>
                    <th scope="col"><span class="sr-only">{tr(Msg::Actions)}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn UnitsSource() -> impl IntoView {
    let state = UnitListsState::expect();
    let pasted = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = file_io::picked_file(&ev) {
            spawn_local(async move { state.open_file(file).await });
        }
        // The same file picked again (after mending it) is read again.
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
    };
    view! {
        <section class="panel" aria-labelledby="units-source-heading">
            <h2 id="units-source-heading">{tr(Msg::NewUnitList)}</h2>
            <p class="muted">{tr(Msg::UnitsColumns)}</p>
            <div class="actions">
                <label class="file-button">
                    {tr(Msg::ChooseUnitsFile)}
                    <input type="file" data-testid="units-file" accept=".xlsx,.csv,.docx,.json,.txt" on:change=on_file />
                </label>
                <button type="button" data-testid="units-new" on:click=move |_| state.open_new()>{tr(Msg::EmptyUnitList)}</button>
            </div>
            <label for="units-paste">{tr(Msg::PasteUnits)}</label>
            <textarea id="units-paste" rows="4" data-testid="units-paste" prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <div class="actions">
                <button type="button" data-testid="units-read-pasted" on:click=move |_| state.open_pasted(&pasted.get_untracked())>{tr(Msg::ReadPasted)}</button>
            </div>
            <Show when=move || state.busy.get()>
                <p role="status">{tr(Msg::Reading)}</p>
            </Show>
        </section>
    }
}

#[component]
fn UnitsPending() -> impl IntoView {
    let state = UnitListsState::expect();
    view! {
        <Show when=move || state.pending.with(Option::is_some)>
            <p role="alert" class="warning" data-testid="units-pending">{tr(Msg::ReplaceOpenList)} " "
                <button type="button" data-testid="units-pending-yes" on:click=move |_| state.confirm_pending()>{tr(Msg::Yes)}</button>
                <button type="button" on:click=move |_| state.pending.set(None)>{tr(Msg::Cancel)}</button>
            </p>
        </Show>
    }
}

#[component]
fn UnitsNoticeLine() -> impl IntoView {
    let state = UnitListsState::expect();
    move || {
        let l = state.lang.get();
        state.notice.get().map(|n| match n {
            UnitsNotice::Saved(label) => view! {
                <p role="status" class="ok" data-testid="units-saved">{format!("{} {label}.", Msg::UnitsSaved.text(l))} " " <a href="../#/" data-testid="open-app">{Msg::OpenApp.text(l)}</a></p>
            }.into_any(),
            other => {
                let text = match other {
                    UnitsNotice::Said(m) => m.text(l).to_string(),
                    UnitsNotice::Source(e) => e.message(l),
                    UnitsNotice::Sheet(e) => e.message(l),
                    UnitsNotice::File(e) => e.message(l),
                    UnitsNotice::Edit(e) => e.message(l),
                    UnitsNotice::Saved(_) => String::new(),
                };
                view! { <p role="alert" class="error" data-testid="units-error">{text}</p> }.into_any()
            }
        })
    }
}

#[component]
fn ListEditor() -> impl IntoView {
    let state = UnitListsState::expect();
    let lang = state.lang;
    let confirm_close = RwSignal::new(false);
    let read = move |f: fn(&UnitList) -> String| {
        move || {
            state
                .open
                .with(|o| o.as_ref().map(|o| f(&o.list)).unwrap_or_default())
        }
    };
    let year_text = |y: Option<u16>| y.map(|y| y.to_string()).unwrap_or_default();
    let set_years = move |from: Option<Option<u16>>, to: Option<Option<u16>>| {
        state.edit(|l| {
            let current = l.years;
            let from = from.unwrap_or(current.map(|y| y.from));
            let to = to.unwrap_or(current.and_then(|y| y.to));
            l.years = from.map(|from| ListYears { from, to });
        })
    };
    let usable = Memo::new(move |_| state.problems.with(|p| p.0.is_empty()));
    let problems = move || {
        let l = lang.get();
        state
            .problems
            .get()
            .0
            .iter()
            .map(|p| view! { <li data-testid="units-problem">{p.message(l)}</li> })
            .collect_view()
    };
    let count = Memo::new(move |_| {
        state
            .open
            .with(|o| o.as_ref().map_or(0, |o| o.list.units.len()))
    });
    // The merge box's suggestions follow the names only, not every edit of the list.
    let names = Memo::new(move |_| {
        state.open.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.list
                        .units
                        .iter()
                        .map(|u| u.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let heading = move || {
        let l = lang.get();
        state.open.with(|o| {
            o.as_ref().map(|o| {
                let name = if o.list.province.trim().is_empty() {
                    Msg::UnnamedList.text(l).to_string()
                } else {
                    o.list.label()
                };
                match &o.source {
                    Some(src) => format!("{name} — {src}"),
                    None => name,
                }
            })
        })
    };
    let summary = move || {
        let l = lang.get();
        state.open.with(|o| {
            o.as_ref().map(|o| {
                format!(
                    "{} {}: {}",
                    o.list.units.len(),
                    Msg::UnitsWord.text(l),
                    counts(&o.list, l)
                )
            })
        })
    };
    let add = move |_| {
        state.add_unit();
        let i = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("unit-name-{i}"))
                && let Ok(input) = el.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = input.focus();
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="list-editor-heading" data-testid="unit-list-editor">
            <h2 id="list-editor-heading">{heading}</h2>
            <div class="meta-grid">
                <div class="meta-field">
                    <label for="units-province">{tr(Msg::Province)}</label>
                    <input id="units-province" type="text" data-testid="units-province" prop:value=read(|l| l.province.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); state.edit(|l| l.province = v); } />
                </div>
                <div class="meta-field">
                    <label for="units-year-from">{tr(Msg::ListFrom)}</label>
                    <input id="units-year-from" type="number" min="2000" max="2100" inputmode="numeric" data-testid="units-year-from"
                        prop:value=move || state.open.with(|o| year_text(o.as_ref().and_then(|o| o.list.years).map(|y| y.from)))
                        on:input=move |ev| set_years(Some(parse_year(&event_target_value(&ev))), None) />
                </div>
                <div class="meta-field">
                    <label for="units-year-to">{tr(Msg::ListTo)}</label>
                    <input id="units-year-to" type="number" min="2000" max="2100" inputmode="numeric" data-testid="units-year-to"
                        prop:value=move || state.open.with(|o| year_text(o.as_ref().and_then(|o| o.list.years).and_then(|y| y.to)))
                        on:input=move |ev| set_years(None, Some(parse_year(&event_target_value(&ev)))) />
                </div>
            </div>
            <p data-testid="units-summary">{summary}</p>
            {move || if usable.get() {
                view! { <p role="status" class="ok" data-testid="units-usable">{tr(Msg::ListUsable)}</p> }.into_any()
            } else {
                view! {
                    <div class="warning" role="status">
                        <p>{tr(Msg::ListProblems)}</p>
                        <ul data-testid="units-problems">{problems}</ul>
                    </div>
                }.into_any()
            }}
            <div class="actions">
                <button type="button" class="primary" data-testid="units-save" disabled=move || !usable.get() on:click=move |_| state.save()>{tr(Msg::SaveList)}</button>
                <button type="button" data-testid="units-export" disabled=move || !usable.get() on:click=move |_| state.export()>{tr(Msg::DownloadList)}</button>
                <button type="button" class="danger" data-testid="units-close" on:click=move |_| confirm_close.set(true)>{tr(Msg::CloseList)}</button>
                {move || confirm_close.get().then(|| view! {
                    <span role="alert">{tr(Msg::CloseListConfirm)} " "
                        <button type="button" class="danger" data-testid="units-close-yes" on:click=move |_| { confirm_close.set(false); state.discard(); }>{tr(Msg::Yes)}</button>
                        <button type="button" on:click=move |_| confirm_close.set(false)>{tr(Msg::Cancel)}</button>
                    </span>
                })}
            </div>
            <datalist id="unit-names">
                {move || names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            <div class="table-scroll">
            <table class="unit-table" data-testid="units-table">
                <thead><tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{tr(Msg::UnitCode)}</th>
                    <th scope="col">{tr(Msg::UnitNameCol)}</th>
                    <th scope="col">{tr(Msg::UnitTypeCol)}</th>
                    <th scope="col">{tr(Msg::RetiredFrom)}</th>
                    <th scope="col">{tr(Msg::MergedInto)}</th>
                    <th scope="col"><span class="sr-only">{tr(Msg::Actions)}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || 0..count.get() key=|i| *i let:i>
                        <UnitRow i=i />
                    </For>
                </tbody>
            </table>
            </div>
            <div class="actions">
                <button type="button" data-testid="units-add" on:click=add>{tr(Msg::AddUnit)}</button>
            </div>
        </section>
    }
}

#[component]
fn UnitRow(i: usize) -> impl IntoView {
    let state = UnitListsState::expect();
    let lang = state.lang;
    let row_problems = move || {
        let l = lang.get();
        state.problems.with(|p| {
            p.0.iter()
                .filter(|p| p.row() == Some(i + 1))
                .map(UnitListError::clone)
                .map(|p| p.message(l))
                .collect::<Vec<_>>()
        })
    };
    let has_problem = move || !row_problems().is_empty();
    let unit_type = move || state.read_unit(i, |u| u.unit_type.clone());
    let merged_name = move || {
        state
            .open
            .with(|o| {
                let o = o.as_ref()?;
                let into = o.list.units.get(i)?.merged_into.as_ref()?;
                Some(
                    o.list
                        .unit(into)
                        .map_or_else(|| into.clone(), |u| u.name.clone()),
                )
            })
            .unwrap_or_default()
    };
    let on_merge = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        let name = name.trim();
        if name.is_empty() {
            state.edit_unit(i, |u| u.merged_into = None);
            return;
        }
        state.try_edit(|l| {
            let this = l.units.get(i).map(|u| (u.id.clone(), u.retired_from));
            let into = l.unit_named(name).map(|u| u.id.clone());
            match (this, into) {
                (Some((id, retired)), Some(into)) => {
                    let year = retired
                        .or(l.years.map(|y| y.from))
                        .unwrap_or_else(crate::clock::current_year);
                    l.merge(&[&id], &into, year)
                }
                _ => Err(cchc_core::units::EditError::NoSuchUnit(name.to_string())),
            }
        });
    };
    view! {
        <tr data-testid="unit-row" data-row=(i + 1).to_string() class:has-problem=has_problem>
            <td>{i + 1}</td>
            <td><input type="text" class="code" data-testid="unit-code" aria-label=tr(Msg::UnitCode)
                prop:value=move || state.read_unit(i, |u| u.code.clone().unwrap_or_default())
                on:input=move |ev| { let v = event_target_value(&ev); state.edit_unit(i, |u| u.code = Some(v.trim().to_string()).filter(|c| !c.is_empty())); } /></td>
            <td><input type="text" id=format!("unit-name-{i}") data-testid="unit-name" aria-label=tr(Msg::UnitNameCol)
                prop:value=move || state.read_unit(i, |u| u.name.clone())
                on:input=move |ev| { let v = event_target_value(&ev); state.edit_unit(i, |u| u.name = v); } />
                {move || {
                    let ps = row_problems();
                    (!ps.is_empty()).then(|| view! { <ul class="row-problems" data-testid="unit-problems">{ps.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> })
                }}
            </td>
            <td><select data-testid="unit-type" aria-label=tr(Msg::UnitTypeCol)
                on:change=move |ev| { let v = event_target_value(&ev); state.edit_unit(i, |u| u.unit_type = v); }>
                {move || {
                    let current = unit_type();
                    let known = UnitType::from_code(&current).is_some();
                    // A type read that is not one stays shown as read until it is chosen.
                    let unknown = (!known).then(|| {
                        let shown = if current.trim().is_empty() { Msg::ChooseType.text(lang.get()).to_string() } else { format!("“{current}”") };
                        view! { <option value=current.clone() selected=true>{shown}</option> }
                    });
                    view! {
                        {unknown}
                        {UnitType::ALL.into_iter().map(|t| {
                            let selected = t.code() == current;
                            view! { <option value=t.code() selected=selected>{tr(type_label(t))}</option> }
                        }).collect_view()}
                    }
                }}
            </select></td>
            <td><input type="number" min="2000" max="2100" inputmode="numeric" class="year" data-testid="unit-retired" aria-label=tr(Msg::RetiredFrom)
                prop:value=move || state.read_unit(i, |u| u.retired_from.map(|y| y.to_string()).unwrap_or_default())
                on:input=move |ev| { let v = parse_year(&event_target_value(&ev)); state.edit_unit(i, |u| u.retired_from = v); } /></td>
            <td><input type="text" list="unit-names" data-testid="unit-merge" aria-label=tr(Msg::MergedInto)
                prop:value=merged_name on:change=on_merge /></td>
            <td><button type="button" class="icon" data-testid="unit-remove" title=tr(Msg::RemoveUnit) aria-label=tr(Msg::RemoveUnit)
                on:click=move |_| state.edit(|l| { if i < l.units.len() { l.units.remove(i); } })>"✕"</button></td>
        </tr>
    }
}
