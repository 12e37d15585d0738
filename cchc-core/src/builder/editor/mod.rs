//! The framework editor: the whole tree of a framework in a form, as the officer edits it.
//!
//! The form holds what was typed, not what it means: a maximum is the text in its box ("0,5",
//! "", "hai"), so nothing the officer typed is lost or rewritten while it is wrong. The meaning is
//! given by the loader alone: [`file::to_value`] writes the form as a framework file (a number
//! that reads as one, the text as written where it does not) and [`check::check`] loads that file
//! and places each of the loader's problems at its node. The editor never has checks of its own
//! that the loader lacks, except for the one state the file format cannot express: an item whose
//! way of scoring is not chosen yet.
//!
//! Layers: `check` → `file` → this module (the form and its edits).

pub mod check;
pub mod file;

use serde::{Deserialize, Serialize};

use crate::framework::{Block, RuleKind};
use crate::points::Points;
use crate::text::Lang;

/// A node's identity in the form: stable across moves and edits of its code, so the view can
/// keep a row's focus and a problem can point at its node while the code is being retyped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NodeKey(pub u32);

/// A text in both languages, as typed. Vietnamese is the one the form asks for; English is kept
/// from the file it was opened from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TextForm {
    pub vi: String,
    pub en: String,
}

impl TextForm {
    pub fn vi(s: impl Into<String>) -> TextForm {
        TextForm {
            vi: s.into(),
            en: String::new(),
        }
    }
}

/// A named level of a `levels` rule or a part of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChoiceForm {
    pub id: String,
    pub label: TextForm,
    pub points: String,
}

/// A band of percentages: of a `percent_bands` rule (with points) or of the classification (with
/// a label).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandForm {
    pub from: String,
    pub from_inclusive: bool,
    /// Empty: up to and including 100 %.
    pub to: String,
    pub to_inclusive: bool,
    pub points: String,
    pub label: TextForm,
}

impl Default for BandForm {
    fn default() -> BandForm {
        BandForm {
            from: String::new(),
            from_inclusive: true,
            to: String::new(),
            to_inclusive: false,
            points: String::new(),
            label: TextForm::default(),
        }
    }
}

/// A band of counts, both edges inclusive; an empty `to` is "and more".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CountBandForm {
    pub from: String,
    pub to: String,
    pub points: String,
}

/// What a zero denominator means, as in framework files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenZeroForm {
    #[default]
    Full,
    Zero,
    NotApplicable,
}

impl WhenZeroForm {
    pub const ALL: [WhenZeroForm; 3] = [
        WhenZeroForm::Full,
        WhenZeroForm::Zero,
        WhenZeroForm::NotApplicable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            WhenZeroForm::Full => "full",
            WhenZeroForm::Zero => "zero",
            WhenZeroForm::NotApplicable => "not_applicable",
        }
    }

    pub fn from_code(code: &str) -> Option<WhenZeroForm> {
        WhenZeroForm::ALL.into_iter().find(|w| w.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (WhenZeroForm::Full, Lang::Vi) => "Không phát sinh: đạt điểm tối đa",
            (WhenZeroForm::Zero, Lang::Vi) => "0 điểm",
            (WhenZeroForm::NotApplicable, Lang::Vi) => "Không áp dụng (ra khỏi điểm tối đa)",
            (WhenZeroForm::Full, Lang::En) => "Nothing to do: full points",
            (WhenZeroForm::Zero, Lang::En) => "0 points",
            (WhenZeroForm::NotApplicable, Lang::En) => "Not applicable (leaves the maximum)",
        }
    }
}

/// How an item is scored. Every kind's values are kept side by side, so switching the kind and
/// back loses nothing; only the chosen kind is written to the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RuleForm {
    /// `None`: not chosen yet, and the framework cannot be used until it is.
    pub kind: Option<RuleKind>,
    /// Empty: the item's max.
    pub yes_points: String,
    pub levels: Vec<ChoiceForm>,
    pub numerator: TextForm,
    pub denominator: TextForm,
    pub when_zero: WhenZeroForm,
    pub bands: Vec<BandForm>,
    /// Empty: 100.
    pub full_at_percent: String,
    pub count: TextForm,
    pub count_bands: Vec<CountBandForm>,
    pub points_each: String,
    pub checklist: Vec<ChoiceForm>,
    pub method: TextForm,
}

