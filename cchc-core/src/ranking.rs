//! The Sở Nội vụ view: many submissions ranked the way the province publishes them — within a
//! block (sở apart from huyện), by index, ties sharing a rank (1, 2, 2, 4) — with the survey points
//! the province enters, the band, the component indexes, the movement since last year, and flags
//! for what an appraiser must look at.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::answer::Answers;
use crate::appraisal::Appraisal;
use crate::draft::Draft;
use crate::framework::{Block, Framework, Rule, UnitType};
use crate::points::{Percent, Points, div_round};
use crate::report::{Cell, PlainSheet};
use crate::scoring::{Scorecard, score};
use crate::text::{Lang, fold_diacritics};
use crate::units::{Unit, UnitList};

/// A field of a unit's submission, as its component index (chỉ số thành phần) is computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub code: String,
    /// The unit's self-scored points in the field (its survey estimates left out).
    pub points: Points,
    /// The part of the survey maximum the field holds: its survey items' applicable maxima.
    pub survey_max: Points,
    /// The field's applicable maximum; zero when the unit marked the whole field not applicable.
    pub applicable_max: Points,
}

/// One unit's submission, scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where it came from (a file name), for messages.
    pub source: String,
    pub unit_id: Option<String>,
    pub unit: String,
    pub unit_type: UnitType,
    pub year: u16,
    pub framework_id: String,
    pub framework_version: String,
    /// The self-scored points that count: the council's appraised points where the unit's
    /// submission was appraised, else the unit's own.
    pub self_scored: Points,
    /// The unit's own self-scored points, as claimed in its file.
    pub claimed: Points,
    /// The points are the council's (an appraisal of this very submission was applied).
    pub appraised: bool,
    /// The unit's own survey estimate, and the province's figure when entered.
    pub survey_estimate: Points,
    pub survey_entered: Option<Points>,
    pub survey_max: Points,
    pub bonus: Points,
    pub penalty: Points,
    pub applicable_max: Points,
    /// The fields of the 100-point scale, for the component indexes.
    pub components: Vec<Component>,
    /// The checksum did not match, or the file was imported as edited.
    pub edited: bool,
}

impl Entry {
    /// The unit's submission on its own self-score.
    pub fn new(source: String, framework: &Framework, draft: &Draft, edited: bool) -> Entry {
        Entry::scored(source, framework, draft, &draft.answers, edited)
    }

    /// The same, from the scorecard already computed for `draft` (an import's preview), so that
    /// a batch of files is scored once.
    pub fn from_scorecard(
        source: String,
        framework: &Framework,
        draft: &Draft,
        sc: &Scorecard,
        edited: bool,
    ) -> Entry {
        Entry::of(source, framework, draft, sc, edited)
    }

    /// The unit's submission on the council's appraised points. The caller has checked that the
    /// appraisal is of this submission (`appraisal::file::check_appraisal`).
    pub fn appraised(
        source: String,
        framework: &Framework,
        draft: &Draft,
        edited: bool,
        appraisal: &Appraisal,
    ) -> Entry {
        let answers = appraisal.apply_to(&draft.answers);
        let mut entry = Entry::scored(source, framework, draft, &answers, edited);
        entry.claimed = score(framework, &draft.answers).self_scored;
        entry.appraised = true;
        entry
    }

    fn scored(
        source: String,
        framework: &Framework,
        draft: &Draft,
        answers: &Answers,
        edited: bool,
    ) -> Entry {
        Entry::of(source, framework, draft, &score(framework, answers), edited)
    }

