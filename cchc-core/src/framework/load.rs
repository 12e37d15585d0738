//! Turning a framework file into a [`Framework`], collecting every problem with its path.
//!
//! The text is read as JSON first; only a text that is not JSON at all stops there. The value is
//! then walked: `raw` reads the shape of each value (a wrong type, an unknown or missing key, a
//! badly written number is reported at its own place) and this module checks what the values
//! mean. Reading goes on past every problem, and a check that depends on a value that could not
//! be read (a sum over a max written wrong, the survey total over a rule of unknown kind) is left
//! out rather than reported falsely.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::raw::{self, Obj, Problems, report, shown};
use super::*;
use crate::fingerprint;

impl Framework {
    /// Reads and checks a framework file. On failure, every problem found, each with its path.
    pub fn from_json(text: &str) -> Result<Framework, Vec<FrameworkError>> {
        let head: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            vec![FrameworkError {
                path: String::new(),
                problem: Problem::Syntax(e.to_string()),
            }]
        })?;
        // Check the header first so that a submission or a newer file gets a message about
        // what it is rather than a list of missing keys.
        let format = head
            .get("format")
            .and_then(|f| f.as_str())
            .unwrap_or_default();
        if format != FRAMEWORK_FORMAT {
            return Err(vec![FrameworkError {
                path: "format".into(),
                problem: Problem::NotAFrameworkFile(format.to_string()),
            }]);
        }
        let version = head
            .get("format_version")
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        if version != u64::from(FRAMEWORK_FORMAT_VERSION) {
            return Err(vec![FrameworkError {
                path: "format_version".into(),
                problem: Problem::UnsupportedFormatVersion(version.min(u32::MAX as u64) as u32),
            }]);
        }
        let fingerprint = fingerprint::of_json(&head);
        Loader::default().framework(&head, fingerprint)
    }
}

#[derive(Default)]
struct Loader {
    problems: Problems,
    seen: HashSet<String>,
    by_code: HashMap<String, Vec<usize>>,
    parents: HashMap<String, String>,
}

/// What a node leaves for the checks above it, whether or not it could be built.
struct Loaded {
    /// `None` when something in it could not be read or built.
    node: Option<Node>,
    /// Its max, when it could be read.
    max: Option<Points>,
    /// The maxima of the survey items at or below it; `None` when it depends on a rule whose
    /// kind, or a survey item whose max, could not be read.
    survey: Option<Points>,
    /// Its block; `None` for a field of an unknown kind.
    block: Option<Block>,
}

/// Which list of named options a `levels` or `checklist` rule has, for its words.
#[derive(Clone, Copy)]
enum Options {
    Levels,
    ChecklistItems,
}

impl Loader {
    fn report(&mut self, path: &str, problem: Problem) {
        report(&mut self.problems, path, problem);
    }