/// A list of rows inside a rule, for the edits that add, move and remove them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleRows {
    Levels,
    Bands,
    CountBands,
    Checklist,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeForm {
    pub key: NodeKey,
    pub code: String,
    pub title: TextForm,
    pub max: String,
    /// Read for fields only: a field of bonus or penalty points.
    pub block: Block,
    pub guidance: TextForm,
    pub evidence: TextForm,
    pub source: String,
    pub allow_not_applicable: bool,
    pub allow_no_task: bool,
    /// A node with children is a group and its rule is not written; the rule is kept, so that
    /// removing the last child gives the item back as it was.
    pub children: Vec<NodeForm>,
    pub rule: RuleForm,
}

impl NodeForm {
    pub fn is_group(&self) -> bool {
        !self.children.is_empty()
    }
}

/// The framework as a whole, in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkForm {
    pub id: String,
    pub version: String,
    pub title: TextForm,
    /// `so`, `xa`, `huyen` or `khac`, as in framework files.
    pub unit_type: String,
    pub decision_number: String,
    /// `YYYY-MM-DD`, or empty.
    pub decision_date: String,
    pub issuer: String,
    /// The officer says this is the decision's annex as issued (not a model in its shape); it
    /// is written as official only once the decision's number and date are set too.
    pub marked_official: bool,
    /// Shown wherever a model framework is used; written only while the framework is a model.
    pub status_note: TextForm,
    pub year_from: String,
    /// Empty: still in force.
    pub year_to: String,
    /// The scale the ordinary fields add up to, usually 100. The split into self-scored and
    /// survey points is not typed: it follows from the survey items.
    pub total_max: String,
    pub bands: Vec<BandForm>,
    pub fields: Vec<NodeForm>,
    /// The key the next new node gets.
    pub next_key: u32,
}

/// Where a node sits: its parent (`None` for a field) and its index among its siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub parent: Option<NodeKey>,
    pub index: usize,
}

/// A node taken out of the form, with where it was, so that it can be put back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub node: NodeForm,
    pub position: Position,
}

/// A row of the flattened tree, as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: NodeKey,
    /// 0 for a field.
    pub depth: usize,
}

impl FrameworkForm {
    /// An empty framework with the five usual classification bands and one field to start from.
    pub fn blank(year: u16) -> FrameworkForm {
        let mut form = FrameworkForm {
            id: "bo-tieu-chi".into(),
            version: year.to_string(),
            title: TextForm::vi("Bộ tiêu chí Chỉ số CCHC"),
            unit_type: "so".into(),
            decision_number: String::new(),
            decision_date: String::new(),
            issuer: String::new(),
            marked_official: true,
            status_note: TextForm::default(),
            year_from: year.to_string(),
            year_to: String::new(),
            total_max: "100".into(),
            bands: standard_bands(),
            fields: Vec::new(),
            next_key: 0,
        };
        form.add_field();
        form
    }

    /// A framework is official only when the officer says so and its decision is named and
    /// dated.
    pub fn is_official(&self) -> bool {
        self.marked_official
            && !self.decision_number.trim().is_empty()
            && !self.decision_date.trim().is_empty()
    }

    fn new_node(&mut self, code: String) -> NodeForm {
        let key = NodeKey(self.next_key);
        self.next_key += 1;
        NodeForm {
            key,
            code,
            title: TextForm::default(),
            max: String::new(),
            block: Block::Regular,
            guidance: TextForm::default(),
            evidence: TextForm::default(),
            source: String::new(),
            allow_not_applicable: false,
            allow_no_task: false,
            children: Vec::new(),
            rule: RuleForm::default(),
        }
    }

