//! The lists of units that are assessed: shipped per province, and kept by Sở Nội vụ itself (read
//! from a sheet or a pasted table, edited — added, renamed, merged, retired — and written out as a
//! `cchc-units` file). Several lists sit side by side, one per province or period.
//!
//! A list is edited as typed: a unit's type is kept as its code even when it is not one, and an
//! empty name stays empty, so that nothing the officer typed is lost; `UnitList::problems` names
//! every such unit, and a list is only saved once it has none.

pub mod sheet;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::framework::UnitType;
use crate::text::{Lang, slug, unique_id};

/// The format name every unit list file carries.
pub const UNITS_FORMAT: &str = "cchc-units";
/// The only unit list format version; `id`, `years`, `code`, `retired_from` and `merged_into` were
/// added as optional keys, so the files of the first release read unchanged.
pub const UNITS_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitList {
    pub format: String,
    pub format_version: u32,
    /// Stable name of the list; a file without one gets it from its province.
    #[serde(default)]
    pub id: String,
    pub province: String,
    /// The assessed years the list fits (the units as they were then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<ListYears>,
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListYears {
    pub from: u16,
    /// `None`: still current.
    pub to: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// A `UnitType` code as typed or read (`so`, `xa`, `huyen`, `khac`); checked by `problems`.
    pub unit_type: String,
    /// The unit's own code in the province's lists (mã đơn vị), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The first assessed year the unit is no longer assessed in (dissolved, or merged into
    /// another): it is still offered for drafts of earlier years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_from: Option<u16>,
    /// The unit it was merged into (an id of the same list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
}

impl Unit {
    pub fn new(id: String, name: String, unit_type: UnitType) -> Unit {
        Unit {
            id,
            name,
            unit_type: unit_type.code().into(),
            code: None,
            retired_from: None,
            merged_into: None,
        }
    }

    pub fn unit_type(&self) -> Option<UnitType> {
        UnitType::from_code(&self.unit_type)
    }

    /// Whether a draft of the assessed `year` may name this unit.
    pub fn assessed_in(&self, year: u16) -> bool {
        self.retired_from.is_none_or(|from| year < from)
    }
}

/// Why a unit list cannot be used; each names the unit (by its place in the list, 1-based, and
/// its name as typed) so that the officer finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitListError {
    Syntax(String),
    NotAUnitList,
    UnsupportedFormatVersion(u32),
    EmptyProvince,
    YearsReversed,
    DuplicateId {
        row: usize,
        id: String,
    },
    DuplicateName {
        row: usize,
        name: String,
        first_row: usize,
    },
    UnknownUnitType {
        row: usize,
        name: String,
        unit_type: String,
    },
    EmptyName {
        row: usize,
    },
    MergedIntoMissing {
        row: usize,
        name: String,
        into: String,
    },
    MergedIntoItself {
        row: usize,
        name: String,
    },
    MergedWithoutYear {
        row: usize,
        name: String,
    },
}

