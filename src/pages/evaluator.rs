//! The Sở Nội vụ view: load the units' submission files in a batch, see each block ranked the way
//! the province publishes it, enter the survey results, compare with last year, export.

use cchc_core::framework::UnitType;
use cchc_core::ranking::{Entry, Ranked, flags, not_handed_in, rank, summary, with_previous};
use cchc_core::report::SpreadsheetRequest;
use cchc_core::{Lang, Percent, Points};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::bar_chart::BarChart;
use crate::components::unit_list_choice::UnitListChoice;
use crate::file_io::{self, FileError};
use crate::i18n::{Msg, file_error, read_error, tr};
use crate::pages::appraisal::AppraisalPanel;
use crate::pages::round_words as round;
use crate::pages::survey_sheet::SurveySheetImport;
use crate::state::{AppState, BatchPart, Refusal};

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Rank,
    Unit,
    SelfScored,
    Survey,
    Total,
    Index,
    Component(usize),
}

/// The evaluator page.
#[component]
pub fn EvaluatorPage() -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let batch = state.batch();
    let block = RwSignal::new(UnitType::So);
    let sort = RwSignal::new(SortBy::Rank);
    // Departments and communes are this season's blocks; districts (up to 2024) and other units
    // get theirs when a file of theirs is read.
    let blocks = Memo::new(move |_| {
        let present = |t: UnitType| {
            batch.entries.with(|e| e.iter().any(|e| e.unit_type == t))
                || batch.last_year.with(|e| e.iter().any(|e| e.unit_type == t))
        };
        UnitType::ALL
            .into_iter()
            .filter(|&t| matches!(t, UnitType::So | UnitType::Xa) || present(t))
            .collect::<Vec<_>>()
    });
    let pick = move |part: BatchPart| {
        move |ev: leptos::ev::Event| {
            let files = file_io::picked_files(&ev);
            if !files.is_empty() {
                state.load_batch(files, part);
            }
        }
    };
    let ranked = Memo::new(move |_| {
        let t = block.get();
        let now: Vec<Entry> = batch
            .entries
            .with(|e| e.iter().filter(|e| e.unit_type == t).cloned().collect());
        let before: Vec<Entry> = batch
            .last_year
            .with(|e| e.iter().filter(|e| e.unit_type == t).cloned().collect());
        let mut ranked = with_previous(rank(&now), &rank(&before));
        let key = sort.get();
        if key != SortBy::Rank {
            ranked.sort_by(|a, b| match key {
                SortBy::Unit => cchc_core::text::fold_diacritics(&a.entry.unit)
                    .cmp(&cchc_core::text::fold_diacritics(&b.entry.unit)),
                SortBy::SelfScored => b.entry.self_scored.cmp(&a.entry.self_scored),
                SortBy::Survey => b.entry.survey().cmp(&a.entry.survey()),
                SortBy::Total => b.entry.total().cmp(&a.entry.total()),
                SortBy::Index => b.entry.index().cmp(&a.entry.index()),
                // Highest first; a field not applicable (no index) after every scored one.
                SortBy::Component(i) => b.entry.component_index(i).cmp(&a.entry.component_index(i)),
                SortBy::Rank => a.rank.cmp(&b.rank),
            });
        }
        ranked
    });
    let field_codes = Memo::new(move |_| {
        ranked.with(|r| {
            r.first()
                .map(|r| {
                    r.entry
                        .components
                        .iter()
                        .map(|c| c.code.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let has_last_year = Signal::derive(move || batch.last_year.with(|l| !l.is_empty()));
    // A framework without a survey part (split 100 + 0) has no survey column to fill.
    let has_survey = Signal::derive(move || {
        ranked.with(|r| r.iter().any(|r| r.entry.survey_max > Points::ZERO))
    });
    let band_of = move |r: &Ranked, l: Lang| band_label(state, r, l);
    let survey_problem = RwSignal::new(None::<(String, round::Msg)>);
    let header = move |label: &'static (dyn Fn(Lang) -> &'static str + Sync), key: SortBy| {
        view! {
            <th scope="col" aria-sort=move || sort_direction(sort.get(), key)>
                <button type="button" class="link sort" on:click=move |_| sort.set(key)>{move || label(lang())}</button>
            </th>
        }
    };
    let chart_rows = move || {
        let mut rows: Vec<(String, Percent)> = ranked.with(|r| {
            r.iter()
                .map(|r| (r.entry.unit.chars().take(30).collect(), r.entry.index()))
                .collect()
        });
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        rows
    };
    // The block's units in the list in use that sent nothing for the batch's (latest) year.
    let missing = Memo::new(move |_| {
        let t = block.get();
        let list = state.library.units()?;
        batch.entries.with(|e| {
            let year = e
                .iter()
                .filter(|e| e.unit_type == t)
                .map(|e| e.year)
                .max()?;
            let expected = list.offered(t, year).count();
            let names: Vec<String> = not_handed_in(&list, t, year, e)
                .into_iter()
                .map(|u| u.name.clone())
                .collect();
            (expected > 0).then(|| (list.label(), year, expected, names))
        })
    });
    let missing_line = move || {
        let l = lang();
        missing.get().map(|(list, year, expected, names)| {
            if names.is_empty() {
                format!(
                    "{} {list}, {year}: {} {expected}.",
                    round::Msg::ByList.text(l),
                    round::Msg::AllHandedIn.text(l)
                )
            } else {
                format!(
                    "{} {list}, {year}: {}/{expected} {} {}",
                    round::Msg::ByList.text(l),
                    names.len(),
                    round::Msg::NotHandedIn.text(l),
                    names.join("; ")
                )
            }
        })
    };
    let flag_list = move || {
        let l = lang();
        let all: Vec<Entry> = batch.entries.get();
        flags(&all)
            .into_iter()
            .map(|f| view! { <li>{f.message(l)}</li> })
            .collect_view()
    };
    let sheet = move || {
        let l = state.lang.get_untracked();
        let b = block.get_untracked();
        cchc_core::ranking::sheet(&ranked.get_untracked(), l, b, |r| {
            band_of(r, l).unwrap_or_default()
        })
    };
    let file_stem = move || {
        format!(
            "CCHC-xep-hang-{}",
            match block.get_untracked() {
                UnitType::So => "cap-so",
                UnitType::Xa => "cap-xa",
                UnitType::Huyen => "cap-huyen",
                UnitType::Khac => "khac",
            }
        )
    };
    let csv_error = RwSignal::new(None::<FileError>);
    let export_csv = move |_| {
        // A byte-order mark so that Excel opens the Vietnamese text as UTF-8.
        let result = file_io::download(
            &format!("{}.csv", file_stem()),
            file_io::CSV,
            &format!("\u{feff}{}", sheet().to_csv()),
        );
        csv_error.set(result.err());
    };
    let xlsx_error = RwSignal::new(None::<FileError>);
    let export_xlsx = move |_| {
        let request = SpreadsheetRequest::Sheets {
            sheets: vec![sheet()],
        };
        let json = match serde_json::to_string(&request) {
            Ok(json) => json,
            Err(_) => return xlsx_error.set(Some(FileError::DownloadRefused)),
        };
        let name = format!("{}.xlsx", file_stem());
        spawn_local(async move {
            xlsx_error.set(file_io::download_spreadsheet(&name, json).await.err());
        });
    };

    view! {
        <div class="evaluator">
            <section class="panel" aria-labelledby="batch-heading">
                <h2 id="batch-heading">{round::tr(round::Msg::EvaluatorHeading)}</h2>
                <p class="muted">{round::tr(round::Msg::EvaluatorHelp)}</p>
                <div class="row">
                    <label for="batch-files">{round::tr(round::Msg::LoadSubmissions)}</label>
                    <input id="batch-files" type="file" multiple accept=".json,application/json" data-testid="batch-files" on:change=pick(BatchPart::ThisYear) />
                </div>
                <div class="row">
                    <label for="last-year-files">{round::tr(round::Msg::LoadLastYear)}</label>
                    <input id="last-year-files" type="file" multiple accept=".json,application/json" data-testid="last-year-files" on:change=pick(BatchPart::LastYear) />
                </div>
                <div class="row">
                    <label for="appraisal-files">{round::tr(round::Msg::LoadAppraisals)}</label>
                    <input id="appraisal-files" type="file" multiple accept=".json,application/json" data-testid="appraisal-files"
                        on:change=move |ev| {
                            let files = file_io::picked_files(&ev);
                            if !files.is_empty() {
                                state.load_appraisals(files);
                            }
                        } />
                </div>
                <p role="status" data-testid="batch-progress">
                    {move || batch.progress.get().map(|(done, of)| format!("{} {done}/{of}", round::Msg::FilesRead.text(lang())))}
                </p>
                <Show when=move || batch.entries.with(|e| e.iter().any(|e| e.survey_max > Points::ZERO))>
                    <SurveySheetImport />
                </Show>
                <Show when=move || batch.refused.with(|r| !r.is_empty())>
                    <div class="warning" role="alert">
                        <p>{round::tr(round::Msg::FilesRefused)}</p>
                        <ul data-testid="refused-files">
                            {move || batch.refused.get().into_iter().map(|(f, why)| view! { <li>{format!("{f}: {}", refusal(&why, lang()))}</li> }).collect_view()}
                        </ul>
                    </div>
                </Show>
                <Show when=move || batch.entries.with(|e| !flags(e).is_empty())>
                    <div class="warning">
                        <p>{round::tr(round::Msg::Flags)}</p>
                        <ul data-testid="flags">{flag_list}</ul>
                    </div>
                </Show>
            </section>
            <section class="panel" aria-labelledby="ranking-heading">
                <h2 id="ranking-heading">{round::tr(round::Msg::Ranking)}</h2>
                <div class="tabs" role="group" aria-label=round::tr(round::Msg::Block)>
                    <For each=move || blocks.get() key=|t| *t let:t>
                        <button type="button" data-testid=format!("block-{}", t.code()) aria-pressed=move || (block.get() == t).to_string() on:click=move |_| block.set(t)>{move || t.label(lang())}</button>
                    </For>
                    <button type="button" data-testid="export-csv" on:click=export_csv>{round::tr(round::Msg::ExportCsv)}</button>
                    <button type="button" data-testid="export-ranking-xlsx" on:click=export_xlsx>{round::tr(round::Msg::ExportRankingXlsx)}</button>
                </div>
                <UnitListChoice />
                <p data-testid="not-handed-in">{missing_line}</p>
                <p data-testid="block-summary">
                    {move || {
                        let l = lang();
                        ranked.with(|r| summary(r, |r| band_of(r, l)).map(|s| s.line(l)))
                    }}
                </p>
                <Show when=move || xlsx_error.get().is_some()>
                    <p class="error" role="alert">{tr(Msg::XlsxFailed)} " " {move || xlsx_error.get().map(|e| file_error(&e, lang()))}</p>
                </Show>
                <Show when=move || csv_error.get().is_some()>
                    <p class="error" role="alert" data-testid="csv-error">{move || csv_error.get().map(|e| file_error(&e, lang()))}</p>
                </Show>
                <p class="error" role="alert" data-testid="survey-problem">
                    {move || survey_problem.get().map(|(unit, m)| format!("{unit}: {}", m.text(lang())))}
                </p>
                <div class="table-scroll">
                    <table class="ranking" data-testid="ranking">
                        <thead>
                            <tr>
                                {header(&|l| round::Msg::Rank.text(l), SortBy::Rank)}
                                {header(&|l| Msg::Unit.text(l), SortBy::Unit)}
                                {header(&|l| Msg::SelfScoredPart.text(l), SortBy::SelfScored)}
                                <th scope="col">{round::tr(round::Msg::AppraisalHeading)}</th>
                                <Show when=move || has_survey.get()>{header(&|l| round::Msg::SurveyPoints.text(l), SortBy::Survey)}</Show>
                                {header(&|l| Msg::TotalPoints.text(l), SortBy::Total)}
                                {header(&|l| Msg::Index.text(l), SortBy::Index)}
                                <th scope="col">{round::tr(round::Msg::Band)}</th>
                                {move || field_codes.get().into_iter().enumerate().map(|(i, code)| view! {
                                    <th scope="col" aria-sort=move || sort_direction(sort.get(), SortBy::Component(i))><button type="button" class="link sort" on:click=move |_| sort.set(SortBy::Component(i))>{format!("{} {code}", round::Msg::FieldShort.text(lang()))}</button></th>
                                }).collect_view()}
                                <Show when=move || has_last_year.get()>
                                    <th scope="col">{round::tr(round::Msg::RankChange)}</th>
                                    <th scope="col">{round::tr(round::Msg::IndexChange)}</th>
                                </Show>
                            </tr>
                        </thead>
                        <tbody>
                            // Keyed by what a row shows that can change: a survey entry re-renders
                            // the rows whose rank or points moved, not the whole table.
                            <For
                                each=move || ranked.get()
                                key=|r| (r.entry.source.clone(), r.rank, r.entry.survey_entered, r.entry.self_scored, r.entry.appraised, r.previous)
                                children=move |r| view! { <RankRow ranked=r has_last_year=has_last_year has_survey=has_survey problem=survey_problem /> }
                            />
                        </tbody>
                    </table>
                </div>
                {move || batch.appraising.get().map(|source| view! { <AppraisalPanel source=source /> })}
                <Show when=move || ranked.with(|r| !r.is_empty())>
                    {move || view! { <BarChart rows=chart_rows() title=round::Msg::Ranking.text(lang()).to_string() /> }}
                </Show>
            </section>
        </div>
    }
}

fn refusal(why: &Refusal, l: Lang) -> String {
    match why {
        Refusal::Read(e) => read_error(e).text(l).to_string(),
        Refusal::Check(e) => e.message(l),
        Refusal::Appraisal(e) => std::iter::once(e.message(l))
            .chain(e.details(l))
            .collect::<Vec<_>>()
            .join("; "),
        Refusal::NoSubmission { unit, year } => {
            format!(
                "{} {unit} ({year})",
                round::Msg::AppraisalWithoutSubmission.text(l)
            )
        }
    }
}

/// The band a unit's index falls in, in its framework's words.
fn band_label(state: AppState, r: &Ranked, l: Lang) -> Option<String> {
    let fw = state.library.by_id(&r.entry.framework_id)?;
    fw.band_for(r.entry.index())
        .map(|b| b.label.get(l).to_string())
}

/// One unit's row of the ranking, with the survey points the province enters for it.
#[component]
fn RankRow(
    ranked: Ranked,
    has_last_year: Signal<bool>,
    /// Whether the block's framework has a survey part to enter.
    has_survey: Signal<bool>,
    /// Where a survey entry that cannot be taken is explained.
    problem: RwSignal<Option<(String, round::Msg)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let r = ranked;
    let e = r.entry.clone();
    let source = e.source.clone();
    let unit = e.unit.clone();
    let survey_max = e.survey_max;
    let entered = e.survey_entered;
    let set_survey = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            Points::parse(&text).map(Some)
        };
        let outcome = match parsed {
            Err(_) => Err(round::Msg::SurveyUnreadable),
            Ok(points) if state.batch().set_survey(&source, points) => Ok(()),
            Ok(_) => Err(round::Msg::SurveyOutOfRange),
        };
        match outcome {
            Ok(()) => problem.set(None),
            Err(msg) => {
                // The points stay as they were, and so does the box.
                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                input.set_value(&entered.map(|p| p.format_short(lang())).unwrap_or_default());
                problem.set(Some((unit.clone(), msg)));
            }
        }
    };
    let r2 = r.clone();
    let band = move || band_label(state, &r2, lang()).unwrap_or_default();
    let r3 = r.clone();
    let movement = move || r3.movement(lang()).unwrap_or_default();
    let change = r.index_change();
    let index_change = move || {
        change
            .map(|c| format!("{}{}", if c.0 > 0 { "+" } else { "" }, c.format(lang())))
            .unwrap_or_default()
    };
    let heat = e
        .component_indexes()
        .into_iter()
        .map(|index| match index {
            Some(p) => {
                view! { <td class="num heat" style=heat_style(p)>{move || p.format(lang())}</td> }
                    .into_any()
            }
            // Not applicable: out of the colour scale, and not to be read as a failing 0,00.
            None => view! {
                <td class="num not-applicable" data-testid="component-not-applicable">
                    <span aria-hidden="true">"—"</span>
                    <span class="visually-hidden">{round::tr(round::Msg::FieldNotApplicable)}</span>
                </td>
            }
            .into_any(),
        })
        .collect_view();
    let (self_scored, total, index) = (e.self_scored, e.total(), e.index());
    let (claimed, appraised) = (e.claimed, e.appraised);
    let appraise_source = e.source.clone();
    let appraise_unit = e.unit.clone();
    let survey_label = {
        let unit = e.unit.clone();
        move || format!("{} — {unit}", round::Msg::SurveyPoints.text(lang()))
    };
    view! {
        <tr data-testid=format!("rank-row-{}", e.unit_key())>
            <td class="num" data-testid="rank">{r.rank}</td>
            <th scope="row">
                {e.unit.clone()}
                {e.edited.then(|| view! { <span class="badge warn">{tr(Msg::EditedMark)}</span> })}
            </th>
            <td class="num" data-testid="self-scored">
                {move || self_scored.format(lang())}
                {appraised.then(|| view! {
                    <span class="claimed" data-testid="claimed">
                        " (" {move || format!("{} {}", round::Msg::ClaimedPoints.text(lang()), claimed.format(lang()))} ")"
                    </span>
                })}
            </td>
            <td>
                <button type="button" class="link" data-testid="appraise"
                    aria-label=move || format!("{} — {appraise_unit}", round::Msg::Appraise.text(lang()))
                    on:click=move |_| {
                        state.batch().appraise(&appraise_source);
                        focus_appraisal();
                    }>
                    {round::tr(round::Msg::Appraise)}
                </button>
                {appraised.then(|| view! { <span class="badge" data-testid="appraised-mark">{round::tr(round::Msg::AppraisedMark)}</span> })}
            </td>
            <Show when=move || has_survey.get()>
                <td class="num">
                    <input type="text" inputmode="decimal" class="survey-input" aria-label=survey_label.clone()
                        data-testid="survey-input" prop:value=move || entered.map(|p| p.format_short(lang())).unwrap_or_default()
                        placeholder=move || format!("≤ {}", survey_max.format_short(lang()))
                        on:change=set_survey.clone() />
                </td>
            </Show>
            <td class="num" data-testid="total">{move || total.format(lang())}</td>
            <td class="num" data-testid="index">{move || format!("{} %", index.format(lang()))}</td>
            <td data-testid="band">{band}</td>
            {heat}
            <Show when=move || has_last_year.get()>
                <td data-testid="movement">{movement.clone()}</td>
                <td class="num">{index_change}</td>
            </Show>
        </tr>
    }
}

/// Brings the appraisal panel into view with the focus on its heading, once it is rendered.
fn focus_appraisal() {
    request_animation_frame(|| {
        if let Some(heading) = document()
            .get_element_by_id("appraisal-heading")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = heading.focus();
            heading.scroll_into_view();
        }
    });
}

/// What `aria-sort` says of a column: rank and unit sort ascending (1, 2, 3; A to Z), the figures
/// descending (highest first).
fn sort_direction(current: SortBy, column: SortBy) -> &'static str {
    match (current == column, column) {
        (false, _) => "none",
        (true, SortBy::Rank | SortBy::Unit) => "ascending",
        (true, _) => "descending",
    }
}

/// Green for high component indexes, amber for middling, red for low: a heat table.
fn heat_style(p: Percent) -> String {
    let v = p.0.clamp(0, 10_000);
    // Hue 0 (red) at 50 % and below, 120 (green) at 100 %.
    let hue = ((v - 5_000).max(0) * 120 / 5_000) as i32;
    format!("background-color: hsl({hue}, 70%, 88%)")
}
