//! The comparison part of the builder's page (`#so-sanh`): two frameworks — two versions, or two
//! provinces' — chosen among those in the app or read from files, side by side: the fields with
//! their maxima and item counts, then every item added, removed, moved or changed. Printable.

use std::sync::Arc;

use cchc_core::Lang;
use cchc_core::compare::{Comparison, Difference, ItemChange, compare, rule_lines};
use cchc_core::framework::{Framework, Node};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::editing::{EditorState, Openable};
use super::state::BuilderState;
use super::words::{Msg, tr};
use crate::file_io;
use crate::state::Shared;

/// The address of this part; `#so-sanh/<id>@<version>` opens it with that framework as the newer
/// side, and the other version of it (or another framework for the same units) as the older one.
pub const COMPARE_HASH: &str = "#so-sanh";

/// One side: a framework's file text and what to call it.
#[derive(Debug, Clone, PartialEq)]
struct Side {
    label: String,
    text: String,
}

fn id_version(text: &str) -> Option<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    Some((
        v.get("id")?.as_str()?.to_string(),
        v.get("version")?.as_str()?.to_string(),
    ))
}

/// The sides an address asks for: the framework it names as the newer, another version of the
/// same framework as the older (else the first other framework in the list).
fn sides_from_hash(hash: &str, openable: &[Openable]) -> (Option<Side>, Option<Side>) {
    let Some(wanted) = hash
        .strip_prefix(COMPARE_HASH)
        .and_then(|rest| rest.strip_prefix('/'))
    else {
        return (None, None);
    };
    let wanted = js_sys::decode_uri_component(wanted)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| wanted.to_string());
    let side = |o: &Openable| Side {
        label: o.label.clone(),
        text: o.text.clone(),
    };
    let keyed: Vec<(Option<(String, String)>, &Openable)> =
        openable.iter().map(|o| (id_version(&o.text), o)).collect();
    let Some(new_at) = keyed.iter().position(|(k, _)| {
        k.as_ref()
            .is_some_and(|(id, v)| format!("{id}@{v}") == wanted)
    }) else {
        return (None, None);
    };
    let new_id = keyed[new_at].0.as_ref().map(|(id, _)| id.clone());
    let old = keyed
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != new_at)
        .find(|(_, (k, _))| k.as_ref().map(|(id, _)| id.clone()) == new_id)
        .or_else(|| keyed.iter().enumerate().find(|(i, _)| *i != new_at))
        .map(|(_, (_, o))| side(o));
    (old, Some(side(keyed[new_at].1)))
}

/// A side read: the framework, or the first problem that keeps it from loading.
fn load(side: &Option<Side>, lang: Lang) -> Option<Result<Arc<Framework>, String>> {
    let side = side.as_ref()?;
    Some(
        Framework::from_json(&side.text)
            .map(Arc::new)
            .map_err(|errors| {
                let first = errors
                    .first()
                    .map(|e| format!("{}: {}", e.path, e.problem.message(lang)))
                    .unwrap_or_default();
                format!("{} {} — {first}", errors.len(), Msg::Problems.text(lang))
            }),
    )
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let lang = BuilderState::expect().lang;
    let openable = EditorState::openable();
    let (from_old, from_new) =
        sides_from_hash(&window().location().hash().unwrap_or_default(), &openable);
    let old = RwSignal::new(from_old);
    let new = RwSignal::new(from_new);
    let loaded = Memo::new(move |_| {
        let l = lang.get();
        (
            old.with(|s| load(s, l)).map(|r| r.map(Shared)),
            new.with(|s| load(s, l)).map(|r| r.map(Shared)),
        )
    });
    let comparison = Memo::new(move |_| match loaded.get() {
        (Some(Ok(a)), Some(Ok(b))) => Some(Shared(Arc::new((
            a.0.clone(),
            b.0.clone(),
            compare(&a.0, &b.0),
        )))),
        _ => None,
    });
    let openable = Arc::new(openable);
    view! {
        <p class="muted no-print">{tr(Msg::CompareIntro)}</p>
        <section class="panel no-print" aria-labelledby="compare-pick-heading">
            <h2 id="compare-pick-heading">{tr(Msg::CompareChoose)}</h2>
            <div class="meta-grid">
                <SidePicker name="compare-old" label=Msg::CompareOld side=old openable=openable.clone() />
                <SidePicker name="compare-new" label=Msg::CompareNew side=new openable=openable.clone() />
            </div>
            {move || {
                let l = lang.get();
                let (a, b) = loaded.get();
                [(Msg::CompareOld, a), (Msg::CompareNew, b)]
                    .into_iter()
                    .filter_map(|(m, r)| match r {
                        Some(Err(e)) => Some(view! { <p role="alert" class="error" data-testid="compare-error">{format!("{}: {e}", m.text(l))}</p> }),
                        _ => None,
                    })
                    .collect_view()
            }}
        </section>
        {move || comparison.get().map(|c| view! { <CompareResult c=c /> })}
    }
}

