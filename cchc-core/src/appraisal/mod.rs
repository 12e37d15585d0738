//! The appraisal round (thẩm định): the province's council re-scores one unit's submission item
//! by item, within each item's rule, and writes a comment where it disagrees. The unit's answers
//! are never changed: the appraised points are the unit's answers with the council's values put in
//! their place ([`Appraisal::apply_to`]), scored by the same [`score`] with the same explanations.
//!
//! This module is the record; [`file`] is the `cchc-appraisal` file on top of the submission
//! format (it names the submission it appraises by [`file::submission_checksum`]).

pub mod file;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answer::{Answers, Value};
use crate::framework::Framework;
use crate::scoring::{Scorecard, score};
use crate::snapshot::ScoreSnapshot;

/// The format tag every appraisal file carries.
pub const APPRAISAL_FORMAT: &str = "cchc-appraisal";
/// The version of the file this build writes and reads.
pub const APPRAISAL_FORMAT_VERSION: u32 = 1;

/// The council's appraisal of one submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appraisal {
    pub format: String,
    pub format_version: u32,
    /// The submission appraised; an appraisal applies to that submission only.
    pub submission: SubmissionRef,
    /// Who appraised: "Hội đồng thẩm định Chỉ số CCHC tỉnh …".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub appraiser: String,
    #[serde(default)]
    pub stage: Stage,
    /// By item code; an item absent here keeps the unit's own answer and has no comment.
    #[serde(default)]
    pub items: BTreeMap<String, ItemAppraisal>,
    /// The council's general remarks.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remarks: String,
    /// RFC 3339, given by the caller.
    pub updated_at: String,
    /// In a file: the appraised scores, for readers without the app. Never trusted.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::snapshot::lenient"
    )]
    pub scorecard: Option<ScoreSnapshot>,
    /// In a file: `sha256:` of the file without `checksum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

/// What identifies the submission an appraisal is of. The names are for people; the checksum
/// decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionRef {
    /// [`file::submission_checksum`] of the submission: its framework, unit, answers and remarks.
    pub checksum: String,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<String>,
    pub year: u16,
    pub framework_id: String,
    pub framework_version: String,
}

/// Where the exchange stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The council's first appraisal, sent to the unit, which may answer with a giải trình bổ
    /// sung.
    #[default]
    Appraised,
    /// The council's final decision, after the unit's giải trình bổ sung.
    Final,
}

/// The council's view of one item.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ItemAppraisal {
    /// The council's answer within the item's rule (a level, a ratio, a count, the ticked
    /// sub-points…); `None`: the unit's own answer stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Ý kiến của hội đồng thẩm định.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

impl ItemAppraisal {
    fn is_empty(&self) -> bool {
        self.value.is_none() && self.comment.trim().is_empty()
    }
}

impl Appraisal {
    pub fn new(submission: SubmissionRef, updated_at: String) -> Appraisal {
        Appraisal {
            format: APPRAISAL_FORMAT.into(),
            format_version: APPRAISAL_FORMAT_VERSION,
            submission,
            appraiser: String::new(),
            stage: Stage::Appraised,
            items: BTreeMap::new(),
            remarks: String::new(),
            updated_at,
            scorecard: None,
            checksum: None,
        }
    }

    /// Sets (or with `None` gives back to the unit's answer) the council's value for an item.
    pub fn set_value(&mut self, code: &str, value: Option<Value>) {
        self.update(code, |a| a.value = value);
    }

    pub fn set_comment(&mut self, code: &str, comment: String) {
        self.update(code, |a| a.comment = comment);
    }

    fn update(&mut self, code: &str, change: impl FnOnce(&mut ItemAppraisal)) {
        let item = self.items.entry(code.to_string()).or_default();
        change(item);
        if item.is_empty() {
            self.items.remove(code);
        }
    }

    pub fn value(&self, code: &str) -> Option<&Value> {
        self.items.get(code).and_then(|a| a.value.as_ref())
    }

    pub fn comment(&self, code: &str) -> &str {
        self.items.get(code).map_or("", |a| a.comment.as_str())
    }

    /// The answers as the council accepts them: the unit's, with the council's value in place of
    /// the unit's wherever the council gave one. Evidence, giải trình and notes stay the unit's.
    pub fn apply_to(&self, answers: &Answers) -> Answers {
        let mut out = answers.clone();
        for (code, item) in &self.items {
            if let Some(value) = &item.value {
                out.items.entry(code.clone()).or_default().value = Some(value.clone());
            }
        }
        out
    }

    /// The appraised scorecard.
    pub fn score(&self, framework: &Framework, answers: &Answers) -> Scorecard {
        score(framework, &self.apply_to(answers))
    }
}

/// Which items the council's list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    /// The council's points differ from the unit's.
    Differ,
    /// The unit claimed points it did not prove: no evidence (or none of the year) and no giải
    /// trình.
    LackingEvidence,
    /// The council wrote a comment or gave a value.
    Appraised,
}

/// One item as the council reviews it: the unit's claim and proof beside the council's view.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemReview {
    pub code: String,
    /// The unit's points, and the council's (the unit's own where the council gave no value).
    pub claimed: crate::points::Points,
    pub appraised: crate::points::Points,
    /// The unit's claim is not proven: its points are at risk (see `NodeScore::at_risk`).
    pub lacking_evidence: bool,
    /// The council gave a value or a comment.
    pub touched: bool,
    /// Scored by the province's survey: not part of the appraisal.
    pub survey: bool,
}

impl ItemReview {
    /// Appraised − claimed: negative where the council took points off.
    pub fn difference(&self) -> crate::points::Points {
        self.appraised - self.claimed
    }

    pub fn shown_by(&self, filter: Filter) -> bool {
        match filter {
            Filter::All => true,
            Filter::Differ => self.difference() != crate::points::Points::ZERO,
            Filter::LackingEvidence => self.lacking_evidence,
            Filter::Appraised => self.touched,
        }
    }
}

/// Every item of `framework` in order, the unit's scorecard (`own`) beside the appraised one.
pub fn review(
    framework: &Framework,
    own: &Scorecard,
    appraised: &Scorecard,
    appraisal: &Appraisal,
) -> Vec<ItemReview> {
    framework
        .items()
        .into_iter()
        .map(|node| {
            let points = |sc: &Scorecard| {
                sc.node(&node.code)
                    .map_or_else(Default::default, |s| s.points)
            };
            ItemReview {
                code: node.code.clone(),
                claimed: points(own),
                appraised: points(appraised),
                lacking_evidence: own
                    .node(&node.code)
                    .is_some_and(|s| s.at_risk > crate::points::Points::ZERO),
                touched: appraisal.items.contains_key(&node.code),
                survey: node.rule().is_some_and(crate::framework::Rule::is_survey),
            }
        })
        .collect()
}
