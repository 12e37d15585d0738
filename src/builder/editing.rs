//! The framework editor's state: the form in progress (the core's `FrameworkForm`), its live
//! check, and its one effect: keeping the form in storage on every change.

use std::sync::Arc;

use cchc_core::builder::editor::check::{Checked, check};
use cchc_core::builder::editor::file::{OpenError, open_text};
use cchc_core::builder::editor::{FrameworkForm, NodeForm, NodeKey, Removed};
use cchc_core::{Lang, builtin};
use leptos::prelude::*;

use super::state::{
    BuilderState, Saving, framework_file_name, keep_work, restore_work, store_framework,
};
use super::words::Msg;
use crate::state::Shared;
use crate::storage::{self, Work};
use crate::{clock, file_io};

/// Something to tell the officer above the form.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorNotice {
    Said(Msg),
    Open(OpenError),
    /// A node was removed; it can be put back.
    Removed(String),
}

/// A framework the editor can open: shipped with the app or saved into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Openable {
    pub label: String,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct EditorState {
    pub lang: RwSignal<Lang>,
    pub form: RwSignal<Option<FrameworkForm>>,
    pub checked: Memo<Option<Shared<Checked>>>,
    /// Whether the page shows the form (else the source table).
    pub shown: RwSignal<bool>,
    /// A form waiting to replace the one open, until the officer agrees.
    pub pending: RwSignal<Option<FrameworkForm>>,
    /// The last node removed, for putting it back.
    pub removed: RwSignal<Option<Removed>>,
    /// The node whose details are open.
    pub open_node: RwSignal<Option<NodeKey>>,
    pub notice: RwSignal<Option<EditorNotice>>,
    pub saving: RwSignal<Option<Saving>>,
}

impl EditorState {
    pub fn provide(builder: BuilderState) -> EditorState {
        let restored: Option<FrameworkForm> = restore_work(Work::Editor);
        let shown = RwSignal::new(restored.is_some());
        let form = RwSignal::new(restored);
        let checked =
            Memo::new(move |_| form.with(|f| f.as_ref().map(|f| Shared(Arc::new(check(f))))));
        let state = EditorState {
            lang: builder.lang,
            form,
            checked,
            shown,
            pending: RwSignal::new(None),
            removed: RwSignal::new(None),
            open_node: RwSignal::new(None),
            notice: RwSignal::new(None),
            saving: RwSignal::new(None),
        };
        keep_work(form, Work::Editor, move || {
            state
                .notice
                .set(Some(EditorNotice::Said(Msg::WorkNotSaved)))
        });
        provide_context(state);
        state
    }

    pub fn expect() -> EditorState {
        expect_context::<EditorState>()
    }

    /// Opens `form`, or, when one is open already, asks first.
    pub fn open(&self, form: FrameworkForm) {
        if self.form.with_untracked(Option::is_some) {
            self.pending.set(Some(form));
        } else {
            self.replace(form);
        }
    }

    /// The officer agreed: the pending form replaces the open one.
    pub fn confirm_pending(&self) {
        if let Some(form) = self.pending.get_untracked() {
            self.replace(form);
        }
    }

    fn replace(&self, form: FrameworkForm) {
        self.pending.set(None);
        self.removed.set(None);
        self.saving.set(None);
        self.notice.set(None);
        self.open_node.set(None);
        self.form.set(Some(form));
        self.shown.set(true);
    }

    pub fn open_blank(&self) {
        self.open(FrameworkForm::blank(clock::current_year()));
    }

    pub fn open_framework_text(&self, text: &str) {
        match open_text(text) {
            Ok(form) => self.open(form),
            Err(e) => self.notice.set(Some(EditorNotice::Open(e))),
        }
    }

    pub async fn open_file(&self, file: web_sys::File) {
        match file_io::read_text(file).await {
            Ok(text) => self.open_framework_text(&text),
            Err(file_io::ReadError::TooLarge) => {
                self.notice.set(Some(EditorNotice::Said(Msg::FileTooLarge)))
            }
            Err(file_io::ReadError::Unreadable) => self
                .notice
                .set(Some(EditorNotice::Said(Msg::FileUnreadable))),
        }
    }

