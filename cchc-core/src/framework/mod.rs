//! The criteria framework (bộ tiêu chí): a tree of fields, criteria and sub-criteria with the
//! rule each scored item follows.
//!
//! Parse, don't validate: [`Framework::from_json`] checks everything once and either returns a
//! framework that is well-formed for the rest of the program (unique codes, sums that add up,
//! bands without gaps or overlaps) or every problem it found, each with the path of the item.

mod load;
mod problem;
mod raw;

use std::collections::HashMap;

use crate::points::{Percent, Points};
use crate::text::{Lang, Text};

pub use crate::fingerprint::OutlineItem;
pub use problem::{FrameworkError, Problem};

/// The format name every framework file carries.
pub const FRAMEWORK_FORMAT: &str = "cchc-framework";
/// The only framework format version this build reads.
pub const FRAMEWORK_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitType {
    /// Sở, Ban, Ngành.
    So,
    /// UBND huyện, thị xã, thành phố: assessed up to 2024, the district level being abolished from
    /// 1 July 2025. Kept so that historical frameworks, drafts and submissions still open.
    Huyen,
    /// UBND xã, phường, đặc khu: the commune level, assessed by the province since 2025.
    Xa,
    Khac,
}

impl UnitType {
    /// Every unit type, in the order blocks are shown and ranked.
    pub const ALL: [UnitType; 4] = [UnitType::So, UnitType::Xa, UnitType::Huyen, UnitType::Khac];

    pub fn code(self) -> &'static str {
        match self {
            UnitType::So => "so",
            UnitType::Huyen => "huyen",
            UnitType::Xa => "xa",
            UnitType::Khac => "khac",
        }
    }

    pub fn from_code(code: &str) -> Option<UnitType> {
        UnitType::ALL.into_iter().find(|u| u.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (UnitType::So, Lang::Vi) => "Cấp sở",
            (UnitType::Huyen, Lang::Vi) => "Cấp huyện",
            (UnitType::Xa, Lang::Vi) => "Cấp xã",
            (UnitType::Khac, Lang::Vi) => "Khác",
            (UnitType::So, Lang::En) => "Provincial departments",
            (UnitType::Huyen, Lang::En) => "Districts",
            (UnitType::Xa, Lang::En) => "Communes and wards",
            (UnitType::Khac, Lang::En) => "Other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameworkStatus {
    /// The annex of a decision, as issued.
    Official,
    /// A model in the decision's shape; must be replaced by the official annex.
    Model,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub number: String,
    pub date: Option<String>,
    pub issuer: Option<String>,
}

/// What kind of points a field's items give. Written in scorecards as `regular`, `bonus` or
/// `penalty`, as in framework files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Part of the 100-point scale.
    Regular,
    /// Điểm thưởng: added, up to the field's max.
    Bonus,
    /// Điểm trừ: subtracted, up to the field's max.
    Penalty,
}

/// A range of percentages with explicit edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Range {
    pub from: Percent,
    pub from_inclusive: bool,
    /// `None`: up to and including 100 %.
    pub to: Option<Percent>,
    pub to_inclusive: bool,
}

impl Range {
    /// Whether `numerator ÷ denominator` (as a percentage) falls in this range, compared exactly.
    pub fn contains_ratio(&self, numerator: u64, denominator: u64) -> bool {
        // p = n/d × 100 %, edge e in hundredths of a percent: p ≥ e ⇔ n × 10000 ≥ e × d.
        let lhs = numerator as i128 * 10_000;
        let edge = |e: Percent| e.0 as i128 * denominator as i128;
        let above_from = if self.from_inclusive {
            lhs >= edge(self.from)
        } else {
            lhs > edge(self.from)
        };
        let below_to = match self.to {
            None => true,
            Some(to) if self.to_inclusive => lhs <= edge(to),
            Some(to) => lhs < edge(to),
        };
        above_from && below_to
    }

    pub fn contains_percent(&self, p: Percent) -> bool {
        self.contains_ratio(p.0.max(0) as u64, 10_000)
    }

