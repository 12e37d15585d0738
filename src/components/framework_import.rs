use cchc_core::{FrameworkError, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file_io;
use crate::i18n::{Msg, read_error, storage_error, tr};
use crate::state::{AppState, ImportFrameworkError};

/// A framework file's problems, one line each, with the place in the file where there is one.
pub fn problem_lines(problems: &[FrameworkError], l: Lang) -> Vec<String> {
    problems
        .iter()
        .map(|p| {
            if p.path.is_empty() {
                p.problem.message(l)
            } else {
                format!("{}: {}", p.path, p.problem.message(l))
            }
        })
        .collect()
}

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
                Err(e) => Outcome::Failed(read_error(&e)),
                Ok(text) => match state.library.import(&text) {
                    Ok(fw) => Outcome::Loaded(fw.title.get(l).to_string()),
                    Err(ImportFrameworkError::AlreadyLoaded) => {
                        Outcome::Failed(Msg::FrameworkAlreadyLoaded)
                    }
                    Err(ImportFrameworkError::Storage(e)) => Outcome::Failed(storage_error(&e)),
                    Err(ImportFrameworkError::Invalid(problems)) => {
                        Outcome::Problems(problem_lines(&problems, l))
                    }
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
            <p><a href=file_io::page_href(file_io::BUILDER_FOLDER, "") data-testid="open-builder">{tr(Msg::OpenBuilder)}</a></p>
            {report}
        </div>
    }
}
