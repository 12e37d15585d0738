//! The builder's state: the work in progress (a `Project` of the core), what the core builds
//! from it, and the one effect that reaches the outside world: keeping the work in storage.

use std::sync::Arc;

use cchc_core::Lang;
use cchc_core::builder::assemble::{Built, Choice, Project, build};
use cchc_core::builder::delimited::from_delimited;
use cchc_core::builder::source_error::SourceError;
use cchc_core::builder::table::{SourceKind, SourceTable};
use leptos::prelude::*;

use super::words::Msg;
use crate::state::Shared;
use crate::storage::Work;
use crate::{clock, file_io, storage};

/// Something to tell the officer, above the work.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Source(SourceError),
    Said(Msg),
    Restored(String),
}

/// What the last save into the app gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Saving {
    Saved,
    /// A framework with the same id and version is stored: replace only when asked.
    AlreadyStored,
    Failed,
}

/// Stores a framework file where the app loads frameworks from, unless one is stored under the
/// same key and the officer has not agreed to replace it.
pub fn store_framework(key: &str, text: &str, replace: bool) -> Saving {
    match storage::has(key) {
        Ok(true) if !replace => Saving::AlreadyStored,
        Ok(_) => match storage::write_framework(key, text) {
            Ok(()) => Saving::Saved,
            Err(_) => Saving::Failed,
        },
        Err(_) => Saving::Failed,
    }
}

pub fn framework_file_name(id: &str, version: &str) -> String {
    format!("{}-{}.json", id.trim(), version.trim())
}

/// Work in progress kept in storage, read back when the page opens. Work that no longer reads (an
/// older shape) is left in storage untouched until new work replaces it.
pub fn restore_work<T: serde::de::DeserializeOwned>(work: Work) -> Option<T> {
    storage::read_work(work)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
}

/// Keeps `signal` in storage on every change (removed when it is `None`); `refused` runs when
/// storage will not take it, the work staying on the page.
pub fn keep_work<T: serde::Serialize + Send + Sync + 'static>(
    signal: RwSignal<Option<T>>,
    work: Work,
    refused: impl Fn() + 'static,
) {
    Effect::new(move |first: Option<()>| {
        let text = signal.with(|v| v.as_ref().and_then(|v| serde_json::to_string(v).ok()));
        // The first run only sees what was just restored.
        if first.is_none() {
            return;
        }
        let written = match text {
            Some(t) => storage::write_work(work, &t),
            None => storage::remove_work(work),
        };
        if written.is_err() {
            refused();
        }
    });
}

/// Why a picked file or a pasted text gave no table; the work in progress stays as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceProblem {
    Said(Msg),
    Source(SourceError),
}

impl From<SourceProblem> for Notice {
    fn from(p: SourceProblem) -> Notice {
        match p {
            SourceProblem::Said(m) => Notice::Said(m),
            SourceProblem::Source(e) => Notice::Source(e),
        }
    }
}

/// The bytes of a picked file (the builder's page reads annexes and unit lists alike).
pub async fn read_picked(file: web_sys::File) -> Result<Vec<u8>, SourceProblem> {
    file_io::read_bytes(file).await.map_err(|e| {
        SourceProblem::Said(match e {
            file_io::ReadError::TooLarge => Msg::FileTooLarge,
            file_io::ReadError::Unreadable => Msg::FileUnreadable,
        })
    })
}

/// A table pasted from Word or Excel.
pub fn read_pasted(text: &str) -> Result<SourceTable, SourceProblem> {
    if text.trim().is_empty() {
        return Err(SourceProblem::Said(Msg::EmptyPaste));
    }
    from_delimited(text, SourceKind::Pasted).map_err(SourceProblem::Source)
}

#[derive(Clone, Copy)]
pub struct BuilderState {
    pub lang: RwSignal<Lang>,
    pub project: RwSignal<Option<Project>>,
    pub built: Memo<Option<Shared<Built>>>,
    pub notice: RwSignal<Option<Notice>>,
    pub saving: RwSignal<Option<Saving>>,
    pub busy: RwSignal<bool>,
}