    fn framework(
        mut self,
        v: &Value,
        fingerprint: String,
    ) -> Result<Framework, Vec<FrameworkError>> {
        let Some(o) = Obj::open(v, "", &mut self.problems) else {
            return Err(self.problems);
        };
        o.check_keys(raw::HEADER_KEYS, &mut self.problems);
        let id: Option<String> = o.req("id", &mut self.problems);
        if let Some(id) = &id {
            if id.trim().is_empty() {
                self.report("id", Problem::EmptyId);
            } else if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                self.report("id", Problem::InvalidId(id.clone()));
            }
        }
        let version: Option<String> = o.req("version", &mut self.problems);
        let title: Option<Text> = o.req("title", &mut self.problems);
        if title.as_ref().is_some_and(Text::is_blank) {
            self.report("title", Problem::MissingVietnameseTitle);
        }
        let unit_type = o
            .req::<String>("unit_type", &mut self.problems)
            .and_then(|u| {
                let t = UnitType::from_code(&u);
                if t.is_none() {
                    self.report("unit_type", Problem::UnknownUnitType(u));
                }
                t
            });
        let status = o
            .req::<String>("status", &mut self.problems)
            .and_then(|s| match s.as_str() {
                "official" => Some(FrameworkStatus::Official),
                "model" => Some(FrameworkStatus::Model),
                _ => {
                    self.report("status", Problem::UnknownStatus(s));
                    None
                }
            });
        let status_note: Option<Option<Text>> = o.opt("status_note", &mut self.problems);
        let decision = o.object("decision", &mut self.problems).and_then(|d| {
            d.check_keys(raw::DECISION_KEYS, &mut self.problems);
            let number = d.req::<String>("number", &mut self.problems);
            let date = d.opt::<String>("date", &mut self.problems);
            let issuer = d.opt::<String>("issuer", &mut self.problems);
            Some(Decision {
                number: number?,
                date: date?,
                issuer: issuer?,
            })
        });
        let years = o.object("years", &mut self.problems).and_then(|y| {
            y.check_keys(raw::YEARS_KEYS, &mut self.problems);
            let from = y.req::<u16>("from", &mut self.problems);
            let to = y.opt::<u16>("to", &mut self.problems);
            Some((from?, to?))
        });
        if let Some((from, Some(to))) = years
            && to < from
        {
            self.report("years", Problem::YearsReversed);
        }
        let total_max: Option<Points> = o.req("total_max", &mut self.problems);
        if let Some(total_max) = total_max {
            self.non_negative("total_max", total_max);
        }
        let split = o.object("split", &mut self.problems).and_then(|s| {
            s.check_keys(raw::SPLIT_KEYS, &mut self.problems);
            let self_scored = s.req::<Points>("self_scored", &mut self.problems);
            let survey = s.req::<Points>("survey", &mut self.problems);
            Some((self_scored?, survey?))
        });
        if let (Some((self_scored, survey)), Some(total_max)) = (split, total_max) {
            let sum = self_scored + survey;
            if sum != total_max {
                self.report("split", Problem::SplitDoesNotAddUp { total_max, sum });
            }
        }
        let bands = o.list("bands", &mut self.problems).and_then(|list| {
            let read: Vec<Option<ClassBand>> = list
                .iter()
                .enumerate()
                .map(|(i, b)| self.class_band(b, &format!("bands[{i}]")))
                .collect();
            let bands: Vec<ClassBand> = read.into_iter().collect::<Option<_>>()?;
            let ranges: Vec<Range> = bands.iter().map(|b| b.range).collect();
            self.check_ranges("bands", &ranges);
            Some(bands)
        });

