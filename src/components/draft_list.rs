use cchc_core::{Draft, Lang, score};
use leptos::prelude::*;

use crate::clock;
use crate::i18n::{Msg, storage_error};
use crate::route::Route;
use crate::state::AppState;
use crate::storage::StoredEntry;

/// One stored draft as the list shows it.
#[derive(Clone, PartialEq)]
struct Row {
    draft: Draft,
    framework_title: Option<String>,
    answered: u32,
    applicable: u32,
    index: Option<String>,
}

fn row(state: AppState, draft: Draft, lang: Lang) -> Row {
    let fw = state
        .library
        .find(&draft.framework.id, &draft.framework.version);
    let (answered, applicable, index) = match &fw {
        Some(fw) => {
            let sc = score(fw, &draft.answers);
            (
                sc.answered,
                sc.applicable,
                Some(format!("{} %", sc.index.format(lang))),
            )
        }
        None => (0, 0, None),
    };
    Row {
        framework_title: fw.map(|f| f.title.get(lang).to_string()),
        answered,
        applicable,
        index,
        draft,
    }
}

/// The drafts stored in this browser, newest first, with a way to open, export or delete each,
/// and unreadable ones offered for download as they are or for discarding.
#[component]
pub fn DraftList() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let entries = Memo::new(move |_| state.shelf.list());
    let confirming = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<Msg>);

    let delete = move |id: String| {
        let result = state.delete(&id);
        confirming.set(None);
        problem.set(result.err().map(|e| storage_error(&e)));
    };
    let discard = move |key: String| {
        let result = state.shelf.discard_unreadable(&key);
        confirming.set(None);
        problem.set(result.err().map(|e| storage_error(&e)));
    };

    let rows = move || {
        let l = lang();
        match entries.get() {
            Err(_) => view! { <p role="alert" class="warning">{Msg::StorageUnavailable.text(l)}</p> }.into_any(),
            Ok(list) if list.is_empty() => view! { <p class="muted">{Msg::NoDrafts.text(l)}</p> }.into_any(),
            Ok(list) => list
                .into_iter()
                .map(|entry| match entry {
                    StoredEntry::Draft(d) => {
                        let r = row(state, *d, l);
                        let id = r.draft.id.clone();
                        let (id_del, id_confirm, id_yes) = (id.clone(), id.clone(), id.clone());
                        let export = r.draft.clone();
                        let progress = format!("{}/{}", r.answered, r.applicable);
                        view! {
                            <li class="draft-row" data-testid=format!("draft-{id}")>
                                <div class="draft-main">
                                    <a href=Route::Item { draft: id.clone(), code: None }.href() class="draft-unit">
                                        {r.draft.unit.name.clone()}
                                    </a>
                                    <span class="muted">
                                        {format!(
                                            "{} · {} {} · {}",
                                            r.framework_title.clone().unwrap_or_else(|| Msg::FrameworkMissing.text(l).to_string()),
                                            Msg::Year.text(l),
                                            r.draft.answers.year,
                                            Msg::SavedAt.text(l),
                                        )}
                                        " "
                                        {clock::local_date_time(&r.draft.updated_at)}
                                    </span>
                                </div>
                                <div class="draft-figures">
                                    <span title=Msg::Progress.text(l)>{Msg::Answered.text(l)} ": " {progress}</span>
                                    <span>{Msg::ProvisionalIndex.text(l)} ": " {r.index.clone().unwrap_or_default()}</span>
                                </div>
                                <div class="draft-actions">
                                    <Show
                                        when=move || confirming.get().as_deref() == Some(id_confirm.as_str())
                                        fallback=move || {
                                            let id_del = id_del.clone();
                                            let export = export.clone();
                                            let source = std::sync::Arc::new(export.clone());
                                            view! {
                                                <button type="button" on:click=move |_| {
                                                    problem.set(state.export(&export).err().map(|_| Msg::ExportFailed));
                                                }>{Msg::Export.text(l)}</button>
                                                <button type="button" data-testid="carry-draft"
                                                    on:click=move |_| state.begin_carry(source.clone(), None)>
                                                    {Msg::CarryDraft.text(l)}
                                                </button>
                                                <button type="button" class="danger" data-testid="delete-draft"
                                                    on:click=move |_| confirming.set(Some(id_del.clone()))>
                                                    {Msg::Delete.text(l)}
                                                </button>
                                            }
                                        }
                                    >
                                        {
                                            let id_yes = id_yes.clone();
                                            view! {
                                                <span role="alert">{Msg::ConfirmDelete.text(l)}</span>
                                                <button type="button" class="danger" data-testid="confirm-delete"
                                                    on:click=move |_| delete(id_yes.clone())>{Msg::Delete.text(l)}</button>
                                                <button type="button" on:click=move |_| confirming.set(None)>{Msg::Cancel.text(l)}</button>
                                            }
                                        }
                                    </Show>
                                </div>
                            </li>
                        }
                        .into_any()
                    }
                    StoredEntry::Unreadable { key, raw, error } => {
                        let (key_confirm, key_yes, key_ask) = (key.clone(), key.clone(), key.clone());
                        view! {
                            <li class="draft-row unreadable" data-testid="unreadable-draft">
                                <div class="draft-main">
                                    <strong>{Msg::UnreadableDraft.text(l)}</strong>
                                    <span class="muted">{error.message(l)}</span>
                                </div>
                                <div class="draft-actions">
                                    <button type="button" data-testid="download-unreadable" on:click=move |_| {
                                        problem.set(state.shelf.download_unreadable(&key, &raw).err().map(|_| Msg::ExportFailed));
                                    }>{Msg::DownloadAsIs.text(l)}</button>
                                    <Show
                                        when=move || confirming.get().as_deref() == Some(key_confirm.as_str())
                                        fallback=move || {
                                            let key_ask = key_ask.clone();
                                            view! {
                                                <button type="button" class="danger" data-testid="discard-unreadable"
                                                    on:click=move |_| confirming.set(Some(key_ask.clone()))>{Msg::Discard.text(l)}</button>
                                            }
                                        }
                                    >
                                        {
                                            let key_yes = key_yes.clone();
                                            view! {
                                                <span role="alert">{Msg::ConfirmDiscard.text(l)}</span>
                                                <button type="button" class="danger" data-testid="confirm-discard"
                                                    on:click=move |_| discard(key_yes.clone())>{Msg::Discard.text(l)}</button>
                                                <button type="button" on:click=move |_| confirming.set(None)>{Msg::Cancel.text(l)}</button>
                                            }
                                        }
                                    </Show>
                                </div>
                            </li>
                        }
                        .into_any()
                    }
                })
                .collect_view()
                .into_any(),
        }
    };

    let undo = move || {
        let last = state
            .shelf
            .deleted
            .with(|d| d.last().map(|d| d.unit.name.clone()))?;
        let l = lang();
        Some(view! {
            <div class="toast" role="status" data-testid="deleted-toast">
                {format!("{} {last}.", Msg::DeletedDraftOf.text(l))}
                " "
                <button type="button" data-testid="undo-delete" on:click=move |_| {
                    problem.set(state.undo_delete().err().map(|e| storage_error(&e)));
                }>{Msg::Undo.text(l)}</button>
            </div>
        })
    };

    view! {
        {undo}
        <p class="error" role="alert">{move || problem.get().map(|m| m.text(lang()))}</p>
        <ul class="draft-list" data-testid="draft-list">{rows}</ul>
    }
}
