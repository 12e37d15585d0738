//! Properties of the Sở Nội vụ ranking (`ranking::rank`, `with_previous`, `Entry`): ranks the way
//! the province publishes them (1, 2, 2, 4), a stable order, every entry once, totals within their
//! bounds, the province's survey points never lowering anyone (nor any component index), movement since last year, and the
//! classification bands' edges.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cchc_core::framework::UnitType;
use cchc_core::ranking::{Component, Entry, Ranked, rank, with_previous};
use cchc_core::text::fold_diacritics;
use cchc_core::{Framework, Lang, Percent, Points};
use proptest::prelude::*;

/// Unit names as the province writes them: departments and districts from the shipped list.
fn unit_names() -> Vec<String> {
    cchc_core::builtin::unit_list()
        .expect("the shipped unit list loads")
        .units
        .into_iter()
        .map(|u| u.name)
        .collect()
}

/// The figures of one submission: (self-scored, bonus, penalty, province survey, applicable max),
/// all in hundredths. Self-scored points come in steps of 2 points and the maxima from a short list,
/// so that equal indexes (ties) are common.
type Figures = (i64, i64, i64, Option<i64>, i64);

fn figures() -> impl Strategy<Value = Figures> {
    (
        0i64..=40,
        prop::sample::select(vec![0i64, 100, 250, 500]),
        prop::sample::select(vec![0i64, 50, 200, 1_500, 12_000]),
        prop::option::of(prop::sample::select(vec![
            0i64, 500, 1_000, 2_000, 2_575, 3_000,
        ])),
        prop::sample::select(vec![10_000i64, 9_800, 9_500, 5_000]),
    )
        .prop_map(|(s, b, p, v, m)| (s * 200, b, p, v, m))
}

fn entry(source: String, unit: String, unit_id: Option<String>, f: Figures) -> Entry {
    let (self_scored, bonus, penalty, survey, applicable_max) = f;
    Entry {
        source,
        unit_id,
        unit,
        unit_type: UnitType::So,
        year: 2025,
        framework_id: "soc-trang-cap-so".into(),
        framework_version: "2025.1".into(),
        self_scored: Points(self_scored),
        claimed: Points(self_scored),
        appraised: false,
        survey_estimate: Points(2_400),
        survey_entered: survey.map(Points),
        survey_max: Points(3_000),
        bonus: Points(bonus),
        penalty: Points(penalty),
        applicable_max: Points(applicable_max),
        // Field 1 holds a third of the survey (10 of its 40 points), field 2 the rest (20 of 60).
        components: vec![
            Component {
                code: "1".into(),
                points: Points(self_scored * 3 / 10),
                survey_max: Points(1_000),
                applicable_max: Points(4_000),
            },
            Component {
                code: "2".into(),
                points: Points(self_scored * 4 / 10),
                survey_max: Points(2_000),
                applicable_max: Points(6_000),
            },
        ],
        edited: false,
    }
}

/// A batch of 0–31 units with different names (each its own file).
fn batch() -> impl Strategy<Value = Vec<Entry>> {
    let names = unit_names();
    prop::sample::subsequence(names.clone(), 0..=names.len())
        .prop_flat_map(|picked| {
            let n = picked.len();
            (Just(picked), prop::collection::vec(figures(), n))
        })
        .prop_map(|(picked, figs)| {
            picked
                .into_iter()
                .zip(figs)
                .enumerate()
                .map(|(i, (name, f))| entry(format!("{:04}.json", i + 1), name, None, f))
                .collect()
        })
}

/// A batch in which names repeat (two files of one unit) or differ only in case and diacritics,
/// which fold to the same name.
fn batch_with_repeated_names() -> impl Strategy<Value = Vec<Entry>> {
    let names = vec![
        "Sở Y tế".to_string(),
        "SỞ Y TẾ".to_string(),
        "Sở Y Tế".to_string(),
        "Sở Tư pháp".to_string(),
        "Sở Tu phap".to_string(),
    ];
    prop::collection::vec((prop::sample::select(names), figures()), 0..12).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(i, (name, f))| entry(format!("{:04}.json", i + 1), name, None, f))
            .collect()
    })
}

