//! The framework builder: a page of its own (`tao-bo-tieu-chi/`, its own WebAssembly, built from
//! `src/bin/builder.rs`), so that the readers of Word and Excel files and the builder's screens
//! are fetched only by the officer who opens it, never on the app's first load. It stores what
//! it builds where the app loads frameworks from.
//!
//! `state.rs` holds the work and its one effect (storage); the views here render it; the core
//! (`cchc_core::builder`) decides everything. The editor (the whole framework in a form) sits
//! beside it on the same page: `editing.rs` is its state, `editor.rs` its views.

pub mod comparing;
pub mod editing;
pub mod editor;
pub mod state;
pub mod unit_lists;
pub mod unit_state;
pub mod words;

use cchc_core::Lang;
use cchc_core::builder::assemble::{BuiltNode, Choice, ItemState, NodeKind, Placed, SimpleRule};
use cchc_core::builder::columns::{Column, header_texts};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file_io;
use editing::EditorState;
use editor::{EditorPage, OpenExisting, PendingReplace};
use state::{BuilderState, Notice, Saving};
use unit_lists::UnitListsPage;
use unit_state::UnitListsState;
use words::{Msg, tr};

#[component]
pub fn BuilderApp() -> impl IntoView {
    let state = BuilderState::provide();
    EditorState::provide(state);
    UnitListsState::provide(state.lang);
    // The page's parts; the unit lists and the comparison are reached by their own addresses,
    // linked from the app.
    let part = RwSignal::new(Part::from_hash(
        &window().location().hash().unwrap_or_default(),
    ));
    let show = move |p: Part| {
        part.set(p);
        let _ = window().location().set_hash(p.hash());
    };
    Effect::new(move |_| {
        let l = state.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.code());
        }
        document().set_title(Msg::Heading.text(l));
    });
    let toggle = move |_| {
        state.lang.update(|l| {
            *l = match l {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        });
        crate::storage::write_lang(state.lang.get_untracked().code());
    };
    view! {
        <header class="topbar">
            <a href="../#/" class="brand" data-testid="back-to-app">{tr(Msg::BackToApp)}</a>
            <button type="button" class="lang-switch" data-testid="lang-switch" on:click=toggle>{tr(Msg::SwitchLanguage)}</button>
        </header>
        <main class="builder" data-testid="builder">
            <nav class="tabs no-print" aria-label=tr(Msg::Heading)>
                {[(Part::Frameworks, "tab-frameworks", Msg::TabFrameworks), (Part::Units, "tab-units", Msg::TabUnits), (Part::Compare, "tab-compare", Msg::TabCompare)]
                    .into_iter()
                    .map(|(p, id, label)| view! {
                        <button type="button" data-testid=id aria-pressed=move || (part.get() == p).to_string() on:click=move |_| show(p)>{tr(label)}</button>
                    })
                    .collect_view()}
            </nav>
            {move || match part.get() {
                Part::Units => view! { <h1>{tr(Msg::TabUnits)}</h1> <UnitListsPage /> }.into_any(),
                Part::Compare => view! { <h1>{tr(Msg::TabCompare)}</h1> <comparing::ComparePage /> }.into_any(),
                Part::Frameworks => view! { <h1>{tr(Msg::Heading)}</h1> <FrameworkPart /> }.into_any(),
            }}
        </main>
    }
}

/// The address of the unit lists part of the page.
const UNITS_HASH: &str = "#danh-sach-don-vi";

/// The builder page's parts, each at its own address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Frameworks,
    Units,
    Compare,
}

impl Part {
    fn from_hash(hash: &str) -> Part {
        if hash == UNITS_HASH {
            Part::Units
        } else if hash.starts_with(comparing::COMPARE_HASH) {
            Part::Compare
        } else {
            Part::Frameworks
        }
    }

    fn hash(self) -> &'static str {
        match self {
            Part::Frameworks => "",
            Part::Units => UNITS_HASH,
            Part::Compare => comparing::COMPARE_HASH,
        }
    }
}

/// Building a framework from an annex, or editing one in the form.
#[component]
fn FrameworkPart() -> impl IntoView {
    let state = BuilderState::expect();
    let editor = EditorState::expect();
    view! {
            <PendingReplace />
            {move || if editor.shown.get() {
                view! { <EditorPage /> }.into_any()
            } else {
                view! {
                    <p class="muted">{tr(Msg::Intro)}</p>
                    <SourcePicker />
                    <OpenExisting />
                    <NoticeLine />
                    <editor::EditorNoticeLine />
                    {move || state.project.with(|p| p.is_some()).then(|| view! {
                        <ColumnsForm />
                        <MetaForm />
                        <ProblemsList />
                        <div class="builder-split">
                            <TreeView />
                            <SourceRows />
                        </div>
                    })}
                }.into_any()
            }}
    }
}

