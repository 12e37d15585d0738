use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file_io::{self, ReadError};
use crate::i18n::{Msg, tr};
use crate::state::{AppState, ImportFrameworkError};
use crate::storage::StorageError;

/// What the last framework file gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Loaded(String),
    Problems(Vec<String>),
    Failed(Msg),
}

/// Loads a framework file (the official annex, written in the documented format): every problem
/// is listed with its place in the file; a sound file is stored and offered for new drafts.
#[component]
pub fn FrameworkImport(
    /// Where it is shown ("page" or "panel"), so that two on one screen keep their own labels.
    #[prop(default = "page")]
    place: &'static str,
) -> impl IntoView {
    let input_id = format!("framework-file-{place}");
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let outcome = RwSignal::new(None::<Outcome>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = file_io::picked_file(&ev) else {
            return;
        };
        spawn_local(async move {
            let l = state.lang.get_untracked();
            let result = match file_io::read_text(file).await {
                Err(ReadError::TooLarge) => Outcome::Failed(Msg::FileTooLarge),
                Err(ReadError::Unreadable) => Outcome::Failed(Msg::FileUnreadable),
                Ok(text) => match state.import_framework(&text) {
                    Ok(fw) => Outcome::Loaded(fw.title.get(l).to_string()),
                    Err(ImportFrameworkError::AlreadyLoaded) => {
                        Outcome::Failed(Msg::FrameworkAlreadyLoaded)
                    }
                    Err(ImportFrameworkError::Storage(StorageError::Unavailable)) => {
                        Outcome::Failed(Msg::StorageUnavailable)
                    }
                    Err(ImportFrameworkError::Storage(StorageError::Refused(_))) => {
                        Outcome::Failed(Msg::StorageWriteFailed)
                    }
                    Err(ImportFrameworkError::Invalid(problems)) => Outcome::Problems(
                        problems
                            .iter()
                            .map(|p| {
                                if p.path.is_empty() {
                                    p.problem.message(l)
                                } else {
                                    format!("{}: {}", p.path, p.problem.message(l))
                                }
                            })
                            .collect(),
                    ),
                },
            };
            outcome.set(Some(result));
        });
    };
    let report = move || {
        let l = lang();
        outcome.get().map(|o| match o {
            Outcome::Loaded(title) => view! { <p role="status" class="ok" data-testid="framework-loaded">{format!("{} {title}", Msg::FrameworkLoaded.text(l))}</p> }.into_any(),
            Outcome::Failed(m) => view! { <p role="alert" class="error" data-testid="framework-problems">{m.text(l)}</p> }.into_any(),
            Outcome::Problems(list) => view! {
                <div role="alert" class="warning" data-testid="framework-problems">
                    <p>{format!("{} ({})", Msg::FrameworkHasProblems.text(l), list.len())}</p>
                    <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <div class="framework-import">
            <label for=input_id.clone()>{tr(Msg::LoadFrameworkFile)}</label>
            <input id=input_id type="file" accept=".json,application/json" data-testid="framework-file" on:change=on_change />
            <p class="muted">{tr(Msg::LoadFrameworkHelp)}</p>
            {report}
        </div>
    }
}
