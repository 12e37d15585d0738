//! Tidy checks, in the manner of rust-analyzer's: they keep `ARCHITECTURE.md` in step with the
//! tree (every source module and every route is named in it) and keep the core's crate boundary
//! (no browser crate in `cchc-core`'s manifests). Native only: they read the work tree.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The crates whose source modules ARCHITECTURE.md must name.
const SOURCE_DIRS: [&str; 3] = ["src", "cchc-core/src", "xlsx-worker/src"];

/// Crates that tie code to the browser, which the core must not depend on.
const BROWSER_CRATES: [&str; 5] = ["leptos", "web-sys", "wasm-bindgen", "gloo", "js-sys"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn architecture() -> String {
    read(&root().join("ARCHITECTURE.md"))
}

/// Every file under `dir` whose name ends with `suffix`, sorted, skipping `target` folders.
fn files_under(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "target") {
                files_under(&path, suffix, out);
            }
        } else if path.to_string_lossy().ends_with(suffix) {
            out.push(path);
        }
    }
    out.sort();
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Whether `text` contains `needle` with no word character just before it (and, when `whole` is
/// set, none just after it either).
fn mentions(text: &str, needle: &str, whole: bool) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        let glued_before = before.is_some_and(is_word_char);
        let glued_after = whole && after.is_some_and(is_word_char);
        !(glued_before || glued_after)
    })
}

/// The text between backticks (inline code, and fenced blocks' contents).
fn code_spans(markdown: &str) -> Vec<&str> {
    markdown.split('`').skip(1).step_by(2).collect()
}

/// The repository-relative path, with forward slashes.
fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

