use leptos::prelude::*;

use crate::clock;
use crate::file_io::{self, FileError};
use crate::i18n::{Msg, file_error, tr};
use crate::route::Route;
use crate::state::{AppState, SaveState};
use crate::storage::StorageError;

/// The open draft's unit, year and live totals, the save status, and the way out when saving
/// fails (export now) or another tab has saved the same draft (choose which to keep).
#[component]
pub fn DraftHeader() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let draft_id = move || {
        state
            .draft
            .with(|d| d.as_ref().map(|d| d.id.clone()).unwrap_or_default())
    };
    let unit = move || {
        state
            .draft
            .with(|d| d.as_ref().map(|d| d.unit.name.clone()).unwrap_or_default())
    };
    let year = move || {
        state
            .draft
            .with(|d| d.as_ref().map(|d| d.answers.year).unwrap_or_default())
    };
    let fw_title = move || {
        state
            .framework
            .with(|f| f.as_ref().map(|f| f.title.get(lang()).to_string()))
    };
    let totals = Memo::new(move |_| {
        state.scorecard.with(|sc| {
            sc.as_ref().map(|sc| {
                (
                    sc.total,
                    sc.applicable_max,
                    sc.index,
                    sc.answered,
                    sc.applicable,
                )
            })
        })
    });
    let export_error = RwSignal::new(None::<FileError>);
    let xlsx_busy = RwSignal::new(false);
    let xlsx_error = RwSignal::new(None::<FileError>);
    let export_xlsx = move |_| {
        let Some(json) = state.score_table_json() else {
            return;
        };
        let name = state
            .draft
            .with_untracked(|d| {
                d.as_ref()
                    .map(|d| d.file_name().replace("tu-danh-gia.json", "bang-diem.xlsx"))
            })
            .unwrap_or_default();
        xlsx_busy.set(true);
        xlsx_error.set(None);
        leptos::task::spawn_local(async move {
            let result = file_io::download_spreadsheet(&name, json).await;
            xlsx_busy.set(false);
            xlsx_error.set(result.err());
        });
    };
    let export = move |_| export_error.set(state.export_open_draft().err());

    let status = move || {
        let l = lang();
        match state.save.get() {
            _ if state.sandbox.get() => Msg::SandboxNotSaved.text(l).to_string(),
            SaveState::Idle => String::new(),
            SaveState::Pending => Msg::Saving.text(l).to_string(),
            SaveState::Saved { at } => {
                format!("{} {}", Msg::SavedAtTime.text(l), clock::local_time(&at))
            }
            SaveState::Failed(StorageError::Unavailable) => {
                Msg::SaveFailedUnavailable.text(l).to_string()
            }
            SaveState::Failed(StorageError::Refused(_)) => {
                Msg::SaveFailedRefused.text(l).to_string()
            }
            SaveState::Conflict => Msg::SaveConflict.text(l).to_string(),
        }
    };
    let failed = move || matches!(state.save.get(), SaveState::Failed(_) | SaveState::Conflict);

    view! {
        <div class="draft-header">
            <div class="draft-title">
                <h2 data-testid="draft-unit">{unit}</h2>
                <Show when=move || state.draft.with(|d| d.as_ref().is_some_and(|d| d.edited_outside))>
                    <span class="badge warn" data-testid="edited-mark">{tr(Msg::EditedMark)}</span>
                </Show>
                <p class="muted">{move || format!("{} · {} {}", fw_title().unwrap_or_default(), Msg::Year.text(lang()), year())}</p>
            </div>
            <dl class="totals">
                <div>
                    <dt>{tr(Msg::TotalPoints)}</dt>
                    <dd data-testid="total-points">
                        {move || totals.get().map(|(t, m, ..)| format!("{} / {}", t.format(lang()), m.format_short(lang())))}
                    </dd>
                </div>
                <div>
                    <dt>{tr(Msg::Index)}</dt>
                    <dd data-testid="index-percent">{move || totals.get().map(|(_, _, i, ..)| format!("{} %", i.format(lang())))}</dd>
                </div>
                <div>
                    <dt>{tr(Msg::Answered)}</dt>
                    <dd data-testid="progress">{move || totals.get().map(|(.., a, n)| format!("{a}/{n}"))}</dd>
                </div>
            </dl>
            <nav class="draft-nav" aria-label=tr(Msg::DraftActions)>
                <a href=move || Route::Item { draft: draft_id(), code: None }.href() data-testid="to-items">{tr(Msg::Criteria)}</a>
                <a href=move || Route::Summary { draft: draft_id() }.href() data-testid="to-summary">{tr(Msg::Summary)}</a>
                <a href=move || Route::Report { draft: draft_id() }.href() data-testid="to-report">{tr(Msg::Report)}</a>
                <button type="button" data-testid="export-draft" on:click=export>{tr(Msg::ExportFile)}</button>
                <button type="button" data-testid="export-xlsx" disabled=move || xlsx_busy.get() on:click=export_xlsx>{tr(Msg::ExportXlsx)}</button>
            </nav>
            <p class="save-status" class:save-problem=failed role="status" aria-live="polite" data-testid="save-status">{status}</p>
            <Show when=move || state.sandbox.get()>
                <div class="banner sandbox" role="note" data-testid="sandbox-banner">
                    <p>{tr(Msg::SandboxExplained)}</p>
                    <button type="button" data-testid="sandbox-reset" on:click=move |_| state.reset_sandbox()>{tr(Msg::ResetSample)}</button>
                </div>
            </Show>
            <Show when=move || state.save.get() == SaveState::Conflict>
                <div class="banner warning" role="alert" data-testid="conflict">
                    <p>{tr(Msg::ConflictExplained)}</p>
                    <button type="button" on:click=export>{tr(Msg::ExportThisTab)}</button>
                    <button type="button" data-testid="take-other" on:click=move |_| state.take_stored()>{tr(Msg::TakeOtherTab)}</button>
                    <button type="button" data-testid="keep-mine" on:click=move |_| state.keep_mine()>{tr(Msg::KeepThisTab)}</button>
                </div>
            </Show>
            <Show when=move || matches!(state.save.get(), SaveState::Failed(_))>
                <div class="banner warning" role="alert" data-testid="save-failed">
                    <p>{tr(Msg::SaveFailedExplained)}</p>
                    <button type="button" class="primary" data-testid="export-now" on:click=export>{tr(Msg::ExportNow)}</button>
                </div>
            </Show>
            <Show when=move || xlsx_busy.get()>
                <p role="status">{tr(Msg::PreparingXlsx)}</p>
            </Show>
            <Show when=move || xlsx_error.get().is_some()>
                <p class="error" role="alert" data-testid="xlsx-error">{tr(Msg::XlsxFailed)} " " {move || xlsx_error.get().map(|e| file_error(&e, lang()))}</p>
            </Show>
            <Show when=move || export_error.get().is_some()>
                <p class="error" role="alert">{move || export_error.get().map(|e| file_error(&e, lang()))}</p>
            </Show>
        </div>
    }
}
