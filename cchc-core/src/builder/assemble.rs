//! From the outline and the officer's choices to a framework file, with every problem tied to the
//! source rows it comes from. The loader (`Framework::from_json`) has the last word: what it
//! refuses is listed here too, so the builder can never save what the app would not load.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::columns::{Layout, guess};
use super::outline::{Entry, Outline, derive};
use super::table::SourceTable;
use super::wording::{self, OpenEdge, Outcome, Reading, Unread};
use crate::framework::{Block, Framework, FrameworkError};
use crate::points::{Percent, Points};
use crate::text::{Lang, fold_diacritics};

/// What the officer says about the framework as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub version: String,
    pub title: String,
    /// `so`, `xa`, `huyen` or `khac`, as in framework files.
    pub unit_type: String,
    pub decision_number: String,
    /// `YYYY-MM-DD`, or empty.
    pub decision_date: String,
    pub issuer: String,
    pub year_from: u16,
}

impl Meta {
    /// Sensible starting values for a file named `file_name`, in the year `year`.
    pub fn for_file(file_name: &str, year: u16) -> Meta {
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem);
        let id: String = fold_diacritics(stem)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        Meta {
            id: if id.is_empty() {
                "bo-tieu-chi".into()
            } else {
                id
            },
            version: year.to_string(),
            title: format!("Bộ tiêu chí Chỉ số CCHC — {stem}"),
            unit_type: "so".into(),
            decision_number: String::new(),
            decision_date: String::new(),
            issuer: String::new(),
            year_from: year,
        }
    }

    /// A framework is official only when its decision is named and dated.
    pub fn is_official(&self) -> bool {
        !self.decision_number.trim().is_empty() && !self.decision_date.trim().is_empty()
    }
}

/// How the officer settles an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "choice")]
pub enum Choice {
    /// The method text rewritten in one of the shapes the reader knows; it is read again.
    Rewrite { text: String },
    /// One of the rules that need no more numbers than the item's max.
    Rule { kind: SimpleRule },
    /// The open edges of the reading confirmed: those listed belong to the band above them, the
    /// others stay as read (in the band below, as the words say literally).
    Edges { upper: Vec<Percent> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SimpleRule {
    YesNo,
    Proportional,
    Survey,
}

impl SimpleRule {
    pub const ALL: [SimpleRule; 3] = [
        SimpleRule::YesNo,
        SimpleRule::Proportional,
        SimpleRule::Survey,
    ];

    fn rule(self, method: &str) -> Value {
        match self {
            SimpleRule::YesNo => json!({"kind": "yes_no"}),
            SimpleRule::Proportional => json!({"kind": "proportional",
                "numerator": {"vi": "Số đạt yêu cầu"}, "denominator": {"vi": "Tổng số"}}),
            SimpleRule::Survey => json!({"kind": "survey", "method": {"vi":
                if method.trim().is_empty() { "Điều tra xã hội học" } else { method.trim() }}}),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SimpleRule::YesNo, Lang::Vi) => "Có / Không (có: đủ điểm, không: 0 điểm)",
            (SimpleRule::YesNo, Lang::En) => "Yes / No (yes: full points, no: 0)",
            (SimpleRule::Proportional, Lang::Vi) => "Tính theo tỷ lệ % × điểm tối đa",
            (SimpleRule::Proportional, Lang::En) => "Proportional: percentage × max",
            (SimpleRule::Survey, Lang::Vi) => "Điều tra xã hội học (tỉnh chấm)",
            (SimpleRule::Survey, Lang::En) => "Survey (scored by the province)",
        }
    }
}

/// The builder's work in progress: what was read, what the officer said. Saved as it changes,
/// so nothing is lost on reload; nothing here is a framework until `build` says it is usable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub file_name: String,
    pub table: SourceTable,
    pub layout: Layout,
    pub meta: Meta,
    /// By item code.
    #[serde(default)]
    pub choices: BTreeMap<String, Choice>,
}

