use cchc_core::Percent;
use cchc_core::chart::horizontal_bars;
use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::AppState;

/// Component indexes as horizontal bars: inline SVG whose geometry comes from the core.
#[component]
pub fn BarChart(
    rows: Vec<(String, Percent)>,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let chart = horizontal_bars(&rows, 640, 28, 220);
    let view_box = format!("0 0 {} {}", chart.width, chart.height + 20);
    let grid = chart.grid.clone();
    let height = chart.height;
    // On a phone the chart keeps a readable size and scrolls sideways in its box.
    view! {
        <div class="chart-scroll" role="region" tabindex="0"
            aria-label=move || format!("{}: {}", Msg::Chart.text(state.lang.get()), title.get())>
        <svg class="bar-chart" viewBox=view_box role="img" data-testid="field-chart">
            <title>{move || title.get()}</title>
            {grid.into_iter().map(|(p, x)| view! {
                <line x1=x y1="0" x2=x y2=height class="grid" />
                <text x=x y=height + 14 class="axis" text-anchor="middle">{move || format!("{}%", p.format_short(state.lang.get()))}</text>
            }).collect_view()}
            {chart.bars.into_iter().map(|b| {
                let label_y = b.y + b.height / 2 + 4;
                let value_x = b.x + b.width + 4;
                view! {
                    <text x="0" y=label_y class="label">{b.label.clone()}</text>
                    <rect x=b.x y=b.y width=b.width height=b.height class="bar" />
                    <text x=value_x y=label_y class="value">{move || b.value.format_short(state.lang.get())}</text>
                }
            }).collect_view()}
        </svg>
        </div>
    }
}
