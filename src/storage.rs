//! The only module that touches localStorage (and sessionStorage, for a carry handed from the first
//! page to the full program). Every call returns a `Result`: storage can be
//! disabled, full, or made to throw, and the app must keep working in memory when it is.
//!
//! gloo-storage is not used: its calls panic (`expect_throw`) when `localStorage` is missing or
//! `getItem` throws, and on errors that are not `Error` objects, which is exactly the case this
//! module must survive.

use cchc_core::{Draft, DraftError};
use leptos::prelude::*;

pub const DRAFT_PREFIX: &str = "cchc.v1.draft.";
pub const FRAMEWORK_PREFIX: &str = "cchc.v1.framework.";
const LANG_KEY: &str = "cchc.v1.lang";
/// The unit lists Sở Nội vụ keeps, one key a list (by its id).
pub const UNIT_LIST_PREFIX: &str = "cchc.v1.units.";
/// The id of the unit list new drafts and the Sở Nội vụ view use.
const CHOSEN_UNIT_LIST_KEY: &str = "cchc.v1.units-chosen";
/// A draft whose answers are to be carried, handed by the first page to the full program (this
/// tab's sessionStorage: the file's name on the first line, the draft in the submission format
/// after it).
const CARRY_HANDOVER_KEY: &str = "cchc.v1.carry-handover";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no localStorage (disabled, private mode, policy).
    Unavailable,
    /// A write was refused (usually: full), with the browser's name for why, when it gives one
    /// (`QuotaExceededError`).
    Refused(Option<String>),
}

/// A stored draft, or what was stored under a draft key but cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredEntry {
    Draft(Box<Draft>),
    Unreadable {
        key: String,
        raw: String,
        error: DraftError,
    },
}

fn refused(e: wasm_bindgen::JsValue) -> StorageError {
    StorageError::Refused(e.as_string().or_else(|| {
        js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
    }))
}

/// localStorage, or this tab's sessionStorage: either may be missing, or throw when asked for.
fn area(
    get: fn(&web_sys::Window) -> Result<Option<web_sys::Storage>, wasm_bindgen::JsValue>,
) -> Result<web_sys::Storage, StorageError> {
    get(&window())
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

fn local() -> Result<web_sys::Storage, StorageError> {
    area(web_sys::Window::local_storage)
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

pub fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    local()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// The keys that start with `prefix`.
fn keys_with_prefix(storage: &web_sys::Storage, prefix: &str) -> Result<Vec<String>, StorageError> {
    let n = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect())
}

/// Every stored draft, readable or not, newest first.
pub fn list() -> Result<Vec<StoredEntry>, StorageError> {
    let storage = local()?;
    let keys = keys_with_prefix(&storage, DRAFT_PREFIX)?;
    let mut entries: Vec<StoredEntry> = keys
        .into_iter()
        .filter_map(|key| {
            let raw = storage.get_item(&key).ok().flatten()?;
            Some(match Draft::from_json(&raw) {
                Ok(d) => StoredEntry::Draft(Box::new(d)),
                Err(error) => StoredEntry::Unreadable { key, raw, error },
            })
        })
        .collect();
    entries.sort_by(|a, b| match (a, b) {
        (StoredEntry::Draft(a), StoredEntry::Draft(b)) => b.updated_at.cmp(&a.updated_at),
        (StoredEntry::Unreadable { .. }, StoredEntry::Draft(_)) => std::cmp::Ordering::Less,
        (StoredEntry::Draft(_), StoredEntry::Unreadable { .. }) => std::cmp::Ordering::Greater,
        (StoredEntry::Unreadable { key: a, .. }, StoredEntry::Unreadable { key: b, .. }) => {
            a.cmp(b)
        }
    });
    Ok(entries)
}

/// Reads one draft: `Ok(None)` when there is none under that id.
pub fn read_draft(id: &str) -> Result<Option<Result<Draft, DraftError>>, StorageError> {
    Ok(read_raw(&draft_key(id))?.map(|raw| Draft::from_json(&raw)))
}

/// Writes a draft. A refused write leaves what was stored before untouched (setItem is atomic).
pub fn write_draft(draft: &Draft) -> Result<(), StorageError> {
    local()?
        .set_item(&draft_key(&draft.id), &draft.to_json())
        .map_err(refused)
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?.remove_item(key).map_err(refused)
}

/// What is stored under keys that start with `prefix`: (key, text), by key.
fn texts_with_prefix(prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
    let storage = local()?;
    let mut out: Vec<(String, String)> = keys_with_prefix(&storage, prefix)?
        .into_iter()
        .filter_map(|key| Some((key.clone(), storage.get_item(&key).ok().flatten()?)))
        .collect();
    out.sort();
    Ok(out)
}

/// The framework files the user loaded, as stored: (key, text).
pub fn list_frameworks() -> Result<Vec<(String, String)>, StorageError> {
    texts_with_prefix(FRAMEWORK_PREFIX)
}

pub fn framework_key(id: &str, version: &str) -> String {
    format!("{FRAMEWORK_PREFIX}{id}@{version}")
}

pub fn write_framework(key: &str, text: &str) -> Result<(), StorageError> {
    local()?.set_item(key, text).map_err(refused)
}

/// Whether a framework is stored under `key` (the builder asks before replacing one).
pub fn has(key: &str) -> Result<bool, StorageError> {
    read_raw(key).map(|v| v.is_some())
}

/// The stored unit lists, as stored: (key, text), by key.
pub fn list_unit_lists() -> Result<Vec<(String, String)>, StorageError> {
    texts_with_prefix(UNIT_LIST_PREFIX)
}

pub fn unit_list_key(id: &str) -> String {
    format!("{UNIT_LIST_PREFIX}{id}")
}

pub fn write_unit_list(id: &str, text: &str) -> Result<(), StorageError> {
    local()?.set_item(&unit_list_key(id), text).map_err(refused)
}

pub fn remove_unit_list(id: &str) -> Result<(), StorageError> {
    remove(&unit_list_key(id))
}

/// Work in progress on the builder's page, one of each at a time, kept as it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// The framework builder's project.
    Builder,
    /// The framework editor's form.
    Editor,
    /// The unit list being edited, saved or not.
    UnitList,
}