#[component]
fn SidePicker(
    name: &'static str,
    label: Msg,
    side: RwSignal<Option<Side>>,
    openable: Arc<Vec<Openable>>,
) -> impl IntoView {
    let lang = BuilderState::expect().lang;
    // A file that is not a framework is said, and the side keeps what it had.
    let error = RwSignal::new(None::<String>);
    let choices = openable.clone();
    let on_select = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| choices.get(i));
        side.set(picked.map(|o| Side {
            label: o.label.clone(),
            text: o.text.clone(),
        }));
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = file_io::picked_file(&ev) {
            let label = file.name();
            spawn_local(async move {
                let l = lang.get_untracked();
                match file_io::read_text(file).await {
                    Ok(text) => match load(
                        &Some(Side {
                            label: label.clone(),
                            text: text.clone(),
                        }),
                        l,
                    ) {
                        Some(Err(e)) => error.set(Some(format!("{label}: {e}"))),
                        _ => {
                            error.set(None);
                            side.set(Some(Side { label, text }));
                        }
                    },
                    Err(file_io::ReadError::TooLarge) => {
                        error.set(Some(Msg::FileTooLarge.text(l).to_string()))
                    }
                    Err(file_io::ReadError::Unreadable) => {
                        error.set(Some(Msg::FileUnreadable.text(l).to_string()))
                    }
                }
            });
        }
    };
    let selected = move |o: &Openable| side.with(|s| s.as_ref().is_some_and(|s| s.text == o.text));
    let options = openable
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let o2 = o.clone();
            view! { <option value=i.to_string() selected=move || selected(&o2)>{o.label.clone()}</option> }
        })
        .collect_view();
    view! {
        <div class="meta-field">
            <label for=name>{tr(label)}</label>
            <select id=name data-testid=name on:change=on_select>
                <option value="">"—"</option>
                {options}
            </select>
            <label for=format!("{name}-file")>{tr(Msg::CompareFile)}</label>
            <input id=format!("{name}-file") type="file" accept=".json,application/json" data-testid=format!("{name}-file") on:change=on_file />
            <p class="muted" data-testid=format!("{name}-label")>{move || side.with(|s| s.as_ref().map(|s| s.label.clone()))}</p>
            {move || error.get().map(|m| view! { <p role="alert" class="error" data-testid=format!("{name}-error")>{m}</p> })}
        </div>
    }
}

fn opt_points(p: Option<cchc_core::Points>, l: Lang) -> String {
    p.map(|p| p.format_short(l)).unwrap_or_else(|| "—".into())
}

fn text_of(t: &Option<cchc_core::Text>, l: Lang) -> String {
    t.as_ref().map(|t| t.get(l).to_string()).unwrap_or_default()
}