#[component]
fn SourcePicker() -> impl IntoView {
    let state = BuilderState::expect();
    let pasted = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = file_io::picked_file(&ev) {
            spawn_local(async move { state.open_file(file).await });
        }
    };
    view! {
        <section class="panel" aria-labelledby="source-heading">
            <h2 id="source-heading">{tr(Msg::SourceHeading)}</h2>
            <label for="annex-file">{tr(Msg::ChooseFile)}</label>
            <input id="annex-file" type="file" data-testid="annex-file"
                accept=".docx,.xlsx,.csv,.txt,.doc,.xls,.pdf" on:change=on_file />
            {move || state.busy.get().then(|| view! { <p role="status">{tr(Msg::Reading)}</p> })}
            <label for="annex-paste">{tr(Msg::PasteLabel)}</label>
            <textarea id="annex-paste" rows="4" data-testid="annex-paste"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <button type="button" data-testid="read-pasted"
                on:click=move |_| state.open_pasted(&pasted.get_untracked())>{tr(Msg::ReadPasted)}</button>
            <button type="button" class="link" data-testid="template"
                on:click=move |_| spawn_local(async move { state.download_template().await })>{tr(Msg::Template)}</button>
        </section>
    }
}

#[component]
fn NoticeLine() -> impl IntoView {
    let state = BuilderState::expect();
    move || {
        let l = state.lang.get();
        state.notice.get().map(|n| match n {
            Notice::Restored(name) => view! {
                <p role="status" class="ok" data-testid="builder-notice">{format!("{} {name}", Msg::Restored.text(l))}</p>
            }.into_any(),
            Notice::Source(e) => view! {
                <p role="alert" class="error" data-testid="builder-error">{e.message(l)}</p>
            }.into_any(),
            Notice::Said(m) => view! {
                <p role="alert" class="error" data-testid="builder-error">{m.text(l)}</p>
            }.into_any(),
        })
    }
}

fn column_label(c: Column) -> Msg {
    match c {
        Column::Code => Msg::ColCode,
        Column::Title => Msg::ColTitle,
        Column::Max => Msg::ColMax,
        Column::Method => Msg::ColMethod,
        Column::Evidence => Msg::ColEvidence,
        Column::Ignored => Msg::ColIgnored,
    }
}

fn column_code(c: Column) -> &'static str {
    match c {
        Column::Code => "code",
        Column::Title => "title",
        Column::Max => "max",
        Column::Method => "method",
        Column::Evidence => "evidence",
        Column::Ignored => "ignored",
    }
}

