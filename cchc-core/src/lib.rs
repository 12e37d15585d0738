//! The pure core of the Chỉ số CCHC self-assessment: frameworks, answers, scoring.
//!
//! No IO, no clock, no randomness, no browser: everything here is a function of its inputs, and
//! nothing panics on user input. See ARCHITECTURE.md for the invariants.
//!
//! Layers, each using only those below it:
//! `submission` → `draft` → `snapshot` → `scoring` → `answer`, `framework` → `fingerprint`,
//! `points`, `text`; beside them `report` and `ranking` (read drafts and scorecards), `sample`,
//! `builtin`, `units`, `chart`; `survey_sheet` (on `ranking` and `units`). `appraisal` is the council's record (on `answer` and `scoring`),
//! `appraisal::file` its file, on top of `submission`.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod answer;
pub mod appraisal;
pub mod builder;
pub mod builtin;
pub mod carry;
pub mod chart;
pub mod compare;
pub mod draft;
pub mod fingerprint;
pub mod framework;
pub mod points;
pub mod ranking;
pub mod report;
pub mod sample;
pub mod scoring;
pub mod snapshot;
pub mod submission;
pub mod survey_sheet;
/// Generated frameworks and answers for benchmarks and tests; behind the `synthetic` feature, so
/// it is not part of the shipped library.
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod text;
pub mod units;

pub use answer::{Answer, Answers, Evidence, Value};
pub use draft::{Draft, Edit};
pub use framework::{Framework, FrameworkError, Node, Problem, Rule, RuleKind};
pub use points::{Percent, Points};
pub use scoring::{Issue, ItemMark, NodeScore, Scorecard, Step, score};
pub use submission::DraftError;
pub use text::{Lang, Text};