impl Project {
    /// Corrects one cell of the source (a title, a maximum, a method as the annex should have
    /// said it): the tree is built again from it. A cell outside the table changes nothing; a
    /// covered (merged) cell that is written becomes a cell of its own.
    pub fn set_cell(&mut self, row: usize, column: usize, text: &str) {
        if let Some(cell) = self
            .table
            .rows
            .get_mut(row)
            .and_then(|r| r.cells.get_mut(column))
        {
            cell.text = text.trim().to_string();
            cell.merge = super::table::Merge::Own;
        }
    }

    pub fn new(file_name: &str, table: SourceTable, year: u16) -> Project {
        let layout = guess(&table);
        Project {
            file_name: file_name.to_string(),
            meta: Meta::for_file(file_name, year),
            table,
            layout,
            choices: BTreeMap::new(),
        }
    }
}

/// Where an item stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum ItemState {
    /// Read from the text, nothing left open.
    Read,
    /// Parts a, b, c with their points, read as a checklist.
    Checklist,
    /// The reader could not read it: the officer must choose.
    NeedsChoice { why: Unread },
    /// Read, but with edges the words leave open.
    EdgesOpen { edges: Vec<OpenEdge> },
    /// Settled by the officer.
    Chosen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "node")]
pub enum NodeKind {
    Group,
    Item {
        state: ItemState,
        /// The reading of the method text (what to highlight), when it was read from text.
        reading: Option<Reading>,
        /// The text that was read.
        method: String,
        rule: Option<Value>,
    },
}

/// A node as the builder shows it, in tree order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuiltNode {
    pub code: String,
    pub written: String,
    pub depth: usize,
    pub title: String,
    pub max: Option<Points>,
    pub block: Block,
    pub rows: Vec<usize>,
    pub kind: NodeKind,
}

/// What keeps the framework from being usable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum BuildProblem {
    NoHeader,
    NoTitleColumn,
    NoMaxColumn,
    NoItems,
    MaxUnread {
        text: String,
    },
    MissingMax,
    NeedsChoice,
    EdgeOpen {
        at: Percent,
    },
    /// What the loader says, in its words.
    Loader {
        message_vi: String,
        message_en: String,
    },
}

/// A problem and the place to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placed {
    pub problem: BuildProblem,
    /// The node it concerns, if any.
    pub code: Option<String>,
    /// 1-based source rows.
    pub rows: Vec<usize>,
}

impl BuildProblem {
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            BuildProblem::NoHeader => if vi {
                "Không tìm thấy dòng tiêu đề của bảng (STT, Tiêu chí, Điểm tối đa…): hãy chọn ý nghĩa của từng cột bên dưới."
            } else {
                "No header row found (STT, criterion, max points…): choose what each column holds below."
            }
            .into(),
            BuildProblem::NoTitleColumn => if vi {
                "Chưa chọn cột tên tiêu chí."
            } else {
                "No column chosen for the criterion titles."
            }
            .into(),
            BuildProblem::NoMaxColumn => if vi {
                "Chưa chọn cột điểm tối đa."
            } else {
                "No column chosen for the maximum points."
            }
            .into(),
            BuildProblem::NoItems => if vi {
                "Không đọc được tiêu chí nào từ bảng."
            } else {
                "No criterion could be read from the table."
            }
            .into(),
            BuildProblem::MaxUnread { text } => if vi {
                format!("Điểm tối đa “{text}” không phải là một số.")
            } else {
                format!("The maximum “{text}” is not a number.")
            },
            BuildProblem::MissingMax => if vi {
                "Tiêu chí chưa có điểm tối đa."
            } else {
                "The item has no maximum."
            }
            .into(),
            BuildProblem::NeedsChoice => if vi {
                "Chưa rõ cách chấm điểm: cần chọn cách chấm."
            } else {
                "The scoring method is not clear: a choice is needed."
            }
            .into(),
            BuildProblem::EdgeOpen { at } => if vi {
                format!("Mức {} % thuộc khoảng nào chưa rõ: cần xác nhận.", at.format_short(lang))
            } else {
                format!("Which band takes exactly {} % is open: confirm it.", at.format_short(lang))
            },
            BuildProblem::Loader {
                message_vi,
                message_en,
            } => if vi { message_vi } else { message_en }.clone(),
        }
    }
}

