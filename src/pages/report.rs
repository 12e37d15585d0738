use cchc_core::Lang;
use cchc_core::report::{RowKind, ScoreTable};
use leptos::prelude::*;

use crate::components::bar_chart::BarChart;
use crate::components::draft_header::DraftHeader;
use crate::i18n::{Msg, tr};
use crate::pages::open_page;
use crate::route::Route;
use crate::state::AppState;

/// The báo cáo tự đánh giá, ready to print on A4 (portrait): header, score table, summary with
/// component indexes and the chart, items lacking evidence with their giải trình, difficulties
/// and proposals, and the signature block.
#[component]
pub fn ReportPage(draft_id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    if let Err(problem) = open_page(state, &draft_id) {
        return problem;
    }
    let table = Memo::new(move |_| {
        let fw = state.framework.get()?;
        let sc = state.scorecard.get()?;
        state.draft.with(|d| {
            d.as_ref()
                .map(|d| ScoreTable::build(&fw, d, &sc, state.lang.get()))
        })
    });
    let remarks = move || {
        state
            .draft
            .with(|d| d.as_ref().map(|d| d.remarks.clone()).unwrap_or_default())
    };
    let back = Route::Summary {
        draft: draft_id.clone(),
    }
    .href();
    let body = move || {
        let t = table.get()?;
        let l = lang();
        Some(report_body(t, l))
    };
    view! {
        <DraftHeader />
        <div class="report-tools no-print">
            <a href=back data-testid="report-back">{tr(Msg::BackToSummary)}</a>
            <button type="button" class="primary" data-testid="print" on:click=move |_| {
                let _ = window().print();
            }>{tr(Msg::Print)}</button>
            <p class="muted">{tr(Msg::PrintHelp)}</p>
        </div>
        <article class="report" data-testid="report">
            {body}
            <section class="report-remarks">
                <h2>{tr(Msg::DifficultiesAndProposals)}</h2>
                <label class="no-print" for="remarks">{tr(Msg::DifficultiesHelp)}</label>
                <textarea id="remarks" class="no-print" rows="6" data-testid="remarks"
                    prop:value=remarks
                    on:input=move |ev| state.edit(cchc_core::Edit::SetRemarks(event_target_value(&ev)))></textarea>
                <p class="print-only remarks-text">{remarks}</p>
            </section>
            <section class="signatures">
                <div>
                    <p class="sign-title">{tr(Msg::Preparer)}</p>
                    <p class="sign-hint">{tr(Msg::SignHint)}</p>
                </div>
                <div>
                    <p class="sign-title">{tr(Msg::HeadOfUnit)}</p>
                    <p class="sign-hint">{tr(Msg::SignAndSealHint)}</p>
                </div>
            </section>
        </article>
    }
    .into_any()
}

fn report_body(t: ScoreTable, l: Lang) -> impl IntoView {
    let p = |x: cchc_core::Points| x.format(l);
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let class = match r.kind {
                RowKind::Field => "row-field",
                RowKind::Criterion => "row-criterion",
                RowKind::Item => "row-item",
            };
            let note = [r.remark.as_str(), r.note.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("; ");
            view! {
                <tr class=class>
                    <td>{r.code.clone()}</td>
                    <td>{r.title.clone()}</td>
                    <td class="num">{p(r.max)}</td>
                    <td class="num">{r.points.map(p).unwrap_or_default()}</td>
                    <td>{r.evidence.iter().map(|e| view! { <div>{e.clone()}</div> }).collect_view()}</td>
                    <td>{r.explanation.clone()}</td>
                    <td>{note}</td>
                </tr>
            }
        })
        .collect_view();
    let lacking = if t.lacking_evidence.is_empty() {
        view! { <p>{Msg::NoItemLacksEvidence.text(l)}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" role="region" tabindex="0" aria-label=Msg::LackingEvidenceHeading.text(l)>
            <table class="report-table lacking">
                <thead><tr><th>{Msg::Item.text(l)}</th><th>{Msg::ExplanationShort.text(l)}</th></tr></thead>
                <tbody>
                    {t.lacking_evidence.iter().map(|(item, why)| view! {
                        <tr><td>{item.clone()}</td><td>{if why.is_empty() { Msg::NoExplanationYet.text(l).to_string() } else { why.clone() }}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        }
        .into_any()
    };
    let chart_rows: Vec<(String, cchc_core::Percent)> = t
        .component_indexes
        .iter()
        .map(|(f, i)| (f.chars().take(30).collect(), *i))
        .collect();
    let heading = format!("{} {}", Msg::ReportHeading.text(l), t.year);
    view! {
        <header class="report-header">
            <p class="report-unit">{t.unit.clone()}</p>
            <h1>{heading}</h1>
            <p>{format!("{} — {}", t.framework_title, t.decision)}</p>
            {t.model_note.clone().map(|n| view! { <p class="report-note">{n}</p> })}
        </header>
        <section>
            <h2>{Msg::ScoreTableHeading.text(l)}</h2>
            <div class="table-scroll" role="region" tabindex="0" aria-label=Msg::ScoreTableHeading.text(l)>
            <table class="report-table" data-testid="report-table">
                <thead>
                    <tr>
                        <th>{Msg::Stt.text(l)}</th>
                        <th>{Msg::CriteriaColumn.text(l)}</th>
                        <th>{Msg::MaxPoints.text(l)}</th>
                        <th>{Msg::SelfScore.text(l)}</th>
                        <th>{Msg::EvidenceDocuments.text(l)}</th>
                        <th>{Msg::ExplanationShort.text(l)}</th>
                        <th>{Msg::Note.text(l)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        </section>
        <section class="report-summary">
            <h2>{Msg::Summary.text(l)}</h2>
            <table class="report-table figures">
                <tbody>
                    <tr><th scope="row">{Msg::SelfScoredPart.text(l)}</th><td class="num">{format!("{} / {}", p(t.self_scored), p(t.self_applicable_max))}</td></tr>
                    <tr><th scope="row">{Msg::SurveyPart.text(l)}</th><td class="num">{p(t.survey)}</td></tr>
                    <tr><th scope="row">{Msg::BonusPoints.text(l)}</th><td class="num">{format!("+{}", p(t.bonus))}</td></tr>
                    <tr><th scope="row">{Msg::PenaltyPoints.text(l)}</th><td class="num">{format!("−{}", p(t.penalty))}</td></tr>
                    <tr class="total"><th scope="row">{Msg::ProvisionalTotal.text(l)}</th><td class="num" data-testid="report-total">{format!("{} / {}", p(t.total), p(t.applicable_max))}</td></tr>
                    <tr class="total"><th scope="row">{Msg::Index.text(l)}</th><td class="num" data-testid="report-index">{format!("{} % · {}", t.index.format(l), t.band)}</td></tr>
                    <tr><th scope="row">{Msg::LikelyAfterAppraisal.text(l)}</th><td class="num">{format!("{} ({} %)", p(t.likely_total), t.likely_index.format(l))}</td></tr>
                </tbody>
            </table>
            <table class="report-table">
                <thead><tr><th>{Msg::Field.text(l)}</th><th>{Msg::ComponentIndex.text(l)}</th></tr></thead>
                <tbody>{t.component_indexes.iter().map(|(f, i)| view! { <tr><td>{f.clone()}</td><td class="num">{format!("{} %", i.format(l))}</td></tr> }).collect_view()}</tbody>
            </table>
            <BarChart rows=chart_rows title=Msg::ComponentIndexes.text(l).to_string() />
        </section>
        <section>
            <h2>{Msg::LackingEvidenceHeading.text(l)}</h2>
            {lacking}
        </section>
    }
}
