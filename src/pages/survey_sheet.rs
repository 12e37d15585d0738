//! The province's survey points for the whole batch from a sheet (an Excel file, a .csv, or a
//! table pasted from either), in the Sở Nội vụ view: read, shown row by row with what each will
//! set or why it cannot, and applied only when the officer confirms. The core reads and matches
//! (`cchc_core::survey_sheet`); this view picks, shows and confirms.

use cchc_core::Lang;
use cchc_core::builder::delimited::{decode_text, from_delimited};
use cchc_core::builder::source_error::SourceError;
use cchc_core::builder::table::{SourceKind, SourceTable};
use cchc_core::survey_sheet::{self, Outcome, SheetError, SurveySheet};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file_io::{self, FileError, ReadError};
use crate::i18n::{file_error, read_error};
use crate::pages::round_words as round;
use crate::state::AppState;

/// Why a sheet gave nothing to apply.
#[derive(Debug, Clone)]
enum NotRead {
    File(ReadError),
    /// The spreadsheet reader (in the worker) could not be reached.
    Worker(FileError),
    Source(SourceError),
    Sheet(SheetError),
}

impl NotRead {
    fn message(&self, l: Lang) -> String {
        match self {
            NotRead::File(e) => read_error(e).text(l).to_string(),
            NotRead::Worker(e) => file_error(e, l),
            NotRead::Source(e) => e.message(l),
            NotRead::Sheet(e) => e.message(l),
        }
    }
}

/// A picked file as a table: text files here, spreadsheets and Word files by the worker.
async fn table_of(file: web_sys::File) -> Result<SourceTable, NotRead> {
    let name = file.name();
    let bytes = file_io::read_bytes(file).await.map_err(NotRead::File)?;
    let lower = name.to_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".txt") || lower.ends_with(".tsv") {
        let text = decode_text(&bytes).map_err(NotRead::Source)?;
        return from_delimited(&text, SourceKind::Csv).map_err(NotRead::Source);
    }
    file_io::read_sheet(&name, bytes)
        .await
        .map_err(NotRead::Worker)?
        .map_err(NotRead::Source)
}

#[component]
pub fn SurveySheetImport() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let batch = state.batch();
    let read = RwSignal::new(None::<Result<SurveySheet, NotRead>>);
    let applied = RwSignal::new(None::<usize>);
    let pasted = RwSignal::new(String::new());
    let take = move |table: Result<SourceTable, NotRead>| {
        applied.set(None);
        read.set(Some(table.and_then(|t| {
            batch
                .entries
                .with_untracked(|e| survey_sheet::read(&t, e))
                .map_err(NotRead::Sheet)
        })));
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = file_io::picked_file(&ev) else {
            return;
        };
        spawn_local(async move { take(table_of(file).await) });
    };
    let read_pasted = move |_| {
        take(from_delimited(&pasted.get_untracked(), SourceKind::Pasted).map_err(NotRead::Source))
    };
    let to_apply = move || {
        read.with(|r| match r {
            Some(Ok(sheet)) => sheet.matched().len(),
            _ => 0,
        })
    };
    let apply = move |_| {
        let matched = read.with_untracked(|r| match r {
            Some(Ok(sheet)) => sheet.matched(),
            _ => Vec::new(),
        });
        applied.set(Some(batch.set_surveys(&matched)));
        read.set(None);
    };
    let rows = move || {
        let l = lang();
        read.with(|r| match r {
            Some(Ok(sheet)) => sheet
                .rows
                .iter()
                .map(|row| {
                    let (class, said) = match &row.outcome {
                        Outcome::Matched { points, .. } => (
                            "",
                            format!("{} {}", round::Msg::SurveyWillSet.text(l), points.format(l)),
                        ),
                        Outcome::Refused(p) => ("warn", p.message(l)),
                    };
                    view! {
                        <tr class=class>
                            <td class="num">{row.row}</td>
                            <th scope="row">{row.unit.clone()}</th>
                            <td>{said}</td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any(),
            _ => ().into_any(),
        })
    };
    view! {
        <details class="survey-sheet" data-testid="survey-sheet">
            <summary>{round::tr(round::Msg::SurveySheetHeading)}</summary>
            <p class="muted">{round::tr(round::Msg::SurveySheetHelp)}</p>
            <div class="row">
                <label for="survey-sheet-file">{round::tr(round::Msg::SurveySheetFile)}</label>
                <input id="survey-sheet-file" type="file" accept=".xlsx,.csv,.txt" data-testid="survey-sheet-file" on:change=pick />
            </div>
            <div class="row">
                <label for="survey-sheet-paste">{round::tr(round::Msg::SurveySheetPaste)}</label>
                <textarea id="survey-sheet-paste" rows="4" data-testid="survey-sheet-paste"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="button" data-testid="survey-sheet-read" on:click=read_pasted>{round::tr(round::Msg::SurveySheetRead)}</button>
            </div>
            <p class="error" role="alert" data-testid="survey-sheet-error">
                {move || read.with(|r| match r { Some(Err(e)) => Some(e.message(lang())), _ => None })}
            </p>
            <p role="status" data-testid="survey-sheet-applied">
                {move || applied.get().map(|n| format!("{} {n}", round::Msg::SurveySheetApplied.text(lang())))}
            </p>
            <Show when=move || matches!(read.with(|r| r.as_ref().map(Result::is_ok)), Some(true))>
                <p data-testid="survey-sheet-summary">
                    {move || format!("{} {}", round::Msg::SurveySheetMatched.text(lang()), to_apply())}
                </p>
                <div class="table-scroll" role="region" tabindex="0" aria-label=round::tr(round::Msg::SurveySheetHeading)>
                    <table data-testid="survey-sheet-rows">
                        <thead>
                            <tr>
                                <th scope="col">{round::tr(round::Msg::SheetRow)}</th>
                                <th scope="col">{round::tr(round::Msg::SheetUnit)}</th>
                                <th scope="col">{round::tr(round::Msg::SheetOutcome)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <button type="button" class="primary" data-testid="survey-sheet-apply"
                    disabled=move || to_apply() == 0 on:click=apply>
                    {move || format!("{} ({})", round::Msg::SurveySheetApply.text(lang()), to_apply())}
                </button>
            </Show>
        </details>
    }
}