/// The result of building: the tree, the problems and, when there are none, a framework file
/// the loader accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Built {
    pub nodes: Vec<BuiltNode>,
    pub problems: Vec<Placed>,
    /// Rows with points written with a comma and with a dot, when a table has both.
    pub mixed_marks: Option<(Vec<usize>, Vec<usize>)>,
    /// The framework file; written even with problems (for the record), usable only without.
    pub framework: Value,
    /// No problem is left: the framework may be saved and exported.
    pub usable: bool,
}

fn points_json(p: Points) -> Value {
    wording::number(p)
}

fn block_of(title: &str) -> Block {
    let t = fold_diacritics(title);
    if t.contains("diem thuong") || t.contains("diem cong") {
        Block::Bonus
    } else if t.contains("diem tru") {
        Block::Penalty
    } else {
        Block::Regular
    }
}

/// Builds the framework from the project as it stands. Total: never fails, every problem placed.
pub fn build(project: &Project) -> Built {
    let outline = derive(&project.table, &project.layout);
    let mut b = Builder {
        outline: &outline,
        choices: &project.choices,
        nodes: Vec::new(),
        problems: Vec::new(),
        survey: Points::ZERO,
    };
    let layout = &project.layout;
    if layout.header.is_empty() {
        b.problems.push(Placed {
            problem: BuildProblem::NoHeader,
            code: None,
            rows: Vec::new(),
        });
    }
    for (c, problem) in [
        (super::columns::Column::Title, BuildProblem::NoTitleColumn),
        (super::columns::Column::Max, BuildProblem::NoMaxColumn),
    ] {
        if layout.column(c).is_none() {
            b.problems.push(Placed {
                problem,
                code: None,
                rows: Vec::new(),
            });
        }
    }
    let mut fields = Vec::new();
    let mut total = Points::ZERO;
    for &f in &outline.fields {
        let entry = &outline.entries[f];
        let block = block_of(&entry.title);
        let node = b.node(entry, block, &project.meta);
        if block == Block::Regular {
            total += entry.max.unwrap_or_else(|| b.sum_of(entry));
        }
        fields.push(node);
    }
    if !b
        .nodes
        .iter()
        .any(|n| matches!(n.kind, NodeKind::Item { .. }))
    {
        b.problems.push(Placed {
            problem: BuildProblem::NoItems,
            code: None,
            rows: Vec::new(),
        });
    }
    let meta = &project.meta;
    let mut file = Map::new();
    file.insert("format".into(), json!("cchc-framework"));
    file.insert("format_version".into(), json!(1));
    file.insert("id".into(), json!(meta.id.trim()));
    file.insert("version".into(), json!(meta.version.trim()));
    file.insert("title".into(), json!({"vi": meta.title.trim()}));
    file.insert("unit_type".into(), json!(meta.unit_type));
    if meta.is_official() {
        file.insert("status".into(), json!("official"));
    } else {
        file.insert("status".into(), json!("model"));
        file.insert(
            "status_note".into(),
            json!({"vi": format!("Dựng từ “{}”, chưa ghi số và ngày của quyết định", project.file_name),
                   "en": format!("Built from “{}”; the decision's number and date are not set yet", project.file_name)}),
        );
    }
    let mut decision = Map::new();
    decision.insert("number".into(), json!(meta.decision_number.trim()));
    if !meta.decision_date.trim().is_empty() {
        decision.insert("date".into(), json!(meta.decision_date.trim()));
    }
    if !meta.issuer.trim().is_empty() {
        decision.insert("issuer".into(), json!(meta.issuer.trim()));
    }
    file.insert("decision".into(), Value::Object(decision));
    file.insert("years".into(), json!({"from": meta.year_from, "to": null}));
    file.insert("total_max".into(), points_json(total));
    file.insert(
        "split".into(),
        json!({"self_scored": points_json(total - b.survey), "survey": points_json(b.survey)}),
    );
    file.insert("bands".into(), default_bands());
    file.insert("fields".into(), Value::Array(fields));
    let framework = Value::Object(file);
    let mut problems = b.problems;
    let nodes = b.nodes;
    if problems.is_empty()
        && let Err(errors) = Framework::from_json(&framework.to_string())
    {
        problems.extend(errors.iter().map(|e| placed_loader_error(e, &nodes)));
    }
    let mixed_marks = (!outline.comma_rows.is_empty() && !outline.dot_rows.is_empty())
        .then(|| (outline.comma_rows.clone(), outline.dot_rows.clone()));
    Built {
        usable: problems.is_empty(),
        nodes,
        problems,
        mixed_marks,
        framework,
    }
}