impl Work {
    fn key(self) -> &'static str {
        match self {
            Work::Builder => "cchc.v1.builder",
            Work::Editor => "cchc.v1.editor",
            Work::UnitList => "cchc.v1.units-work",
        }
    }
}

pub fn read_work(work: Work) -> Result<Option<String>, StorageError> {
    read_raw(work.key())
}

pub fn write_work(work: Work, text: &str) -> Result<(), StorageError> {
    local()?.set_item(work.key(), text).map_err(refused)
}

pub fn remove_work(work: Work) -> Result<(), StorageError> {
    remove(work.key())
}

pub fn read_chosen_unit_list() -> Option<String> {
    read_raw(CHOSEN_UNIT_LIST_KEY).ok().flatten()
}

pub fn write_chosen_unit_list(id: &str) -> Result<(), StorageError> {
    local()?.set_item(CHOSEN_UNIT_LIST_KEY, id).map_err(refused)
}

pub fn read_lang() -> Option<String> {
    read_raw(LANG_KEY).ok().flatten()
}

/// Best effort: the language choice is a convenience, not data.
pub fn write_lang(code: &str) {
    if let Ok(s) = local() {
        let _ = s.set_item(LANG_KEY, code);
    }
}

/// Calls `cb(key)` when another tab changes localStorage.
pub fn on_external_change(cb: impl Fn(Option<String>) + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        cb(e.key())
    })
}

fn session() -> Result<web_sys::Storage, StorageError> {
    area(web_sys::Window::session_storage)
}

/// Hands `draft` (read from `file`, or stored here when `None`) to the next page of this tab.
pub fn write_carry_handover(draft: &Draft, file: Option<&str>) -> Result<(), StorageError> {
    // A file name never holds a line break, so the first line is the name (empty for none).
    let text = format!("{}\n{}", file.unwrap_or_default(), draft.to_json());
    session()?
        .set_item(CARRY_HANDOVER_KEY, &text)
        .map_err(refused)
}

/// Takes the draft handed over, if any (it is removed as it is read): the draft, or why its text
/// does not read, and the file it came from.
pub fn take_carry_handover() -> Option<(Result<Draft, DraftError>, Option<String>)> {
    let storage = session().ok()?;
    let text = storage.get_item(CARRY_HANDOVER_KEY).ok().flatten()?;
    let _ = storage.remove_item(CARRY_HANDOVER_KEY);
    let (file, json) = text.split_once('\n')?;
    let file = (!file.is_empty()).then(|| file.to_string());
    Some((Draft::from_json(json), file))
}
