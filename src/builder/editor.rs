//! The framework editor's views: the whole tree in a form. Each row is keyed by its node's key,
//! so typing in one box re-renders nothing but the values that changed, and focus stays put.
//! What the officer types goes into the core's form as typed; the core's check says what is
//! wrong, and each problem links to its node.

use cchc_core::Lang;
use cchc_core::RuleKind;
use cchc_core::builder::editor::check::FormProblem;
use cchc_core::builder::editor::file::survey_sum;
use cchc_core::builder::editor::{
    BandForm, FrameworkForm, NodeForm, NodeKey, RuleForm, RuleRows, WhenZeroForm,
};
use cchc_core::framework::Block;
use cchc_core::points::Points;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;

use super::SaveBar;
use super::editing::{EditorNotice, EditorState};
use super::words::{Msg, tr};
use crate::file_io;

fn node_anchor(key: NodeKey) -> String {
    format!("e-{}", key.0)
}

/// Puts the cursor in a new row's title once it is drawn, so the officer types on without the
/// mouse.
fn focus_title(key: NodeKey) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&format!("node-title-{}", key.0))
            && let Ok(input) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = input.focus();
        }
    });
}

/// Opening an existing framework, or an empty one, from the source page.
#[component]
pub fn OpenExisting() -> impl IntoView {
    let editor = EditorState::expect();
    let openable = EditorState::openable();
    let picked = RwSignal::new(None::<usize>);
    let texts: Vec<String> = openable.iter().map(|o| o.text.clone()).collect();
    let open_picked = move |_| match picked.get_untracked().and_then(|i| texts.get(i)) {
        Some(text) => editor.open_framework_text(text),
        None => editor
            .notice
            .set(Some(EditorNotice::Said(Msg::NotAFrameworkPick))),
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = file_io::picked_file(&ev) {
            spawn_local(async move { editor.open_file(file).await });
        }
    };
    view! {
        <section class="panel" aria-labelledby="open-heading">
            <h2 id="open-heading">{tr(Msg::OpenHeading)}</h2>
            <label for="open-stored">{tr(Msg::OpenStored)}</label>
            <select id="open-stored" data-testid="open-stored"
                on:change=move |ev| picked.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=true>"—"</option>
                {openable.into_iter().enumerate().map(|(i, o)| view! { <option value=i.to_string()>{o.label}</option> }).collect_view()}
            </select>
            <button type="button" data-testid="open-stored-button" on:click=open_picked>{tr(Msg::OpenStoredButton)}</button>
            <label for="open-json">{tr(Msg::OpenJsonFile)}</label>
            <input id="open-json" type="file" accept=".json,application/json" data-testid="open-json" on:change=on_file />
            <button type="button" data-testid="open-blank" on:click=move |_| editor.open_blank()>{tr(Msg::OpenBlank)}</button>
            {move || editor.form.with(Option::is_some).then(|| view! {
                <p class="ok">{tr(Msg::ResumeEditor)} " "
                    <button type="button" data-testid="resume-editor" on:click=move |_| editor.shown.set(true)>{tr(Msg::ResumeEditorButton)}</button>
                </p>
            })}
        </section>
    }
}

/// Asks before a form replaces the one being edited.
#[component]
pub fn PendingReplace() -> impl IntoView {
    let editor = EditorState::expect();
    move || {
        editor.pending.with(Option::is_some).then(|| view! {
            <p role="alert" class="warning" data-testid="editor-pending">{tr(Msg::ReplacePending)} " "
                <button type="button" class="danger" data-testid="editor-pending-yes" on:click=move |_| editor.confirm_pending()>{tr(Msg::ReplaceYes)}</button>
                <button type="button" on:click=move |_| editor.pending.set(None)>{tr(Msg::Cancel)}</button>
            </p>
        })
    }
}

#[component]
pub fn EditorNoticeLine() -> impl IntoView {
    let editor = EditorState::expect();
    move || {
        let l = editor.lang.get();
        editor.notice.get().map(|n| match n {
            EditorNotice::Said(m) => view! {
                <p role="alert" class="error" data-testid="editor-error">{m.text(l)}</p>
            }.into_any(),
            EditorNotice::Open(e) => view! {
                <p role="alert" class="error" data-testid="editor-error">{e.message(l)}</p>
            }.into_any(),
            EditorNotice::Removed(code) => view! {
                <p role="status" class="ok" data-testid="editor-removed">{format!("{} {code}.", Msg::RemovedNode.text(l))} " "
                    <button type="button" data-testid="editor-put-back" on:click=move |_| editor.put_back()>{Msg::PutBack.text(l)}</button>
                </p>
            }.into_any(),
        })
    }
}

#[component]
pub fn EditorPage() -> impl IntoView {
    let editor = EditorState::expect();
    view! {
        <div class="editor" data-testid="editor">
            <div class="actions">
                <button type="button" class="link" data-testid="back-to-source" on:click=move |_| editor.shown.set(false)>{tr(Msg::BackToSource)}</button>
            </div>
            <h2>{tr(Msg::EditorHeading)}</h2>
            <p class="muted">{tr(Msg::EditorIntro)}</p>
            <EditorNoticeLine />
            <EditorDetails />
            <EditorProblems />
            <EditorTree />
        </div>
    }
}

