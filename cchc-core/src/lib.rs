//! The pure core of the Chỉ số CCHC self-assessment: frameworks, answers, scoring.
//!
//! No IO, no clock, no randomness, no browser: everything here is a function of its inputs, and
//! nothing panics on user input. See ARCHITECTURE.md for the invariants.

pub mod answer;
pub mod builtin;
pub mod chart;
pub mod draft;
pub mod framework;
pub mod points;
pub mod ranking;
pub mod report;
pub mod sample;
pub mod scoring;
pub mod submission;
pub mod synthetic;
pub mod text;
pub mod units;

pub use answer::{Answer, Answers, Evidence, Value};
pub use draft::{Draft, DraftError, Edit};
pub use framework::{Framework, FrameworkError, Node, Problem, Rule, RuleKind};
pub use points::{Percent, Points};
pub use scoring::{Issue, ItemMark, NodeScore, Scorecard, Step, score};
pub use text::{Lang, Text};