#[component]
fn ColumnsForm() -> impl IntoView {
    let state = BuilderState::expect();
    let columns = move || {
        let l = state.lang.get();
        state.project.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let names = header_texts(&p.table, &p.layout.header);
            p.layout
                .columns
                .iter()
                .enumerate()
                .map(|(i, current)| {
                    let name = names.get(i).cloned().unwrap_or_default();
                    let current = *current;
                    let on_change = move |ev: leptos::ev::Event| {
                        let v = event_target_value(&ev);
                        if let Some(c) = Column::ALL.into_iter().find(|c| column_code(*c) == v) {
                            state.edit(|p| {
                                // One column per meaning: the one it had before becomes unused.
                                for col in p.layout.columns.iter_mut() {
                                    if *col == c && c != Column::Ignored {
                                        *col = Column::Ignored;
                                    }
                                }
                                if let Some(slot) = p.layout.columns.get_mut(i) {
                                    *slot = c;
                                }
                            });
                        }
                    };
                    let id = format!("col-{i}");
                    view! {
                        <div class="column-choice">
                            <label for=id.clone()>{format!("{} {}: {}", Msg::Column.text(l), i + 1, name)}</label>
                            <select id=id data-testid=format!("column-{i}") on:change=on_change>
                                {Column::ALL.into_iter().map(|c| view! {
                                    <option value=column_code(c) selected=c == current>{column_label(c).text(l)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel" aria-labelledby="columns-heading">
            <h2 id="columns-heading">{tr(Msg::ColumnsHeading)}</h2>
            <p class="muted">{tr(Msg::ColumnsHelp)}</p>
            <div class="column-choices">{columns}</div>
        </section>
    }
}

/// A text input bound to one field of the framework's details.
fn meta_input(
    id: &'static str,
    label: Msg,
    kind: &'static str,
    get: fn(&cchc_core::builder::assemble::Meta) -> String,
    set: fn(&mut cchc_core::builder::assemble::Meta, String),
) -> impl IntoView {
    let state = BuilderState::expect();
    let value = move || {
        state
            .project
            .with(|p| p.as_ref().map(|p| get(&p.meta)).unwrap_or_default())
    };
    view! {
        <div class="meta-field">
            <label for=id>{tr(label)}</label>
            <input id=id type=kind data-testid=id prop:value=value
                on:change=move |ev| { let v = event_target_value(&ev); state.edit(|p| set(&mut p.meta, v)); } />
        </div>
    }
}

#[component]
fn MetaForm() -> impl IntoView {
    let state = BuilderState::expect();
    let unit_type = move || {
        state.project.with(|p| {
            p.as_ref()
                .map(|p| p.meta.unit_type.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="panel" aria-labelledby="meta-heading">
            <h2 id="meta-heading">{tr(Msg::MetaHeading)}</h2>
            <div class="meta-grid">
                {meta_input("meta-title", Msg::MetaTitle, "text", |m| m.title.clone(), |m, v| m.title = v)}
                {meta_input("meta-id", Msg::MetaId, "text", |m| m.id.clone(), |m, v| m.id = v)}
                {meta_input("meta-version", Msg::MetaVersion, "text", |m| m.version.clone(), |m, v| m.version = v)}
                <div class="meta-field">
                    <label for="meta-unit">{tr(Msg::MetaUnitType)}</label>
                    <select id="meta-unit" data-testid="meta-unit"
                        on:change=move |ev| { let v = event_target_value(&ev); state.edit(|p| p.meta.unit_type = v); }>
                        {unit_type_options(Signal::derive(unit_type))}
                    </select>
                </div>
                {meta_input("meta-decision", Msg::MetaDecision, "text", |m| m.decision_number.clone(), |m, v| m.decision_number = v)}
                {meta_input("meta-date", Msg::MetaDate, "date", |m| m.decision_date.clone(), |m, v| m.decision_date = v)}
                {meta_input("meta-issuer", Msg::MetaIssuer, "text", |m| m.issuer.clone(), |m, v| m.issuer = v)}
                {meta_input("meta-year", Msg::MetaYear, "number", |m| m.year_from.to_string(),
                    |m, v| if let Ok(y) = v.trim().parse() { m.year_from = y })}
            </div>
            <p class="muted">{tr(Msg::OfficialNote)}</p>
        </section>
    }
}

fn rows_text(rows: &[usize], l: Lang) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let list: Vec<String> = rows.iter().map(usize::to_string).collect();
    format!("{} {}", Msg::RowWord.text(l), list.join(", "))
}

fn node_anchor(code: &str) -> String {
    format!("n-{code}")
}

#[component]
fn ProblemsList() -> impl IntoView {
    let state = BuilderState::expect();
    let body = move || {
        let l = state.lang.get();
        let built = state.built.get()?;
        let mixed = built.mixed_marks.clone().map(|(comma, dot)| {
            let mut rows = comma;
            rows.extend(dot);
            rows.sort_unstable();
            view! { <p class="warning" data-testid="mixed-marks">{format!("{} {}", Msg::MixedMarks.text(l), rows_text(&rows, l))}</p> }
        });
        let problems: Vec<Placed> = built.problems.clone();
        let usable = built.usable;
        let items = built
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::Item { .. }))
            .count();
        Some(view! {
            {mixed}
            {if usable {
                view! { <p role="status" class="ok" data-testid="builder-usable">{format!("{} ({items} {})", Msg::NoProblems.text(l), Msg::Items.text(l))}</p> }.into_any()
            } else {
                view! {
                    <div role="alert" class="warning" data-testid="builder-problems">
                        <h2>{format!("{} ({})", Msg::ProblemsHeading.text(l), problems.len())}</h2>
                        <ul>{problems.into_iter().map(|p| {
                            let place = match &p.code {
                                Some(code) => view! { <a href=format!("#{}", node_anchor(code))>{code.clone()}</a> " · " }.into_any(),
                                None => ().into_any(),
                            };
                            view! { <li data-testid="builder-problem">{place}{rows_text(&p.rows, l)}{if p.rows.is_empty() { "" } else { ": " }}{p.problem.message(l)}</li> }
                        }).collect_view()}</ul>
                    </div>
                }.into_any()
            }}
            <SaveBar prefix="builder" usable=Signal::stored(usable) saving=state.saving
                save=Callback::new(move |replace: bool| state.save(replace))
                export=Callback::new(move |_| state.export())
                discard=Callback::new(move |_| state.discard())
                discard_confirm=Msg::StartOverConfirm />
            <button type="button" data-testid="to-editor" on:click=move |_| {
                if let Some(built) = state.built.get_untracked() {
                    EditorState::expect().open(cchc_core::builder::editor::FrameworkForm::from_built(&built.0));
                }
            }>{tr(Msg::ToEditor)}</button>
        })
    };
    view! { <section class="panel" aria-live="polite">{body}</section> }
}

/// Save into the app, download, discard: for the builder and the editor alike.
#[component]
fn SaveBar(
    prefix: &'static str,
    #[prop(into)] usable: Signal<bool>,
    saving: RwSignal<Option<Saving>>,
    save: Callback<bool>,
    export: Callback<()>,
    discard: Callback<()>,
    discard_confirm: Msg,
) -> impl IntoView {
    let lang = BuilderState::expect().lang;
    let confirm_discard = RwSignal::new(false);
    let id = move |what: &str| format!("{prefix}-{what}");
    let outcome = move || {
        let l = lang.get();
        saving.get().map(|s| match s {
            Saving::Saved => view! {
                <p role="status" class="ok" data-testid=id("saved")>{Msg::Saved.text(l)} " " <a href="../#/" data-testid="open-app">{Msg::OpenApp.text(l)}</a></p>
            }.into_any(),
            Saving::AlreadyStored => view! {
                <p role="alert" class="warning" data-testid=id("exists")>{Msg::AlreadyStored.text(l)} " "
                    <button type="button" data-testid=id("replace") on:click=move |_| save.run(true)>{Msg::Replace.text(l)}</button>
                    <button type="button" on:click=move |_| saving.set(None)>{Msg::Cancel.text(l)}</button>
                </p>
            }.into_any(),
            Saving::Failed => view! { <p role="alert" class="error">{Msg::SaveFailed.text(l)}</p> }.into_any(),
        })
    };
    view! {
        <div class="actions">
            <button type="button" class="primary" data-testid=id("save") disabled=move || !usable.get() on:click=move |_| save.run(false)>{tr(Msg::Save)}</button>
            <button type="button" data-testid=id("export") disabled=move || !usable.get() on:click=move |_| export.run(())>{tr(Msg::Export)}</button>
            <button type="button" class="danger" data-testid=id("discard") on:click=move |_| confirm_discard.set(true)>{tr(Msg::StartOver)}</button>
            {move || confirm_discard.get().then(|| view! {
                <span role="alert">{tr(discard_confirm)} " "
                    <button type="button" class="danger" data-testid=id("discard-yes") on:click=move |_| { confirm_discard.set(false); discard.run(()); }>{tr(Msg::Yes)}</button>
                    <button type="button" on:click=move |_| confirm_discard.set(false)>{tr(Msg::Cancel)}</button>
                </span>
            })}
        </div>
        {outcome}
    }
}

fn state_label(s: &ItemState) -> (Msg, &'static str) {
    match s {
        ItemState::Read => (Msg::StateRead, "read"),
        ItemState::Checklist => (Msg::StateChecklist, "read"),
        ItemState::NeedsChoice { .. } => (Msg::StateNeedsChoice, "needs-choice"),
        ItemState::EdgesOpen { .. } => (Msg::StateEdgesOpen, "needs-choice"),
        ItemState::Chosen => (Msg::StateChosen, "chosen"),
    }
}

/// The method text with the words that decided its reading marked.
fn highlighted(text: &str, ranges: &[std::ops::Range<usize>]) -> impl IntoView + use<> {
    let mut ranges: Vec<std::ops::Range<usize>> = ranges
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    ranges.sort_by_key(|r| r.start);
    let mut parts = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at {
            continue;
        }
        parts.push(view! { {text[at..r.start].to_string()} }.into_any());
        parts.push(view! { <mark>{text[r.clone()].to_string()}</mark> }.into_any());
        at = r.end;
    }
    parts.push(view! { {text[at..].to_string()} }.into_any());
    parts
}

#[component]
fn TreeView() -> impl IntoView {
    let state = BuilderState::expect();
    let nodes = move || {
        state
            .built
            .get()
            .map(|b| b.nodes.clone())
            .unwrap_or_default()
    };
    view! {
        <section class="panel tree" aria-labelledby="tree-heading">
            <h2 id="tree-heading">{tr(Msg::TreeHeading)}</h2>
            <ol class="built-tree" data-testid="built-tree">
                <For each=nodes key=|n| (n.code.clone(), format!("{:?}", n.kind), n.title.clone(), n.max) let:node>
                    <NodeRow node=node />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn NodeRow(node: BuiltNode) -> impl IntoView {
    let state = BuilderState::expect();
    let l = move || state.lang.get();
    let code = node.code.clone();
    let max = node
        .max
        .map(|m| m.format_short(Lang::Vi))
        .unwrap_or_default();
    let rows = node.rows.clone();
    let row_links = {
        let rows = rows.clone();
        move || {
            let lang = l();
            rows.iter().map(|r| view! { <a href=format!("#r-{r}") class="row-link">{format!("{} {r}", Msg::RowWord.text(lang))}</a> " " }).collect_view()
        }
    };
    let detail = match node.kind.clone() {
        NodeKind::Group => ().into_any(),
        NodeKind::Item {
            state: item_state,
            reading,
            method,
            rule,
        } => {
            let (label, class) = state_label(&item_state);
            let decisive = reading
                .as_ref()
                .map(|r| r.decisive.clone())
                .unwrap_or_default();
            let rule_kind = rule
                .as_ref()
                .and_then(|r| r.get("kind"))
                .and_then(|k| k.as_str())
                .and_then(cchc_core::RuleKind::from_code);
            let choice = ChoiceControls(ChoiceControlsProps {
                code: code.clone(),
                item_state: item_state.clone(),
                method: method.clone(),
            });
            view! {
                <span class=format!("badge {class}") data-testid="item-state">{move || label.text(l())}</span>
                {rule_kind.map(|k| view! { <span class="muted">" · " {move || k.label(l())}</span> })}
                <div class="method" data-testid="item-method">{highlighted(&method, &decisive)}</div>
                {choice}
            }.into_any()
        }
    };
    view! {
        <li id=node_anchor(&node.code) class=format!("depth-{}", node.depth.min(4)) data-testid="built-node" data-code=node.code.clone()>
            <div class="node-head">
                <strong class="code">{if node.written.is_empty() { node.code.clone() } else { node.written.clone() }}</strong>
                " " <span class="title">{node.title.clone()}</span>
                " " <span class="max" data-testid="node-max">{max}</span>
                " " <span class="rows">{row_links}</span>
            </div>
            {detail}
        </li>
    }
}

#[component]
fn ChoiceControls(code: String, item_state: ItemState, method: String) -> impl IntoView {
    let state = BuilderState::expect();
    let l = move || state.lang.get();
    let chosen = state
        .project
        .with_untracked(|p| p.as_ref().and_then(|p| p.choices.get(&code).cloned()));
    let undo = {
        let code = code.clone();
        chosen.is_some().then(move || view! {
            <button type="button" class="link" data-testid="undo-choice" on:click=move |_| state.choose(&code, None)>{tr(Msg::UndoChoice)}</button>
        })
    };
    let controls = match item_state {
        ItemState::NeedsChoice { why } => {
            let rewrite = RwSignal::new(method.clone());
            let (c1, c2) = (code.clone(), code.clone());
            let select_id = format!("rule-{code}");
            let text_id = format!("rewrite-{code}");
            view! {
                <p class="why">{move || why.message(l())}</p>
                <label for=select_id.clone()>{tr(Msg::ChooseRule)}</label>
                <select id=select_id data-testid="choose-rule" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(kind) = SimpleRule::ALL.into_iter().find(|k| format!("{k:?}") == v) {
                        state.choose(&c1, Some(Choice::Rule { kind }));
                    }
                }>
                    <option value="" selected=true>"—"</option>
                    {SimpleRule::ALL.into_iter().map(|k| view! { <option value=format!("{k:?}")>{move || k.label(l())}</option> }).collect_view()}
                </select>
                <label for=text_id.clone()>{tr(Msg::RewriteLabel)}</label>
                <textarea id=text_id rows="2" data-testid="rewrite" prop:value=move || rewrite.get()
                    on:input=move |ev| rewrite.set(event_target_value(&ev))></textarea>
                <button type="button" data-testid="read-again" on:click=move |_| {
                    state.choose(&c2, Some(Choice::Rewrite { text: rewrite.get_untracked() }));
                }>{tr(Msg::ReadAgain)}</button>
            }.into_any()
        }
        ItemState::EdgesOpen { edges } => {
            let upper = RwSignal::new(Vec::new());
            let c = code.clone();
            view! {
                <fieldset data-testid="open-edges">
                    {edges.into_iter().enumerate().map(|(i, e)| {
                        let at = e.at;
                        let name = format!("edge-{code}-{i}");
                        let msg = e.clone();
                        view! {
                            <p>{move || msg.message(l())}</p>
                            <label><input type="radio" name=name.clone() data-testid="edge-upper"
                                on:change=move |_| upper.update(|u: &mut Vec<_>| if !u.contains(&at) { u.push(at) }) />
                                {tr(Msg::EdgeUpper)}</label>
                            <label><input type="radio" name=name checked=true data-testid="edge-lower"
                                on:change=move |_| upper.update(|u: &mut Vec<_>| u.retain(|x| *x != at)) />
                                {tr(Msg::EdgeLower)}</label>
                        }
                    }).collect_view()}
                    <button type="button" data-testid="confirm-edges"
                        on:click=move |_| state.choose(&c, Some(Choice::Edges { upper: upper.get_untracked() }))>{tr(Msg::ConfirmEdges)}</button>
                </fieldset>
            }.into_any()
        }
        _ => ().into_any(),
    };
    view! { <div class="choice">{controls}{undo}</div> }
}

/// The source rows, each cell correctable in place (a title, a maximum, a method as the annex
/// should have written it): the tree is built again from the corrected table.
#[component]
fn SourceRows() -> impl IntoView {
    let state = BuilderState::expect();
    let editing = RwSignal::new(None::<(usize, usize)>);
    let rows = move || {
        let open = editing.get();
        state.project.with(|p| {
            let Some(p) = p else { return Vec::new() };
            p.table
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let header = p.layout.header.contains(&i);
                    let cells = r
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(j, c)| {
                            let text = c.text.clone();
                            let body = if open == Some((i, j)) {
                                cell_editor(i, j, text, editing).into_any()
                            } else {
                                view! {
                                    <button type="button" class="cell" data-testid=format!("cell-{}-{}", i + 1, j + 1)
                                        title=move || Msg::EditCell.text(state.lang.get())
                                        on:click=move |_| editing.set(Some((i, j)))>{text}</button>
                                }
                                .into_any()
                            };
                            view! { <td class:bold=c.bold>{body}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr id=format!("r-{}", i + 1) class:header-row=header>
                            <th scope="row">{i + 1}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel source" aria-labelledby="rows-heading">
            <h2 id="rows-heading">{tr(Msg::RowsHeading)}</h2>
            <p class="muted">{tr(Msg::EditCellHelp)}</p>
            <div class="table-scroll"><table class="source-rows" data-testid="source-rows"><tbody>{rows}</tbody></table></div>
        </section>
    }
}

fn cell_editor(
    row: usize,
    column: usize,
    text: String,
    editing: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let state = BuilderState::expect();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let save = move || {
        if let Some(a) = area.get_untracked() {
            let v = a.value();
            state.edit(|p| p.set_cell(row, column, &v));
        }
        editing.set(None);
    };
    Effect::new(move |_| {
        if let Some(a) = area.get() {
            let _ = a.focus();
        }
    });
    view! {
        <textarea node_ref=area rows="3" data-testid="cell-editor" prop:value=text
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    editing.set(None);
                } else if ev.key() == "Enter" && ev.ctrl_key() {
                    save();
                }
            }></textarea>
        <button type="button" data-testid="cell-save" on:click=move |_| save()>{tr(Msg::SaveCell)}</button>
        <button type="button" on:click=move |_| editing.set(None)>{tr(Msg::Cancel)}</button>
    }
}

/// The unit types a framework can be for, as a select's options, the current one selected. The
/// district level stays for frameworks of the years up to 2024.
fn unit_type_options(current: Signal<String>) -> impl IntoView {
    use cchc_core::framework::UnitType;
    UnitType::ALL
        .into_iter()
        .map(|t| {
            let code = t.code();
            let label = match t {
                UnitType::So => Msg::UnitSo,
                UnitType::Xa => Msg::UnitXa,
                UnitType::Huyen => Msg::UnitHuyen,
                UnitType::Khac => Msg::UnitKhac,
            };
            view! { <option value=code selected=move || current.get() == code>{tr(label)}</option> }
        })
        .collect_view()
}
