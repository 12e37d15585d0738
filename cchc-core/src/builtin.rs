//! The frameworks and unit lists shipped with the app, compiled in so that the app works offline
//! from its first load. `build.rs` takes the whitespace out of their files first (the text in
//! `frameworks/` and `units/` is the one to edit).

use crate::framework::{Framework, FrameworkError};
use crate::units::{UnitList, UnitListError};

/// (file name, content) of each shipped framework, in the order the start page offers them: this
/// season's unit types first, the district level (assessed up to 2024) last.
pub const FRAMEWORK_FILES: [(&str, &str); 3] = [
    (
        "soc-trang-cap-so.json",
        include_str!(concat!(env!("OUT_DIR"), "/soc-trang-cap-so.json")),
    ),
    (
        "mau-cap-xa.json",
        include_str!(concat!(env!("OUT_DIR"), "/mau-cap-xa.json")),
    ),
    (
        "soc-trang-cap-huyen.json",
        include_str!(concat!(env!("OUT_DIR"), "/soc-trang-cap-huyen.json")),
    ),
];

pub const UNIT_LIST_FILE: (&str, &str) = (
    "soc-trang.json",
    include_str!(concat!(env!("OUT_DIR"), "/soc-trang.json")),
);

/// Every shipped framework, checked. A native test guarantees they all load.
pub fn frameworks() -> Vec<Result<Framework, Vec<FrameworkError>>> {
    FRAMEWORK_FILES
        .iter()
        .map(|(_, text)| Framework::from_json(text))
        .collect()
}

pub fn unit_list() -> Result<UnitList, Vec<UnitListError>> {
    UnitList::from_json(UNIT_LIST_FILE.1)
}
