//! The framework file as written, before it is checked. Only `framework::load` reads these.

use serde::Deserialize;

use crate::points::{Percent, Points};
use crate::text::Text;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    // Checked from the JSON header before this struct is read; kept so the key is allowed.
    #[allow(dead_code)]
    pub format: String,
    #[allow(dead_code)]
    pub format_version: u32,
    pub id: String,
    pub version: String,
    pub title: Text,
    pub unit_type: String,
    pub status: String,
    #[serde(default)]
    pub status_note: Option<Text>,
    pub decision: RawDecision,
    pub years: RawYears,
    pub total_max: Points,
    pub split: RawSplit,
    pub bands: Vec<RawClassBand>,
    pub fields: Vec<RawNode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    pub number: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYears {
    pub from: u16,
    #[serde(default)]
    pub to: Option<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSplit {
    pub self_scored: Points,
    pub survey: Points,
}

fn yes() -> bool {
    true
}

/// One range of percentages as written: both classification bands and point bands have one.
pub struct RawRange {
    pub from: Percent,
    pub from_inclusive: bool,
    pub to: Option<Percent>,
    pub to_inclusive: bool,
}

macro_rules! has_range {
    ($t:ident) => {
        impl $t {
            pub fn range(&self) -> RawRange {
                RawRange {
                    from: self.from,
                    from_inclusive: self.from_inclusive,
                    to: self.to,
                    to_inclusive: self.to_inclusive,
                }
            }
        }
    };
}

has_range!(RawClassBand);
has_range!(RawPointsBand);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClassBand {
    pub label: Text,
    pub from: Percent,
    #[serde(default = "yes")]
    pub from_inclusive: bool,
    #[serde(default)]
    pub to: Option<Percent>,
    #[serde(default)]
    pub to_inclusive: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub code: String,
    pub title: Text,
    pub max: Points,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub guidance: Option<Text>,
    #[serde(default)]
    pub evidence: Option<Text>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub allow_not_applicable: bool,
    #[serde(default)]
    pub allow_no_task: bool,
    #[serde(default)]
    pub children: Option<Vec<RawNode>>,
    /// Kept as JSON so that an unknown or malformed rule is reported with the item's path
    /// instead of failing the whole file at its first mistake.
    #[serde(default)]
    pub rule: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYesNo {
    #[serde(default)]
    pub yes_points: Option<Points>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevels {
    pub levels: Vec<RawLevel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub id: String,
    pub label: Text,
    pub points: Points,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPercentBands {
    pub numerator: Text,
    pub denominator: Text,
    #[serde(default)]
    pub when_denominator_zero: Option<String>,
    pub bands: Vec<RawPointsBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPointsBand {
    pub points: Points,
    pub from: Percent,
    #[serde(default = "yes")]
    pub from_inclusive: bool,
    #[serde(default)]
    pub to: Option<Percent>,
    #[serde(default)]
    pub to_inclusive: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProportional {
    pub numerator: Text,
    pub denominator: Text,
    #[serde(default)]
    pub full_at_percent: Option<Percent>,
    #[serde(default)]
    pub when_denominator_zero: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountBands {
    pub count: Text,
    pub bands: Vec<RawCountBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountBand {
    pub from: u64,
    #[serde(default)]
    pub to: Option<u64>,
    pub points: Points,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerCount {
    pub count: Text,
    pub points_each: Points,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecklist {
    pub items: Vec<RawLevel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSurvey {
    #[serde(default)]
    pub method: Option<Text>,
}