impl UnitListError {
    /// The row (1-based) a problem is at, when it is at one.
    pub fn row(&self) -> Option<usize> {
        use UnitListError as E;
        match self {
            E::DuplicateId { row, .. }
            | E::DuplicateName { row, .. }
            | E::UnknownUnitType { row, .. }
            | E::EmptyName { row }
            | E::MergedIntoMissing { row, .. }
            | E::MergedIntoItself { row, .. }
            | E::MergedWithoutYear { row, .. } => Some(*row),
            E::Syntax(_)
            | E::NotAUnitList
            | E::UnsupportedFormatVersion(_)
            | E::EmptyProvince
            | E::YearsReversed => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use UnitListError as E;
        match (self, lang) {
            (E::Syntax(e), Lang::Vi) => format!("Tệp không đọc được như JSON: {e}"),
            (E::Syntax(e), Lang::En) => format!("The file cannot be read as JSON: {e}"),
            (E::NotAUnitList, Lang::Vi) => {
                "Đây không phải tệp danh sách đơn vị (format cần là “cchc-units”)".into()
            }
            (E::NotAUnitList, Lang::En) => {
                "This is not a unit list file (format must be “cchc-units”)".into()
            }
            (E::UnsupportedFormatVersion(v), Lang::Vi) => {
                format!("Phiên bản định dạng {v} chưa được hỗ trợ (ứng dụng đọc phiên bản 1)")
            }
            (E::UnsupportedFormatVersion(v), Lang::En) => {
                format!("Format version {v} is not supported (this app reads version 1)")
            }
            (E::EmptyProvince, Lang::Vi) => "Chưa nhập tên tỉnh, thành phố".into(),
            (E::EmptyProvince, Lang::En) => "The province is not named".into(),
            (E::YearsReversed, Lang::Vi) => "Năm kết thúc sớm hơn năm bắt đầu".into(),
            (E::YearsReversed, Lang::En) => "The last year is before the first".into(),
            (E::DuplicateId { row, id }, Lang::Vi) => {
                format!("Dòng {row}: mã “{id}” đã dùng cho đơn vị khác")
            }
            (E::DuplicateId { row, id }, Lang::En) => {
                format!("Row {row}: the id “{id}” is used by another unit")
            }
            (
                E::DuplicateName {
                    row,
                    name,
                    first_row,
                },
                Lang::Vi,
            ) => format!("Dòng {row}: “{name}” trùng tên với dòng {first_row}"),
            (
                E::DuplicateName {
                    row,
                    name,
                    first_row,
                },
                Lang::En,
            ) => format!("Row {row}: “{name}” has the same name as row {first_row}"),
            (
                E::UnknownUnitType {
                    row,
                    name,
                    unit_type,
                },
                Lang::Vi,
            ) => {
                if unit_type.trim().is_empty() {
                    format!("Dòng {row}: chưa chọn loại đơn vị cho “{name}”")
                } else {
                    format!(
                        "Dòng {row}: loại đơn vị “{unit_type}” của “{name}” không hợp lệ (cần sở, xã, huyện hoặc khác)"
                    )
                }
            }
            (
                E::UnknownUnitType {
                    row,
                    name,
                    unit_type,
                },
                Lang::En,
            ) => {
                if unit_type.trim().is_empty() {
                    format!("Row {row}: “{name}” has no unit type")
                } else {
                    format!(
                        "Row {row}: the unit type “{unit_type}” of “{name}” is not valid (department, commune, district or other)"
                    )
                }
            }
            (E::EmptyName { row }, Lang::Vi) => format!("Dòng {row}: chưa có tên đơn vị"),
            (E::EmptyName { row }, Lang::En) => format!("Row {row}: the unit has no name"),
            (E::MergedIntoMissing { row, name, into }, Lang::Vi) => {
                format!(
                    "Dòng {row}: “{name}” sáp nhập vào “{into}”, đơn vị này không có trong danh sách"
                )
            }
            (E::MergedIntoMissing { row, name, into }, Lang::En) => {
                format!("Row {row}: “{name}” is merged into “{into}”, which is not in the list")
            }
            (E::MergedIntoItself { row, name }, Lang::Vi) => {
                format!("Dòng {row}: “{name}” không thể sáp nhập vào chính nó")
            }
            (E::MergedIntoItself { row, name }, Lang::En) => {
                format!("Row {row}: “{name}” cannot be merged into itself")
            }
            (E::MergedWithoutYear { row, name }, Lang::Vi) => {
                format!("Dòng {row}: “{name}” đã sáp nhập nhưng chưa có năm thôi đánh giá")
            }
            (E::MergedWithoutYear { row, name }, Lang::En) => {
                format!("Row {row}: “{name}” is merged but has no year it stops being assessed")
            }
        }
    }
}

/// Why an edit of a list was refused; the list is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    NoSuchUnit(String),
    MergeIntoItself,
    NothingToMerge,
}

impl EditError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::NoSuchUnit(id), Lang::Vi) => {
                format!("Không có đơn vị “{id}” trong danh sách")
            }
            (EditError::NoSuchUnit(id), Lang::En) => format!("There is no unit “{id}” in the list"),
            (EditError::MergeIntoItself, Lang::Vi) => {
                "Không thể sáp nhập một đơn vị vào chính nó".into()
            }
            (EditError::MergeIntoItself, Lang::En) => "A unit cannot be merged into itself".into(),
            (EditError::NothingToMerge, Lang::Vi) => "Chưa chọn đơn vị để sáp nhập".into(),
            (EditError::NothingToMerge, Lang::En) => "No unit is chosen to be merged".into(),
        }
    }
}

