//! Turning a framework file into a [`Framework`], collecting every problem with its path.

use std::collections::{HashMap, HashSet};

use super::raw::{self, RawFramework, RawNode, RawRange};
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
        let raw: RawFramework = serde_json::from_value(head).map_err(|e| {
            vec![FrameworkError {
                path: String::new(),
                problem: Problem::Syntax(e.to_string()),
            }]
        })?;
        Loader::default().framework(raw, fingerprint)
    }
}

#[derive(Default)]
struct Loader {
    problems: Vec<FrameworkError>,
    seen: HashSet<String>,
    by_code: HashMap<String, Vec<usize>>,
    parents: HashMap<String, String>,
}

impl Loader {
    fn report(&mut self, path: &str, problem: Problem) {
        self.problems.push(FrameworkError {
            path: path.to_string(),
            problem,
        });
    }

    fn framework(
        mut self,
        raw: RawFramework,
        fingerprint: String,
    ) -> Result<Framework, Vec<FrameworkError>> {
        if raw.id.trim().is_empty() {
            self.report("id", Problem::EmptyId);
        }
        if raw.title.is_blank() {
            self.report("title", Problem::MissingVietnameseTitle);
        }
        let unit_type = UnitType::from_code(&raw.unit_type);
        if unit_type.is_none() {
            self.report("unit_type", Problem::UnknownUnitType(raw.unit_type.clone()));
        }
        let status = match raw.status.as_str() {
            "official" => Some(FrameworkStatus::Official),
            "model" => Some(FrameworkStatus::Model),
            other => {
                self.report("status", Problem::UnknownStatus(other.to_string()));
                None
            }
        };
        if raw.years.to.is_some_and(|to| to < raw.years.from) {
            self.report("years", Problem::YearsReversed);
        }
        self.non_negative("total_max", raw.total_max);
        let split_sum = raw.split.self_scored + raw.split.survey;
        if split_sum != raw.total_max {
            self.report(
                "split",
                Problem::SplitDoesNotAddUp {
                    total_max: raw.total_max,
                    sum: split_sum,
                },
            );
        }
        let bands: Vec<ClassBand> = raw
            .bands
            .iter()
            .map(|b| ClassBand {
                label: b.label.clone(),
                range: to_range(&b.range()),
            })
            .collect();
        for (i, b) in raw.bands.iter().enumerate() {
            if b.label.is_blank() {
                self.report(
                    &format!("bands[{i}].label"),
                    Problem::MissingVietnameseTitle,
                );
            }
        }
        let ranges: Vec<Range> = bands.iter().map(|b| b.range).collect();
        self.check_ranges("bands", &ranges);

        let mut fields = Vec::new();
        for (i, raw_field) in raw.fields.into_iter().enumerate() {
            let path = format!("fields[{i}]");
            let block = match raw_field.kind.as_deref() {
                None | Some("regular") => Block::Regular,
                Some("bonus") => Block::Bonus,
                Some("penalty") => Block::Penalty,
                Some(other) => {
                    let other = other.to_string();
                    self.report(&path, Problem::UnknownBlockKind(other));
                    Block::Regular
                }
            };
            if let Some(field) = self.node(raw_field, &path, block, vec![i], None) {
                fields.push(field);
            }
        }

        let regular_sum: Points = fields
            .iter()
            .filter(|f| f.block == Block::Regular)
            .map(|f| f.max)
            .sum();
        if regular_sum != raw.total_max {
            self.report(
                "fields",
                Problem::FieldsDoNotAddUp {
                    total_max: raw.total_max,
                    sum: regular_sum,
                },
            );
        }
        let survey_sum: Points = fields
            .iter()
            .flat_map(|f| f.items())
            .filter(|n| n.rule().is_some_and(Rule::is_survey))
            .map(|n| n.max)
            .sum();
        if survey_sum != raw.split.survey {
            self.report(
                "split.survey",
                Problem::SurveyDoesNotAddUp {
                    survey: raw.split.survey,
                    sum: survey_sum,
                },
            );
        }

        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        Ok(Framework {
            id: raw.id,
            version: raw.version,
            title: raw.title,
            unit_type: unit_type.unwrap_or(UnitType::Khac),
            status: status.unwrap_or(FrameworkStatus::Model),
            status_note: raw.status_note,
            decision: Decision {
                number: raw.decision.number,
                date: raw.decision.date,
                issuer: raw.decision.issuer,
            },
            years: (raw.years.from, raw.years.to),
            total_max: raw.total_max,
            self_scored_max: raw.split.self_scored,
            survey_max: raw.split.survey,
            bands,
            fields,
            fingerprint,
            by_code: self.by_code,
            parents: self.parents,
        })
    }

