//! The lists of units that are assessed (editable data, shipped per province).

use serde::{Deserialize, Serialize};

use crate::framework::UnitType;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitList {
    pub format: String,
    pub format_version: u32,
    pub province: String,
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub unit_type: String,
}

/// Why a unit list cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitListError {
    Syntax(String),
    NotAUnitList,
    DuplicateId(String),
    UnknownUnitType { id: String, unit_type: String },
    EmptyName(String),
}

impl UnitList {
    pub fn from_json(text: &str) -> Result<UnitList, Vec<UnitListError>> {
        let list: UnitList =
            serde_json::from_str(text).map_err(|e| vec![UnitListError::Syntax(e.to_string())])?;
        if list.format != "cchc-units" || list.format_version != 1 {
            return Err(vec![UnitListError::NotAUnitList]);
        }
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for u in &list.units {
            if !seen.insert(u.id.as_str()) {
                problems.push(UnitListError::DuplicateId(u.id.clone()));
            }
            if UnitType::from_code(&u.unit_type).is_none() {
                problems.push(UnitListError::UnknownUnitType {
                    id: u.id.clone(),
                    unit_type: u.unit_type.clone(),
                });
            }
            if u.name.trim().is_empty() {
                problems.push(UnitListError::EmptyName(u.id.clone()));
            }
        }
        if problems.is_empty() {
            Ok(list)
        } else {
            Err(problems)
        }
    }

    /// The units of one type, in the list's order.
    pub fn of_type(&self, unit_type: UnitType) -> impl Iterator<Item = &Unit> {
        self.units
            .iter()
            .filter(move |u| u.unit_type == unit_type.code())
    }
}
