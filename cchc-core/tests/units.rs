//! Unit lists: read from tables (the data-driven cases in `tests/units/sheets.json`), checked,
//! edited (add, rename, merge, retire), written and read back; the shipped list still reads.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::builder::delimited::from_delimited;
use cchc_core::builder::table::SourceKind;
use cchc_core::framework::UnitType;
use cchc_core::units::sheet::read_table;
use cchc_core::units::{EditError, ListYears, UnitList, UnitListError};
use cchc_core::{Lang, builtin};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    csv: bool,
    units: Vec<(String, String, Option<String>)>,
    problems: Vec<String>,
}

#[test]
fn tables_are_read_into_units_as_the_cases_say() {
    let cases: Cases =
        serde_json::from_str(include_str!("units/sheets.json")).expect("the cases parse");
    let mut failures = Vec::new();
    for case in &cases.cases {
        let kind = if case.csv {
            SourceKind::Csv
        } else {
            SourceKind::Pasted
        };
        let table = from_delimited(&case.text, kind).expect("the text reads as a table");
        let read = read_table(&table, "Cần Thơ", None).expect("names are found");
        let units: Vec<(String, String, Option<String>)> = read
            .list
            .units
            .iter()
            .map(|u| (u.name.clone(), u.unit_type.clone(), u.code.clone()))
            .collect();
        if units != case.units {
            failures.push(format!(
                "[{}] units\n  got      {units:?}\n  expected {:?}",
                case.name, case.units
            ));
        }
        let problems: Vec<String> = read
            .list
            .problems()
            .iter()
            .map(|p| p.message(Lang::Vi))
            .collect();
        if problems != case.problems {
            failures.push(format!(
                "[{}] problems\n  got      {problems:#?}\n  expected {:#?}",
                case.name, case.problems
            ));
        }
        // Every problem has an English message too, and it differs.
        for p in read.list.problems() {
            assert_ne!(p.message(Lang::Vi), p.message(Lang::En), "[{}]", case.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_table_without_any_names_is_refused_with_a_message() {
    let table = from_delimited("1\t2\n3\t4", SourceKind::Pasted).unwrap();
    let err = read_table(&table, "Cần Thơ", None).unwrap_err();
    assert!(err.message(Lang::Vi).contains("Tên đơn vị"));
}

fn communes() -> UnitList {
    let mut list = UnitList::new(
        "Cần Thơ",
        Some(ListYears {
            from: 2025,
            to: None,
        }),
    );
    for name in [
        "UBND xã Phong Điền",
        "UBND xã Nhơn Ái",
        "UBND phường Cái Răng",
    ] {
        list.add(name, UnitType::Xa);
    }
    list.add("Sở Nội vụ", UnitType::So);
    list
}

#[test]
fn a_new_list_is_named_from_its_province_and_years_and_ids_are_unique() {
    let mut list = communes();
    assert_eq!(list.id, "can-tho-2025");
    assert_eq!(list.label(), "Cần Thơ (2025–)");
    assert_eq!(list.units[0].id, "ubnd-xa-phong-dien");
    // A second unit of the same name gets an id of its own; the name is then named as a problem.
    let id = list.add("UBND xã Phong Điền", UnitType::Xa);
    assert_eq!(id, "ubnd-xa-phong-dien-2");
    assert_eq!(
        list.problems(),
        vec![UnitListError::DuplicateName {
            row: 5,
            name: "UBND xã Phong Điền".into(),
            first_row: 1
        }]
    );
    assert!(list.fits(2026));
    assert!(!list.fits(2024));
}

fn offered(list: &UnitList, year: u16) -> Vec<String> {
    list.offered(UnitType::Xa, year)
        .map(|u| u.name.clone())
        .collect()
}

#[test]
fn a_merged_unit_is_offered_for_earlier_years_only_and_the_rename_keeps_the_id() {
    let mut list = communes();
    list.merge(&["ubnd-xa-nhon-ai"], "ubnd-xa-phong-dien", 2026)
        .unwrap();
    list.rename("ubnd-xa-phong-dien", "UBND xã Phong Điền (mới)")
        .unwrap();
    assert!(list.problems().is_empty(), "{:?}", list.problems());
    assert_eq!(
        offered(&list, 2025),
        vec![
            "UBND xã Phong Điền (mới)",
            "UBND xã Nhơn Ái",
            "UBND phường Cái Răng"
        ]
    );
    assert_eq!(
        offered(&list, 2026),
        vec!["UBND xã Phong Điền (mới)", "UBND phường Cái Răng"]
    );
    let merged = list.unit("ubnd-xa-nhon-ai").unwrap();
    assert_eq!(merged.merged_into.as_deref(), Some("ubnd-xa-phong-dien"));
    // Assessed again: the merger is undone with the retirement.
    list.retire("ubnd-xa-nhon-ai", None).unwrap();
    assert_eq!(offered(&list, 2026).len(), 3);
    assert!(list.unit("ubnd-xa-nhon-ai").unwrap().merged_into.is_none());
}

#[test]
fn a_merge_into_a_missing_unit_or_itself_changes_nothing() {
    let mut list = communes();
    let before = list.clone();
    assert_eq!(
        list.merge(&["ubnd-xa-nhon-ai"], "ubnd-xa-khong-co", 2026),
        Err(EditError::NoSuchUnit("ubnd-xa-khong-co".into()))
    );
    assert_eq!(
        list.merge(&["ubnd-xa-nhon-ai"], "ubnd-xa-nhon-ai", 2026),
        Err(EditError::MergeIntoItself)
    );
    assert_eq!(
        list.merge(&[], "ubnd-xa-nhon-ai", 2026),
        Err(EditError::NothingToMerge)
    );
    assert_eq!(list, before);
    for e in [
        EditError::NoSuchUnit("x".into()),
        EditError::MergeIntoItself,
        EditError::NothingToMerge,
    ] {
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
    }
}

#[test]
fn a_file_whose_merge_points_nowhere_is_refused_with_every_problem() {
    let mut list = communes();
    list.merge(&["ubnd-xa-nhon-ai"], "ubnd-xa-phong-dien", 2026)
        .unwrap();
    list.remove("ubnd-xa-phong-dien").unwrap();
    list.units[0].unit_type = "thon".into();
    list.province = " ".into();
    let errors = UnitList::from_json(&list.to_json()).unwrap_err();
    assert_eq!(
        errors,
        vec![
            UnitListError::EmptyProvince,
            UnitListError::UnknownUnitType {
                row: 1,
                name: "UBND xã Nhơn Ái".into(),
                unit_type: "thon".into()
            },
            UnitListError::MergedIntoMissing {
                row: 1,
                name: "UBND xã Nhơn Ái".into(),
                into: "ubnd-xa-phong-dien".into()
            },
        ]
    );
}

#[test]
fn a_list_is_written_and_read_back_unchanged_and_other_files_are_refused() {
    let mut list = communes();
    list.merge(&["ubnd-xa-nhon-ai"], "ubnd-xa-phong-dien", 2026)
        .unwrap();
    list.units[0].code = Some("31120".into());
    let back = UnitList::from_json(&list.to_json()).unwrap();
    assert_eq!(back, list);
    assert_eq!(
        UnitList::from_json("{\"format\": \"cchc-framework\", \"format_version\": 1}"),
        Err(vec![UnitListError::NotAUnitList])
    );
    assert_eq!(
        UnitList::from_json(
            "{\"format\": \"cchc-units\", \"format_version\": 2, \"province\": \"X\", \"units\": []}"
        ),
        Err(vec![UnitListError::UnsupportedFormatVersion(2)])
    );
    assert!(matches!(
        UnitList::from_json("không phải JSON").unwrap_err()[0],
        UnitListError::Syntax(_)
    ));
}

#[test]
fn the_shipped_list_reads_with_the_years_it_fits_and_an_old_file_without_them_still_reads() {
    let shipped = builtin::unit_list().unwrap();
    assert_eq!(shipped.label(), "Sóc Trăng (2021–2024)");
    assert!(shipped.fits(2024));
    assert!(!shipped.fits(2025));
    let old = r#"{"format": "cchc-units", "format_version": 1, "province": "Sóc Trăng",
        "units": [{"id": "so-noi-vu", "name": "Sở Nội vụ", "unit_type": "so"}]}"#;
    let list = UnitList::from_json(old).unwrap();
    assert_eq!(list.id, "soc-trang");
    assert!(list.fits(2030));
}