fn placed_loader_error(e: &FrameworkError, nodes: &[BuiltNode]) -> Placed {
    // A node's path names its code in brackets, and may go on into the node:
    // `fields[1].children[0] (2.1)`, `… (2.1).max`, `… (1.1.1).rule.levels[1]`.
    let code = e.path.rfind(" (").and_then(|at| {
        let rest = &e.path[at + 2..];
        rest.find(')').map(|end| rest[..end].to_string())
    });
    let rows = code
        .as_ref()
        .and_then(|c| nodes.iter().find(|n| &n.code == c))
        .map(|n| n.rows.clone())
        .unwrap_or_default();
    Placed {
        problem: BuildProblem::Loader {
            message_vi: e.problem.message(Lang::Vi),
            message_en: e.problem.message(Lang::En),
        },
        code,
        rows,
    }
}

fn default_bands() -> Value {
    json!([
        {"label": {"vi": "Xuất sắc", "en": "Excellent"}, "from": 90},
        {"label": {"vi": "Tốt", "en": "Good"}, "from": 80, "to": 90},
        {"label": {"vi": "Khá", "en": "Fair"}, "from": 70, "to": 80},
        {"label": {"vi": "Trung bình", "en": "Average"}, "from": 50, "to": 70},
        {"label": {"vi": "Yếu", "en": "Weak"}, "from": 0, "to": 50}
    ])
}

struct Builder<'a> {
    outline: &'a Outline,
    choices: &'a BTreeMap<String, Choice>,
    nodes: Vec<BuiltNode>,
    problems: Vec<Placed>,
    survey: Points,
}