    /// Every node in order, parents before children, with its depth.
    pub fn rows(&self) -> Vec<Row> {
        fn walk(nodes: &[NodeForm], depth: usize, out: &mut Vec<Row>) {
            for n in nodes {
                out.push(Row { key: n.key, depth });
                walk(&n.children, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.fields, 0, &mut out);
        out
    }

    pub fn node(&self, key: NodeKey) -> Option<&NodeForm> {
        fn find(nodes: &[NodeForm], key: NodeKey) -> Option<&NodeForm> {
            nodes.iter().find_map(|n| {
                if n.key == key {
                    Some(n)
                } else {
                    find(&n.children, key)
                }
            })
        }
        find(&self.fields, key)
    }

    pub fn node_mut(&mut self, key: NodeKey) -> Option<&mut NodeForm> {
        fn find(nodes: &mut [NodeForm], key: NodeKey) -> Option<&mut NodeForm> {
            for n in nodes {
                if n.key == key {
                    return Some(n);
                }
                if let Some(found) = find(&mut n.children, key) {
                    return Some(found);
                }
            }
            None
        }
        find(&mut self.fields, key)
    }

    pub fn position(&self, key: NodeKey) -> Option<Position> {
        fn find(nodes: &[NodeForm], parent: Option<NodeKey>, key: NodeKey) -> Option<Position> {
            nodes.iter().enumerate().find_map(|(index, n)| {
                if n.key == key {
                    Some(Position { parent, index })
                } else {
                    find(&n.children, Some(n.key), key)
                }
            })
        }
        find(&self.fields, None, key)
    }

    fn siblings_mut(&mut self, parent: Option<NodeKey>) -> Option<&mut Vec<NodeForm>> {
        match parent {
            None => Some(&mut self.fields),
            Some(p) => self.node_mut(p).map(|n| &mut n.children),
        }
    }

    fn codes(&self) -> Vec<String> {
        fn walk(nodes: &[NodeForm], out: &mut Vec<String>) {
            for n in nodes {
                out.push(n.code.trim().to_string());
                walk(&n.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.fields, &mut out);
        out
    }

    /// A code for a new node under `parent` (`None`: a field) that no node has: the parent's
    /// code and the next number ("2.1" → "2.1.3"), or the next number for a field.
    fn suggest_code(&self, parent: Option<NodeKey>) -> String {
        let (prefix, count) = match parent.and_then(|p| self.node(p)) {
            Some(p) => (format!("{}.", p.code.trim()), p.children.len()),
            None => (String::new(), self.fields.len()),
        };
        let taken = self.codes();
        (count + 1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|c| !taken.contains(c))
            .unwrap_or_default()
    }

    /// Adds a field at the end; returns its key.
    pub fn add_field(&mut self) -> NodeKey {
        let code = self.suggest_code(None);
        let node = self.new_node(code);
        let key = node.key;
        self.fields.push(node);
        key
    }

    /// Adds a child at the end of `parent`'s children (an item becomes a group, its rule kept).
    pub fn add_child(&mut self, parent: NodeKey) -> Option<NodeKey> {
        let code = self.suggest_code(Some(parent));
        let mut node = self.new_node(code);
        let key = node.key;
        let p = self.node_mut(parent)?;
        node.block = p.block;
        p.children.push(node);
        Some(key)
    }

    /// Adds a sibling right after `key`.
    pub fn add_after(&mut self, key: NodeKey) -> Option<NodeKey> {
        let at = self.position(key)?;
        let code = self.suggest_code(at.parent);
        let mut node = self.new_node(code);
        let new_key = node.key;
        node.block = self.node(key)?.block;
        self.siblings_mut(at.parent)?.insert(at.index + 1, node);
        Some(new_key)
    }

    /// Takes `key` and everything below it out of the form.
    pub fn remove(&mut self, key: NodeKey) -> Option<Removed> {
        let position = self.position(key)?;
        let node = self.siblings_mut(position.parent)?.remove(position.index);
        Some(Removed { node, position })
    }

    /// Puts a removed node back where it was (or at the end, if its place is gone).
    pub fn restore(&mut self, removed: Removed) {
        let Removed { node, position } = removed;
        let siblings = match self.siblings_mut(position.parent) {
            Some(s) => s,
            None => &mut self.fields,
        };
        let index = position.index.min(siblings.len());
        siblings.insert(index, node);
    }

    /// Moves `key` one place up (`-1`) or down (`1`) among its siblings; false at either end.
    pub fn shift(&mut self, key: NodeKey, by: isize) -> bool {
        let Some(at) = self.position(key) else {
            return false;
        };
        let Some(siblings) = self.siblings_mut(at.parent) else {
            return false;
        };
        let Some(to) = at
            .index
            .checked_add_signed(by)
            .filter(|&t| t < siblings.len())
        else {
            return false;
        };
        siblings.swap(at.index, to);
        true
    }

    /// Makes `key` the last child of the sibling above it; false for a first child.
    pub fn indent(&mut self, key: NodeKey) -> bool {
        let Some(at) = self.position(key) else {
            return false;
        };
        if at.index == 0 {
            return false;
        }
        let Some(siblings) = self.siblings_mut(at.parent) else {
            return false;
        };
        let node = siblings.remove(at.index);
        siblings[at.index - 1].children.push(node);
        true
    }

    /// Makes `key` the sibling right after its parent; false for a field.
    pub fn outdent(&mut self, key: NodeKey) -> bool {
        let Some(at) = self.position(key) else {
            return false;
        };
        let Some(parent) = at.parent else {
            return false;
        };
        let Some(parent_at) = self.position(parent) else {
            return false;
        };
        let Some(removed) = self.remove(key) else {
            return false;
        };
        let Some(siblings) = self.siblings_mut(parent_at.parent) else {
            self.restore(removed);
            return false;
        };
        siblings.insert(parent_at.index + 1, removed.node);
        true
    }

    /// Sets a field's kind, and with it every node below (the file writes it on the field only,
    /// the form shows it on every row).
    pub fn set_block(&mut self, key: NodeKey, block: Block) {
        fn set(n: &mut NodeForm, block: Block) {
            n.block = block;
            for c in &mut n.children {
                set(c, block);
            }
        }
        if let Some(n) = self.node_mut(key) {
            set(n, block);
        }
    }

    /// The maxima of the children added up, where each reads as points: what a group's own max
    /// should be in an ordinary field.
    pub fn children_sum(&self, key: NodeKey) -> Option<Points> {
        self.node(key)?
            .children
            .iter()
            .map(|c| Points::parse(&c.max).ok())
            .sum::<Option<Points>>()
    }
}

impl RuleForm {
    /// Adds an empty row at the end of one list.
    pub fn add_row(&mut self, rows: RuleRows) {
        match rows {
            RuleRows::Levels => {
                // Answers are stored by a level's id: it is given once and kept when the label
                // is retyped.
                let id = (1..)
                    .map(|n| format!("muc-{n}"))
                    .find(|id| self.levels.iter().all(|l| l.id.trim() != id))
                    .unwrap_or_default();
                self.levels.push(ChoiceForm {
                    id,
                    ..ChoiceForm::default()
                })
            }
            RuleRows::Bands => self.bands.push(BandForm::default()),
            RuleRows::CountBands => self.count_bands.push(CountBandForm::default()),
            RuleRows::Checklist => {
                let id = next_letter(&self.checklist);
                self.checklist.push(ChoiceForm {
                    id,
                    ..ChoiceForm::default()
                })
            }
        }
    }

    pub fn remove_row(&mut self, rows: RuleRows, index: usize) {
        fn take<T>(v: &mut Vec<T>, i: usize) {
            if i < v.len() {
                v.remove(i);
            }
        }
        match rows {
            RuleRows::Levels => take(&mut self.levels, index),
            RuleRows::Bands => take(&mut self.bands, index),
            RuleRows::CountBands => take(&mut self.count_bands, index),
            RuleRows::Checklist => take(&mut self.checklist, index),
        }
    }

    /// Swaps row `index` with the one above it.
    pub fn raise_row(&mut self, rows: RuleRows, index: usize) {
        fn up<T>(v: &mut [T], i: usize) {
            if i > 0 && i < v.len() {
                v.swap(i - 1, i);
            }
        }
        match rows {
            RuleRows::Levels => up(&mut self.levels, index),
            RuleRows::Bands => up(&mut self.bands, index),
            RuleRows::CountBands => up(&mut self.count_bands, index),
            RuleRows::Checklist => up(&mut self.checklist, index),
        }
    }

    /// Gives a rule of a newly chosen kind the rows it needs to start from, so the officer fills
    /// them rather than builds them: yes/no and proportional need none; the lists get two rows.
    pub fn choose(&mut self, kind: Option<RuleKind>) {
        self.kind = kind;
        let rows = match kind {
            Some(RuleKind::Levels) if self.levels.is_empty() => Some(RuleRows::Levels),
            Some(RuleKind::PercentBands) if self.bands.is_empty() => Some(RuleRows::Bands),
            Some(RuleKind::CountBands) if self.count_bands.is_empty() => Some(RuleRows::CountBands),
            Some(RuleKind::Checklist) if self.checklist.is_empty() => Some(RuleRows::Checklist),
            _ => None,
        };
        if let Some(rows) = rows {
            self.add_row(rows);
            self.add_row(rows);
        }
    }
}

/// The next free letter for a checklist part: a, b, c, …
fn next_letter(items: &[ChoiceForm]) -> String {
    ('a'..='z')
        .map(String::from)
        .find(|l| items.iter().all(|i| i.id.trim() != l))
        .unwrap_or_else(|| format!("muc-{}", items.len() + 1))
}

/// The usual five classes (Xuất sắc ≥ 90, Tốt, Khá, Trung bình, Yếu < 50).
pub fn standard_bands() -> Vec<BandForm> {
    [
        ("Xuất sắc", "Excellent", "90", ""),
        ("Tốt", "Good", "80", "90"),
        ("Khá", "Fair", "70", "80"),
        ("Trung bình", "Average", "50", "70"),
        ("Yếu", "Weak", "0", "50"),
    ]
    .into_iter()
    .map(|(vi, en, from, to)| BandForm {
        from: from.into(),
        to: to.into(),
        label: TextForm {
            vi: vi.into(),
            en: en.into(),
        },
        ..BandForm::default()
    })
    .collect()
}
