//! Scores answers read from standard input with a shipped framework and prints the scorecard as
//! JSON: the end-to-end tests compare what the browser shows with this, the core's own figures.
//!
//! Input: `{"framework_id": "soc-trang-cap-so", "answers": {"year": 2025, "items": {...}}}`

use std::io::Read;

use cchc_core::{Answers, builtin, score};
use serde::Deserialize;

#[derive(Deserialize)]
struct Input {
    framework_id: String,
    answers: Answers,
}

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(2);
    }
    let input: Input = match serde_json::from_str(&text) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("input is not {{framework_id, answers}}: {e}");
            std::process::exit(2);
        }
    };
    let Some(fw) = builtin::frameworks()
        .into_iter()
        .flatten()
        .find(|f| f.id == input.framework_id)
    else {
        eprintln!("no shipped framework {}", input.framework_id);
        std::process::exit(2);
    };
    let card = score(&fw, &input.answers);
    println!("{}", serde_json::to_string(&card).unwrap_or_default());
}
