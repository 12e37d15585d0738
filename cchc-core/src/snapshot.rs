//! The scores as an exported file records them, for readers without the app: never trusted, always
//! recomputed and compared on import.
//!
//! Below the draft (which carries an optional snapshot) and the submission format (which fills it
//! in at export and compares it at import).

use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::points::{Percent, Points};
use crate::scoring::Scorecard;

/// The scores as exported, for readers of the file; recomputed and compared on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSnapshot {
    pub total: Points,
    pub applicable_max: Points,
    pub index: Percent,
    pub self_scored: Points,
    pub survey: Points,
    pub bonus: Points,
    pub penalty: Points,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    pub fields: Vec<FieldSnapshot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSnapshot {
    pub code: String,
    pub points: Points,
    pub applicable_max: Points,
    pub index: Percent,
}

impl ScoreSnapshot {
    pub fn of(framework: &Framework, sc: &Scorecard) -> ScoreSnapshot {
        ScoreSnapshot {
            total: sc.total,
            applicable_max: sc.applicable_max,
            index: sc.index,
            self_scored: sc.self_scored,
            survey: sc.survey,
            bonus: sc.bonus,
            penalty: sc.penalty,
            band: sc.band(framework).map(|b| b.label.vi.clone()),
            fields: sc
                .fields
                .iter()
                .map(|f| FieldSnapshot {
                    code: f.code.clone(),
                    points: f.points + f.survey_points,
                    applicable_max: f.applicable_max,
                    index: f.index,
                })
                .collect(),
        }
    }
}

/// Reads a snapshot, dropping one that cannot be read rather than refusing the file: it is never
/// used for scoring, and the checksum then shows the file was changed.
pub(crate) fn lenient<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<ScoreSnapshot>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}