/// Names compared as an officer reads them: case and spacing do not tell two units apart
/// ("UBND xã  An Bình" and "UBND Xã An Bình" are one); diacritics do ("Phú An" and "Phụ An" may
/// both exist).
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl UnitList {
    /// An empty list for a province.
    pub fn new(province: &str, years: Option<ListYears>) -> UnitList {
        let mut list = UnitList {
            format: UNITS_FORMAT.into(),
            format_version: UNITS_FORMAT_VERSION,
            id: String::new(),
            province: province.trim().to_string(),
            years,
            units: Vec::new(),
        };
        list.id = list.default_id();
        list
    }

    /// Reads a unit list file and checks it; a file is refused with every problem it has.
    pub fn from_json(text: &str) -> Result<UnitList, Vec<UnitListError>> {
        let list = UnitList::parse(text).map_err(|e| vec![e])?;
        let problems = list.problems();
        if problems.is_empty() {
            Ok(list)
        } else {
            Err(problems)
        }
    }

    /// Reads a unit list file without checking its units, to open it for mending: only a file
    /// that is not a unit list at all is refused.
    pub fn parse(text: &str) -> Result<UnitList, UnitListError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| UnitListError::Syntax(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(UNITS_FORMAT) {
            return Err(UnitListError::NotAUnitList);
        }
        match value.get("format_version").and_then(|v| v.as_u64()) {
            Some(1) => {}
            Some(v) => {
                return Err(UnitListError::UnsupportedFormatVersion(
                    u32::try_from(v).unwrap_or(u32::MAX),
                ));
            }
            None => return Err(UnitListError::NotAUnitList),
        }
        let mut list: UnitList =
            serde_json::from_value(value).map_err(|e| UnitListError::Syntax(e.to_string()))?;
        if list.id.trim().is_empty() {
            list.id = list.default_id();
        }
        Ok(list)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The id made from the province and the first year: `can-tho-2025`.
    pub fn default_id(&self) -> String {
        let base = slug(&self.province);
        let base = if base.is_empty() {
            "don-vi".into()
        } else {
            base
        };
        match self.years {
            Some(y) => format!("{base}-{}", y.from),
            None => base,
        }
    }

    /// "Cần Thơ (2025–)", "Sóc Trăng (2021–2024)": how a list is named in a choice.
    pub fn label(&self) -> String {
        match self.years {
            Some(ListYears { from, to: Some(to) }) if to != from => {
                format!("{} ({from}–{to})", self.province)
            }
            Some(ListYears { from, to: Some(_) }) => format!("{} ({from})", self.province),
            Some(ListYears { from, to: None }) => format!("{} ({from}–)", self.province),
            None => self.province.clone(),
        }
    }

    /// Whether the list is meant for the assessed `year` (a list without years fits any).
    pub fn fits(&self, year: u16) -> bool {
        self.years
            .is_none_or(|y| y.from <= year && y.to.is_none_or(|to| year <= to))
    }

    /// Every problem of the list, in the order of its rows.
    pub fn problems(&self) -> Vec<UnitListError> {
        use UnitListError as E;
        let mut out = Vec::new();
        if self.province.trim().is_empty() {
            out.push(E::EmptyProvince);
        }
        if let Some(ListYears { from, to: Some(to) }) = self.years
            && to < from
        {
            out.push(E::YearsReversed);
        }
        let ids: HashSet<&str> = self.units.iter().map(|u| u.id.as_str()).collect();
        let mut seen_ids = HashSet::new();
        let mut seen_names: HashMap<String, usize> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            let row = i + 1;
            let name = u.name.trim().to_string();
            if name.is_empty() {
                out.push(E::EmptyName { row });
            } else if let Some(&first_row) = seen_names.get(&name_key(&name)) {
                out.push(E::DuplicateName {
                    row,
                    name: name.clone(),
                    first_row,
                });
            } else {
                seen_names.insert(name_key(&name), row);
            }
            if !seen_ids.insert(u.id.as_str()) {
                out.push(E::DuplicateId {
                    row,
                    id: u.id.clone(),
                });
            }
            if u.unit_type().is_none() {
                out.push(E::UnknownUnitType {
                    row,
                    name: name.clone(),
                    unit_type: u.unit_type.clone(),
                });
            }
            if let Some(into) = &u.merged_into {
                if into == &u.id {
                    out.push(E::MergedIntoItself {
                        row,
                        name: name.clone(),
                    });
                } else if !ids.contains(into.as_str()) {
                    out.push(E::MergedIntoMissing {
                        row,
                        name: name.clone(),
                        into: into.clone(),
                    });
                }
                if u.retired_from.is_none() {
                    out.push(E::MergedWithoutYear { row, name });
                }
            }
        }
        out
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The units of one type, in the list's order.
    pub fn of_type(&self, unit_type: UnitType) -> impl Iterator<Item = &Unit> {
        self.units
            .iter()
            .filter(move |u| u.unit_type == unit_type.code())
    }

    /// The units a draft of `unit_type` for the assessed `year` may name.
    pub fn offered(&self, unit_type: UnitType, year: u16) -> impl Iterator<Item = &Unit> {
        self.of_type(unit_type).filter(move |u| u.assessed_in(year))
    }

    /// An id for a new unit named `name`, unused in the list.
    pub fn fresh_id(&self, name: &str) -> String {
        let base = slug(name);
        let base = if base.is_empty() {
            "don-vi".into()
        } else {
            base
        };
        unique_id(base, |id| self.unit(id).is_some())
    }

    /// The unit called `name`, by the same reading of names that finds duplicates.
    pub fn unit_named(&self, name: &str) -> Option<&Unit> {
        let key = name_key(name);
        self.units.iter().find(|u| name_key(&u.name) == key)
    }

    /// Adds a unit at the end and returns its id.
    pub fn add(&mut self, name: &str, unit_type: UnitType) -> String {
        let id = self.fresh_id(name);
        self.units
            .push(Unit::new(id.clone(), name.trim().to_string(), unit_type));
        id
    }

    fn unit_mut(&mut self, id: &str) -> Result<&mut Unit, EditError> {
        self.units
            .iter_mut()
            .find(|u| u.id == id)
            .ok_or_else(|| EditError::NoSuchUnit(id.into()))
    }

    /// Renames a unit; its id, which drafts remember, stays.
    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), EditError> {
        self.unit_mut(id)?.name = name.to_string();
        Ok(())
    }

    /// The unit is no longer assessed from `year` on (`None`: assessed again).
    pub fn retire(&mut self, id: &str, from: Option<u16>) -> Result<(), EditError> {
        let u = self.unit_mut(id)?;
        u.retired_from = from;
        if from.is_none() {
            u.merged_into = None;
        }
        Ok(())
    }

    /// Merges units into `into` from the assessed `year`: each merged unit is retired from that
    /// year and remembers where it went; `into` is kept (and may be renamed as the merger
    /// decision names it). Nothing changes when any unit is missing.
    pub fn merge(&mut self, merged: &[&str], into: &str, year: u16) -> Result<(), EditError> {
        if merged.is_empty() {
            return Err(EditError::NothingToMerge);
        }
        if merged.contains(&into) {
            return Err(EditError::MergeIntoItself);
        }
        for id in merged.iter().chain([&into]) {
            if self.unit(id).is_none() {
                return Err(EditError::NoSuchUnit((*id).into()));
            }
        }
        for id in merged {
            let u = self.unit_mut(id)?;
            u.retired_from = Some(year);
            u.merged_into = Some(into.into());
        }
        Ok(())
    }

    /// Takes a unit out of the list (one added by mistake); units merged into it are then
    /// named in `problems` until they are pointed elsewhere.
    pub fn remove(&mut self, id: &str) -> Result<Unit, EditError> {
        let i = self
            .units
            .iter()
            .position(|u| u.id == id)
            .ok_or_else(|| EditError::NoSuchUnit(id.into()))?;
        Ok(self.units.remove(i))
    }
}
