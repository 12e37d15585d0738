//! Writes generated submission files, as units would hand them in, and the ranking the core gives
//! them: `sample_submissions DIR COUNT YEAR [UNITS]`. One file per unit of the shipped list
//! (departments, then districts) — or of the `cchc-units` file UNITS (its blocks in the app's
//! order) — then the list again with numbered names until COUNT files are written.
//! `DIR/expected.json` holds each file's unit, block, rank and index as the core computes them
//! (no survey points entered).

use std::fs;

use cchc_core::draft::{Draft, FrameworkRef, UnitRef};
use cchc_core::framework::UnitType;
use cchc_core::ranking::{Entry, rank};
use cchc_core::units::{Unit, UnitList};
use cchc_core::{builtin, synthetic};

fn units_of(path: Option<String>) -> Vec<Unit> {
    let Some(path) = path else {
        return builtin::unit_list().map(|l| l.units).unwrap_or_default();
    };
    let list = fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| {
            UnitList::from_json(&t).map_err(|errs| {
                errs.iter()
                    .map(|e| e.message(cchc_core::Lang::En))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        });
    match list {
        Ok(l) => l.units,
        Err(e) => {
            eprintln!("cannot read the unit list {path}: {e}");
            std::process::exit(2);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "samples".into());
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(33);
    let year: u16 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2025);
    let frameworks: Vec<_> = builtin::frameworks().into_iter().flatten().collect();
    let units = units_of(args.next());
    // The units in block order (sở, xã, huyện, khác), each with its type.
    let ordered: Vec<(&Unit, UnitType)> = UnitType::ALL
        .into_iter()
        .flat_map(|t| {
            units
                .iter()
                .filter(move |u| u.unit_type == t.code())
                .map(move |u| (u, t))
        })
        .collect();
    if ordered.is_empty() {
        eprintln!("the unit list has no unit");
        std::process::exit(2);
    }
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("cannot create {dir}: {e}");
        std::process::exit(2);
    }
    let mut entries = Vec::new();
    for i in 0..count {
        let (round, slot) = (i / ordered.len(), i % ordered.len());
        let (unit, unit_type) = ordered[slot];
        let Some(fw) = frameworks.iter().find(|f| f.unit_type == unit_type) else {
            continue;
        };
        let name = if round == 0 {
            unit.name.clone()
        } else {
            format!("{} ({})", unit.name, round + 1)
        };
        let id = if round == 0 {
            unit.id.clone()
        } else {
            format!("{}-{}", unit.id, round + 1)
        };
        let mut draft = Draft::new(
            format!("mau-{year}-{i}"),
            FrameworkRef::of(fw),
            UnitRef { id: Some(id), name },
            year,
            format!("{year}-11-20T08:00:00Z"),
        );
        draft.answers = synthetic::answers(fw, i as u64 * 7 + u64::from(year));
        draft.answers.year = year;
        let file = format!("{dir}/{:04}-{}.json", i + 1, unit.id);
        if let Err(e) = fs::write(&file, draft.export(fw, "mau")) {
            eprintln!("cannot write {file}: {e}");
            std::process::exit(2);
        }
        entries.push(Entry::new(file, fw, &draft, false));
    }
    let mut expected = Vec::new();
    for unit_type in UnitType::ALL {
        let block: Vec<Entry> = entries
            .iter()
            .filter(|e| e.unit_type == unit_type)
            .cloned()
            .collect();
        for r in rank(&block) {
            expected.push(serde_json::json!({
                "unit": r.entry.unit, "unit_key": r.entry.unit_key(), "block": unit_type.code(),
                "rank": r.rank, "index": r.entry.index().to_string(), "total": r.entry.total().to_string(),
                "self_scored": r.entry.self_scored.to_string(),
            }));
        }
    }
    let text = serde_json::to_string_pretty(&expected).unwrap_or_default();
    if let Err(e) = fs::write(format!("{dir}/expected.json"), text) {
        eprintln!("cannot write expected.json: {e}");
        std::process::exit(2);
    }
}