/// The same list in another order: a Fisher–Yates shuffle driven by `seed` (xorshift).
fn shuffled<T: Clone>(list: &[T], seed: u64) -> Vec<T> {
    let mut out = list.to_vec();
    let mut x = seed | 1;
    for i in (1..out.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.swap(i, (x % (i as u64 + 1)) as usize);
    }
    out
}

fn sources(ranked: &[Ranked]) -> Vec<&str> {
    ranked.iter().map(|r| r.entry.source.as_str()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn ranks_start_at_one_and_each_rank_is_one_more_than_the_number_of_entries_above(entries in batch()) {
        let ranked = rank(&entries);
        if let Some(first) = ranked.first() {
            prop_assert_eq!(first.rank, 1);
        }
        for (i, r) in ranked.iter().enumerate() {
            // Competition ranking (1, 2, 2, 4): one more than the entries with a higher index.
            let above = entries.iter().filter(|e| e.index() > r.entry.index()).count() as u32;
            prop_assert_eq!(r.rank, above + 1, "{} at {} with {}", r.entry.unit, i, r.entry.index());
            if i > 0 {
                let prev = &ranked[i - 1];
                prop_assert!(prev.rank <= r.rank, "ranks never go down the list");
                if prev.entry.index() == r.entry.index() {
                    prop_assert_eq!(prev.rank, r.rank, "tied indexes share a rank");
                } else {
                    prop_assert_eq!(r.rank, i as u32 + 1, "after a tie the next rank skips");
                }
            }
            prop_assert_eq!(r.previous, None, "no previous year without one");
        }
    }

    #[test]
    fn indexes_never_increase_down_the_list_and_ties_are_listed_by_unit_name(entries in batch()) {
        let ranked = rank(&entries);
        for pair in ranked.windows(2) {
            let (a, b) = (&pair[0].entry, &pair[1].entry);
            prop_assert!(a.index() >= b.index(), "{} {} above {} {}", a.unit, a.index(), b.unit, b.index());
            if a.index() == b.index() {
                prop_assert!(fold_diacritics(&a.unit) <= fold_diacritics(&b.unit), "{} before {}", a.unit, b.unit);
            }
        }
    }

    #[test]
    fn every_entry_appears_exactly_once_unchanged(entries in batch_with_repeated_names()) {
        let ranked = rank(&entries);
        prop_assert_eq!(ranked.len(), entries.len());
        let mut out: Vec<Entry> = ranked.into_iter().map(|r| r.entry).collect();
        let mut input = entries.clone();
        out.sort_by(|a, b| a.source.cmp(&b.source));
        input.sort_by(|a, b| a.source.cmp(&b.source));
        prop_assert_eq!(out, input);
    }

    #[test]
    fn ranking_a_shuffled_batch_of_units_gives_the_same_list(entries in batch(), seed in any::<u64>()) {
        let once = rank(&entries);
        let again = rank(&shuffled(&entries, seed));
        prop_assert_eq!(sources(&once), sources(&again));
        prop_assert_eq!(once, again);
    }

    #[test]
    fn ranking_a_shuffled_batch_gives_the_same_list_even_when_names_repeat_or_differ_only_in_case_and_diacritics(
        entries in batch_with_repeated_names(),
        seed in any::<u64>(),
    ) {
        // Two files of one unit (the duplicate the page flags), or "Sở Y tế" beside "SỞ Y TẾ":
        // where they tie, their order must not depend on the order the files were picked in.
        let once = rank(&entries);
        let again = rank(&shuffled(&entries, seed));
        let at = once.iter().zip(&again).position(|(a, b)| a.entry.source != b.entry.source);
        if let Some(i) = at {
            let line = |r: &Ranked| format!(
                "{} “{}” self-scored {} bonus {} index {}",
                r.entry.source, r.entry.unit, r.entry.self_scored, r.entry.bonus, r.entry.index()
            );
            prop_assert!(
                false,
                "line {} of the ranking depends on the order the files came in: {} in one order, {} in another",
                i + 1, line(&once[i]), line(&again[i])
            );
        }
    }

    #[test]
    fn an_entrys_total_stays_within_zero_and_the_applicable_max(f in figures(), estimate in 0i64..=3_000) {
        let mut e = entry("a.json".into(), "Sở Y tế".into(), None, f);
        e.survey_estimate = Points(estimate);
        let (self_scored, bonus, penalty, survey, max) = f;
        let raw = self_scored + survey.unwrap_or(0) + bonus - penalty;
        prop_assert!(e.total() >= Points::ZERO && e.total() <= e.applicable_max, "{}", e.total());
        prop_assert_eq!(e.total(), Points(raw.clamp(0, max)), "the unit's own estimate never counts");
        prop_assert!(e.index() >= Percent(0) && e.index() <= Percent(10_000));
        prop_assert_eq!(e.index(), e.total().percent_of(e.applicable_max));
    }

    #[test]
    fn a_province_survey_value_never_lowers_the_index_or_the_rank(
        entries in batch(),
        pick in any::<prop::sample::Index>(),
        low in 0i64..=3_000,
        more in 0i64..=3_000,
    ) {
        prop_assume!(!entries.is_empty());
        let i = pick.index(entries.len());
        let high = (low + more).min(3_000);
        let with = |survey: Option<i64>| {
            let mut batch = entries.clone();
            batch[i].survey_entered = survey.map(Points);
            let ranked = rank(&batch);
            let r = ranked.iter().find(|r| r.entry.source == batch[i].source).unwrap().clone();
            (r.entry.index(), r.entry.total(), r.rank)
        };
        let (none_index, none_total, none_rank) = with(None);
        let (low_index, low_total, low_rank) = with(Some(low));
        let (high_index, high_total, high_rank) = with(Some(high));
        // Nor any component index of the fields that share the survey.
        let components = |survey: Option<i64>| {
            let mut e = entries[i].clone();
            e.survey_entered = survey.map(Points);
            e.component_indexes()
        };
        let (none_c, low_c, high_c) = (components(None), components(Some(low)), components(Some(high)));
        for f in 0..none_c.len() {
            prop_assert!(none_c[f] <= low_c[f] && low_c[f] <= high_c[f], "field {f}: {none_c:?} {low_c:?} {high_c:?}");
        }
        prop_assert!(none_index <= low_index && low_index <= high_index, "{none_index} {low_index} {high_index}");
        prop_assert!(none_rank >= low_rank && low_rank >= high_rank, "{none_rank} {low_rank} {high_rank}");
        // Below the cap the survey points are added as entered.
        let max = entries[i].applicable_max;
        if high_total < max && none_total > Points::ZERO {
            prop_assert_eq!(low_total, none_total + Points(low));
            prop_assert_eq!(high_total, none_total + Points(high));
        }
    }

    #[test]
    fn movement_since_last_year_is_last_years_rank_minus_this_years(
        now in prop::collection::vec(figures(), 1..25),
        before in prop::collection::vec(prop::option::of(figures()), 25),
        renamed in any::<bool>(),
    ) {
        let names = unit_names();
        let key = |i: usize| format!("unit-{i}");
        let this_year: Vec<Entry> = now.iter().enumerate()
            .map(|(i, f)| entry(format!("{i}.json"), names[i].clone(), Some(key(i)), *f))
            .collect();
        // Last year's files: some units missing, and (when `renamed`) the unit's name written
        // differently: the unit is matched by its list id.
        let last_year: Vec<Entry> = before.iter().enumerate()
            .filter_map(|(i, f)| f.map(|f| {
                let name = if renamed { names[i].to_uppercase() } else { names[i].clone() };
                let mut e = entry(format!("2024-{i}.json"), name, Some(key(i)), f);
                e.year = 2024;
                e
            }))
            .collect();
        let last = rank(&last_year);
        let ranked = with_previous(rank(&this_year), &last);
        prop_assert_eq!(ranked.len(), this_year.len());
        for r in &ranked {
            let before = last.iter().find(|l| l.entry.unit_id == r.entry.unit_id);
            match before {
                None => {
                    prop_assert_eq!(r.previous, None);
                    prop_assert_eq!(r.rank_change(), None);
                    prop_assert_eq!(r.movement(Lang::Vi), None);
                }
                Some(b) => {
                    let change = i64::from(b.rank) - i64::from(r.rank);
                    prop_assert_eq!(r.previous, Some((b.rank, b.entry.index())));
                    prop_assert_eq!(r.rank_change(), Some(change));
                    prop_assert_eq!(r.index_change(), Some(Percent(r.entry.index().0 - b.entry.index().0)));
                    let said = match change {
                        c if c > 0 => format!("lên {c} bậc"),
                        c if c < 0 => format!("giảm {} bậc", -c),
                        _ => "giữ nguyên".to_string(),
                    };
                    prop_assert_eq!(r.movement(Lang::Vi), Some(said));
                }
            }
        }
    }

    #[test]
    fn every_index_falls_in_exactly_one_band_of_each_shipped_framework(p in 0i64..=10_000) {
        for fw in shipped() {
            let holding = fw.bands.iter().filter(|b| b.range.contains_percent(Percent(p))).count();
            prop_assert_eq!(holding, 1, "{} at {}", fw.id, p);
            let label = fw.band_for(Percent(p)).map(|b| b.label.vi.clone());
            let want = match p {
                9_000.. => "Xuất sắc",
                8_000..=8_999 => "Tốt",
                7_000..=7_999 => "Khá",
                5_000..=6_999 => "Trung bình",
                _ => "Yếu",
            };
            prop_assert_eq!(label.as_deref(), Some(want), "{} at {}", fw.id, p);
        }
    }
}

fn shipped() -> Vec<Framework> {
    cchc_core::builtin::frameworks()
        .into_iter()
        .map(|f| f.expect("the shipped frameworks load"))
        .collect()
}

#[test]
fn an_index_exactly_at_a_bands_lower_edge_falls_in_that_band_and_just_below_it_in_the_next_one_down()
 {
    let edges = [
        (10_000, "Xuất sắc"),
        (9_000, "Xuất sắc"),
        (8_999, "Tốt"),
        (8_000, "Tốt"),
        (7_999, "Khá"),
        (7_000, "Khá"),
        (6_999, "Trung bình"),
        (5_000, "Trung bình"),
        (4_999, "Yếu"),
        (0, "Yếu"),
    ];
    for fw in shipped() {
        let got: Vec<(i64, String)> = edges
            .iter()
            .map(|(p, _)| {
                let label = fw.band_for(Percent(*p)).map(|b| b.label.vi.clone());
                (*p, label.unwrap_or_else(|| "(none)".into()))
            })
            .collect();
        let want: Vec<(i64, String)> = edges.iter().map(|(p, l)| (*p, l.to_string())).collect();
        assert_eq!(got, want, "{}", fw.id);

        // The same through an entry: 90,00 of 100 points is Xuất sắc, 89,99 is Tốt.
        for (total, band) in [
            (9_000, "Xuất sắc"),
            (8_999, "Tốt"),
            (8_000, "Tốt"),
            (4_999, "Yếu"),
        ] {
            let e = entry(
                "a.json".into(),
                "Sở Y tế".into(),
                None,
                (total, 0, 0, None, 10_000),
            );
            assert_eq!(
                fw.band_for(e.index()).map(|b| b.label.vi.as_str()),
                Some(band),
                "{} with {}",
                fw.id,
                e.total()
            );
        }
    }
}

#[test]
fn the_provinces_example_ranks_one_two_two_four_and_says_the_movement_in_its_words() {
    let f = |s: i64| (s * 100, 0, 0, None, 10_000);
    let with_id =
        |n: &str, id: &str, s: i64| entry(format!("{id}.json"), n.into(), Some(id.into()), f(s));
    let last = rank(&[
        with_id("UBND huyện Trần Đề", "tran-de", 40),
        with_id("UBND huyện Mỹ Xuyên", "my-xuyen", 85),
        with_id("UBND huyện Châu Thành", "chau-thanh", 90),
        with_id("UBND huyện Kế Sách", "ke-sach", 80),
    ]);
    let now = with_previous(
        rank(&[
            with_id("UBND huyện Châu Thành", "chau-thanh", 70),
            with_id("UBND huyện Trần Đề", "tran-de", 95),
            with_id("UBND huyện Mỹ Xuyên", "my-xuyen", 70),
            with_id("UBND huyện Kế Sách", "ke-sach", 60),
        ]),
        &last,
    );
    let got: Vec<(u32, &str, String)> = now
        .iter()
        .map(|r| (r.rank, r.entry.unit.as_str(), r.movement(Lang::Vi).unwrap()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "UBND huyện Trần Đề", "lên 3 bậc".to_string()),
            (2, "UBND huyện Châu Thành", "giảm 1 bậc".to_string()),
            (2, "UBND huyện Mỹ Xuyên", "giữ nguyên".to_string()),
            (4, "UBND huyện Kế Sách", "giảm 1 bậc".to_string()),
        ]
    );
}