    /// "≥ 70 % và ≤ 90 %", for guidance and explanations.
    pub fn describe(&self, lang: Lang) -> String {
        let from = format!(
            "{} {} %",
            if self.from_inclusive { "≥" } else { ">" },
            self.from.format_short(lang)
        );
        let and = match lang {
            Lang::Vi => "và",
            Lang::En => "and",
        };
        match self.to {
            Some(to) => format!(
                "{from} {and} {} {} %",
                if self.to_inclusive { "≤" } else { "<" },
                to.format_short(lang)
            ),
            None => from,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsBand {
    pub range: Range,
    pub points: Points,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassBand {
    pub label: Text,
    pub range: Range,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountBand {
    pub from: u64,
    /// `None`: and more.
    pub to: Option<u64>,
    pub points: Points,
}

impl CountBand {
    pub fn contains(&self, n: u64) -> bool {
        n >= self.from && self.to.is_none_or(|to| n <= to)
    }
}

/// A named option: a level of a `levels` rule, or a sub-item of a checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    pub points: Points,
}

/// What a zero denominator means for a ratio rule. Written as in framework files (`full`,
/// `zero`, `not_applicable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenZero {
    /// Nothing to do this year: full points.
    Full,
    Zero,
    /// The item leaves the applicable maximum.
    NotApplicable,
}

/// How an item is scored. Declared in data; there is no code per item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    YesNo {
        yes_points: Points,
    },
    Levels {
        levels: Vec<Choice>,
    },
    PercentBands {
        numerator: Text,
        denominator: Text,
        when_zero: WhenZero,
        bands: Vec<PointsBand>,
    },
    Proportional {
        numerator: Text,
        denominator: Text,
        full_at: Percent,
        when_zero: WhenZero,
    },
    CountBands {
        count: Text,
        bands: Vec<CountBand>,
    },
    PerCount {
        count: Text,
        points_each: Points,
    },
    Checklist {
        items: Vec<Choice>,
    },
    Survey {
        method: Option<Text>,
    },
}

/// The kinds of rule, for counting, docs and the UI. Written as their [`RuleKind::code`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    YesNo,
    Levels,
    PercentBands,
    Proportional,
    CountBands,
    PerCount,
    Checklist,
    Survey,
}

impl RuleKind {
    pub const ALL: [RuleKind; 8] = [
        RuleKind::YesNo,
        RuleKind::Levels,
        RuleKind::PercentBands,
        RuleKind::Proportional,
        RuleKind::CountBands,
        RuleKind::PerCount,
        RuleKind::Checklist,
        RuleKind::Survey,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RuleKind::YesNo => "yes_no",
            RuleKind::Levels => "levels",
            RuleKind::PercentBands => "percent_bands",
            RuleKind::Proportional => "proportional",
            RuleKind::CountBands => "count_bands",
            RuleKind::PerCount => "per_count",
            RuleKind::Checklist => "checklist",
            RuleKind::Survey => "survey",
        }
    }

    pub fn from_code(code: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RuleKind::YesNo, Lang::Vi) => "Có / Không",
            (RuleKind::Levels, Lang::Vi) => "Theo mức",
            (RuleKind::PercentBands, Lang::Vi) => "Theo khoảng tỷ lệ",
            (RuleKind::Proportional, Lang::Vi) => "Tính theo tỷ lệ",
            (RuleKind::CountBands, Lang::Vi) => "Theo số lượng",
            (RuleKind::PerCount, Lang::Vi) => "Theo số lần",
            (RuleKind::Checklist, Lang::Vi) => "Cộng các nội dung đạt",
            (RuleKind::Survey, Lang::Vi) => "Điều tra xã hội học",
            (RuleKind::YesNo, Lang::En) => "Yes / no",
            (RuleKind::Levels, Lang::En) => "Named levels",
            (RuleKind::PercentBands, Lang::En) => "Percentage bands",
            (RuleKind::Proportional, Lang::En) => "Proportional",
            (RuleKind::CountBands, Lang::En) => "Count bands",
            (RuleKind::PerCount, Lang::En) => "Per occurrence",
            (RuleKind::Checklist, Lang::En) => "Checklist",
            (RuleKind::Survey, Lang::En) => "Sociological survey",
        }
    }
}

impl Rule {
    pub fn kind(&self) -> RuleKind {
        match self {
            Rule::YesNo { .. } => RuleKind::YesNo,
            Rule::Levels { .. } => RuleKind::Levels,
            Rule::PercentBands { .. } => RuleKind::PercentBands,
            Rule::Proportional { .. } => RuleKind::Proportional,
            Rule::CountBands { .. } => RuleKind::CountBands,
            Rule::PerCount { .. } => RuleKind::PerCount,
            Rule::Checklist { .. } => RuleKind::Checklist,
            Rule::Survey { .. } => RuleKind::Survey,
        }
    }

    pub fn is_survey(&self) -> bool {
        matches!(self, Rule::Survey { .. })
    }
}

/// A node of the tree: a field (lĩnh vực), a criterion (tiêu chí) or a sub-criterion (tiêu chí
/// thành phần). Nodes with a rule are the scored items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub code: String,
    pub title: Text,
    pub max: Points,
    pub block: Block,
    pub guidance: Option<Text>,
    pub evidence: Option<Text>,
    pub source: Option<String>,
    pub allow_not_applicable: bool,
    pub allow_no_task: bool,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Group(Vec<Node>),
    Item(Rule),
}

impl Node {
    pub fn children(&self) -> &[Node] {
        match &self.body {
            Body::Group(children) => children,
            Body::Item(_) => &[],
        }
    }

