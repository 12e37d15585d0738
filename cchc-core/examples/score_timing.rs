//! How long scoring takes, natively: every shipped framework and a generated 1,000-item one,
//! fully answered. `cargo run --release -p cchc-core --example score_timing`

#![allow(clippy::expect_used)]

use std::time::Instant;

use cchc_core::{builtin, score, synthetic};

fn time(name: &str, fw: &cchc_core::Framework, answers: &cchc_core::Answers) {
    // Warm up, then time enough runs to be above the clock's resolution.
    let mut total = score(fw, answers).total;
    let runs = 200;
    let start = Instant::now();
    for _ in 0..runs {
        total = score(fw, answers).total;
    }
    let per = start.elapsed() / runs;
    println!(
        "{name:<28} {:>5} items  {per:>10.2?} per score  (total {total})",
        fw.items().len()
    );
}

fn main() {
    for fw in builtin::frameworks().into_iter().flatten() {
        let answers = synthetic::answers(&fw, 7);
        time(&fw.id, &fw, &answers);
    }
    let big = synthetic::framework(10, 100).expect("the generated framework loads");
    time(&big.id, &big, &synthetic::answers(&big, 7));
    let load = Instant::now();
    let n = builtin::frameworks().len();
    println!(
        "loading and checking the {n} shipped frameworks: {:.2?}",
        load.elapsed()
    );
}