    fn non_negative(&mut self, path: &str, points: Points) {
        if points < Points::ZERO {
            self.report(path, Problem::NegativePoints(points));
        }
    }

    fn node(
        &mut self,
        raw: RawNode,
        index_path: &str,
        block: Block,
        position: Vec<usize>,
        parent: Option<&str>,
    ) -> Option<Node> {
        let path = format!("{index_path} ({})", raw.code);
        if raw.code.trim().is_empty() {
            self.report(index_path, Problem::EmptyCode);
        } else if !self.seen.insert(raw.code.clone()) {
            self.report(&path, Problem::DuplicateCode(raw.code.clone()));
        } else {
            self.by_code.insert(raw.code.clone(), position.clone());
            if let Some(parent) = parent {
                self.parents.insert(raw.code.clone(), parent.to_string());
            }
        }
        if raw.title.is_blank() {
            self.report(&path, Problem::MissingVietnameseTitle);
        }
        if position.len() > 1 && raw.kind.is_some() {
            self.report(&path, Problem::BlockKindBelowField);
        }
        self.non_negative(&path, raw.max);
        let body = match (raw.children, raw.rule) {
            (Some(_), Some(_)) => {
                self.report(&path, Problem::BothChildrenAndRule);
                return None;
            }
            (None, None) => {
                self.report(&path, Problem::NeitherChildrenNorRule);
                return None;
            }
            (Some(children), None) => {
                if children.is_empty() {
                    self.report(&path, Problem::EmptyGroup);
                }
                let mut nodes = Vec::new();
                for (i, child) in children.into_iter().enumerate() {
                    let mut child_position = position.clone();
                    child_position.push(i);
                    let child_path = format!("{index_path}.children[{i}]");
                    if let Some(node) =
                        self.node(child, &child_path, block, child_position, Some(&raw.code))
                    {
                        nodes.push(node);
                    }
                }
                let sum: Points = nodes.iter().map(|n| n.max).sum();
                // In a bonus or penalty block the max is a cap: its items may add up to more.
                let adds_up = match block {
                    Block::Regular => sum == raw.max,
                    Block::Bonus | Block::Penalty => nodes.iter().all(|n| n.max <= raw.max),
                };
                if !adds_up {
                    self.report(&path, Problem::ChildrenDoNotAddUp { max: raw.max, sum });
                }
                Body::Group(nodes)
            }
            (None, Some(rule)) => {
                let rule = self.rule(rule, &format!("{path}.rule"), raw.max)?;
                if rule.is_survey() && block != Block::Regular {
                    self.report(&path, Problem::SurveyInBonusOrPenalty);
                }
                Body::Item(rule)
            }
        };
        Some(Node {
            code: raw.code,
            title: raw.title,
            max: raw.max,
            block,
            guidance: raw.guidance,
            evidence: raw.evidence,
            source: raw.source,
            allow_not_applicable: raw.allow_not_applicable,
            allow_no_task: raw.allow_no_task,
            body,
        })
    }