#[test]
fn architecture_names_every_source_module() {
    let doc = architecture();
    // `name/` counts only in code (`src/pages/`), not in prose ("export/import/bad files").
    let code = code_spans(&doc);
    let mut missing = Vec::new();
    for dir in SOURCE_DIRS {
        let mut files = Vec::new();
        files_under(&root().join(dir), ".rs", &mut files);
        assert!(
            !files.is_empty(),
            "no .rs file under {dir}: has the crate moved?"
        );
        for file in files {
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            let name = match stem.as_str() {
                "lib" | "main" => continue,
                // `foo/mod.rs` is the module `foo`.
                "mod" => file
                    .parent()
                    .and_then(Path::file_name)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                _ => stem,
            };
            let named = mentions(&doc, &format!("{name}.rs"), true)
                || code
                    .iter()
                    .any(|span| mentions(span, &format!("{name}/"), false));
            if !named {
                missing.push(format!("{name} ({})", relative(&file)));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's code map does not name these {} source modules (write `name.rs`, \
         `name/` or the path):\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}

/// The body of `fn name` in `source`: from its first `{` to the matching `}`.
fn fn_body<'a>(source: &'a str, name: &str) -> Option<&'a str> {
    let start = source.find(&format!("fn {name}("))?;
    let open = start + source[start..].find('{')?;
    let mut depth = 0usize;
    for (i, c) in source[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&source[open..=open + i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The contents of the string literals in `code` (simple ones: escapes are kept as written).
fn string_literals(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// The literal path segments of the routes `Route::href` produces ("#/d/{draft}/tong-hop" gives
/// `d` and `tong-hop`), each once, in order.
fn route_segments() -> Vec<String> {
    let source = read(&root().join("src/route.rs"));
    let body = fn_body(&source, "href")
        .expect("src/route.rs has no `fn href(`: where are the routes now?");
    let mut segments: Vec<String> = Vec::new();
    for literal in string_literals(body)
        .into_iter()
        .filter(|l| l.starts_with("#/"))
    {
        for segment in literal.trim_start_matches('#').split('/') {
            let placeholder = segment.contains('{') || segment.contains('}');
            if !segment.is_empty() && !placeholder && !segments.iter().any(|s| s == segment) {
                segments.push(segment.to_string());
            }
        }
    }
    segments
}

/// Whether `text` has `/segment` with no word character right after it.
fn mentions_after_slash(text: &str, segment: &str) -> bool {
    let needle = format!("/{segment}");
    text.match_indices(&needle).any(|(at, _)| {
        !text[at + needle.len()..]
            .chars()
            .next()
            .is_some_and(is_word_char)
    })
}

#[test]
fn architecture_names_every_route() {
    let doc = architecture();
    let segments = route_segments();
    assert!(
        segments.iter().any(|s| s == "tong-hop"),
        "found no route segments in src/route.rs's `href()` (found {segments:?}): has its form changed?"
    );
    // Named as part of a route: `/segment` with no word character after it.
    let missing: Vec<&str> = segments
        .iter()
        .map(String::as_str)
        .filter(|s| !mentions_after_slash(&doc, s))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name these route segments of src/route.rs (write them as part of \
         a route, e.g. `#/so-noi-vu`, `#/d/<id>/tong-hop`):\n  {}",
        missing.join("\n  ")
    );
}

/// The crates a Cargo.toml depends on, each with its section: the keys of every
/// `[…dependencies]` table, the `foo` of `[…dependencies.foo]`, and the crate a `package = "…"`
/// renames.
fn dependencies(manifest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut section = String::new();
    // Inside `[dependencies.foo]`, whose `package = "…"` names a crate too.
    let mut dependency_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).trim().to_string();
            dependency_table = false;
            if let Some((table, name)) = section.rsplit_once('.')
                && table.ends_with("dependencies")
            {
                out.push((section.clone(), name.trim_matches(['"', '\'']).to_string()));
                dependency_table = true;
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches('"');
        let renamed = if section.ends_with("dependencies") {
            out.push((section.clone(), key.to_string()));
            // `foo = { package = "leptos", … }`
            value.split_once("package").map(|(_, after)| after)
        } else if dependency_table && key == "package" {
            Some(value)
        } else {
            None
        };
        if let Some(name) = renamed.and_then(|v| string_literals(v).first().copied()) {
            out.push((section.clone(), name.to_string()));
        }
    }
    out
}

#[test]
fn the_core_depends_on_no_browser_crate() {
    let mut manifests = Vec::new();
    files_under(&root().join("cchc-core"), "Cargo.toml", &mut manifests);
    let core = dependencies(&read(&root().join("cchc-core/Cargo.toml")));
    assert!(
        core.iter().any(|(_, name)| name == "serde"),
        "read no dependency (not even serde) from cchc-core/Cargo.toml: has its form changed?"
    );
    let mut offending = Vec::new();
    for manifest in manifests {
        for (section, name) in dependencies(&read(&manifest)) {
            let normal = name.replace('_', "-");
            let browser = BROWSER_CRATES.iter().any(|b| {
                normal == *b
                    || normal
                        .strip_prefix(b)
                        .is_some_and(|rest| rest.starts_with('-'))
            });
            if browser {
                offending.push(format!("{name} in [{section}] of {}", relative(&manifest)));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "the core must not depend on a browser crate (ARCHITECTURE.md, Invariants):\n  {}",
        offending.join("\n  ")
    );
}

#[test]
fn the_manifest_reader_sees_every_way_of_naming_a_dependency() {
    let manifest = r#"
[package]
name = "x"
version = "0.1.0"

[dependencies]
serde = { version = "1", features = ["derive"] }
ui = { package = "leptos", version = "0.8" }

[target.'cfg(target_arch = "wasm32")'.dependencies]
web-sys = "0.3"

[dev-dependencies.gloo-storage]
version = "0.3"

[build-dependencies.glue]
package = "wasm-bindgen"
"#;
    let names: Vec<String> = dependencies(manifest)
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    assert_eq!(
        names,
        [
            "serde",
            "ui",
            "leptos",
            "web-sys",
            "gloo-storage",
            "glue",
            "wasm-bindgen"
        ]
    );
}

/// Layers point one way inside the app: the state renders nothing, so it never reaches up to the
/// components or the pages that render it.
#[test]
fn the_state_never_imports_components_or_pages() {
    let mut files = Vec::new();
    files_under(&root().join("src/state"), ".rs", &mut files);
    assert!(!files.is_empty(), "src/state has no module");
    let offending: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = read(f);
            [
                "crate::components",
                "crate::pages",
                "super::super::components",
            ]
            .iter()
            .any(|layer| text.contains(layer))
        })
        .map(|f| relative(f))
        .collect();
    assert!(
        offending.is_empty(),
        "these state modules import components or pages: {offending:?}"
    );
}
