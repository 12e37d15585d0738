//! The framework builder: from a province's own annex (a Word table, an Excel score sheet, a
//! pasted table) to a framework file the loader checks.
//!
//! Layers, each using only those below it:
//! `assemble` (the framework file and its problems, each with its source row) → `outline` (the
//! tree derived from codes, numbering and bold rows) → `columns` (which column is which) →
//! `wording` (the scoring method text read into a rule) and `table` (the rows as read);
//! the readers of files (`office`: .docx, .xlsx, and the sniffing of what a file is) produce a
//! `table::SourceTable` and sit beside the rest, behind the `office` feature.
//!
//! Nothing is guessed silently: every item is either read from its text (with the words that
//! decided it) or marked as needing the officer's choice, and a framework with any such item left
//! cannot be saved as usable.

pub mod assemble;
pub mod columns;
pub mod editor;
pub mod outline;
pub mod table;
pub mod template;
pub mod wording;

pub mod delimited;
#[cfg(feature = "office")]
pub mod office;
pub mod source_error;
