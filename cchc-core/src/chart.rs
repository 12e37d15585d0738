//! Geometry of the summary's bar chart, computed here so it can be tested without a browser.
//! Coordinates are whole SVG user units inside a `viewBox` of `width × height`.

use crate::points::Percent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: Percent,
    /// Top-left corner and size of the bar.
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    pub width: i64,
    pub height: i64,
    /// Where the 0 % axis is, and how wide 100 % is.
    pub plot_x: i64,
    pub plot_width: i64,
    pub bars: Vec<Bar>,
    /// x of the 0, 25, 50, 75 and 100 % grid lines.
    pub grid: Vec<(Percent, i64)>,
}

/// Horizontal bars, one per row, each as long as its percentage (clamped to 0–100 %).
pub fn horizontal_bars(
    rows: &[(String, Percent)],
    width: i64,
    row_height: i64,
    label_width: i64,
) -> BarChart {
    let plot_x = label_width;
    // Room on the right for the value label of a full bar and the "100%" tick.
    let plot_width = (width - label_width - 48).max(1);
    let x_of = |p: Percent| plot_x + plot_width * p.0.clamp(0, 10_000) / 10_000;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, value))| Bar {
            label: label.clone(),
            value: *value,
            x: plot_x,
            y: i as i64 * row_height + row_height / 6,
            width: x_of(*value) - plot_x,
            height: row_height * 2 / 3,
        })
        .collect();
    let grid = [0, 25, 50, 75, 100]
        .into_iter()
        .map(|p| (Percent::from_whole(p), x_of(Percent::from_whole(p))))
        .collect();
    BarChart {
        width,
        height: rows.len() as i64 * row_height,
        plot_x,
        plot_width,
        bars,
        grid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_as_long_as_their_percentage() {
        let rows = vec![
            ("1".to_string(), Percent::from_whole(100)),
            ("2".to_string(), Percent(5000)),
        ];
        let chart = horizontal_bars(&rows, 548, 30, 100);
        assert_eq!(chart.plot_width, 400);
        assert_eq!(chart.bars[0].width, 400);
        assert_eq!(chart.bars[1].width, 200);
        assert_eq!(chart.bars[1].y, 35);
        assert_eq!(chart.height, 60);
        assert_eq!(chart.grid[2], (Percent(5000), 300));
    }

    #[test]
    fn values_outside_0_to_100_are_clamped() {
        let rows = vec![
            ("x".to_string(), Percent(-50)),
            ("y".to_string(), Percent(12_000)),
        ];
        let chart = horizontal_bars(&rows, 548, 30, 100);
        assert_eq!(chart.bars[0].width, 0);
        assert_eq!(chart.bars[1].width, 400);
    }
}