fn difference_text(d: &Difference, old: &Node, new: &Node, l: Lang) -> (String, String, String) {
    let what = |m: Msg| m.text(l).to_string();
    match d {
        Difference::Title { old, new } => {
            (what(Msg::DiffTitle), old.get(l).into(), new.get(l).into())
        }
        Difference::Max { old, new } => {
            (what(Msg::DiffMax), old.format_short(l), new.format_short(l))
        }
        Difference::RuleKind { old: a, new: b } => {
            let lines = |n: &Node| {
                n.rule()
                    .map(|r| rule_lines(r, l).join("; "))
                    .unwrap_or_default()
            };
            (
                what(Msg::DiffRuleKind),
                format!("{} — {}", a.label(l), lines(old)),
                format!("{} — {}", b.label(l), lines(new)),
            )
        }
        Difference::Rule { old, new } => (
            what(Msg::DiffRule),
            rule_lines(old, l).join("; "),
            rule_lines(new, l).join("; "),
        ),
        Difference::Guidance => (
            what(Msg::DiffGuidance),
            text_of(&old.guidance, l),
            text_of(&new.guidance, l),
        ),
        Difference::Evidence => (
            what(Msg::DiffEvidence),
            text_of(&old.evidence, l),
            text_of(&new.evidence, l),
        ),
        Difference::Options => {
            let o = |n: &Node| {
                let mut parts = Vec::new();
                if n.allow_not_applicable {
                    parts.push(Msg::OptNotApplicable.text(l));
                }
                if n.allow_no_task {
                    parts.push(Msg::OptNoTask.text(l));
                }
                if parts.is_empty() {
                    "—".to_string()
                } else {
                    parts.join(", ")
                }
            };
            (what(Msg::DiffOptions), o(old), o(new))
        }
    }
}

