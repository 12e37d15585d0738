//! Every shipped framework and unit list loads and validates: a bad data edit fails `cargo test`,
//! not a user's browser.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::builtin;
use cchc_core::framework::{Block, FrameworkStatus, RuleKind, UnitType};
use cchc_core::{Framework, Points};

fn load_all() -> Vec<Framework> {
    builtin::FRAMEWORK_FILES
        .iter()
        .map(|(name, text)| {
            Framework::from_json(text).unwrap_or_else(|errors| {
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                panic!("{name} does not load:\n{}", list.join("\n"))
            })
        })
        .collect()
}

#[test]
fn every_shipped_framework_loads_and_validates() {
    assert_eq!(load_all().len(), 3);
}

/// The compiled-in text is the source file without its layout: the same JSON, and smaller.
#[test]
fn what_is_compiled_in_reads_as_the_files_in_the_repository() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = builtin::FRAMEWORK_FILES
        .iter()
        .map(|(name, text)| (format!("frameworks/{name}"), *text))
        .chain([(
            format!("units/{}", builtin::UNIT_LIST_FILE.0),
            builtin::UNIT_LIST_FILE.1,
        )]);
    for (path, text) in shipped {
        let source = std::fs::read_to_string(dir.join(&path)).unwrap();
        let read = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
        assert_eq!(read(text), read(&source), "{path}");
        assert!(
            text.len() < source.len() * 9 / 10,
            "{path}: {} of {} bytes",
            text.len(),
            source.len()
        );
    }
}

#[test]
fn the_shipped_frameworks_are_one_for_departments_one_for_districts_and_one_for_communes() {
    let types: Vec<UnitType> = load_all().iter().map(|f| f.unit_type).collect();
    assert_eq!(types, vec![UnitType::So, UnitType::Xa, UnitType::Huyen]);
}

#[test]
fn each_shipped_framework_has_60_to_100_scored_items_and_adds_up_to_100() {
    for fw in load_all() {
        let n = fw.items().len();
        assert!((60..=100).contains(&n), "{} has {n} items", fw.id);
        let regular: Points = fw
            .fields
            .iter()
            .filter(|f| f.block == Block::Regular)
            .map(|f| f.max)
            .sum();
        assert_eq!(regular, Points::from_whole(100), "{}", fw.id);
        assert_eq!(fw.self_scored_max + fw.survey_max, fw.total_max);
    }
}

#[test]
fn the_shipped_frameworks_together_use_every_rule_kind() {
    let frameworks = load_all();
    for kind in RuleKind::ALL {
        let uses: usize = frameworks
            .iter()
            .flat_map(|f| f.rule_kind_counts())
            .filter(|(k, _)| *k == kind)
            .map(|(_, n)| n)
            .sum();
        assert!(uses > 0, "no shipped framework uses {kind:?}");
    }
}

#[test]
fn model_frameworks_say_so_and_every_item_cites_what_it_follows() {
    for fw in load_all() {
        assert_eq!(fw.status, FrameworkStatus::Model);
        let note = fw
            .status_note
            .as_ref()
            .expect("a model framework carries a status note");
        assert!(note.vi.contains("mẫu"), "{}", note.vi);
        for item in fw.items() {
            assert!(
                item.source.as_deref().is_some_and(|s| !s.trim().is_empty()),
                "{} {}",
                fw.id,
                item.code
            );
            assert!(
                item.guidance.is_some(),
                "{} {} has no guidance",
                fw.id,
                item.code
            );
        }
    }
}

#[test]
fn the_shipped_unit_list_has_the_11_districts_and_the_departments() {
    let list = builtin::unit_list().expect("the unit list loads");
    assert_eq!(list.of_type(UnitType::Huyen).count(), 11);
    assert!(list.of_type(UnitType::So).count() >= 20);
    assert!(list.of_type(UnitType::So).any(|u| u.name == "Sở Nội vụ"));
}