    /// The frameworks shipped with the app and those saved into it, newest saved last.
    pub fn openable() -> Vec<Openable> {
        let label = |text: &str, fallback: &str| {
            let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
            let title = v
                .pointer("/title/vi")
                .and_then(|t| t.as_str())
                .unwrap_or(fallback);
            let version = v.get("version").and_then(|t| t.as_str()).unwrap_or("");
            format!("{title} ({version})")
        };
        let mut out: Vec<Openable> = builtin::FRAMEWORK_FILES
            .iter()
            .map(|(name, text)| Openable {
                label: label(text, name),
                text: text.to_string(),
            })
            .collect();
        if let Ok(stored) = storage::list_frameworks() {
            out.extend(stored.into_iter().map(|(key, text)| Openable {
                label: label(&text, &key),
                text,
            }));
        }
        out
    }

    pub fn edit(&self, f: impl FnOnce(&mut FrameworkForm)) {
        self.form.update(|form| {
            if let Some(form) = form {
                f(form)
            }
        });
        self.saving.set(None);
    }

    /// Edits one node, when it is still there.
    /// A value read from the form (tracked), or the default while no form is open.
    pub fn read<T: Default>(&self, f: impl FnOnce(&FrameworkForm) -> T) -> T {
        self.form
            .with(|form| form.as_ref().map(f).unwrap_or_default())
    }

    /// A value read from one node (tracked), or the default once the node is gone.
    pub fn read_node<T: Default>(&self, key: NodeKey, f: impl FnOnce(&NodeForm) -> T) -> T {
        self.form.with(|form| {
            form.as_ref()
                .and_then(|form| form.node(key))
                .map(f)
                .unwrap_or_default()
        })
    }

    pub fn edit_node(&self, key: NodeKey, f: impl FnOnce(&mut NodeForm)) {
        self.edit(|form| {
            if let Some(n) = form.node_mut(key) {
                f(n)
            }
        });
    }

    /// Removes a node and everything below it, keeping it to put back.
    pub fn remove(&self, key: NodeKey) {
        let mut taken = None;
        self.edit(|form| taken = form.remove(key));
        if let Some(removed) = taken {
            let code = removed.node.code.clone();
            self.removed.set(Some(removed));
            self.notice.set(Some(EditorNotice::Removed(code)));
        }
    }

    pub fn put_back(&self) {
        if let Some(removed) = self.removed.get_untracked() {
            let key = removed.node.key;
            self.edit(|form| form.restore(removed));
            self.removed.set(None);
            self.notice.set(None);
            self.open_node.set(Some(key));
        }
    }

    pub fn discard(&self) {
        self.form.set(None);
        self.removed.set(None);
        self.saving.set(None);
        self.notice.set(None);
        self.shown.set(false);
    }

    /// The storage key and text of the framework, when the form has no problem.
    fn usable_text(&self) -> Option<(String, String)> {
        let checked = self.checked.get_untracked()?;
        let framework = checked.0.framework.as_ref()?;
        Some((
            storage::framework_key(&framework.id, &framework.version),
            checked.0.text.clone(),
        ))
    }

    pub fn save(&self, replace: bool) {
        if let Some((key, text)) = self.usable_text() {
            self.saving.set(Some(store_framework(&key, &text, replace)));
        }
    }

    pub fn export(&self) {
        let Some((_, text)) = self.usable_text() else {
            return;
        };
        let name = self.form.with_untracked(|f| {
            f.as_ref()
                .map(|f| framework_file_name(&f.id, &f.version))
                .unwrap_or_else(|| "bo-tieu-chi.json".into())
        });
        if file_io::download(&name, file_io::JSON, &text).is_err() {
            self.saving.set(Some(Saving::Failed));
        }
    }
}