    fn of(
        source: String,
        framework: &Framework,
        draft: &Draft,
        sc: &Scorecard,
        edited: bool,
    ) -> Entry {
        Entry {
            source,
            unit_id: draft.unit.id.clone(),
            unit: draft.unit.name.clone(),
            unit_type: framework.unit_type,
            year: draft.answers.year,
            framework_id: framework.id.clone(),
            framework_version: framework.version.clone(),
            self_scored: sc.self_scored,
            claimed: sc.self_scored,
            appraised: false,
            survey_estimate: sc.survey,
            survey_entered: None,
            survey_max: sc.survey_max,
            bonus: sc.bonus,
            penalty: sc.penalty,
            applicable_max: sc.applicable_max,
            components: framework
                .fields
                .iter()
                .zip(&sc.fields)
                .filter(|(_, f)| f.block == Block::Regular)
                .map(|(field, f)| Component {
                    code: f.code.clone(),
                    points: f.points,
                    survey_max: field
                        .items()
                        .into_iter()
                        .filter(|n| n.rule().is_some_and(Rule::is_survey))
                        .filter_map(|n| sc.nodes.get(&n.code))
                        .map(|n| n.applicable_max)
                        .sum(),
                    applicable_max: f.applicable_max,
                })
                .collect(),
            edited: edited || draft.edited_outside,
        }
    }

    /// The survey points that count: the province's when entered, else none (a unit's estimate
    /// is not a result).
    pub fn survey(&self) -> Points {
        self.survey_entered.unwrap_or(Points::ZERO)
    }

    /// Self-scored + survey + bonus − penalty, kept within 0 and the applicable maximum.
    pub fn total(&self) -> Points {
        (self.self_scored + self.survey() + self.bonus - self.penalty)
            .max(Points::ZERO)
            .min(self.applicable_max)
    }

    pub fn index(&self) -> Percent {
        self.total().percent_of(self.applicable_max)
    }

    /// The component index of field `i`: its points with its part of the province's survey points
    /// (in proportion to the survey maximum the field holds: all of them where one field holds
    /// the whole survey), ÷ its applicable maximum. As the total, it takes no survey estimate of
    /// the unit's. `None` for a field the unit marked not applicable (nothing to divide by).
    pub fn component_index(&self, i: usize) -> Option<Percent> {
        let c = self.components.get(i)?;
        if c.applicable_max == Points::ZERO {
            return None;
        }
        let survey = if self.survey_max == Points::ZERO {
            Points::ZERO
        } else {
            let share = div_round(
                i128::from(self.survey().0) * i128::from(c.survey_max.0),
                i128::from(self.survey_max.0),
            );
            Points(i64::try_from(share).unwrap_or(0))
        };
        Some((c.points + survey).percent_of(c.applicable_max))
    }

    /// Every field's component index, in the framework's order.
    pub fn component_indexes(&self) -> Vec<Option<Percent>> {
        (0..self.components.len())
            .map(|i| self.component_index(i))
            .collect()
    }

    /// The key that identifies a unit across files and years: its list id, or its folded name.
    pub fn unit_key(&self) -> String {
        self.unit_id
            .clone()
            .unwrap_or_else(|| fold_diacritics(self.unit.trim()))
    }
}

/// A ranked line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub rank: u32,
    pub entry: Entry,
    /// Last year's rank and index for the same unit, when known.
    pub previous: Option<(u32, Percent)>,
}

impl Ranked {
    /// Positive: moved up (a smaller rank number).
    pub fn rank_change(&self) -> Option<i64> {
        self.previous
            .map(|(r, _)| i64::from(r) - i64::from(self.rank))
    }

    pub fn index_change(&self) -> Option<Percent> {
        self.previous
            .map(|(_, i)| Percent(self.entry.index().0 - i.0))
    }

    /// "lên 7 bậc", "giảm 6 bậc", "giữ nguyên", as the province's announcements say it.
    pub fn movement(&self, lang: Lang) -> Option<String> {
        let change = self.rank_change()?;
        Some(match (lang, change.cmp(&0)) {
            (Lang::Vi, Ordering::Greater) => format!("lên {change} bậc"),
            (Lang::Vi, Ordering::Less) => format!("giảm {} bậc", -change),
            (Lang::Vi, Ordering::Equal) => "giữ nguyên".into(),
            (Lang::En, Ordering::Greater) => format!("up {change}"),
            (Lang::En, Ordering::Less) => format!("down {}", -change),
            (Lang::En, Ordering::Equal) => "unchanged".into(),
        })
    }
}

