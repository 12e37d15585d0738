//! The builder's score-sheet template as this worker writes it, read back by the builder's own
//! Excel reader: what an officer downloads builds a usable framework before any edit.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::builder::assemble::{Project, build};
use cchc_core::builder::office::read_file;

#[test]
fn the_downloaded_template_builds_a_usable_framework() {
    let bytes = xlsx_worker::write_sheets(&[cchc_core::builder::template::sheet()]).unwrap();
    let table = read_file("mau-bang-tieu-chi.xlsx", &bytes).unwrap();
    let built = build(&Project::new("mau-bang-tieu-chi.xlsx", table, 2025));
    assert!(built.usable, "{:#?}", built.problems);
    let codes: Vec<&str> = built.nodes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(
        codes,
        ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "1.2.2"]
    );
}