#[component]
fn CompareResult(c: Shared<(Arc<Framework>, Arc<Framework>, Comparison)>) -> impl IntoView {
    let lang = BuilderState::expect().lang;
    move || {
        let l = lang.get();
        let (a, b, cmp) = &*c.0;
        let count = |f: fn(&ItemChange) -> bool| cmp.count(f);
        let summary = format!(
            "{} {} · {} {} · {} {} · {} {} · {} {}",
            count(|c| matches!(c, ItemChange::Added { .. })),
            Msg::CountAdded.text(l),
            count(|c| matches!(c, ItemChange::Removed { .. })),
            Msg::CountRemoved.text(l),
            count(|c| matches!(c, ItemChange::Moved { .. })),
            Msg::CountMoved.text(l),
            count(|c| matches!(c, ItemChange::Changed { .. })),
            Msg::CountChanged.text(l),
            cmp.unchanged,
            Msg::CountUnchanged.text(l),
        );
        let side_name = |f: &Framework| format!("{} ({})", f.title.get(l), f.version);
        let fields = cmp
            .fields
            .iter()
            .map(|f| {
                let title = f
                    .new_title
                    .as_ref()
                    .or(f.old_title.as_ref())
                    .map(|t| t.get(l).to_string())
                    .unwrap_or_default();
                let differs = f.old_max != f.new_max || f.old_items != f.new_items;
                view! {
                    <tr data-testid="compare-field" data-code=f.code.clone() class:differs=differs>
                        <th scope="row">{format!("{} {title}", f.code)}</th>
                        <td>{opt_points(f.old_max, l)}</td>
                        <td>{opt_points(f.new_max, l)}</td>
                        <td>{f.old_items}</td>
                        <td>{f.new_items}</td>
                    </tr>
                }
            })
            .collect_view();
        let changes = cmp.changes.iter().map(|ch| {
            let (kind, kind_class, old_code, new_code, title, lines) = match ch {
                ItemChange::Added { new } => (Msg::KindAdded, "added", String::new(), new.code.clone(), new.title.get(l).to_string(),
                    vec![(Msg::DiffMax.text(l).to_string(), String::new(), format!("{} — {}", new.max.format_short(l), new.rule().map(|r| rule_lines(r, l).join("; ")).unwrap_or_default()))]),
                ItemChange::Removed { old } => (Msg::KindRemoved, "removed", old.code.clone(), String::new(), old.title.get(l).to_string(),
                    vec![(Msg::DiffMax.text(l).to_string(), format!("{} — {}", old.max.format_short(l), old.rule().map(|r| rule_lines(r, l).join("; ")).unwrap_or_default()), String::new())]),
                ItemChange::Moved { old, new, differences } => (Msg::KindMoved, "moved", old.code.clone(), new.code.clone(), new.title.get(l).to_string(),
                    differences.iter().map(|d| difference_text(d, old, new, l)).collect()),
                ItemChange::Changed { old, new, differences } => (Msg::KindChanged, "changed", old.code.clone(), new.code.clone(), new.title.get(l).to_string(),
                    differences.iter().map(|d| difference_text(d, old, new, l)).collect()),
            };
            view! {
                <tr data-testid="compare-change" data-kind=kind_class data-code=ch.code().to_string() class=kind_class>
                    <td>{kind.text(l)}</td>
                    <td>{old_code}</td>
                    <td>{new_code}</td>
                    <td>{title}</td>
                    <td>
                        <ul class="compare-lines">
                            {lines.into_iter().map(|(what, before, after)| view! {
                                <li><strong>{what}</strong>": " <span class="before">{before}</span> " → " <span class="after">{after}</span></li>
                            }).collect_view()}
                        </ul>
                    </td>
                </tr>
            }
        }).collect_view();
        view! {
            <section class="panel" aria-labelledby="compare-heading" data-testid="compare-result">
                <h2 id="compare-heading">{Msg::CompareHeading.text(l)}</h2>
                <p><strong>{Msg::CompareOld.text(l)}":"</strong> " " {side_name(a)}<br />
                   <strong>{Msg::CompareNew.text(l)}":"</strong> " " {side_name(b)}</p>
                <p data-testid="compare-summary">{summary}</p>
                <div class="actions no-print">
                    <button type="button" data-testid="compare-print" on:click=move |_| { let _ = window().print(); }>{Msg::Print.text(l)}</button>
                </div>
                <h3>{Msg::CompareFields.text(l)}</h3>
                <table class="compare-fields" data-testid="compare-fields">
                    <thead><tr>
                        <th scope="col">{Msg::FieldCol.text(l)}</th>
                        <th scope="col">{format!("{} ({})", Msg::DiffMax.text(l), Msg::CompareOld.text(l))}</th>
                        <th scope="col">{format!("{} ({})", Msg::DiffMax.text(l), Msg::CompareNew.text(l))}</th>
                        <th scope="col">{format!("{} ({})", Msg::ItemsCol.text(l), Msg::CompareOld.text(l))}</th>
                        <th scope="col">{format!("{} ({})", Msg::ItemsCol.text(l), Msg::CompareNew.text(l))}</th>
                    </tr></thead>
                    <tbody>{fields}</tbody>
                    <tfoot><tr>
                        <th scope="row">{Msg::TotalCol.text(l)}</th>
                        <td>{a.total_max.format_short(l)}</td>
                        <td>{b.total_max.format_short(l)}</td>
                        <td>{a.items().len()}</td>
                        <td>{b.items().len()}</td>
                    </tr></tfoot>
                </table>
                <h3>{Msg::CompareItems.text(l)}</h3>
                {if cmp.changes.is_empty() {
                    view! { <p data-testid="compare-same">{Msg::CompareSame.text(l)}</p> }.into_any()
                } else {
                    view! {
                        <table class="compare-changes" data-testid="compare-changes">
                            <thead><tr>
                                <th scope="col">{Msg::ChangeCol.text(l)}</th>
                                <th scope="col">{format!("{} ({})", Msg::CodeCol.text(l), Msg::CompareOld.text(l))}</th>
                                <th scope="col">{format!("{} ({})", Msg::CodeCol.text(l), Msg::CompareNew.text(l))}</th>
                                <th scope="col">{Msg::ItemCol.text(l)}</th>
                                <th scope="col">{Msg::WhatChangedCol.text(l)}</th>
                            </tr></thead>
                            <tbody>{changes}</tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        }
    }
}