/// Ranks one block by index, highest first; equal indexes share a rank and the next rank skips
/// (1, 2, 2, 4). Ties are listed by unit name so the order is stable.
pub fn rank(entries: &[Entry]) -> Vec<Ranked> {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    // Ties in index are listed by name, then by unit key and file, so that the order never
    // depends on the order the files were picked in.
    sorted.sort_by(|a, b| {
        b.index()
            .cmp(&a.index())
            .then_with(|| fold_diacritics(&a.unit).cmp(&fold_diacritics(&b.unit)))
            .then_with(|| a.unit_key().cmp(&b.unit_key()))
            .then_with(|| a.unit.cmp(&b.unit))
            .then_with(|| a.source.cmp(&b.source))
    });
    let mut out: Vec<Ranked> = Vec::with_capacity(sorted.len());
    for (i, e) in sorted.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.entry.index() == e.index() => prev.rank,
            _ => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        out.push(Ranked {
            rank,
            entry: e.clone(),
            previous: None,
        });
    }
    out
}

/// Adds last year's rank and index to each unit found in `last_year` (ranked the same way).
pub fn with_previous(mut ranked: Vec<Ranked>, last_year: &[Ranked]) -> Vec<Ranked> {
    let previous: HashMap<String, (u32, Percent)> = last_year
        .iter()
        .map(|r| (r.entry.unit_key(), (r.rank, r.entry.index())))
        .collect();
    for r in &mut ranked {
        r.previous = previous.get(&r.entry.unit_key()).copied();
    }
    ranked
}

/// What a published decision says of a block: how many units, their average index, how many
/// in each band ("29 Tốt, 11 Khá, 4 Trung bình"), and how many ranked on appraised points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockSummary {
    pub units: usize,
    /// The mean of the units' indexes, rounded once.
    pub average_index: Percent,
    /// (band, units in it), from the highest band down; units without a band are left out.
    pub bands: Vec<(String, usize)>,
    pub appraised: usize,
}

impl BlockSummary {
    /// "44 đơn vị · chỉ số bình quân 85,12 % · 29 Tốt, 11 Khá, 4 Trung bình · 10 đã thẩm định".
    pub fn line(&self, lang: Lang) -> String {
        let bands = self
            .bands
            .iter()
            .map(|(band, n)| format!("{n} {band}"))
            .collect::<Vec<_>>()
            .join(", ");
        let (units, average, appraised) = match lang {
            Lang::Vi => ("đơn vị", "chỉ số bình quân", "đã thẩm định"),
            Lang::En => ("units", "average index", "appraised"),
        };
        let mut parts = vec![
            format!("{} {units}", self.units),
            format!("{average} {} %", self.average_index.format(lang)),
        ];
        if !bands.is_empty() {
            parts.push(bands);
        }
        if self.appraised > 0 {
            parts.push(format!("{} {appraised}", self.appraised));
        }
        parts.join(" · ")
    }
}

/// The block's summary; `band` names the band of a line (the framework, which the caller holds,
/// decides it). `None` for an empty block.
pub fn summary(
    ranked: &[Ranked],
    band: impl Fn(&Ranked) -> Option<String>,
) -> Option<BlockSummary> {
    if ranked.is_empty() {
        return None;
    }
    let n = ranked.len();
    let sum: i128 = ranked.iter().map(|r| i128::from(r.entry.index().0)).sum();
    let average = i64::try_from(div_round(sum, n as i128)).unwrap_or(0);
    // Each band with the highest index in it, to list the bands from the highest down.
    let mut bands: Vec<(String, usize, Percent)> = Vec::new();
    for r in ranked {
        let Some(label) = band(r) else { continue };
        match bands.iter_mut().find(|(l, _, _)| *l == label) {
            Some((_, count, top)) => {
                *count += 1;
                *top = (*top).max(r.entry.index());
            }
            None => bands.push((label, 1, r.entry.index())),
        }
    }
    bands.sort_by_key(|b| std::cmp::Reverse(b.2));
    Some(BlockSummary {
        units: n,
        average_index: Percent(average),
        bands: bands.into_iter().map(|(l, c, _)| (l, c)).collect(),
        appraised: ranked.iter().filter(|r| r.entry.appraised).count(),
    })
}