    pub fn rule(&self) -> Option<&Rule> {
        match &self.body {
            Body::Item(rule) => Some(rule),
            Body::Group(_) => None,
        }
    }

    pub fn is_item(&self) -> bool {
        matches!(self.body, Body::Item(_))
    }

    /// This node and everything below it, parents before children.
    pub fn walk(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for child in self.children() {
            out.extend(child.walk());
        }
        out
    }

    /// The scored items below (or at) this node, in order.
    pub fn items(&self) -> Vec<&Node> {
        self.walk().into_iter().filter(|n| n.is_item()).collect()
    }
}

/// A well-formed framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub unit_type: UnitType,
    pub status: FrameworkStatus,
    pub status_note: Option<Text>,
    pub decision: Decision,
    pub years: (u16, Option<u16>),
    pub total_max: Points,
    pub self_scored_max: Points,
    pub survey_max: Points,
    pub bands: Vec<ClassBand>,
    pub fields: Vec<Node>,
    /// `sha256:` and the hash of the file's content with its keys sorted and spaces removed: two
    /// files with the same content have the same fingerprint however they are indented or their
    /// keys ordered (numbers count as written: `20` and `20.0` differ).
    pub fingerprint: String,
    /// The child indexes leading from `fields` to each code, for lookups by code.
    by_code: HashMap<String, Vec<usize>>,
    /// The code of each node's parent (fields have none).
    parents: HashMap<String, String>,
}

impl Framework {
    /// Every node, fields first then depth-first, parents before children.
    pub fn walk(&self) -> Vec<&Node> {
        self.fields.iter().flat_map(|f| f.walk()).collect()
    }

    /// Every scored item in order.
    pub fn items(&self) -> Vec<&Node> {
        self.walk().into_iter().filter(|n| n.is_item()).collect()
    }

    pub fn node(&self, code: &str) -> Option<&Node> {
        let (first, rest) = self.by_code.get(code)?.split_first()?;
        rest.iter()
            .try_fold(self.fields.get(*first)?, |node, i| node.children().get(*i))
    }

    pub fn contains(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    pub fn parent_code(&self, code: &str) -> Option<&str> {
        self.parents.get(code).map(String::as_str)
    }

    /// The codes from the field down to `code`, e.g. `["1", "1.1", "1.1.2"]`.
    pub fn lineage(&self, code: &str) -> Vec<String> {
        let mut out = vec![code.to_string()];
        let mut current = code;
        while let Some(parent) = self.parent_code(current) {
            out.push(parent.to_string());
            current = parent;
        }
        out.reverse();
        out
    }

    /// The classification band an index falls in.
    pub fn band_for(&self, index: Percent) -> Option<&ClassBand> {
        let clamped = Percent(index.0.clamp(0, 10_000));
        self.bands
            .iter()
            .find(|b| b.range.contains_percent(clamped))
    }

    /// Each scored item's code, max and rule kind: enough to tell what changed between two
    /// versions of a framework, carried in submission files.
    pub fn outline(&self) -> Vec<OutlineItem> {
        self.items()
            .into_iter()
            .filter_map(|n| {
                Some(OutlineItem {
                    code: n.code.clone(),
                    max: n.max,
                    rule: n.rule()?.kind().code().to_string(),
                })
            })
            .collect()
    }

    /// The number of scored items per rule kind.
    pub fn rule_kind_counts(&self) -> Vec<(RuleKind, usize)> {
        RuleKind::ALL
            .into_iter()
            .map(|k| {
                let n = self
                    .items()
                    .iter()
                    .filter(|n| n.rule().map(Rule::kind) == Some(k))
                    .count();
                (k, n)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(from: i64, fi: bool, to: Option<i64>, ti: bool) -> Range {
        Range {
            from: Percent::from_whole(from),
            from_inclusive: fi,
            to: to.map(Percent::from_whole),
            to_inclusive: ti,
        }
    }

    #[test]
    fn ranges_compare_ratios_exactly_at_their_edges() {
        let above_90 = range(90, false, None, false);
        assert!(!above_90.contains_ratio(9, 10));
        assert!(above_90.contains_ratio(901, 1000));
        assert!(above_90.contains_ratio(10, 10));
        let middle = range(70, true, Some(90), true);
        assert!(middle.contains_ratio(7, 10));
        assert!(middle.contains_ratio(9, 10));
        assert!(!middle.contains_ratio(699_999, 1_000_000));
        // 2/3 = 66,67 %: not in [70, 90].
        assert!(!middle.contains_ratio(2, 3));
    }

    #[test]
    fn ranges_describe_themselves() {
        assert_eq!(
            range(70, true, Some(90), true).describe(Lang::Vi),
            "≥ 70 % và ≤ 90 %"
        );
        assert_eq!(range(90, false, None, false).describe(Lang::En), "> 90 %");
    }
}