impl Builder<'_> {
    fn sum_of(&self, e: &Entry) -> Points {
        e.children
            .iter()
            .map(|&c| {
                let child = &self.outline.entries[c];
                child.max.unwrap_or_else(|| self.sum_of(child))
            })
            .sum()
    }

    fn place(&mut self, problem: BuildProblem, e: &Entry) {
        self.problems.push(Placed {
            problem,
            code: Some(e.code.clone()),
            rows: e.rows.clone(),
        });
    }

    fn node(&mut self, e: &Entry, block: Block, meta: &Meta) -> Value {
        let mut node = Map::new();
        node.insert("code".into(), json!(e.code));
        node.insert("title".into(), json!({"vi": e.title}));
        if let Some(text) = &e.max_unread {
            self.place(BuildProblem::MaxUnread { text: text.clone() }, e);
        }
        if e.depth == 0 && block != Block::Regular {
            node.insert(
                "kind".into(),
                json!(if block == Block::Bonus {
                    "bonus"
                } else {
                    "penalty"
                }),
            );
        }
        if !e.evidence.trim().is_empty() {
            node.insert("evidence".into(), json!({"vi": e.evidence}));
        }
        let source = if meta.decision_number.trim().is_empty() {
            format!("dòng {}", e.rows.first().copied().unwrap_or(0))
        } else {
            let written = if e.written.is_empty() {
                &e.code
            } else {
                &e.written
            };
            format!("{}, mục {written}", meta.decision_number.trim())
        };
        node.insert("source".into(), json!(source));
        let shown = self.nodes.len();
        self.nodes.push(BuiltNode {
            code: e.code.clone(),
            written: e.written.clone(),
            depth: e.depth,
            title: e.title.clone(),
            max: e.max,
            block,
            rows: e.rows.clone(),
            kind: NodeKind::Group,
        });
        let checklist = self.checklist(e);
        if !e.children.is_empty() && checklist.is_none() {
            // A bonus or penalty field's cap is often only in its words ("tối đa không quá 3
            // điểm"); its children may add up to more.
            let cap = (e.depth == 0 && block != Block::Regular)
                .then(|| cap_in(&e.title).or_else(|| cap_in(&e.method)))
                .flatten();
            let max = e.max.or(cap).unwrap_or_else(|| self.sum_of(e));
            self.nodes[shown].max = Some(max);
            node.insert("max".into(), points_json(max));
            if !e.method.trim().is_empty() {
                node.insert("guidance".into(), json!({"vi": e.method}));
            }
            let children: Vec<Value> = e
                .children
                .iter()
                .map(|&c| self.node(&self.outline.entries[c], block, meta))
                .collect();
            node.insert("children".into(), Value::Array(children));
            return Value::Object(node);
        }
        let Some(max) = e.max else {
            self.place(BuildProblem::MissingMax, e);
            node.insert("max".into(), json!(0));
            node.insert("rule".into(), json!({"kind": "yes_no"}));
            self.nodes[shown].kind = NodeKind::Item {
                state: ItemState::NeedsChoice { why: Unread::Empty },
                reading: None,
                method: e.method.clone(),
                rule: None,
            };
            return Value::Object(node);
        };
        node.insert("max".into(), points_json(max));
        let method = if e.method.trim().is_empty() {
            e.title.clone()
        } else {
            e.method.clone()
        };
        if !e.method.trim().is_empty() {
            node.insert("guidance".into(), json!({"vi": e.method}));
        }
        let (state, reading, rule) = match checklist {
            Some(rule) => (ItemState::Checklist, None, Some(rule)),
            None => self.settle(e, &method, max, block),
        };
        match &state {
            ItemState::NeedsChoice { .. } => self.place(BuildProblem::NeedsChoice, e),
            ItemState::EdgesOpen { edges } => {
                for edge in edges {
                    self.place(BuildProblem::EdgeOpen { at: edge.at }, e);
                }
            }
            _ => {}
        }
        if let Some(r) = &reading {
            if r.allow_no_task {
                node.insert("allow_no_task".into(), json!(true));
            }
            if r.allow_not_applicable {
                node.insert("allow_not_applicable".into(), json!(true));
            }
        }
        if let Some(rule) = &rule
            && rule.get("kind").and_then(Value::as_str) == Some("survey")
        {
            self.survey += max;
            node.remove("allow_no_task");
        }
        node.insert(
            "rule".into(),
            rule.clone().unwrap_or_else(|| json!({"kind": "yes_no"})),
        );
        self.nodes[shown].kind = NodeKind::Item {
            state,
            reading,
            method,
            rule,
        };
        Value::Object(node)
    }

    /// Parts a, b, c right under an item, each with points and no children, adding up to it:
    /// a checklist.
    fn checklist(&self, e: &Entry) -> Option<Value> {
        let max = e.max?;
        if e.children.is_empty() {
            return None;
        }
        let parts: Vec<&Entry> = e
            .children
            .iter()
            .map(|&c| &self.outline.entries[c])
            .collect();
        if !parts
            .iter()
            .all(|p| p.letter && p.children.is_empty() && p.max.is_some())
        {
            return None;
        }
        let sum: Points = parts.iter().filter_map(|p| p.max).sum();
        if sum != max {
            return None;
        }
        let items: Vec<Value> = parts
            .iter()
            .map(|p| {
                let id = p.code.rsplit('.').next().unwrap_or(&p.code);
                json!({"id": id, "label": {"vi": p.title}, "points": points_json(p.max.unwrap_or_default())})
            })
            .collect();
        Some(json!({"kind": "checklist", "items": items}))
    }

    fn settle(
        &self,
        e: &Entry,
        method: &str,
        max: Points,
        block: Block,
    ) -> (ItemState, Option<Reading>, Option<Value>) {
        let choice = self.choices.get(&e.code);
        if let Some(Choice::Rule { kind }) = choice {
            return (ItemState::Chosen, None, Some(kind.rule(method)));
        }
        let text = match choice {
            Some(Choice::Rewrite { text }) => text.as_str(),
            _ => method,
        };
        let reading = wording::read(text, max, block);
        match &reading.outcome {
            Outcome::NeedsChoice(why) => (
                ItemState::NeedsChoice { why: why.clone() },
                Some(reading.clone()),
                None,
            ),
            Outcome::Read { rule, open_edges } if open_edges.is_empty() => {
                let state = if matches!(choice, Some(Choice::Rewrite { .. })) {
                    ItemState::Chosen
                } else {
                    ItemState::Read
                };
                (state, Some(reading.clone()), Some(rule.clone()))
            }
            Outcome::Read { rule, open_edges } => match choice {
                Some(Choice::Edges { upper }) => (
                    ItemState::Chosen,
                    Some(reading.clone()),
                    Some(place_edges(rule, upper)),
                ),
                _ => (
                    ItemState::EdgesOpen {
                        edges: open_edges.clone(),
                    },
                    Some(reading.clone()),
                    Some(rule.clone()),
                ),
            },
        }
    }
}

