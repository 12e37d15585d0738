use cchc_core::Percent;
use cchc_core::framework::Block;
use leptos::prelude::*;

use crate::components::bar_chart::BarChart;
use crate::components::draft_header::DraftHeader;
use crate::i18n::Msg;
use crate::pages::open_page;
use crate::route::Route;
use crate::state::AppState;

/// The summary: totals, the self-scored and survey parts, component indexes as a table and a
/// chart, provisional vs likely after appraisal, and where the most points are being lost.
#[component]
pub fn SummaryPage(draft_id: String) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let fw = match open_page(state, &draft_id) {
        Ok(fw) => fw,
        Err(problem) => return problem,
    };
    let fw2 = fw.clone();
    let fw3 = fw.clone();
    let fw4 = fw.clone();
    let body = move || {
        let l = lang();
        let sc = state.scorecard.get()?;
        let p = |x: cchc_core::Points| x.format(l);
        let pc = |x: Percent| format!("{} %", x.format(l));
        let band = sc
            .band(&fw)
            .map(|b| b.label.get(l).to_string())
            .unwrap_or_default();
        let likely_band = fw
            .band_for(sc.likely_index)
            .map(|b| b.label.get(l).to_string())
            .unwrap_or_default();
        let field_rows = sc
            .fields
            .iter()
            .map(|f| {
                let node = fw2.node(&f.code);
                let title = node.map(|n| n.title.get(l).to_string()).unwrap_or_default();
                let (points, max, index) = match f.block {
                    Block::Bonus => (
                        format!("+{}", p(f.points)),
                        format!("≤ {}", p(f.applicable_max)),
                        String::new(),
                    ),
                    Block::Penalty => (
                        format!("−{}", p(f.points)),
                        format!("≤ {}", p(f.applicable_max)),
                        String::new(),
                    ),
                    Block::Regular => (
                        p(f.points + f.survey_points),
                        p(f.applicable_max),
                        pc(f.index),
                    ),
                };
                view! {
                    <tr>
                        <th scope="row">{format!("{} {}", f.code, title)}</th>
                        <td class="num">{points}</td>
                        <td class="num">{max}</td>
                        <td class="num" data-testid=format!("field-index-{}", f.code)>{index}</td>
                    </tr>
                }
            })
            .collect_view();
        let chart_rows: Vec<(String, Percent)> = sc
            .fields
            .iter()
            .filter(|f| f.block == Block::Regular)
            .map(|f| {
                let short = fw3
                    .node(&f.code)
                    .map(|n| n.title.get(l).chars().take(28).collect::<String>())
                    .unwrap_or_default();
                (format!("{}. {}", f.code, short), f.index)
            })
            .collect();
        let draft_id = state
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.id.clone()).unwrap_or_default());
        let losses = sc
            .biggest_losses(&fw4, 10)
            .into_iter()
            .map(|(node, lost)| {
                let href = Route::Item { draft: draft_id.clone(), code: Some(node.code.clone()) }.href();
                view! {
                    <li>
                        <a href=href data-testid=format!("loss-{}", node.code)>{format!("{} {}", node.code, node.title.get(l))}</a>
                        {format!(" — {} {}", Msg::Losing.text(l), p(lost))}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="panel summary-figures" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{Msg::Summary.text(l)}</h2>
                <table class="figures">
                    <tbody>
                        <tr><th scope="row">{Msg::SelfScoredPart.text(l)}</th><td class="num" data-testid="self-scored">{format!("{} / {}", p(sc.self_scored), p(sc.self_applicable_max))}</td><td class="num">{pc(sc.self_index)}</td></tr>
                        <tr><th scope="row">{Msg::SurveyPart.text(l)}</th><td class="num" data-testid="survey-part">{format!("{} / {}", p(sc.survey), p(sc.survey_max))}</td><td class="muted">{Msg::SurveyEstimateNote.text(l)}</td></tr>
                        <tr><th scope="row">{Msg::BonusPoints.text(l)}</th><td class="num">{format!("+{}", p(sc.bonus))}</td><td></td></tr>
                        <tr><th scope="row">{Msg::PenaltyPoints.text(l)}</th><td class="num">{format!("−{}", p(sc.penalty))}</td><td></td></tr>
                        <tr class="total"><th scope="row">{Msg::ProvisionalTotal.text(l)}</th><td class="num" data-testid="summary-total">{format!("{} / {}", p(sc.total), p(sc.applicable_max))}</td><td class="num" data-testid="summary-index">{format!("{} · {band}", pc(sc.index))}</td></tr>
                        <tr><th scope="row">{Msg::LikelyAfterAppraisal.text(l)}</th><td class="num" data-testid="likely-total">{format!("{} / {}", p(sc.likely_total), p(sc.applicable_max))}</td><td class="num">{format!("{} · {likely_band}", pc(sc.likely_index))}</td></tr>
                    </tbody>
                </table>
                <p class="muted">{format!("{} {}", Msg::AtRiskExplained.text(l), p(sc.at_risk))}</p>
            </section>
            <section class="panel" aria-labelledby="fields-heading">
                <h2 id="fields-heading">{Msg::ComponentIndexes.text(l)}</h2>
                <table class="fields-table">
                    <thead><tr><th scope="col">{Msg::Field.text(l)}</th><th scope="col">{Msg::Points.text(l)}</th><th scope="col">{Msg::MaxPoints.text(l)}</th><th scope="col">{Msg::ComponentIndex.text(l)}</th></tr></thead>
                    <tbody>{field_rows}</tbody>
                </table>
                <BarChart rows=chart_rows title=Msg::ComponentIndexes.text(l).to_string() />
            </section>
            <section class="panel" aria-labelledby="losses-heading">
                <h2 id="losses-heading">{Msg::WhereToWorkNext.text(l)}</h2>
                <ol class="losses" data-testid="losses">{losses}</ol>
            </section>
        })
    };
    view! {
        <div class="workspace summary">
            <DraftHeader />
            {body}
        </div>
    }
    .into_any()
}