    fn rule(&mut self, mut value: serde_json::Value, path: &str, max: Points) -> Option<Rule> {
        let kind = match value.as_object_mut().and_then(|o| o.remove("kind")) {
            Some(serde_json::Value::String(kind)) => kind,
            Some(other) => {
                self.report(path, Problem::UnknownRuleKind(other.to_string()));
                return None;
            }
            None => {
                self.report(path, Problem::MissingRuleKind);
                return None;
            }
        };
        let Some(kind) = RuleKind::from_code(&kind) else {
            self.report(path, Problem::UnknownRuleKind(kind));
            return None;
        };
        let rule = match kind {
            RuleKind::YesNo => {
                let r: raw::RawYesNo = self.parse(value, path)?;
                let yes_points = r.yes_points.unwrap_or(max);
                self.within_max(path, yes_points, max);
                Rule::YesNo { yes_points }
            }
            RuleKind::Levels => {
                let r: raw::RawLevels = self.parse(value, path)?;
                let levels = self.choices(r.levels, path, max);
                Rule::Levels { levels }
            }
            RuleKind::Checklist => {
                let r: raw::RawChecklist = self.parse(value, path)?;
                let items = self.choices(r.items, path, max);
                let sum: Points = items.iter().map(|c| c.points).sum();
                if !items.is_empty() && sum != max {
                    self.report(path, Problem::ChecklistDoesNotAddUp { max, sum });
                }
                Rule::Checklist { items }
            }
            RuleKind::PercentBands => {
                let r: raw::RawPercentBands = self.parse(value, path)?;
                let when_zero = self.when_zero(r.when_denominator_zero, path);
                let bands: Vec<PointsBand> = r
                    .bands
                    .iter()
                    .map(|b| PointsBand {
                        range: to_range(&b.range()),
                        points: b.points,
                    })
                    .collect();
                for (i, b) in bands.iter().enumerate() {
                    self.within_max(&format!("{path}.bands[{i}]"), b.points, max);
                }
                let ranges: Vec<Range> = bands.iter().map(|b| b.range).collect();
                self.check_ranges(&format!("{path}.bands"), &ranges);
                Rule::PercentBands {
                    numerator: r.numerator,
                    denominator: r.denominator,
                    when_zero,
                    bands,
                }
            }
            RuleKind::Proportional => {
                let r: raw::RawProportional = self.parse(value, path)?;
                let when_zero = self.when_zero(r.when_denominator_zero, path);
                let full_at = r.full_at_percent.unwrap_or(Percent::from_whole(100));
                if full_at <= Percent(0) || full_at > Percent::from_whole(100) {
                    self.report(path, Problem::FullAtPercentOutOfRange(full_at));
                }
                Rule::Proportional {
                    numerator: r.numerator,
                    denominator: r.denominator,
                    full_at,
                    when_zero,
                }
            }
            RuleKind::CountBands => {
                let r: raw::RawCountBands = self.parse(value, path)?;
                let bands: Vec<CountBand> = r
                    .bands
                    .iter()
                    .map(|b| CountBand {
                        from: b.from,
                        to: b.to,
                        points: b.points,
                    })
                    .collect();
                for (i, b) in bands.iter().enumerate() {
                    self.within_max(&format!("{path}.bands[{i}]"), b.points, max);
                }
                self.check_count_bands(&format!("{path}.bands"), &bands);
                Rule::CountBands {
                    count: r.count,
                    bands,
                }
            }
            RuleKind::PerCount => {
                let r: raw::RawPerCount = self.parse(value, path)?;
                self.within_max(path, r.points_each, max);
                Rule::PerCount {
                    count: r.count,
                    points_each: r.points_each,
                }
            }
            RuleKind::Survey => {
                let r: raw::RawSurvey = self.parse(value, path)?;
                Rule::Survey { method: r.method }
            }
        };
        Some(rule)
    }

    fn parse<T: serde::de::DeserializeOwned>(
        &mut self,
        value: serde_json::Value,
        path: &str,
    ) -> Option<T> {
        match serde_json::from_value(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report(path, Problem::MalformedRule(e.to_string()));
                None
            }
        }
    }

    fn within_max(&mut self, path: &str, points: Points, max: Points) {
        self.non_negative(path, points);
        if points > max {
            self.report(path, Problem::PointsAboveMax { points, max });
        }
    }

    fn when_zero(&mut self, raw: Option<String>, path: &str) -> WhenZero {
        match raw.as_deref() {
            None | Some("full") => WhenZero::Full,
            Some("zero") => WhenZero::Zero,
            Some("not_applicable") => WhenZero::NotApplicable,
            Some(other) => {
                self.report(path, Problem::UnknownWhenZero(other.to_string()));
                WhenZero::Full
            }
        }
    }

    fn choices(&mut self, raw: Vec<raw::RawLevel>, path: &str, max: Points) -> Vec<Choice> {
        if raw.is_empty() {
            self.report(path, Problem::NoOptions);
        }
        let mut ids = HashSet::new();
        let mut out = Vec::new();
        for (i, r) in raw.into_iter().enumerate() {
            let here = format!("{path}[{i}]");
            if !ids.insert(r.id.clone()) {
                self.report(&here, Problem::DuplicateOptionId(r.id.clone()));
            }
            if r.label.is_blank() {
                self.report(&here, Problem::MissingVietnameseTitle);
            }
            self.within_max(&here, r.points, max);
            out.push(Choice {
                id: r.id,
                label: r.label,
                points: r.points,
            });
        }
        out
    }

    /// The ranges must cover 0 to 100 % exactly once.
    fn check_ranges(&mut self, path: &str, ranges: &[Range]) {
        if ranges.is_empty() {
            self.report(path, Problem::NoOptions);
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
            self.report(path, Problem::NoOptions);
            return;
        }
        let mut sorted = bands.to_vec();
        sorted.sort_by_key(|b| b.from);
        if sorted.iter().any(|b| b.to.is_some_and(|to| to < b.from)) {
            self.report(path, Problem::EmptyBand);
            return;
        }
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

fn to_range(r: &RawRange) -> Range {
    Range {
        from: r.from,
        from_inclusive: r.from_inclusive,
        to: r.to,
        to_inclusive: r.to_inclusive,
    }
}
