//! The import panel, shown on any page, and the start page's file picker. The flow itself (check
//! everything first, preview, import only on the user's choice) is `state::import`; this renders
//! it: every bad file gets its own message and the note that nothing changed.

use std::sync::Arc;

use cchc_core::submission::{ImportError, ImportPreview};
use cchc_core::{Draft, Lang};
use leptos::prelude::*;

use crate::clock;
use crate::components::framework_import::{FrameworkImport, problem_lines};
use crate::file_io;
use crate::i18n::{Msg, read_error, storage_error, tr};
use crate::navigate;
use crate::route::Route;
use crate::state::{AppState, ImportChoice, ImportFailure, ImportView};

/// The file picker on the start page.
#[component]
pub fn ImportFilePicker() -> impl IntoView {
    let state = AppState::expect();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = file_io::picked_file(&ev) {
            state.open_file(file);
        }
    };
    view! {
        <div class="import-picker">
            <label for="import-file">{tr(Msg::OpenSubmissionFile)}</label>
            <input id="import-file" type="file" accept=".json,application/json" data-testid="import-file" on:change=on_change />
            <p class="muted">{tr(Msg::OpenSubmissionHelp)}</p>
        </div>
    }
}

/// The panel that shows a checked file (or why it cannot be imported), on any page.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let close = move |_| state.import.close();
    let do_import = move |preview: Arc<ImportPreview>, choice: ImportChoice| {
        if let Some(id) = state.import_checked(&preview, choice) {
            navigate(&Route::Item {
                draft: id,
                code: None,
            });
        }
    };
    let body = move || {
        let l = lang();
        let view = state.import.view.get()?;
        Some(match view {
            ImportView::FrameworkLoaded(title) => view! {
                <p role="status" data-testid="import-framework-loaded">{format!("{} {title}", Msg::FrameworkLoaded.text(l))}</p>
                <button type="button" data-testid="import-close" on:click=close>{Msg::Close.text(l)}</button>
            }
            .into_any(),
            ImportView::Failed {
                file,
                error,
                carriable,
            } => failure(l, file, error, carriable, state).into_any(),
            ImportView::Preview { file, preview, exists } => {
                let d = &preview.draft;
                let fw_title = state
                    .library
                    .by_id(&d.framework.id)
                    .map(|f| f.title.get(l).to_string())
                    .unwrap_or_else(|| d.framework.id.clone());
                let sc = &preview.scorecard;
                let (p1, p2, p3) = (preview.clone(), preview.clone(), preview.clone());
                view! {
                    <h2 id="import-heading">{Msg::ImportPreviewHeading.text(l)}</h2>
                    <p class="muted">{file}</p>
                    <dl class="preview" data-testid="import-preview">
                        <dt>{Msg::Unit.text(l)}</dt><dd data-testid="preview-unit">{d.unit.name.clone()}</dd>
                        <dt>{Msg::Framework.text(l)}</dt><dd>{format!("{fw_title} ({})", d.framework.version)}</dd>
                        <dt>{Msg::AssessedYear.text(l)}</dt><dd data-testid="preview-year">{d.answers.year}</dd>
                        <dt>{Msg::Index.text(l)}</dt><dd data-testid="preview-index">{format!("{} % ({} / {})", sc.index.format(l), sc.total.format(l), sc.applicable_max.format_short(l))}</dd>
                        <dt>{Msg::Answered.text(l)}</dt><dd>{format!("{}/{}", sc.answered, sc.applicable)}</dd>
                        <dt>{Msg::LastChanged.text(l)}</dt><dd>{clock::local_date_time(&d.updated_at)}</dd>
                    </dl>
                    {preview.edited.then(|| view! { <p class="warning" data-testid="import-edited">{Msg::FileEditedOutside.text(l)}</p> })}
                    {preview.snapshot_differs.then(|| view! { <p class="warning">{Msg::SnapshotDiffers.text(l)}</p> })}
                    {preview.framework_texts_differ.then(|| view! { <p class="warning" data-testid="import-framework-texts">{Msg::FrameworkTextsDiffer.text(l)}</p> })}
                    {exists.then(|| view! { <p class="warning" data-testid="import-exists">{Msg::SameDraftExists.text(l)}</p> })}
                    <div class="actions">
                        {if exists {
                            view! {
                                <button type="button" class="primary" data-testid="import-as-new" on:click=move |_| do_import(p1.clone(), ImportChoice::AsNew)>{Msg::ImportAsNew.text(l)}</button>
                                <button type="button" class="danger" data-testid="import-replace" on:click=move |_| do_import(p2.clone(), ImportChoice::Replace)>{Msg::ImportReplace.text(l)}</button>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="primary" data-testid="import-confirm" on:click=move |_| do_import(p3.clone(), ImportChoice::AsNew)>{Msg::Import.text(l)}</button>
                            }.into_any()
                        }}
                        <button type="button" data-testid="import-cancel" on:click=close>{Msg::Cancel.text(l)}</button>
                    </div>
                    <p class="error" role="alert">{move || state.import.problem.get().map(|e| storage_error(&e).text(lang()))}</p>
                }
                .into_any()
            }
        })
    };
    view! {
        <Show when=move || state.import.view.with(Option::is_some)>
            <section class="panel import-panel" role="dialog" aria-labelledby="import-heading" data-testid="import-panel">
                {body}
            </section>
        </Show>
    }
}

fn failure(
    l: Lang,
    file: String,
    error: ImportFailure,
    carriable: Option<Arc<Draft>>,
    state: AppState,
) -> impl IntoView {
    let close = move |_| state.import.close();
    let file_name = file.clone();
    let (message, details, framework_missing) = match &error {
        ImportFailure::Read(e) => (read_error(e).text(l).to_string(), Vec::new(), false),
        ImportFailure::Storage(e) => (storage_error(e).text(l).to_string(), Vec::new(), false),
        ImportFailure::FrameworkAlreadyLoaded => (
            Msg::FrameworkAlreadyLoaded.text(l).to_string(),
            Vec::new(),
            false,
        ),
        ImportFailure::Framework(problems) => (
            Msg::FrameworkHasProblems.text(l).to_string(),
            problem_lines(problems, l),
            false,
        ),
        ImportFailure::Check(e) => (
            e.message(l),
            e.details(l),
            matches!(e, ImportError::FrameworkNotLoaded { .. }),
        ),
    };
    view! {
        <h2 id="import-heading">{Msg::CannotImport.text(l)}</h2>
        <p class="muted">{file.clone()}</p>
        <p role="alert" class="error" data-testid="import-error">{message}</p>
        {(!details.is_empty()).then(|| view! {
            <ul class="import-details" data-testid="import-details">{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
        })}
        <p class="muted">{Msg::NothingChanged.text(l)}</p>
        {framework_missing.then(|| view! { <FrameworkImport place="panel" /> })}
        {carriable.map(|draft| {
            let file = file_name.clone();
            view! {
                <p>
                    <button type="button" class="primary" data-testid="import-carry"
                        on:click=move |_| state.begin_carry(draft.clone(), Some(file.clone()))>
                        {Msg::CarryFromFile.text(l)}
                    </button>
                </p>
            }
        })}
        <button type="button" data-testid="import-cancel" on:click=close>{Msg::Close.text(l)}</button>
    }
}
