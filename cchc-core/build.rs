//! Writes the shipped frameworks and unit list without the whitespace between their tokens into
//! OUT_DIR, where `builtin.rs` takes them from: the browser bundle carries every byte of them, and
//! indentation is a tenth of their compressed size. Strings are copied as they are, escapes
//! included, so the text differs from the source only in layout (a native test checks that each
//! reads back to the same JSON).

use std::path::Path;

const SHIPPED: [&str; 4] = [
    "frameworks/soc-trang-cap-so.json",
    "frameworks/mau-cap-xa.json",
    "frameworks/soc-trang-cap-huyen.json",
    "units/soc-trang.json",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::var("OUT_DIR")?;
    for source in SHIPPED {
        println!("cargo::rerun-if-changed={source}");
        let text = std::fs::read_to_string(source)?;
        let name = Path::new(source).file_name().ok_or("a file name")?;
        std::fs::write(Path::new(&out).join(name), without_layout(&text))?;
    }
    Ok(())
}

/// The JSON text without the whitespace outside its strings.
fn without_layout(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
