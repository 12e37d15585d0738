//! Prints a generated framework file: `synthetic_framework FIELDS ITEMS_PER_FIELD` (default 10 × 100
//! = 1,000 items). The benchmark loads it into the app like a province's own file.

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().unwrap_or(0));
    let fields = args.next().filter(|n| *n > 0).unwrap_or(10);
    let items = args.next().filter(|n| *n > 1).unwrap_or(100);
    println!("{}", cchc_core::synthetic::framework_json(fields, items));
}