        let loaded: Option<Vec<Loaded>> = o.list("fields", &mut self.problems).map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, f)| self.node(f, &format!("fields[{i}]"), None, None, vec![i], None))
                .collect()
        });
        let mut fields = None;
        if let Some(loaded) = loaded {
            // The sums below are checked only when every value they add up could be read.
            let regular_sum = loaded
                .iter()
                .map(|f| match f.block? {
                    Block::Regular => f.max,
                    Block::Bonus | Block::Penalty => Some(Points::ZERO),
                })
                .sum::<Option<Points>>();
            if let (Some(sum), Some(total_max)) = (regular_sum, total_max)
                && sum != total_max
            {
                self.report("fields", Problem::FieldsDoNotAddUp { total_max, sum });
            }
            let survey_sum = loaded.iter().map(|f| f.survey).sum::<Option<Points>>();
            if let (Some(sum), Some((_, survey))) = (survey_sum, split)
                && sum != survey
            {
                self.report("split.survey", Problem::SurveyDoesNotAddUp { survey, sum });
            }
            fields = loaded
                .into_iter()
                .map(|f| f.node)
                .collect::<Option<Vec<_>>>();
        }

        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        // Every value left unread above has reported a problem, so all are here.
        let (
            Some(id),
            Some(version),
            Some(title),
            Some(unit_type),
            Some(status),
            Some(status_note),
            Some(decision),
            Some(years),
            Some(total_max),
            Some((self_scored_max, survey_max)),
            Some(bands),
            Some(fields),
        ) = (
            id,
            version,
            title,
            unit_type,
            status,
            status_note,
            decision,
            years,
            total_max,
            split,
            bands,
            fields,
        )
        else {
            return Err(self.problems);
        };
        Ok(Framework {
            id,
            version,
            title,
            unit_type,
            status,
            status_note,
            decision,
            years,
            total_max,
            self_scored_max,
            survey_max,
            bands,
            fields,
            fingerprint,
            by_code: self.by_code,
            parents: self.parents,
        })
    }

    fn class_band(&mut self, v: &Value, path: &str) -> Option<ClassBand> {
        let o = Obj::open(v, path, &mut self.problems)?;
        o.check_keys(raw::CLASS_BAND_KEYS, &mut self.problems);
        let label: Option<Text> = o.req("label", &mut self.problems);
        if label.as_ref().is_some_and(Text::is_blank) {
            self.report(&o.at("label"), Problem::MissingVietnameseTitle);
        }
        let range = self.range(&o);
        Some(ClassBand {
            label: label?,
            range: range?,
        })
    }

    /// `from`, `from_inclusive`, `to` and `to_inclusive` of a band.
    fn range(&mut self, o: &Obj) -> Option<Range> {
        let from = o.req::<Percent>("from", &mut self.problems);
        let from_inclusive = o.or("from_inclusive", true, &mut self.problems);
        let to = o.opt::<Percent>("to", &mut self.problems);
        let to_inclusive = o.or("to_inclusive", false, &mut self.problems);
        Some(Range {
            from: from?,
            from_inclusive: from_inclusive?,
            to: to?,
            to_inclusive: to_inclusive?,
        })
    }

    fn non_negative(&mut self, path: &str, points: Points) {
        if points < Points::ZERO {
            self.report(path, Problem::NegativePoints(points));
        }
    }

    /// Reads the node at `index_path`. A field (`position` of one index) takes its block from its
    /// `kind`; a node below takes `inherited`. `parent_max` is the parent's max, when known.
    fn node(
        &mut self,
        v: &Value,
        index_path: &str,
        inherited: Option<Block>,
        parent_max: Option<Points>,
        position: Vec<usize>,
        parent: Option<&str>,
    ) -> Loaded {
        let is_field = position.len() == 1;
        let Some(mut o) = Obj::open(v, index_path, &mut self.problems) else {
            return Loaded {
                node: None,
                max: None,
                survey: None,
                block: if is_field { None } else { inherited },
            };
        };
        let code: Option<String> = o.req("code", &mut self.problems);
        if let Some(code) = &code {
            o.path = format!("{index_path} ({code})");
        }
        let path = o.path.clone();
        o.check_keys(raw::NODE_KEYS, &mut self.problems);
        if let Some(code) = &code {
            if code.trim().is_empty() {
                self.report(index_path, Problem::EmptyCode);
            } else if !self.seen.insert(code.clone()) {
                self.report(&path, Problem::DuplicateCode(code.clone()));
            } else {
                self.by_code.insert(code.clone(), position.clone());
                if let Some(parent) = parent {
                    self.parents.insert(code.clone(), parent.to_string());
                }
            }
        }
        let title: Option<Text> = o.req("title", &mut self.problems);
        if title.as_ref().is_some_and(Text::is_blank) {
            self.report(&path, Problem::MissingVietnameseTitle);
        }
        let max: Option<Points> = o.req("max", &mut self.problems);
        if let Some(max) = max {
            self.non_negative(&path, max);
        }
        let kind: Option<Option<String>> = o.opt("kind", &mut self.problems);
        let block = if is_field {
            match kind.as_ref() {
                None => None,
                Some(None) => Some(Block::Regular),
                Some(Some(k)) => match k.as_str() {
                    "regular" => Some(Block::Regular),
                    "bonus" => Some(Block::Bonus),
                    "penalty" => Some(Block::Penalty),
                    other => {
                        self.report(index_path, Problem::UnknownBlockKind(other.to_string()));
                        None
                    }
                },
            }
        } else {
            if matches!(kind, Some(Some(_))) {
                self.report(&path, Problem::BlockKindBelowField);
            }
            inherited
        };
        // In a bonus or penalty block a group's max is a cap: its children may add up to more,
        // but none may be above it.
        if !is_field
            && matches!(block, Some(Block::Bonus | Block::Penalty))
            && let (Some(child), Some(parent)) = (max, parent_max)
            && child > parent
        {
            self.report(&path, Problem::ChildAboveParent { child, parent });
        }
        let guidance: Option<Option<Text>> = o.opt("guidance", &mut self.problems);
        let evidence: Option<Option<Text>> = o.opt("evidence", &mut self.problems);
        let source: Option<Option<String>> = o.opt("source", &mut self.problems);
        let allow_not_applicable = o.or("allow_not_applicable", false, &mut self.problems);
        let allow_no_task = o.or("allow_no_task", false, &mut self.problems);

        let (body, survey) = match (o.present("children"), o.present("rule")) {
            (Some(_), Some(_)) => {
                self.report(&path, Problem::BothChildrenAndRule);
                (None, None)
            }
            (None, None) => {
                self.report(&path, Problem::NeitherChildrenNorRule);
                (None, None)
            }
            (Some(children), None) => {
                let Value::Array(children) = children else {
                    self.report(&o.at("children"), Problem::NotAList(shown(children)));
                    return Loaded {
                        node: None,
                        max,
                        survey: None,
                        block,
                    };
                };
                if children.is_empty() {
                    self.report(&path, Problem::EmptyGroup);
                }
                let mut nodes = Some(Vec::new());
                let mut sum = Some(Points::ZERO);
                let mut survey = Some(Points::ZERO);
                for (i, child) in children.iter().enumerate() {
                    let mut child_position = position.clone();
                    child_position.push(i);
                    let loaded = self.node(
                        child,
                        &format!("{index_path}.children[{i}]"),
                        block,
                        max,
                        child_position,
                        code.as_deref(),
                    );
                    nodes = nodes.zip(loaded.node).map(|(mut n, node)| {
                        n.push(node);
                        n
                    });
                    sum = sum.zip(loaded.max).map(|(a, b)| a + b);
                    survey = survey.zip(loaded.survey).map(|(a, b)| a + b);
                }
                if block == Some(Block::Regular)
                    && let (Some(max), Some(sum)) = (max, sum)
                    && sum != max
                {
                    self.report(&path, Problem::ChildrenDoNotAddUp { max, sum });
                }
                (nodes.map(Body::Group), survey)
            }
            (None, Some(rule)) => {
                let (kind, rule) = self.rule(rule, &o.at("rule"), max);
                let is_survey = kind.map(|k| k == RuleKind::Survey);
                if is_survey == Some(true) {
                    if matches!(block, Some(Block::Bonus | Block::Penalty)) {
                        self.report(&path, Problem::SurveyInBonusOrPenalty);
                    }
                    if allow_no_task == Some(true) {
                        self.report(&path, Problem::NoTaskOnSurvey);
                    }
                }
                let survey = match is_survey {
                    Some(true) => max,
                    Some(false) => Some(Points::ZERO),
                    None => None,
                };
                (rule.map(Body::Item), survey)
            }
        };
        let node = match (
            code,
            title,
            max,
            block,
            guidance,
            evidence,
            source,
            allow_not_applicable,
            allow_no_task,
            body,
        ) {
            (
                Some(code),
                Some(title),
                Some(max),
                Some(block),
                Some(guidance),
                Some(evidence),
                Some(source),
                Some(allow_not_applicable),
                Some(allow_no_task),
                Some(body),
            ) => Some(Node {
                code,
                title,
                max,
                block,
                guidance,
                evidence,
                source,
                allow_not_applicable,
                allow_no_task,
                body,
            }),
            _ => None,
        };
        Loaded {
            node,
            max,
            survey,
            block,
        }
    }

    /// Reads the rule at `path` of an item whose max is `max` (when known): its kind when that
    /// could be read, and the rule when all of it could.
    fn rule(
        &mut self,
        v: &Value,
        path: &str,
        max: Option<Points>,
    ) -> (Option<RuleKind>, Option<Rule>) {
        let Some(o) = Obj::open(v, path, &mut self.problems) else {
            return (None, None);
        };
        let kind = match o.present("kind") {
            Some(Value::String(kind)) => kind,
            Some(other) => {
                self.report(path, Problem::UnknownRuleKind(other.to_string()));
                return (None, None);
            }
            None => {
                self.report(path, Problem::MissingRuleKind);
                return (None, None);
            }
        };
        let Some(kind) = RuleKind::from_code(kind) else {
            self.report(path, Problem::UnknownRuleKind(kind.clone()));
            return (None, None);
        };
        let keys = match kind {
            RuleKind::YesNo => raw::YES_NO_KEYS,
            RuleKind::Levels => raw::LEVELS_KEYS,
            RuleKind::PercentBands => raw::PERCENT_BANDS_KEYS,
            RuleKind::Proportional => raw::PROPORTIONAL_KEYS,
            RuleKind::CountBands => raw::COUNT_BANDS_KEYS,
            RuleKind::PerCount => raw::PER_COUNT_KEYS,
            RuleKind::Checklist => raw::CHECKLIST_KEYS,
            RuleKind::Survey => raw::SURVEY_KEYS,
        };
        o.check_keys(keys, &mut self.problems);
        let rule = match kind {
            RuleKind::YesNo => match o.opt::<Points>("yes_points", &mut self.problems) {
                Some(Some(yes_points)) => {
                    self.within_max(&o.at("yes_points"), yes_points, max, |points, max| {
                        Problem::YesPointsAboveMax { points, max }
                    });
                    Some(Rule::YesNo { yes_points })
                }
                Some(None) => max.map(|yes_points| Rule::YesNo { yes_points }),
                None => None,
            },
            RuleKind::Levels => o
                .list("levels", &mut self.problems)
                .and_then(|list| self.choices(list, &o.at("levels"), path, max, Options::Levels))
                .map(|levels| Rule::Levels { levels }),
            RuleKind::Checklist => {
                let items = o.list("items", &mut self.problems).and_then(|list| {
                    self.choices(list, &o.at("items"), path, max, Options::ChecklistItems)
                });
                if let (Some(items), Some(max)) = (&items, max) {
                    let sum: Points = items.iter().map(|c| c.points).sum();
                    if !items.is_empty() && sum != max {
                        self.report(path, Problem::ChecklistDoesNotAddUp { max, sum });
                    }
                }
                items.map(|items| Rule::Checklist { items })
            }
            RuleKind::PercentBands => {
                let numerator = o.req::<Text>("numerator", &mut self.problems);
                let denominator = o.req::<Text>("denominator", &mut self.problems);
                let when_zero = self.when_zero(&o, path);
                let bands_path = o.at("bands");
                let bands = o.list("bands", &mut self.problems).and_then(|list| {
                    let read: Vec<Option<PointsBand>> = list
                        .iter()
                        .enumerate()
                        .map(|(i, b)| self.points_band(b, &format!("{bands_path}[{i}]"), max))
                        .collect();
                    let bands: Vec<PointsBand> = read.into_iter().collect::<Option<_>>()?;
                    let ranges: Vec<Range> = bands.iter().map(|b| b.range).collect();
                    self.check_ranges(&bands_path, &ranges);
                    Some(bands)
                });
                (|| {
                    Some(Rule::PercentBands {
                        numerator: numerator?,
                        denominator: denominator?,
                        when_zero: when_zero?,
                        bands: bands?,
                    })
                })()
            }
            RuleKind::Proportional => {
                let numerator = o.req::<Text>("numerator", &mut self.problems);
                let denominator = o.req::<Text>("denominator", &mut self.problems);
                let full_at = o
                    .opt::<Percent>("full_at_percent", &mut self.problems)
                    .map(|f| f.unwrap_or(Percent::from_whole(100)));
                if let Some(full_at) = full_at
                    && (full_at <= Percent(0) || full_at > Percent::from_whole(100))
                {
                    self.report(path, Problem::FullAtPercentOutOfRange(full_at));
                }
                let when_zero = self.when_zero(&o, path);
                (|| {
                    Some(Rule::Proportional {
                        numerator: numerator?,
                        denominator: denominator?,
                        full_at: full_at?,
                        when_zero: when_zero?,
                    })
                })()
            }
            RuleKind::CountBands => {
                let count = o.req::<Text>("count", &mut self.problems);
                let bands_path = o.at("bands");
                let bands = o.list("bands", &mut self.problems).and_then(|list| {
                    let read: Vec<Option<CountBand>> = list
                        .iter()
                        .enumerate()
                        .map(|(i, b)| self.count_band(b, &format!("{bands_path}[{i}]"), max))
                        .collect();
                    let bands: Vec<CountBand> = read.into_iter().collect::<Option<_>>()?;
                    self.check_count_bands(&bands_path, &bands);
                    Some(bands)
                });
                (|| {
                    Some(Rule::CountBands {
                        count: count?,
                        bands: bands?,
                    })
                })()
            }
            RuleKind::PerCount => {
                let count = o.req::<Text>("count", &mut self.problems);
                let points_each = o.req::<Points>("points_each", &mut self.problems);
                if let Some(points_each) = points_each {
                    self.within_max(&o.at("points_each"), points_each, max, |points, max| {
                        Problem::PointsEachAboveMax { points, max }
                    });
                }
                (|| {
                    Some(Rule::PerCount {
                        count: count?,
                        points_each: points_each?,
                    })
                })()
            }
            RuleKind::Survey => o
                .opt::<Text>("method", &mut self.problems)
                .map(|method| Rule::Survey { method }),
        };
        (Some(kind), rule)
    }

    fn points_band(&mut self, v: &Value, path: &str, max: Option<Points>) -> Option<PointsBand> {
        let o = Obj::open(v, path, &mut self.problems)?;
        o.check_keys(raw::POINTS_BAND_KEYS, &mut self.problems);
        let points = o.req::<Points>("points", &mut self.problems);
        if let Some(points) = points {
            self.within_max(path, points, max, |points, max| {
                Problem::BandPointsAboveMax { points, max }
            });
        }
        let range = self.range(&o);
        Some(PointsBand {
            range: range?,
            points: points?,
        })
    }

    fn count_band(&mut self, v: &Value, path: &str, max: Option<Points>) -> Option<CountBand> {
        let o = Obj::open(v, path, &mut self.problems)?;
        o.check_keys(raw::COUNT_BAND_KEYS, &mut self.problems);
        let from = o.req::<u64>("from", &mut self.problems);
        let to = o.opt::<u64>("to", &mut self.problems);
        let points = o.req::<Points>("points", &mut self.problems);
        if let Some(points) = points {
            self.within_max(path, points, max, |points, max| {
                Problem::BandPointsAboveMax { points, max }
            });
        }
        Some(CountBand {
            from: from?,
            to: to?,
            points: points?,
        })
    }

    /// Points may not be negative, nor above the item's max (when known); `above` words the
    /// latter for what the points are.
    fn within_max(
        &mut self,
        path: &str,
        points: Points,
        max: Option<Points>,
        above: fn(Points, Points) -> Problem,
    ) {
        self.non_negative(path, points);
        if let Some(max) = max
            && points > max
        {
            self.report(path, above(points, max));
        }
    }

    fn when_zero(&mut self, o: &Obj, path: &str) -> Option<WhenZero> {
        match o
            .opt::<String>("when_denominator_zero", &mut self.problems)?
            .as_deref()
        {
            None | Some("full") => Some(WhenZero::Full),
            Some("zero") => Some(WhenZero::Zero),
            Some("not_applicable") => Some(WhenZero::NotApplicable),
            Some(other) => {
                self.report(path, Problem::UnknownWhenZero(other.to_string()));
                None
            }
        }
    }

    /// The levels or checklist items at `list_path` of the rule at `rule_path`.
    fn choices(
        &mut self,
        list: &[Value],
        list_path: &str,
        rule_path: &str,
        max: Option<Points>,
        options: Options,
    ) -> Option<Vec<Choice>> {
        if list.is_empty() {
            self.report(rule_path, Problem::NoOptions);
        }
        let mut ids = HashSet::new();
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let here = format!("{list_path}[{i}]");
            let Some(o) = Obj::open(v, &here, &mut self.problems) else {
                out.push(None);
                continue;
            };
            o.check_keys(raw::CHOICE_KEYS, &mut self.problems);
            let id = o.req::<String>("id", &mut self.problems);
            let label = o.req::<Text>("label", &mut self.problems);
            let points = o.req::<Points>("points", &mut self.problems);
            if let Some(id) = &id
                && !ids.insert(id.clone())
            {
                self.report(
                    &here,
                    match options {
                        Options::Levels => Problem::DuplicateOptionId(id.clone()),
                        Options::ChecklistItems => Problem::DuplicateChecklistItemId(id.clone()),
                    },
                );
            }
            if label.as_ref().is_some_and(Text::is_blank) {
                self.report(&here, Problem::MissingVietnameseTitle);
            }
            if let Some(points) = points {
                self.within_max(
                    &here,
                    points,
                    max,
                    match options {
                        Options::Levels => |points, max| Problem::PointsAboveMax { points, max },
                        Options::ChecklistItems => {
                            |points, max| Problem::ChecklistItemAboveMax { points, max }
                        }
                    },
                );
            }
            out.push((|| {
                Some(Choice {
                    id: id?,
                    label: label?,
                    points: points?,
                })
            })());
        }
        out.into_iter().collect()
    }

    /// The ranges must cover 0 to 100 % exactly once.
    fn check_ranges(&mut self, path: &str, ranges: &[Range]) {
        if ranges.is_empty() {
            self.report(path, Problem::NoBands);
            return;
        }
        let hundred = Percent::from_whole(100);
        let mut sorted: Vec<Range> = Vec::new();
        for r in ranges {
            let to = r.to.unwrap_or(hundred);
            let to_inclusive = r.to.is_none() || r.to_inclusive;
            if r.from > to || (r.from == to && !(r.from_inclusive && to_inclusive)) {
                self.report(path, Problem::EmptyBand);
                return;
            }
            if to > hundred {
                self.report(path, Problem::BandAbove100);
                return;
            }
            sorted.push(Range {
                from: r.from,
                from_inclusive: r.from_inclusive,
                to: Some(to),
                to_inclusive,
            });
        }
        // An inclusive lower edge starts before an exclusive one at the same value.
        sorted.sort_by_key(|r| (r.from, !r.from_inclusive));
        let first = sorted[0];
        if first.from > Percent(0) || !first.from_inclusive {
            self.report(path, Problem::BandGap(Percent(0)));
        }
        for pair in sorted.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let a_to = a.to.unwrap_or(hundred);
            if a_to < b.from {
                self.report(path, Problem::BandGap(a_to));
            } else if a_to > b.from || (a.to_inclusive && b.from_inclusive) {
                self.report(path, Problem::BandOverlap(b.from));
            } else if !a.to_inclusive && !b.from_inclusive {
                self.report(path, Problem::BandGap(b.from));
            }
        }
        let last = sorted[sorted.len() - 1];
        if last.to.unwrap_or(hundred) < hundred || !last.to_inclusive {
            self.report(path, Problem::BandGap(last.to.unwrap_or(hundred)));
        }
    }

    /// The count bands must cover 0, 1, 2, … exactly once.
    fn check_count_bands(&mut self, path: &str, bands: &[CountBand]) {
        if bands.is_empty() {
            self.report(path, Problem::NoBands);
            return;
        }
        let mut reversed = false;
        for (i, b) in bands.iter().enumerate() {
            if let Some(to) = b.to
                && to < b.from
            {
                self.report(
                    &format!("{path}[{i}]"),
                    Problem::CountBandReversed { from: b.from, to },
                );
                reversed = true;
            }
        }
        if reversed {
            return;
        }
        let mut sorted = bands.to_vec();
        sorted.sort_by_key(|b| b.from);
        let mut next: u64 = 0;
        for b in &sorted {
            if b.from > next {
                self.report(path, Problem::CountBandGap(next));
            } else if b.from < next {
                self.report(path, Problem::CountBandOverlap(b.from));
            }
            match b.to {
                Some(to) => next = next.max(to.saturating_add(1)),
                None => next = u64::MAX,
            }
        }
        let last = &sorted[sorted.len() - 1];
        if let Some(to) = last.to
            && next != u64::MAX
        {
            self.report(path, Problem::CountBandsEndBounded(to));
        }
    }
}