#[test]
fn the_units_not_handed_in_are_those_of_the_list_assessed_that_year_without_a_file() {
    use cchc_core::ranking::not_handed_in;
    use cchc_core::units::UnitList;
    let mut list = UnitList::new("Cần Thơ", None);
    let phong_dien = list.add("UBND xã Phong Điền", UnitType::Xa);
    let nhon_ai = list.add("UBND xã Nhơn Ái", UnitType::Xa);
    list.add("UBND phường Cái Răng", UnitType::Xa);
    list.add("UBND xã Trường Long", UnitType::Xa);
    list.add("Sở Nội vụ", UnitType::So);
    list.merge(&[&nhon_ai], &phong_dien, 2025).unwrap();
    let f = (5_000, 0, 0, None, 10_000);
    let commune = |name: &str, id: Option<String>, year: u16| Entry {
        unit_type: UnitType::Xa,
        year,
        ..entry(format!("{name}.json"), name.into(), id, f)
    };
    let batch = vec![
        // Named by id, by a name typed in other case and without accents, and one of last year.
        commune("UBND xã Phong Điền", Some(phong_dien.clone()), 2025),
        commune("ubnd phuong cai rang", None, 2025),
        commune("UBND xã Trường Long", None, 2024),
    ];
    let missing: Vec<&str> = not_handed_in(&list, UnitType::Xa, 2025, &batch)
        .into_iter()
        .map(|u| u.name.as_str())
        .collect();
    // Nhơn Ái was merged away from 2025 and is not expected; Sở Nội vụ is in another block.
    assert_eq!(missing, vec!["UBND xã Trường Long"]);
}

#[test]
fn an_entry_from_the_scorecard_an_import_computed_is_the_entry_scored_afresh() {
    let fw = cchc_core::builtin::frameworks()
        .into_iter()
        .next()
        .unwrap()
        .unwrap();
    let draft = cchc_core::sample::draft(&fw, 2025);
    let sc = cchc_core::score(&fw, &draft.answers);
    assert_eq!(
        Entry::from_scorecard("a.json".into(), &fw, &draft, &sc, false),
        Entry::new("a.json".into(), &fw, &draft, false)
    );
}