/// One text box bound to a part of the form, checked live as the officer types.
fn form_input(
    id: String,
    label: Msg,
    kind: &'static str,
    get: impl Fn(&FrameworkForm) -> String + Send + Sync + 'static,
    set: impl Fn(&mut FrameworkForm, String) + Send + Sync + 'static,
) -> AnyView {
    form_input_of(id, label, kind, Arc::new(get), Arc::new(set))
}

// The boxes' views are built once behind `dyn` accessors: one copy of each view in the
// WebAssembly rather than one per field (generic helpers cost about 100 KB gzipped, measured).
type Reads<T, V> = Arc<dyn Fn(&T) -> V + Send + Sync>;
type Writes<T, V> = Arc<dyn Fn(&mut T, V) + Send + Sync>;

fn form_input_of(
    id: String,
    label: Msg,
    kind: &'static str,
    get: Reads<FrameworkForm, String>,
    set: Writes<FrameworkForm, String>,
) -> AnyView {
    let editor = EditorState::expect();
    let value = move || editor.read(|f| get(f));
    view! {
        <div class="meta-field">
            <label for=id.clone()>{tr(label)}</label>
            <input id=id.clone() type=kind data-testid=id prop:value=value
                on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|f| set(f, v)); } />
        </div>
    }
    .into_any()
}

/// A text box bound to a part of one node. `label` is shown, or only said to screen readers
/// when the box sits in a table row.
fn node_input(
    key: NodeKey,
    name: &str,
    label: Msg,
    shown: bool,
    get: impl Fn(&NodeForm) -> String + Send + Sync + 'static,
    set: impl Fn(&mut NodeForm, String) + Send + Sync + 'static,
) -> AnyView {
    node_input_of(key, name, label, shown, Arc::new(get), Arc::new(set))
}

fn node_input_of(
    key: NodeKey,
    name: &str,
    label: Msg,
    shown: bool,
    get: Reads<NodeForm, String>,
    set: Writes<NodeForm, String>,
) -> AnyView {
    let editor = EditorState::expect();
    let id = format!("{name}-{}", key.0);
    let value = move || editor.read_node(key, |n| get(n));
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        editor.edit_node(key, |n| set(n, v));
    };
    if shown {
        view! {
            <div class="meta-field">
                <label for=id.clone()>{tr(label)}</label>
                <input id=id type="text" data-testid=name.to_string() prop:value=value on:input=on_input />
            </div>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" data-testid=name.to_string() aria-label=tr(label) title=tr(label)
                prop:value=value on:input=on_input />
        }
        .into_any()
    }
}

fn node_area(
    key: NodeKey,
    name: &str,
    label: Msg,
    get: impl Fn(&NodeForm) -> String + Send + Sync + 'static,
    set: impl Fn(&mut NodeForm, String) + Send + Sync + 'static,
) -> AnyView {
    node_area_of(key, name, label, Arc::new(get), Arc::new(set))
}

fn node_area_of(
    key: NodeKey,
    name: &str,
    label: Msg,
    get: Reads<NodeForm, String>,
    set: Writes<NodeForm, String>,
) -> AnyView {
    let editor = EditorState::expect();
    let id = format!("{name}-{}", key.0);
    let value = move || editor.read_node(key, |n| get(n));
    view! {
        <div class="meta-field wide">
            <label for=id.clone()>{tr(label)}</label>
            <textarea id=id rows="2" data-testid=name.to_string() prop:value=value
                on:input=move |ev| { let v = event_target_value(&ev); editor.edit_node(key, |n| set(n, v)); }></textarea>
        </div>
    }
    .into_any()
}

fn node_check(
    key: NodeKey,
    name: &str,
    label: Msg,
    get: impl Fn(&NodeForm) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut NodeForm, bool) + Send + Sync + 'static,
) -> AnyView {
    node_check_of(key, name, label, Arc::new(get), Arc::new(set))
}

fn node_check_of(
    key: NodeKey,
    name: &str,
    label: Msg,
    get: Reads<NodeForm, bool>,
    set: Writes<NodeForm, bool>,
) -> AnyView {
    let editor = EditorState::expect();
    let checked = move || editor.read_node(key, |n| get(n));
    view! {
        <label class="check">
            <input type="checkbox" data-testid=name.to_string() prop:checked=checked
                on:change=move |ev| { let v = event_target_checked(&ev); editor.edit_node(key, |n| set(n, v)); } />
            {tr(label)}
        </label>
    }
    .into_any()
}

