//! Opening a submission file: from the start page's file picker or by dropping a file anywhere on
//! the window. The file is checked completely before any draft is touched; a preview shows what
//! it holds, and only the user's choice imports it (as a new draft, or replacing the stored draft
//! with the same id, which stays restorable). Every bad file gets its own message and changes
//! nothing. A framework file dropped the same way is loaded as a framework.

use std::sync::Arc;

use cchc_core::Lang;
use cchc_core::submission::{ImportError, ImportPreview, check_import};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::clock;
use crate::components::framework_import::FrameworkImport;
use crate::file_io::{self, ReadError};
use crate::i18n::{Msg, tr};
use crate::route::Route;
use crate::state::{AppState, ImportFrameworkError};
use crate::{navigate, storage};

/// What the import panel shows.
#[derive(Clone)]
pub enum ImportView {
    Preview {
        file: String,
        preview: Arc<ImportPreview>,
        exists: bool,
    },
    Failed {
        file: String,
        error: ImportFailure,
    },
    FrameworkLoaded(String),
}

#[derive(Clone)]
pub enum ImportFailure {
    Read(Msg),
    Check(ImportError),
    Framework(Vec<String>),
}

/// Reads a picked or dropped file and shows what it is.
pub fn open_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    spawn_local(async move {
        let view = match file_io::read_text(file).await {
            Err(ReadError::TooLarge) => ImportView::Failed {
                file: name,
                error: ImportFailure::Read(Msg::FileTooLarge),
            },
            Err(ReadError::Unreadable) => ImportView::Failed {
                file: name,
                error: ImportFailure::Read(Msg::FileUnreadable),
            },
            Ok(text) => examine(state, name, &text),
        };
        state.import.set(Some(view));
    });
}

fn examine(state: AppState, file: String, text: &str) -> ImportView {
    // A framework file, dropped like a submission, is loaded as a framework.
    let is_framework = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.get("format")
                .and_then(|f| f.as_str())
                .map(|f| f == cchc_core::framework::FRAMEWORK_FORMAT)
        })
        .unwrap_or(false);
    if is_framework {
        let l = state.lang.get_untracked();
        return match state.import_framework(text) {
            Ok(fw) => ImportView::FrameworkLoaded(fw.title.get(l).to_string()),
            Err(ImportFrameworkError::Invalid(problems)) => ImportView::Failed {
                file,
                error: ImportFailure::Framework(
                    problems
                        .iter()
                        .map(|p| format!("{}: {}", p.path, p.problem.message(l)))
                        .collect(),
                ),
            },
            Err(ImportFrameworkError::AlreadyLoaded) => ImportView::Failed {
                file,
                error: ImportFailure::Read(Msg::FrameworkAlreadyLoaded),
            },
            Err(ImportFrameworkError::Storage(_)) => ImportView::Failed {
                file,
                error: ImportFailure::Read(Msg::StorageWriteFailed),
            },
        };
    }
    let frameworks = state.loaded_frameworks();
    let refs: Vec<&cchc_core::Framework> = frameworks.iter().map(|f| f.as_ref()).collect();
    match check_import(text, &refs) {
        Ok(preview) => {
            let exists = matches!(storage::read_draft(&preview.draft.id), Ok(Some(_)));
            ImportView::Preview {
                file,
                preview: Arc::new(preview),
                exists,
            }
        }
        Err(e) => ImportView::Failed {
            file,
            error: ImportFailure::Check(e),
        },
    }
}

/// The file picker on the start page.
#[component]
pub fn ImportFilePicker() -> impl IntoView {
    let state = AppState::expect();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = file_io::picked_file(&ev) {
            open_file(state, file);
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
    let close = move |_| state.import.set(None);
    let problem = RwSignal::new(None::<Msg>);
    let do_import = move |preview: Arc<ImportPreview>, replace: bool| match state
        .import((*preview).clone(), replace)
    {
        Ok(id) => {
            state.import.set(None);
            navigate(&Route::Item {
                draft: id,
                code: None,
            });
        }
        Err(_) => problem.set(Some(Msg::StorageWriteFailed)),
    };
    let body = move || {
        let l = lang();
        let view = state.import.get()?;
        Some(match view {
            ImportView::FrameworkLoaded(title) => view! {
                <p role="status" data-testid="import-framework-loaded">{format!("{} {title}", Msg::FrameworkLoaded.text(l))}</p>
                <button type="button" data-testid="import-close" on:click=close>{Msg::Close.text(l)}</button>
            }
            .into_any(),
            ImportView::Failed { file, error } => failure(l, file, error, state).into_any(),
            ImportView::Preview { file, preview, exists } => {
                let d = &preview.draft;
                let fw_title = state
                    .framework_by_id(&d.framework.id)
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
                                <button type="button" class="primary" data-testid="import-as-new" on:click=move |_| do_import(p1.clone(), false)>{Msg::ImportAsNew.text(l)}</button>
                                <button type="button" class="danger" data-testid="import-replace" on:click=move |_| do_import(p2.clone(), true)>{Msg::ImportReplace.text(l)}</button>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="primary" data-testid="import-confirm" on:click=move |_| do_import(p3.clone(), false)>{Msg::Import.text(l)}</button>
                            }.into_any()
                        }}
                        <button type="button" data-testid="import-cancel" on:click=close>{Msg::Cancel.text(l)}</button>
                    </div>
                    <p class="error" role="alert">{move || problem.get().map(|m| m.text(lang()))}</p>
                }
                .into_any()
            }
        })
    };
    view! {
        <Show when=move || state.import.with(Option::is_some)>
            <section class="panel import-panel" role="dialog" aria-labelledby="import-heading" data-testid="import-panel">
                {body}
            </section>
        </Show>
    }
}

fn failure(l: Lang, file: String, error: ImportFailure, state: AppState) -> impl IntoView {
    let close = move |_| state.import.set(None);
    let (message, details, framework_missing) = match &error {
        ImportFailure::Read(m) => (m.text(l).to_string(), Vec::new(), false),
        ImportFailure::Framework(list) => (
            Msg::FrameworkHasProblems.text(l).to_string(),
            list.clone(),
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
        <p class="muted">{file}</p>
        <p role="alert" class="error" data-testid="import-error">{message}</p>
        {(!details.is_empty()).then(|| view! {
            <ul class="import-details" data-testid="import-details">{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
        })}
        <p class="muted">{Msg::NothingChanged.text(l)}</p>
        {framework_missing.then(|| view! { <FrameworkImport place="panel" /> })}
        <button type="button" data-testid="import-cancel" on:click=close>{Msg::Close.text(l)}</button>
    }
}