impl BuilderState {
    pub fn provide() -> BuilderState {
        let lang = match storage::read_lang().as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Vi,
        };
        let restored: Option<Project> = restore_work(Work::Builder);
        let notice = restored
            .as_ref()
            .map(|p| Notice::Restored(p.file_name.clone()));
        let project = RwSignal::new(restored);
        let built =
            Memo::new(move |_| project.with(|p| p.as_ref().map(|p| Shared(Arc::new(build(p))))));
        let state = BuilderState {
            lang: RwSignal::new(lang),
            project,
            built,
            notice: RwSignal::new(notice),
            saving: RwSignal::new(None),
            busy: RwSignal::new(false),
        };
        keep_work(project, Work::Builder, move || {
            state.notice.set(Some(Notice::Said(Msg::WorkNotSaved)))
        });
        provide_context(state);
        state
    }

    pub fn expect() -> BuilderState {
        expect_context::<BuilderState>()
    }

    /// New work from a table: replaces the current work only when the table was read.
    fn start(&self, file_name: &str, table: SourceTable) {
        self.project
            .set(Some(Project::new(file_name, table, clock::current_year())));
        self.saving.set(None);
        self.notice.set(None);
    }

    pub async fn open_file(&self, file: web_sys::File) {
        let name = file.name();
        self.busy.set(true);
        let result = read_picked(file).await;
        self.busy.set(false);
        match result.and_then(|bytes| {
            cchc_core::builder::office::read_file(&name, &bytes).map_err(SourceProblem::Source)
        }) {
            Ok(table) => self.start(&name, table),
            Err(p) => self.notice.set(Some(p.into())),
        }
    }

    pub fn open_pasted(&self, text: &str) {
        match read_pasted(text) {
            Ok(table) => self.start(Msg::PastedTable.text(self.lang.get_untracked()), table),
            Err(p) => self.notice.set(Some(p.into())),
        }
    }

    pub fn edit(&self, f: impl FnOnce(&mut Project)) {
        self.project.update(|p| {
            if let Some(p) = p {
                f(p)
            }
        });
        self.saving.set(None);
    }

    pub fn choose(&self, code: &str, choice: Option<Choice>) {
        let code = code.to_string();
        self.edit(move |p| match choice {
            Some(c) => {
                p.choices.insert(code, c);
            }
            None => {
                p.choices.remove(&code);
            }
        });
    }

    pub fn discard(&self) {
        self.project.set(None);
        self.notice.set(None);
        self.saving.set(None);
    }

    /// The framework file's text, when the build is usable.
    fn usable_text(&self) -> Option<(String, String)> {
        let built = self.built.get_untracked()?;
        if !built.usable {
            return None;
        }
        let text = serde_json::to_string_pretty(&built.framework).ok()?;
        let project = self.project.get_untracked()?;
        Some((
            storage::framework_key(project.meta.id.trim(), project.meta.version.trim()),
            text,
        ))
    }

    /// Stores the framework where the app loads frameworks from. `replace`: the officer agreed
    /// to replace one with the same id and version.
    pub fn save(&self, replace: bool) {
        let Some((key, text)) = self.usable_text() else {
            return;
        };
        self.saving.set(Some(store_framework(&key, &text, replace)));
    }

    pub fn export(&self) {
        let Some((_, text)) = self.usable_text() else {
            return;
        };
        let name = self.project.with_untracked(|p| {
            p.as_ref().map_or_else(
                || "bo-tieu-chi.json".to_string(),
                |p| framework_file_name(&p.meta.id, &p.meta.version),
            )
        });
        if file_io::download(&name, file_io::JSON, &text).is_err() {
            self.saving.set(Some(Saving::Failed));
        }
    }

    pub async fn download_template(&self) {
        let request = cchc_core::report::SpreadsheetRequest::Sheets {
            sheets: vec![cchc_core::builder::template::sheet()],
        };
        let Ok(json) = serde_json::to_string(&request) else {
            return;
        };
        if file_io::download_spreadsheet("mau-bang-tieu-chi.xlsx", json)
            .await
            .is_err()
        {
            self.notice.set(Some(Notice::Said(Msg::WorkerFailed)));
        }
    }
}