#[component]
fn EditorDetails() -> impl IntoView {
    let editor = EditorState::expect();
    let unit_type = move || editor.read(|f| f.unit_type.clone());
    let marked = move || editor.read(|f| f.marked_official);
    let status = move || {
        if editor.read(FrameworkForm::is_official) {
            tr(Msg::WillBeOfficial)()
        } else {
            tr(Msg::WillBeModel)()
        }
    };
    let split = move || {
        let l = editor.lang.get();
        editor.form.with(|f| {
            let f = f.as_ref()?;
            let total = Points::parse(&f.total_max).ok()?;
            let survey = survey_sum(f)?;
            Some(format!(
                "{} {} / {}",
                Msg::SplitLine.text(l),
                (total - survey).format_short(l),
                survey.format_short(l)
            ))
        })
    };
    let band_count = Memo::new(move |_| editor.read(|f| f.bands.len()));
    view! {
        <section class="panel" aria-labelledby="editor-meta-heading">
            <h2 id="editor-meta-heading">{tr(Msg::MetaHeading)}</h2>
            <div class="meta-grid">
                {form_input("form-title".into(), Msg::MetaTitle, "text", |f| f.title.vi.clone(), |f, v| f.title.vi = v)}
                {form_input("form-title-en".into(), Msg::FieldTitleEn, "text", |f| f.title.en.clone(), |f, v| f.title.en = v)}
                {form_input("form-id".into(), Msg::MetaId, "text", |f| f.id.clone(), |f, v| f.id = v)}
                {form_input("form-version".into(), Msg::MetaVersion, "text", |f| f.version.clone(), |f, v| f.version = v)}
                <div class="meta-field">
                    <label for="form-unit">{tr(Msg::MetaUnitType)}</label>
                    <select id="form-unit" data-testid="form-unit"
                        on:change=move |ev| { let v = event_target_value(&ev); editor.edit(|f| f.unit_type = v); }>
                        {super::unit_type_options(Signal::derive(unit_type))}
                    </select>
                </div>
                {form_input("form-decision".into(), Msg::MetaDecision, "text", |f| f.decision_number.clone(), |f, v| f.decision_number = v)}
                {form_input("form-date".into(), Msg::MetaDate, "date", |f| f.decision_date.clone(), |f, v| f.decision_date = v)}
                {form_input("form-issuer".into(), Msg::MetaIssuer, "text", |f| f.issuer.clone(), |f, v| f.issuer = v)}
                {form_input("form-year-from".into(), Msg::MetaYear, "text", |f| f.year_from.clone(), |f, v| f.year_from = v)}
                {form_input("form-year-to".into(), Msg::YearTo, "text", |f| f.year_to.clone(), |f, v| f.year_to = v)}
                {form_input("form-total".into(), Msg::TotalMax, "text", |f| f.total_max.clone(), |f, v| f.total_max = v)}
            </div>
            <p class="muted" data-testid="form-split">{split}</p>
            <label class="check">
                <input type="checkbox" data-testid="form-official" prop:checked=marked
                    on:change=move |ev| { let v = event_target_checked(&ev); editor.edit(|f| f.marked_official = v); } />
                {tr(Msg::MarkedOfficial)}
            </label>
            <p class="muted" data-testid="form-status">{status}</p>
            {move || (!editor.read(FrameworkForm::is_official)).then(|| view! {
                <div class="meta-grid">
                    {form_input("form-status-note".into(), Msg::StatusNote, "text", |f| f.status_note.vi.clone(), |f, v| f.status_note.vi = v)}
                </div>
            })}
            <h3>{tr(Msg::BandsHeading)}</h3>
            <table class="rule-rows" data-testid="form-bands">
                <thead><tr>
                    <th>{tr(Msg::BandLabel)}</th><th>{tr(Msg::FromPercent)}</th><th>{tr(Msg::Inclusive)}</th>
                    <th>{tr(Msg::ToPercent)}</th><th>{tr(Msg::Inclusive)}</th><th><span class="visually-hidden">{tr(Msg::Actions)}</span></th>
                </tr></thead>
                <tbody>
                    {move || (0..band_count.get()).map(|i| view! {
                        <tr>
                            <td>{band_text(i, "label", Msg::BandLabel, |b| b.label.vi.clone(), |b, v| b.label.vi = v)}</td>
                            <td>{band_text(i, "from", Msg::FromPercent, |b| b.from.clone(), |b, v| b.from = v)}</td>
                            <td>{band_check(i, "from-incl", |b| b.from_inclusive, |b, v| b.from_inclusive = v)}</td>
                            <td>{band_text(i, "to", Msg::ToPercent, |b| b.to.clone(), |b, v| b.to = v)}</td>
                            <td>{band_check(i, "to-incl", |b| b.to_inclusive, |b, v| b.to_inclusive = v)}</td>
                            <td><button type="button" class="icon" aria-label=tr(Msg::RemoveRow) title=tr(Msg::RemoveRow)
                                on:click=move |_| editor.edit(|f| if i < f.bands.len() { f.bands.remove(i); })>"✕"</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" data-testid="form-add-band" on:click=move |_| editor.edit(|f| f.bands.push(BandForm::default()))>{tr(Msg::AddBand)}</button>
        </section>
    }
}

fn band_text(
    i: usize,
    name: &'static str,
    label: Msg,
    get: fn(&BandForm) -> String,
    set: fn(&mut BandForm, String),
) -> impl IntoView {
    let editor = EditorState::expect();
    let value = move || editor.read(|f| f.bands.get(i).map(get).unwrap_or_default());
    view! {
        <input type="text" data-testid=format!("form-band-{name}") aria-label=tr(label) prop:value=value
            on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|f| if let Some(b) = f.bands.get_mut(i) { set(b, v) }); } />
    }
}

fn band_check(
    i: usize,
    name: &'static str,
    get: fn(&BandForm) -> bool,
    set: fn(&mut BandForm, bool),
) -> impl IntoView {
    let editor = EditorState::expect();
    let checked = move || editor.read(|f| f.bands.get(i).is_some_and(get));
    view! {
        <input type="checkbox" data-testid=format!("form-band-{name}") aria-label=tr(Msg::Inclusive) prop:checked=checked
            on:change=move |ev| { let v = event_target_checked(&ev); editor.edit(|f| if let Some(b) = f.bands.get_mut(i) { set(b, v) }); } />
    }
}

/// "Mã · Điểm tối đa: …", a problem in the form's words.
fn problem_text(p: &FormProblem, l: Lang) -> String {
    match p.part_label(l) {
        Some(part) => format!("{part}: {}", p.message(l)),
        None if p.part.is_empty() => p.message(l),
        None => format!("{}: {}", p.part, p.message(l)),
    }
}

#[component]
fn EditorProblems() -> impl IntoView {
    let editor = EditorState::expect();
    let usable = Signal::derive(move || {
        editor
            .checked
            .with(|c| c.as_ref().is_some_and(|c| c.0.usable()))
    });
    let body = move || {
        let l = editor.lang.get();
        let checked = editor.checked.get()?;
        let codes: Vec<(NodeKey, String)> = editor.form.with_untracked(|f| {
            f.as_ref()
                .map(|f| {
                    f.rows()
                        .iter()
                        .filter_map(|r| f.node(r.key).map(|n| (r.key, n.code.clone())))
                        .collect()
                })
                .unwrap_or_default()
        });
        if let Some(fw) = &checked.0.framework {
            let items = fw.items().len();
            return Some(view! {
                <p role="status" class="ok" data-testid="editor-usable">{format!("{} ({items} {})", Msg::NoProblems.text(l), Msg::Items.text(l))}</p>
            }.into_any());
        }
        let problems = checked.0.problems.clone();
        Some(view! {
            <div role="alert" class="warning" data-testid="editor-problems">
                <h2>{format!("{} ({})", Msg::ProblemsHeading.text(l), problems.len())}</h2>
                <ul>{problems.into_iter().map(|p| {
                    let place = match p.node {
                        Some(key) => {
                            let code = codes.iter().find(|(k, _)| *k == key).map(|(_, c)| c.clone()).unwrap_or_default();
                            let code = if code.trim().is_empty() { "?".to_string() } else { code };
                            view! { <a href=format!("#{}", node_anchor(key)) data-testid="editor-problem-link"
                                on:click=move |_| editor.open_node.set(Some(key))>{code}</a> " · " }.into_any()
                        }
                        None => view! { <span>{Msg::WholeFramework.text(l)} " · "</span> }.into_any(),
                    };
                    view! { <li data-testid="editor-problem">{place}{problem_text(&p, l)}</li> }
                }).collect_view()}</ul>
            </div>
        }.into_any())
    };
    view! {
        <section class="panel" aria-live="polite">
            {body}
            <SaveBar prefix="editor" usable=usable saving=editor.saving
                save=Callback::new(move |replace: bool| editor.save(replace))
                export=Callback::new(move |_| editor.export())
                discard=Callback::new(move |_| editor.discard())
                discard_confirm=Msg::DiscardEditorConfirm />
        </section>
    }
}

#[component]
fn EditorTree() -> impl IntoView {
    let editor = EditorState::expect();
    let rows = Memo::new(move |_| editor.read(FrameworkForm::rows));
    let add_field = move |_| {
        let mut added = None;
        editor.edit(|f| added = Some(f.add_field()));
        editor.open_node.set(added);
        if let Some(new) = added {
            focus_title(new);
        }
    };
    view! {
        <section class="panel" aria-labelledby="form-tree-heading">
            <h2 id="form-tree-heading">{tr(Msg::FormTreeHeading)}</h2>
            <ol class="form-tree" data-testid="form-tree">
                <For each=move || rows.get() key=|r| (r.key, r.depth) let:row>
                    <FormRow key=row.key depth=row.depth />
                </For>
            </ol>
            <button type="button" data-testid="form-add-field" on:click=add_field>{tr(Msg::AddField)}</button>
        </section>
    }
}

/// What a row's head shows besides its boxes; compared, so typing a title re-renders none of it.
#[derive(Clone, PartialEq)]
struct RowShape {
    is_group: bool,
    is_field: bool,
    kind: Option<RuleKind>,
    block: Block,
    children_sum: Option<Points>,
}

#[component]
fn FormRow(key: NodeKey, depth: usize) -> impl IntoView {
    let editor = EditorState::expect();
    let l = move || editor.lang.get();
    let shape = Memo::new(move |_| {
        editor.form.with(|f| {
            let f = f.as_ref()?;
            let n = f.node(key)?;
            Some(RowShape {
                is_group: n.is_group(),
                is_field: depth == 0,
                kind: n.rule.kind,
                block: n.block,
                children_sum: f.children_sum(key),
            })
        })
    });
    let open = move || editor.open_node.get() == Some(key);
    let toggle = move |_| {
        editor
            .open_node
            .update(|o| *o = if *o == Some(key) { None } else { Some(key) })
    };
    let summary = move || {
        let s = shape.get()?;
        let lang = l();
        Some(if s.is_group {
            s.children_sum
                .map(|sum| format!("{} {}", Msg::ChildrenSum.text(lang), sum.format_short(lang)))
                .unwrap_or_default()
        } else {
            s.kind.map_or_else(
                || Msg::NoKind.text(lang).to_string(),
                |k| k.label(lang).to_string(),
            )
        })
    };
    let problems = move || {
        let lang = l();
        let checked = editor.checked.get()?;
        let here: Vec<String> = checked
            .0
            .problems_at(key)
            .map(|p| problem_text(p, lang))
            .collect();
        (!here.is_empty()).then(|| view! {
            <ul class="row-problems" data-testid="row-problems">{here.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
        })
    };
    let act = move |f: fn(&mut FrameworkForm, NodeKey) -> Option<NodeKey>| {
        move |_| {
            let mut added = None;
            editor.edit(|form| added = f(form, key));
            if let Some(new) = added {
                editor.open_node.set(Some(new));
                focus_title(new);
            }
        }
    };
    let shift = move |by: isize| {
        move |_| {
            editor.edit(|f| {
                f.shift(key, by);
            })
        }
    };
    let code = move || editor.read_node(key, |n| n.code.clone());
    view! {
        <li id=node_anchor(key) class=format!("form-row depth-{}", depth.min(4)) data-testid="form-row" data-code=code>
            <div class="node-head">
                {node_input(key, "node-code", Msg::FieldCode, false, |n| n.code.clone(), |n, v| n.code = v)}
                {node_input(key, "node-title", Msg::FieldTitle, false, |n| n.title.vi.clone(), |n, v| n.title.vi = v)}
                {node_input(key, "node-max", Msg::FieldMax, false, |n| n.max.clone(), |n, v| n.max = v)}
                <span class="muted" data-testid="row-summary">{summary}</span>
                <button type="button" data-testid="row-details" aria-expanded=move || open().to_string() on:click=toggle>
                    {move || if open() { Msg::HideDetails.text(l()) } else { Msg::Details.text(l()) }}
                </button>
            </div>
            <div class="row-actions" role="group" aria-label=tr(Msg::NodeActions)>
                <button type="button" data-testid="row-add-child" title=tr(Msg::AddChildLong) aria-label=tr(Msg::AddChildLong)
                    on:click=act(|f, k| f.add_child(k))>{tr(Msg::AddChild)}</button>
                <button type="button" data-testid="row-add-after" title=tr(Msg::AddAfterLong) aria-label=tr(Msg::AddAfterLong)
                    on:click=act(|f, k| f.add_after(k))>{tr(Msg::AddAfter)}</button>
                <button type="button" class="icon" data-testid="row-up" title=tr(Msg::MoveUp) aria-label=tr(Msg::MoveUp) on:click=shift(-1)>"↑"</button>
                <button type="button" class="icon" data-testid="row-down" title=tr(Msg::MoveDown) aria-label=tr(Msg::MoveDown) on:click=shift(1)>"↓"</button>
                <button type="button" class="icon" data-testid="row-indent" title=tr(Msg::Indent) aria-label=tr(Msg::Indent)
                    on:click=move |_| editor.edit(|f| { f.indent(key); })>"→"</button>
                <button type="button" class="icon" data-testid="row-outdent" title=tr(Msg::Outdent) aria-label=tr(Msg::Outdent)
                    on:click=move |_| editor.edit(|f| { f.outdent(key); })>"←"</button>
                <button type="button" class="icon danger" data-testid="row-delete" title=tr(Msg::Delete) aria-label=tr(Msg::Delete)
                    on:click=move |_| editor.remove(key)>"✕"</button>
            </div>
            {problems}
            {move || open().then(|| view! { <NodeDetails key=key /> })}
        </li>
    }
}

#[component]
fn NodeDetails(key: NodeKey) -> impl IntoView {
    let editor = EditorState::expect();
    let shape = Memo::new(move |_| {
        editor.form.with(|f| {
            let f = f.as_ref()?;
            let n = f.node(key)?;
            Some((
                n.is_group(),
                f.position(key).is_some_and(|p| p.parent.is_none()),
                n.block,
            ))
        })
    });
    let block_select = move || {
        let (_, is_field, block) = shape.get()?;
        is_field.then(|| {
            let id = format!("node-block-{}", key.0);
            view! {
                <div class="meta-field">
                    <label for=id.clone()>{tr(Msg::BlockLabel)}</label>
                    <select id=id data-testid="node-block" on:change=move |ev| {
                        let b = match event_target_value(&ev).as_str() { "bonus" => Block::Bonus, "penalty" => Block::Penalty, _ => Block::Regular };
                        editor.edit(|f| f.set_block(key, b));
                    }>
                        {[(Block::Regular, "regular", Msg::BlockRegular), (Block::Bonus, "bonus", Msg::BlockBonus), (Block::Penalty, "penalty", Msg::BlockPenalty)]
                            .into_iter().map(|(b, code, m)| view! { <option value=code selected=b == block>{tr(m)}</option> }).collect_view()}
                    </select>
                </div>
            }
        })
    };
    view! {
        <div class="node-details" data-testid="node-details">
            <div class="meta-grid">
                {node_input(key, "node-title-en", Msg::FieldTitleEn, true, |n| n.title.en.clone(), |n, v| n.title.en = v)}
                {node_input(key, "node-source", Msg::SourceRef, true, |n| n.source.clone(), |n, v| n.source = v)}
                {block_select}
            </div>
            {node_area(key, "node-guidance", Msg::Guidance, |n| n.guidance.vi.clone(), |n, v| n.guidance.vi = v)}
            {node_area(key, "node-evidence", Msg::Evidence, |n| n.evidence.vi.clone(), |n, v| n.evidence.vi = v)}
            {move || (!shape.get().is_some_and(|s| s.0)).then(|| view! {
                {node_check(key, "node-allow-na", Msg::AllowNa, |n| n.allow_not_applicable, |n, v| n.allow_not_applicable = v)}
                {node_check(key, "node-allow-no-task", Msg::AllowNoTask, |n| n.allow_no_task, |n, v| n.allow_no_task = v)}
                <RuleEditor key=key />
            })}
        </div>
    }
}

/// The rule's rows, counted: the structure of the rule editor. Values are bound box by box.
#[derive(Clone, PartialEq)]
struct RuleShape {
    kind: Option<RuleKind>,
    levels: usize,
    bands: usize,
    count_bands: usize,
    checklist: usize,
}

fn rule_input(
    key: NodeKey,
    name: &str,
    label: Msg,
    shown: bool,
    get: impl Fn(&RuleForm) -> String + Send + Sync + 'static,
    set: impl Fn(&mut RuleForm, String) + Copy + Send + Sync + 'static,
) -> AnyView {
    node_input(
        key,
        name,
        label,
        shown,
        move |n| get(&n.rule),
        move |n, v| set(&mut n.rule, v),
    )
}

fn rule_check(
    key: NodeKey,
    name: &str,
    get: impl Fn(&RuleForm) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut RuleForm, bool) + Send + Sync + 'static,
) -> AnyView {
    rule_check_of(key, name, Arc::new(get), Arc::new(set))
}

fn rule_check_of(
    key: NodeKey,
    name: &str,
    get: Reads<RuleForm, bool>,
    set: Writes<RuleForm, bool>,
) -> AnyView {
    let editor = EditorState::expect();
    let checked = move || editor.read_node(key, |n| get(&n.rule));
    view! {
        <input type="checkbox" data-testid=name.to_string() aria-label=tr(Msg::Inclusive) title=tr(Msg::Inclusive) prop:checked=checked
            on:change=move |ev| { let v = event_target_checked(&ev); editor.edit_node(key, |n| set(&mut n.rule, v)); } />
    }
    .into_any()
}

/// The buttons at the end of a rule row.
fn row_buttons(key: NodeKey, rows: RuleRows, i: usize) -> impl IntoView {
    let editor = EditorState::expect();
    view! {
        <td class="row-buttons">
            <button type="button" class="icon" title=tr(Msg::RaiseRow) aria-label=tr(Msg::RaiseRow) disabled=i == 0
                on:click=move |_| editor.edit_node(key, |n| n.rule.raise_row(rows, i))>"↑"</button>
            <button type="button" class="icon" data-testid="rule-row-remove" title=tr(Msg::RemoveRow) aria-label=tr(Msg::RemoveRow)
                on:click=move |_| editor.edit_node(key, |n| n.rule.remove_row(rows, i))>"✕"</button>
        </td>
    }
}

fn add_row_button(key: NodeKey, rows: RuleRows, label: Msg, name: &'static str) -> impl IntoView {
    let editor = EditorState::expect();
    view! {
        <button type="button" data-testid=name on:click=move |_| editor.edit_node(key, |n| n.rule.add_row(rows))>{tr(label)}</button>
    }
}

fn ratio_labels(key: NodeKey) -> impl IntoView {
    let editor = EditorState::expect();
    let when_zero = move || editor.read_node(key, |n| n.rule.when_zero);
    let id = format!("rule-when-zero-{}", key.0);
    view! {
        <div class="meta-grid">
            {rule_input(key, "rule-numerator", Msg::Numerator, true, |r| r.numerator.vi.clone(), |r, v| r.numerator.vi = v)}
            {rule_input(key, "rule-denominator", Msg::Denominator, true, |r| r.denominator.vi.clone(), |r, v| r.denominator.vi = v)}
            <div class="meta-field">
                <label for=id.clone()>{tr(Msg::WhenZero)}</label>
                <select id=id data-testid="rule-when-zero" on:change=move |ev| {
                    if let Some(w) = WhenZeroForm::from_code(&event_target_value(&ev)) {
                        editor.edit_node(key, |n| n.rule.when_zero = w);
                    }
                }>
                    {WhenZeroForm::ALL.into_iter().map(|w| view! {
                        <option value=w.code() selected=move || when_zero() == w>{move || w.label(editor.lang.get())}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

#[component]
fn RuleEditor(key: NodeKey) -> impl IntoView {
    let editor = EditorState::expect();
    let l = move || editor.lang.get();
    let shape = Memo::new(move |_| {
        editor.form.with(|f| {
            let r = &f.as_ref()?.node(key)?.rule;
            Some(RuleShape {
                kind: r.kind,
                levels: r.levels.len(),
                bands: r.bands.len(),
                count_bands: r.count_bands.len(),
                checklist: r.checklist.len(),
            })
        })
    });
    let kind = move || shape.get().and_then(|s| s.kind);
    let id = format!("rule-kind-{}", key.0);
    let body = move || {
        let s = shape.get()?;
        Some(match s.kind? {
            RuleKind::YesNo => rule_input(key, "rule-yes-points", Msg::YesPoints, true, |r| r.yes_points.clone(), |r, v| r.yes_points = v),
            RuleKind::Levels => view! {
                <table class="rule-rows" data-testid="rule-levels">
                    <thead><tr><th>{tr(Msg::LevelLabel)}</th><th>{tr(Msg::PointsWord)}</th><th><span class="visually-hidden">{tr(Msg::Actions)}</span></th></tr></thead>
                    <tbody>{(0..s.levels).map(|i| view! {
                        <tr>
                            <td>{rule_input(key, "level-label", Msg::LevelLabel, false,
                                move |r| r.levels.get(i).map(|c| c.label.vi.clone()).unwrap_or_default(),
                                move |r, v| if let Some(c) = r.levels.get_mut(i) { c.label.vi = v })}</td>
                            <td>{rule_input(key, "level-points", Msg::PointsWord, false,
                                move |r| r.levels.get(i).map(|c| c.points.clone()).unwrap_or_default(),
                                move |r, v| if let Some(c) = r.levels.get_mut(i) { c.points = v })}</td>
                            {row_buttons(key, RuleRows::Levels, i)}
                        </tr>
                    }).collect_view()}</tbody>
                </table>
                {add_row_button(key, RuleRows::Levels, Msg::AddLevel, "rule-add-level")}
            }.into_any(),
            RuleKind::PercentBands => view! {
                {ratio_labels(key)}
                <table class="rule-rows" data-testid="rule-bands">
                    <thead><tr>
                        <th>{tr(Msg::FromPercent)}</th><th>{tr(Msg::Inclusive)}</th><th>{tr(Msg::ToPercent)}</th>
                        <th>{tr(Msg::Inclusive)}</th><th>{tr(Msg::PointsWord)}</th><th><span class="visually-hidden">{tr(Msg::Actions)}</span></th>
                    </tr></thead>
                    <tbody>{(0..s.bands).map(|i| view! {
                        <tr>
                            <td>{rule_input(key, "band-from", Msg::FromPercent, false,
                                move |r| r.bands.get(i).map(|b| b.from.clone()).unwrap_or_default(),
                                move |r, v| if let Some(b) = r.bands.get_mut(i) { b.from = v })}</td>
                            <td>{rule_check(key, "band-from-incl",
                                move |r| r.bands.get(i).is_some_and(|b| b.from_inclusive),
                                move |r, v| if let Some(b) = r.bands.get_mut(i) { b.from_inclusive = v })}</td>
                            <td>{rule_input(key, "band-to", Msg::ToPercent, false,
                                move |r| r.bands.get(i).map(|b| b.to.clone()).unwrap_or_default(),
                                move |r, v| if let Some(b) = r.bands.get_mut(i) { b.to = v })}</td>
                            <td>{rule_check(key, "band-to-incl",
                                move |r| r.bands.get(i).is_some_and(|b| b.to_inclusive),
                                move |r, v| if let Some(b) = r.bands.get_mut(i) { b.to_inclusive = v })}</td>
                            <td>{rule_input(key, "band-points", Msg::PointsWord, false,
                                move |r| r.bands.get(i).map(|b| b.points.clone()).unwrap_or_default(),
                                move |r, v| if let Some(b) = r.bands.get_mut(i) { b.points = v })}</td>
                            {row_buttons(key, RuleRows::Bands, i)}
                        </tr>
                    }).collect_view()}</tbody>
                </table>
                {add_row_button(key, RuleRows::Bands, Msg::AddBand, "rule-add-band")}
            }.into_any(),
            RuleKind::Proportional => view! {
                {ratio_labels(key)}
                {rule_input(key, "rule-full-at", Msg::FullAt, true, |r| r.full_at_percent.clone(), |r, v| r.full_at_percent = v)}
            }.into_any(),
            RuleKind::CountBands => view! {
                {rule_input(key, "rule-count", Msg::CountLabel, true, |r| r.count.vi.clone(), |r, v| r.count.vi = v)}
                <table class="rule-rows" data-testid="rule-count-bands">
                    <thead><tr><th>{tr(Msg::FromCount)}</th><th>{tr(Msg::ToCount)}</th><th>{tr(Msg::PointsWord)}</th><th><span class="visually-hidden">{tr(Msg::Actions)}</span></th></tr></thead>
                    <tbody>{(0..s.count_bands).map(|i| view! {
                        <tr>
                            <td>{rule_input(key, "count-from", Msg::FromCount, false,
                                move |r| r.count_bands.get(i).map(|b| b.from.clone()).unwrap_or_default(),
                                move |r, v| if let Some(b) = r.count_bands.get_mut(i) { b.from = v })}</td>
                            <td>{rule_input(key, "count-to", Msg::ToCount, false,
                                move |r| r.count_bands.get(i).map(|b| b.to.clone()).unwrap_or_default(),
                                move |r, v| if let Some(b) = r.count_bands.get_mut(i) { b.to = v })}</td>
                            <td>{rule_input(key, "count-points", Msg::PointsWord, false,
                                move |r| r.count_bands.get(i).map(|b| b.points.clone()).unwrap_or_default(),
                                move |r, v| if let Some(b) = r.count_bands.get_mut(i) { b.points = v })}</td>
                            {row_buttons(key, RuleRows::CountBands, i)}
                        </tr>
                    }).collect_view()}</tbody>
                </table>
                {add_row_button(key, RuleRows::CountBands, Msg::AddBand, "rule-add-count-band")}
            }.into_any(),
            RuleKind::PerCount => view! {
                {rule_input(key, "rule-count", Msg::CountLabel, true, |r| r.count.vi.clone(), |r, v| r.count.vi = v)}
                {rule_input(key, "rule-points-each", Msg::PointsEach, true, |r| r.points_each.clone(), |r, v| r.points_each = v)}
            }.into_any(),
            RuleKind::Checklist => view! {
                <table class="rule-rows" data-testid="rule-checklist">
                    <thead><tr><th>{tr(Msg::PartId)}</th><th>{tr(Msg::PartLabel)}</th><th>{tr(Msg::PointsWord)}</th><th><span class="visually-hidden">{tr(Msg::Actions)}</span></th></tr></thead>
                    <tbody>{(0..s.checklist).map(|i| view! {
                        <tr>
                            <td>{rule_input(key, "part-id", Msg::PartId, false,
                                move |r| r.checklist.get(i).map(|c| c.id.clone()).unwrap_or_default(),
                                move |r, v| if let Some(c) = r.checklist.get_mut(i) { c.id = v })}</td>
                            <td>{rule_input(key, "part-label", Msg::PartLabel, false,
                                move |r| r.checklist.get(i).map(|c| c.label.vi.clone()).unwrap_or_default(),
                                move |r, v| if let Some(c) = r.checklist.get_mut(i) { c.label.vi = v })}</td>
                            <td>{rule_input(key, "part-points", Msg::PointsWord, false,
                                move |r| r.checklist.get(i).map(|c| c.points.clone()).unwrap_or_default(),
                                move |r, v| if let Some(c) = r.checklist.get_mut(i) { c.points = v })}</td>
                            {row_buttons(key, RuleRows::Checklist, i)}
                        </tr>
                    }).collect_view()}</tbody>
                </table>
                {add_row_button(key, RuleRows::Checklist, Msg::AddPart, "rule-add-part")}
            }.into_any(),
            RuleKind::Survey => rule_input(key, "rule-method", Msg::SurveyMethod, true, |r| r.method.vi.clone(), |r, v| r.method.vi = v),
        })
    };
    view! {
        <fieldset class="rule-editor" data-testid="rule-editor">
            <legend>{tr(Msg::RuleKindLabel)}</legend>
            <label for=id.clone() class="visually-hidden">{tr(Msg::RuleKindLabel)}</label>
            <select id=id data-testid="rule-kind" on:change=move |ev| {
                let k = RuleKind::from_code(&event_target_value(&ev));
                editor.edit_node(key, |n| n.rule.choose(k));
            }>
                <option value="" selected=move || kind().is_none()>{move || Msg::NoKind.text(l())}</option>
                {RuleKind::ALL.into_iter().map(|k| view! {
                    <option value=k.code() selected=move || kind() == Some(k)>{move || k.label(l())}</option>
                }).collect_view()}
            </select>
            {body}
        </fieldset>
    }
}