/// The cap a bonus or penalty field's words give: the number after "không quá" or "tối đa".
fn cap_in(text: &str) -> Option<Points> {
    let folded = fold_diacritics(text).to_lowercase();
    ["khong qua", "toi da"].iter().find_map(|w| {
        let at = folded.find(w)? + w.len();
        // Folding keeps byte offsets only for ASCII; read the number from the folded text.
        let rest = folded[at..].trim_start();
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        Points::parse(number.trim_end_matches(['.', ','])).ok()
    })
}

/// Moves each edge in `upper` into the band above it: the band ending there stops short of it,
/// the band starting there takes it.
fn place_edges(rule: &Value, upper: &[Percent]) -> Value {
    let mut rule = rule.clone();
    let Some(bands) = rule.get_mut("bands").and_then(Value::as_array_mut) else {
        return rule;
    };
    let at = |v: Option<&Value>| -> Option<Percent> {
        v.and_then(|v| match v {
            Value::String(s) => Percent::parse(s).ok(),
            other => Percent::parse(&other.to_string()).ok(),
        })
    };
    for band in bands.iter_mut() {
        let Some(obj) = band.as_object_mut() else {
            continue;
        };
        if at(obj.get("to")).is_some_and(|to| upper.contains(&to)) {
            obj.insert("to_inclusive".into(), json!(false));
        }
        if at(obj.get("from")).is_some_and(|from| upper.contains(&from)) {
            obj.insert("from_inclusive".into(), json!(true));
        }
    }
    rule
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Problem;

    fn node(code: &str, rows: Vec<usize>) -> BuiltNode {
        BuiltNode {
            code: code.into(),
            written: String::new(),
            depth: 1,
            title: String::new(),
            max: None,
            block: Block::Regular,
            rows,
            kind: NodeKind::Group,
        }
    }

    #[test]
    fn a_loader_problem_inside_a_node_is_placed_at_that_nodes_rows() {
        let nodes = [node("1.1", vec![3]), node("1.1.1", vec![4, 5])];
        for (path, code, rows) in [
            ("fields[0].children[0] (1.1)", Some("1.1"), vec![3]),
            (
                "fields[0].children[0].children[0] (1.1.1).rule.levels[1]",
                Some("1.1.1"),
                vec![4, 5],
            ),
            ("fields[0].children[0] (1.1).max", Some("1.1"), vec![3]),
            ("", None, vec![]),
        ] {
            let placed = placed_loader_error(
                &FrameworkError {
                    path: path.into(),
                    problem: Problem::EmptyId,
                },
                &nodes,
            );
            assert_eq!(
                (placed.code.as_deref(), placed.rows),
                (code, rows),
                "{path}"
            );
        }
    }
}