/// What an appraiser should look at in a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// Two files or more for the same unit and year.
    Duplicate {
        unit: String,
        year: u16,
        sources: Vec<String>,
    },
    /// Files of one block scored on different frameworks or versions.
    MixedFrameworks {
        unit_type: UnitType,
        versions: Vec<String>,
    },
    /// The file was edited outside the app.
    Edited { unit: String, source: String },
}

impl Flag {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Flag::Duplicate {
                    unit,
                    year,
                    sources,
                },
                Lang::Vi,
            ) => format!(
                "{unit} có {} tệp cho năm {year}: {}",
                sources.len(),
                sources.join(", ")
            ),
            (
                Flag::Duplicate {
                    unit,
                    year,
                    sources,
                },
                Lang::En,
            ) => format!(
                "{unit} has {} files for {year}: {}",
                sources.len(),
                sources.join(", ")
            ),
            (
                Flag::MixedFrameworks {
                    unit_type,
                    versions,
                },
                Lang::Vi,
            ) => format!(
                "{}: các tệp chấm theo những bộ tiêu chí khác nhau ({})",
                unit_type.label(lang),
                versions.join("; ")
            ),
            (
                Flag::MixedFrameworks {
                    unit_type,
                    versions,
                },
                Lang::En,
            ) => format!(
                "{}: files scored on different frameworks ({})",
                unit_type.label(lang),
                versions.join("; ")
            ),
            (Flag::Edited { unit, source }, Lang::Vi) => {
                format!("{unit} ({source}): tệp đã bị chỉnh sửa ngoài ứng dụng")
            }
            (Flag::Edited { unit, source }, Lang::En) => {
                format!("{unit} ({source}): the file was edited outside the app")
            }
        }
    }
}

pub fn flags(entries: &[Entry]) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut by_unit: Vec<((String, u16), Vec<&Entry>)> = Vec::new();
    for e in entries {
        let key = (e.unit_key(), e.year);
        match by_unit.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(e),
            None => by_unit.push((key, vec![e])),
        }
    }
    for ((_, year), list) in &by_unit {
        if list.len() > 1 {
            out.push(Flag::Duplicate {
                unit: list[0].unit.clone(),
                year: *year,
                sources: list.iter().map(|e| e.source.clone()).collect(),
            });
        }
    }
    for unit_type in UnitType::ALL {
        let mut versions: Vec<String> = entries
            .iter()
            .filter(|e| e.unit_type == unit_type)
            .map(|e| format!("{} {}", e.framework_id, e.framework_version))
            .collect();
        versions.sort();
        versions.dedup();
        if versions.len() > 1 {
            out.push(Flag::MixedFrameworks {
                unit_type,
                versions,
            });
        }
    }
    for e in entries.iter().filter(|e| e.edited) {
        out.push(Flag::Edited {
            unit: e.unit.clone(),
            source: e.source.clone(),
        });
    }
    out
}

/// The column headers of the ranking sheet, before the component indexes and the rank change.
/// The units of a list that a block's batch lacks: those assessed in `year` for `unit_type` with
/// no entry of that year naming them, by id or else by name (accents and case aside, as units
/// typed by hand are matched elsewhere). In the list's order.
pub fn not_handed_in<'a>(
    list: &'a UnitList,
    unit_type: UnitType,
    year: u16,
    entries: &[Entry],
) -> Vec<&'a Unit> {
    let keys: std::collections::HashSet<String> = entries
        .iter()
        .filter(|e| e.year == year && e.unit_type == unit_type)
        .flat_map(|e| [e.unit_id.clone(), Some(fold_diacritics(e.unit.trim()))])
        .flatten()
        .collect();
    list.offered(unit_type, year)
        .filter(|u| !keys.contains(&u.id) && !keys.contains(&fold_diacritics(u.name.trim())))
        .collect()
}

/// What the sheet holds for a component index the unit has not: its field is not applicable.
pub const NOT_APPLICABLE: &str = "—";

