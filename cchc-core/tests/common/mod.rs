//! Pieces the data-driven tests share: the shipped framework files, and edits to one written as
//! JSON (`set` a pointer to a value, `remove` it, `insert` a value at an array index).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::builtin;
use serde_json::Value;

/// The text of a shipped framework, by file name.
pub fn builtin_text(file: &str) -> &'static str {
    builtin::FRAMEWORK_FILES
        .iter()
        .find(|(name, _)| *name == file)
        .unwrap_or_else(|| panic!("no shipped framework {file}"))
        .1
}

pub fn apply(v: &mut Value, edit: &Value) {
    let pointer = |key: &str| edit[key].as_str().map(str::to_string);
    if let Some(p) = pointer("set") {
        // Sets a key that may not be there yet.
        let (parent, key) = p.rsplit_once('/').unwrap();
        match v.pointer_mut(parent) {
            Some(Value::Object(map)) => {
                map.insert(key.to_string(), edit["value"].clone());
            }
            Some(Value::Array(list)) => list[key.parse::<usize>().unwrap()] = edit["value"].clone(),
            _ => panic!("no {parent}"),
        }
    } else if let Some(p) = pointer("remove").or_else(|| pointer("insert")) {
        let (parent, index) = p.rsplit_once('/').unwrap();
        let list = v
            .pointer_mut(parent)
            .and_then(Value::as_array_mut)
            .unwrap_or_else(|| panic!("{parent} is not a list"));
        let index: usize = index.parse().unwrap();
        if edit.get("insert").is_some() {
            list.insert(index, edit["value"].clone());
        } else {
            list.remove(index);
        }
    } else {
        panic!("an edit is set, remove or insert: {edit}");
    }
}
