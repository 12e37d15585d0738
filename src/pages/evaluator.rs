//! The Sở Nội vụ view: load the units' submission files in a batch, see each block ranked the way
//! the province publishes it, enter the survey results, compare with last year, export.

use cchc_core::Percent;
use cchc_core::framework::UnitType;
use cchc_core::ranking::{Entry, Ranked, flags, rank, with_previous};
use cchc_core::report::{Cell, PlainSheet, SpreadsheetRequest};
use cchc_core::submission::check_import;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::bar_chart::BarChart;
use crate::file_io::{self, ReadError};
use crate::i18n::{Msg, tr};
use crate::state::AppState;

/// The batch being ranked, kept in memory for this page.
#[derive(Clone, Copy)]
pub struct Batch {
    pub entries: RwSignal<Vec<Entry>>,
    pub last_year: RwSignal<Vec<Entry>>,
    /// (file name, why it was not loaded).
    pub refused: RwSignal<Vec<(String, String)>>,
    /// Files read so far, of how many.
    pub progress: RwSignal<Option<(usize, usize)>>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch {
            entries: RwSignal::new(Vec::new()),
            last_year: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
        }
    }
}

impl Default for Batch {
    fn default() -> Self {
        Batch::new()
    }
}

/// Reads, checks and scores every file; bad ones are listed with the reason while the good ones
/// load. `into_last_year` puts them in last year's results instead.
pub fn load_batch(state: AppState, batch: Batch, files: Vec<web_sys::File>, into_last_year: bool) {
    let total = files.len();
    batch.progress.set(Some((0, total)));
    spawn_local(async move {
        let l = state.lang.get_untracked();
        let frameworks = state.loaded_frameworks();
        let refs: Vec<&cchc_core::Framework> = frameworks.iter().map(|f| f.as_ref()).collect();
        let mut loaded = Vec::new();
        let mut refused = Vec::new();
        for (i, file) in files.into_iter().enumerate() {
            let name = file.name();
            match file_io::read_text(file).await {
                Err(ReadError::TooLarge) => {
                    refused.push((name, Msg::FileTooLarge.text(l).to_string()))
                }
                Err(ReadError::Unreadable) => {
                    refused.push((name, Msg::FileUnreadable.text(l).to_string()))
                }
                Ok(text) => match check_import(&text, &refs) {
                    Ok(preview) => {
                        let fw = refs
                            .iter()
                            .find(|f| {
                                f.id == preview.draft.framework.id
                                    && f.version == preview.draft.framework.version
                            })
                            .or_else(|| refs.iter().find(|f| f.id == preview.draft.framework.id));
                        if let Some(fw) = fw {
                            loaded.push(Entry::new(name, fw, &preview.draft, preview.edited));
                        }
                    }
                    Err(e) => refused.push((name, e.message(l))),
                },
            }
            batch.progress.set(Some((i + 1, total)));
        }
        let target = if into_last_year {
            batch.last_year
        } else {
            batch.entries
        };
        target.update(|list| list.extend(loaded));
        batch.refused.update(|list| list.extend(refused));
    });
}

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
    let batch = state.batch;
    let block = RwSignal::new(UnitType::So);
    let sort = RwSignal::new(SortBy::Rank);
    let pick = move |into_last_year: bool| {
        move |ev: leptos::ev::Event| {
            let files = file_io::picked_files(&ev);
            if !files.is_empty() {
                load_batch(state, batch, files, into_last_year);
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
                SortBy::Component(i) => b
                    .entry
                    .components
                    .get(i)
                    .map(|c| c.1)
                    .cmp(&a.entry.components.get(i).map(|c| c.1)),
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
                        .map(|c| c.0.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let has_last_year = move || batch.last_year.with(|l| !l.is_empty());
    let band_of = move |r: &Ranked| {
        let fw = state.framework_by_id(&r.entry.framework_id)?;
        fw.band_for(r.entry.index())
            .map(|b| b.label.get(state.lang.get()).to_string())
    };
    let set_survey = move |source: String, text: String| {
        let value = if text.trim().is_empty() {
            Ok(None)
        } else {
            cchc_core::Points::parse(&text).map(Some)
        };
        if let Ok(v) = value {
            batch.entries.update(|list| {
                if let Some(e) = list.iter_mut().find(|e| e.source == source)
                    && v.is_none_or(|p| p >= cchc_core::Points::ZERO && p <= e.survey_max)
                {
                    e.survey_entered = v;
                }
            });
        }
    };
    let header = move |label: Msg, key: SortBy| {
        view! {
            <th scope="col" aria-sort=move || sort_direction(sort.get(), key)>
                <button type="button" class="link sort" on:click=move |_| sort.set(key)>{tr(label)}</button>
            </th>
        }
    };
    let rows = move || {
        let l = lang();
        ranked
            .get()
            .into_iter()
            .map(|r| {
                let source = r.entry.source.clone();
                let movement = r.movement(l).unwrap_or_default();
                let index_change = r.index_change().map(|c| format!("{}{}", if c.0 > 0 { "+" } else { "" }, c.format(l))).unwrap_or_default();
                let band = band_of(&r).unwrap_or_default();
                let survey_text = r.entry.survey_entered.map(|p| p.format_short(l)).unwrap_or_default();
                let survey_label = format!("{} — {}", Msg::SurveyPoints.text(l), r.entry.unit);
                let heat = r.entry.components.iter().map(|(_, p)| {
                    let style = heat_style(*p);
                    view! { <td class="num heat" style=style>{p.format(l)}</td> }
                }).collect_view();
                view! {
                    <tr data-testid=format!("rank-row-{}", r.entry.unit_key())>
                        <td class="num" data-testid="rank">{r.rank}</td>
                        <th scope="row">
                            {r.entry.unit.clone()}
                            {r.entry.edited.then(|| view! { <span class="badge warn">{Msg::EditedMark.text(l)}</span> })}
                        </th>
                        <td class="num">{r.entry.self_scored.format(l)}</td>
                        <td class="num">
                            <input type="text" inputmode="decimal" class="survey-input" aria-label=survey_label
                                data-testid="survey-input" prop:value=survey_text
                                placeholder=format!("≤ {}", r.entry.survey_max.format_short(l))
                                on:change=move |ev| set_survey(source.clone(), event_target_value(&ev)) />
                        </td>
                        <td class="num" data-testid="total">{r.entry.total().format(l)}</td>
                        <td class="num" data-testid="index">{format!("{} %", r.entry.index().format(l))}</td>
                        <td>{band}</td>
                        {heat}
                        <Show when=has_last_year>
                            <td data-testid="movement">{movement.clone()}</td>
                            <td class="num">{index_change.clone()}</td>
                        </Show>
                    </tr>
                }
            })
            .collect_view()
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
        ranking_sheet(&ranked.get_untracked(), l, b.label(l), |r| {
            band_of(r).unwrap_or_default()
        })
    };
    let file_stem = move || {
        format!(
            "CCHC-xep-hang-{}",
            match block.get_untracked() {
                UnitType::So => "cap-so",
                UnitType::Huyen => "cap-huyen",
                UnitType::Khac => "khac",
            }
        )
    };
    let export_csv = move |_| {
        // A byte-order mark so that Excel opens the Vietnamese text as UTF-8.
        let _ = file_io::download(
            &format!("{}.csv", file_stem()),
            "text/csv",
            &format!("\u{feff}{}", sheet().to_csv()),
        );
    };
    let xlsx_error = RwSignal::new(None::<String>);
    let export_xlsx = move |_| {
        let request = SpreadsheetRequest::Sheets {
            sheets: vec![sheet()],
        };
        let Ok(json) = serde_json::to_string(&request) else {
            return;
        };
        let name = format!("{}.xlsx", file_stem());
        spawn_local(async move {
            let result = file_io::spreadsheet(json).await.and_then(|bytes| {
                file_io::download_bytes(
                    &name,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &bytes,
                )
            });
            xlsx_error.set(result.err());
        });
    };

    view! {
        <div class="evaluator">
            <section class="panel" aria-labelledby="batch-heading">
                <h2 id="batch-heading">{tr(Msg::EvaluatorHeading)}</h2>
                <p class="muted">{tr(Msg::EvaluatorHelp)}</p>
                <div class="row">
                    <label for="batch-files">{tr(Msg::LoadSubmissions)}</label>
                    <input id="batch-files" type="file" multiple accept=".json,application/json" data-testid="batch-files" on:change=pick(false) />
                </div>
                <div class="row">
                    <label for="last-year-files">{tr(Msg::LoadLastYear)}</label>
                    <input id="last-year-files" type="file" multiple accept=".json,application/json" data-testid="last-year-files" on:change=pick(true) />
                </div>
                <p role="status" data-testid="batch-progress">
                    {move || batch.progress.get().map(|(done, of)| format!("{} {done}/{of}", Msg::FilesRead.text(lang())))}
                </p>
                <Show when=move || batch.refused.with(|r| !r.is_empty())>
                    <div class="warning" role="alert">
                        <p>{tr(Msg::FilesRefused)}</p>
                        <ul data-testid="refused-files">
                            {move || batch.refused.get().into_iter().map(|(f, why)| view! { <li>{format!("{f}: {why}")}</li> }).collect_view()}
                        </ul>
                    </div>
                </Show>
                <Show when=move || batch.entries.with(|e| !flags(e).is_empty())>
                    <div class="warning">
                        <p>{tr(Msg::Flags)}</p>
                        <ul data-testid="flags">{flag_list}</ul>
                    </div>
                </Show>
            </section>
            <section class="panel" aria-labelledby="ranking-heading">
                <h2 id="ranking-heading">{tr(Msg::Ranking)}</h2>
                <div class="tabs" role="group" aria-label=tr(Msg::Block)>
                    <button type="button" data-testid="block-so" aria-pressed=move || (block.get() == UnitType::So).to_string() on:click=move |_| block.set(UnitType::So)>{move || UnitType::So.label(lang())}</button>
                    <button type="button" data-testid="block-huyen" aria-pressed=move || (block.get() == UnitType::Huyen).to_string() on:click=move |_| block.set(UnitType::Huyen)>{move || UnitType::Huyen.label(lang())}</button>
                    <button type="button" data-testid="export-csv" on:click=export_csv>{tr(Msg::ExportCsv)}</button>
                    <button type="button" data-testid="export-ranking-xlsx" on:click=export_xlsx>{tr(Msg::ExportRankingXlsx)}</button>
                </div>
                <Show when=move || xlsx_error.get().is_some()>
                    <p class="error" role="alert">{tr(Msg::XlsxFailed)} " " {move || xlsx_error.get()}</p>
                </Show>
                <div class="table-scroll">
                    <table class="ranking" data-testid="ranking">
                        <thead>
                            <tr>
                                {header(Msg::Rank, SortBy::Rank)}
                                {header(Msg::Unit, SortBy::Unit)}
                                {header(Msg::SelfScoredPart, SortBy::SelfScored)}
                                {header(Msg::SurveyPoints, SortBy::Survey)}
                                {header(Msg::TotalPoints, SortBy::Total)}
                                {header(Msg::Index, SortBy::Index)}
                                <th scope="col">{tr(Msg::Band)}</th>
                                {move || field_codes.get().into_iter().enumerate().map(|(i, code)| view! {
                                    <th scope="col" aria-sort=move || sort_direction(sort.get(), SortBy::Component(i))><button type="button" class="link sort" on:click=move |_| sort.set(SortBy::Component(i))>{format!("{} {code}", Msg::FieldShort.text(lang()))}</button></th>
                                }).collect_view()}
                                <Show when=has_last_year>
                                    <th scope="col">{tr(Msg::RankChange)}</th>
                                    <th scope="col">{tr(Msg::IndexChange)}</th>
                                </Show>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Show when=move || ranked.with(|r| !r.is_empty())>
                    {move || view! { <BarChart rows=chart_rows() title=Msg::Ranking.text(lang()).to_string() /> }}
                </Show>
            </section>
        </div>
    }
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

/// The ranking as a plain table: rank, unit, parts, total, index, band, component indexes and the
/// movement since last year. CSV and .xlsx are both written from it.
pub fn ranking_sheet(
    ranked: &[Ranked],
    lang: cchc_core::Lang,
    block: &str,
    band: impl Fn(&Ranked) -> String,
) -> PlainSheet {
    let vi = lang == cchc_core::Lang::Vi;
    let codes: Vec<String> = ranked
        .first()
        .map(|r| r.entry.components.iter().map(|c| c.0.clone()).collect())
        .unwrap_or_default();
    let mut headers: Vec<String> = if vi {
        [
            "Xếp hạng",
            "Đơn vị",
            "Điểm tự đánh giá",
            "Điểm điều tra XHH",
            "Điểm thưởng",
            "Điểm trừ",
            "Tổng điểm",
            "Chỉ số (%)",
            "Xếp loại",
        ]
    } else {
        [
            "Rank",
            "Unit",
            "Self-scored",
            "Survey",
            "Bonus",
            "Penalty",
            "Total",
            "Index (%)",
            "Band",
        ]
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    headers.extend(
        codes
            .iter()
            .map(|c| format!("{} {c}", if vi { "Lĩnh vực" } else { "Field" })),
    );
    headers.push(
        if vi {
            "Thay đổi thứ hạng"
        } else {
            "Rank change"
        }
        .into(),
    );
    let rows = ranked
        .iter()
        .map(|r| {
            let e = &r.entry;
            let mut row = vec![
                Cell::Whole(i64::from(r.rank)),
                Cell::Text(e.unit.clone()),
                Cell::Points(e.self_scored),
                Cell::Points(e.survey()),
                Cell::Points(e.bonus),
                Cell::Points(e.penalty),
                Cell::Points(e.total()),
                Cell::Percent(e.index()),
                Cell::Text(band(r)),
            ];
            row.extend(e.components.iter().map(|c| Cell::Percent(c.1)));
            row.push(Cell::Text(r.movement(lang).unwrap_or_default()));
            row
        })
        .collect();
    let title = if vi {
        format!("Xếp hạng Chỉ số CCHC — {block}")
    } else {
        format!("PAR Index ranking — {block}")
    };
    PlainSheet {
        name: block.to_string(),
        title,
        headers,
        rows,
    }
}