fn sheet_headers(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Vi => [
            "Xếp hạng",
            "Đơn vị",
            "Điểm tự đánh giá",
            "Điểm thẩm định",
            "Điểm điều tra XHH",
            "Điểm thưởng",
            "Điểm trừ",
            "Tổng điểm",
            "Chỉ số (%)",
            "Xếp loại",
        ],
        Lang::En => [
            "Rank",
            "Unit",
            "Self-scored",
            "Appraised",
            "Survey",
            "Bonus",
            "Penalty",
            "Total",
            "Index (%)",
            "Band",
        ],
    }
}

/// One block's ranking as a plain table: rank, unit, parts, total, index, band (`band` gives it
/// for a line: the band depends on the framework, which the caller holds), component indexes and
/// the movement since last year. The CSV and the .xlsx are both written from it.
pub fn sheet(
    ranked: &[Ranked],
    lang: Lang,
    block: UnitType,
    band: impl Fn(&Ranked) -> String,
) -> PlainSheet {
    let block_label = block.label(lang);
    let codes: Vec<String> = ranked
        .first()
        .map(|r| r.entry.components.iter().map(|c| c.code.clone()).collect())
        .unwrap_or_default();
    let (field, rank_change, title) = match lang {
        Lang::Vi => (
            "Lĩnh vực",
            "Thay đổi thứ hạng",
            format!("Xếp hạng Chỉ số CCHC — {block_label}"),
        ),
        Lang::En => (
            "Field",
            "Rank change",
            format!("PAR Index ranking — {block_label}"),
        ),
    };
    let mut headers: Vec<String> = sheet_headers(lang).iter().map(|s| s.to_string()).collect();
    headers.extend(codes.iter().map(|c| format!("{field} {c}")));
    headers.push(rank_change.into());
    let rows = ranked
        .iter()
        .map(|r| {
            let e = &r.entry;
            let mut row = vec![
                Cell::Whole(i64::from(r.rank)),
                Cell::Text(e.unit.clone()),
                Cell::Points(e.claimed),
                // Not yet appraised: "—", so that the claim is never read as the council's.
                if e.appraised {
                    Cell::Points(e.self_scored)
                } else {
                    Cell::Text(NOT_APPLICABLE.into())
                },
                Cell::Points(e.survey()),
                Cell::Points(e.bonus),
                Cell::Points(e.penalty),
                Cell::Points(e.total()),
                Cell::Percent(e.index()),
                Cell::Text(band(r)),
            ];
            // A field the unit marked not applicable has no index: "—", as the table shows it.
            row.extend(
                e.component_indexes()
                    .into_iter()
                    .map(|c| c.map_or_else(|| Cell::Text(NOT_APPLICABLE.into()), Cell::Percent)),
            );
            row.push(Cell::Text(r.movement(lang).unwrap_or_default()));
            row
        })
        .collect();
    PlainSheet {
        name: block_label.to_string(),
        title,
        headers,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(unit: &str, self_scored: i64) -> Entry {
        Entry {
            source: format!("{unit}.json"),
            unit_id: None,
            unit: unit.into(),
            unit_type: UnitType::So,
            year: 2025,
            framework_id: "f".into(),
            framework_version: "1".into(),
            self_scored: Points::from_whole(self_scored),
            claimed: Points::from_whole(self_scored),
            appraised: false,
            survey_estimate: Points::ZERO,
            survey_entered: None,
            survey_max: Points::from_whole(30),
            bonus: Points::ZERO,
            penalty: Points::ZERO,
            applicable_max: Points::from_whole(100),
            components: Vec::new(),
            edited: false,
        }
    }

    fn field(code: &str, points: i64, survey_max: i64, applicable_max: i64) -> Component {
        Component {
            code: code.into(),
            points: Points::from_whole(points),
            survey_max: Points::from_whole(survey_max),
            applicable_max: Points::from_whole(applicable_max),
        }
    }

    #[test]
    fn a_field_holding_the_whole_survey_reads_the_provinces_survey_points_over_its_maximum() {
        let mut e = entry("Sở Y tế", 60);
        e.components = vec![field("1", 60, 0, 70), field("8", 0, 30, 30)];
        e.survey_estimate = Points::from_whole(30);
        assert_eq!(
            e.component_index(1),
            Some(Percent(0)),
            "the unit's estimate does not count, as in the total"
        );
        e.survey_entered = Some(Points::from_whole(24));
        assert_eq!(e.component_index(1), Some(Percent::from_whole(80)));
        assert_eq!(e.component_index(0), Some(Percent(8571)), "60 / 70");
    }

    #[test]
    fn survey_points_shared_by_several_fields_go_in_proportion_to_each_ones_survey_maximum() {
        let mut e = entry("Sở Y tế", 50);
        // Field 1 holds 10 of the 30 survey points beside 40 self-scored; field 2 the other 20.
        e.components = vec![field("1", 30, 10, 50), field("2", 20, 20, 50)];
        e.survey_entered = Some(Points::from_whole(15));
        // 30 + 15 × 10/30 = 35 of 50; 20 + 15 × 20/30 = 30 of 50.
        assert_eq!(e.component_index(0), Some(Percent::from_whole(70)));
        assert_eq!(e.component_index(1), Some(Percent::from_whole(60)));
    }

    #[test]
    fn a_field_marked_not_applicable_has_no_component_index_and_sorts_after_the_scored_ones() {
        let mut e = entry("UBND xã A", 50);
        e.components = vec![field("1", 0, 0, 0), field("2", 0, 0, 10)];
        assert_eq!(e.component_indexes(), vec![None, Some(Percent(0))]);
        assert_eq!(e.component_index(5), None, "no such field");
        // Highest first, as the table sorts: a field with no index after a zero.
        let mut column = e.component_indexes();
        column.sort_by(|a, b| b.cmp(a));
        assert_eq!(column, vec![Some(Percent(0)), None]);
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let ranked = rank(&[
            entry("C", 60),
            entry("A", 70),
            entry("B", 60),
            entry("D", 50),
        ]);
        let got: Vec<(u32, &str)> = ranked
            .iter()
            .map(|r| (r.rank, r.entry.unit.as_str()))
            .collect();
        assert_eq!(got, vec![(1, "A"), (2, "B"), (2, "C"), (4, "D")]);
    }

    #[test]
    fn the_province_survey_points_count_and_the_units_estimate_does_not() {
        let mut e = entry("A", 60);
        e.survey_estimate = Points::from_whole(30);
        assert_eq!(e.total(), Points::from_whole(60));
        e.survey_entered = Some(Points::from_whole(25));
        assert_eq!(e.total(), Points::from_whole(85));
        assert_eq!(e.index(), Percent::from_whole(85));
    }

    #[test]
    fn movement_since_last_year_is_said_the_way_the_province_says_it() {
        let last = rank(&[
            entry("Trần Đề", 40),
            entry("Mỹ Xuyên", 80),
            entry("Châu Thành", 90),
        ]);
        let now = with_previous(
            rank(&[
                entry("Trần Đề", 95),
                entry("Mỹ Xuyên", 60),
                entry("Châu Thành", 70),
            ]),
            &last,
        );
        let said: Vec<(String, String)> = now
            .iter()
            .map(|r| (r.entry.unit.clone(), r.movement(Lang::Vi).unwrap()))
            .collect();
        assert_eq!(
            said,
            vec![
                ("Trần Đề".into(), "lên 2 bậc".into()),
                ("Châu Thành".into(), "giảm 1 bậc".into()),
                ("Mỹ Xuyên".into(), "giảm 1 bậc".into()),
            ]
        );
    }

    #[test]
    fn the_ranking_sheet_has_its_headers_in_either_language_and_a_row_per_unit() {
        let mut a = entry("Sở Y tế", 80);
        a.components = vec![field("1", 9, 0, 10), field("2", 0, 0, 0)];
        let mut b = entry("Sở Tài chính", 70);
        b.components = vec![field("1", 7, 0, 10), field("2", 0, 0, 0)];
        let ranked = rank(&[b, a]);
        let vi = sheet(&ranked, Lang::Vi, UnitType::So, |_| "Tốt".into());
        assert_eq!(vi.name, "Cấp sở");
        assert_eq!(vi.title, "Xếp hạng Chỉ số CCHC — Cấp sở");
        assert_eq!(
            vi.headers,
            [
                "Xếp hạng",
                "Đơn vị",
                "Điểm tự đánh giá",
                "Điểm thẩm định",
                "Điểm điều tra XHH",
                "Điểm thưởng",
                "Điểm trừ",
                "Tổng điểm",
                "Chỉ số (%)",
                "Xếp loại",
                "Lĩnh vực 1",
                "Lĩnh vực 2",
                "Thay đổi thứ hạng"
            ]
        );
        let en = sheet(&ranked, Lang::En, UnitType::Huyen, |_| "Good".into());
        assert_eq!(en.title, "PAR Index ranking — Districts");
        assert_eq!(en.headers[0], "Rank");
        assert_eq!(en.headers[3], "Appraised");
        assert_eq!(en.headers[8], "Index (%)");
        assert_eq!(en.headers[10], "Field 1");
        assert_eq!(en.headers[12], "Rank change");
        assert_eq!(vi.rows.len(), 2);
        assert_eq!(
            vi.rows[0][..4],
            [
                Cell::Whole(1),
                Cell::Text("Sở Y tế".into()),
                Cell::Points(Points::from_whole(80)),
                Cell::Text("—".into()),
            ],
            "not appraised: the claim only"
        );
        assert_eq!(vi.rows[0][9], Cell::Text("Tốt".into()));
        assert_eq!(vi.rows[0][10], Cell::Percent(Percent::from_whole(90)));
        assert_eq!(
            vi.rows[0][11],
            Cell::Text("—".into()),
            "a field not applicable has no index"
        );
        assert_eq!(
            vi.rows[0][12],
            Cell::Text(String::new()),
            "no rank change without last year"
        );
    }

    #[test]
    fn a_blocks_summary_counts_its_bands_from_the_highest_down_and_averages_its_indexes() {
        let entries = vec![
            entry("A", 95),
            entry("B", 82),
            entry("C", 81),
            entry("D", 60),
        ];
        let ranked = rank(&entries);
        let band = |r: &Ranked| {
            let i = r.entry.index();
            Some(if i >= Percent::from_whole(90) {
                "Tốt".to_string()
            } else if i >= Percent::from_whole(80) {
                "Khá".into()
            } else {
                "Trung bình".into()
            })
        };
        let s = summary(&ranked, band).unwrap();
        assert_eq!(s.units, 4);
        assert_eq!(s.average_index, Percent(7950), "(95 + 82 + 81 + 60) / 4");
        assert_eq!(
            s.bands,
            vec![
                ("Tốt".into(), 1),
                ("Khá".into(), 2),
                ("Trung bình".into(), 1)
            ]
        );
        assert_eq!(
            s.line(Lang::Vi),
            "4 đơn vị · chỉ số bình quân 79,50 % · 1 Tốt, 2 Khá, 1 Trung bình"
        );
        assert_eq!(summary(&[], band), None);
    }

    #[test]
    fn flags_are_said_differently_in_each_language() {
        let f = Flag::Edited {
            unit: "Sở Y tế".into(),
            source: "a.json".into(),
        };
        assert_eq!(
            f.message(Lang::Vi),
            "Sở Y tế (a.json): tệp đã bị chỉnh sửa ngoài ứng dụng"
        );
        assert_eq!(
            f.message(Lang::En),
            "Sở Y tế (a.json): the file was edited outside the app"
        );
    }

    #[test]
    fn duplicates_mixed_frameworks_and_edited_files_are_flagged() {
        let mut b = entry("Sở Y tế", 50);
        b.source = "y-te-2.json".into();
        b.framework_version = "2".into();
        b.edited = true;
        let f = flags(&[entry("Sở Y tế", 60), b, entry("Sở Tài chính", 70)]);
        assert!(matches!(&f[0], Flag::Duplicate { sources, .. } if sources.len() == 2));
        assert!(
            f.iter().any(
                |x| matches!(x, Flag::MixedFrameworks { versions, .. } if versions.len() == 2)
            )
        );
        assert!(
            f.iter()
                .any(|x| matches!(x, Flag::Edited { source, .. } if source == "y-te-2.json"))
        );
    }
}
