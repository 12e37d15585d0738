//! The live checks of the form: the loader's, each placed at its node.

use crate::framework::{Framework, FrameworkError, Problem};
use crate::text::Lang;

use super::file::to_value;
use super::*;

/// What is wrong, at one place of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// An item whose way of scoring is not chosen: the one state a framework file cannot hold.
    NoRuleChosen,
    Loader(Problem),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    /// The node it is about; `None` for the framework as a whole (its details, the total, the
    /// classification).
    pub node: Option<NodeKey>,
    /// Where inside the node or the file, as the loader names it: `max`, `rule.levels[1].points`,
    /// `total_max`, `bands[2].from`; empty for the node itself.
    pub part: String,
    pub issue: Issue,
}

impl FormProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (&self.issue, lang) {
            (Issue::NoRuleChosen, Lang::Vi) => "Chưa chọn cách chấm điểm".into(),
            (Issue::NoRuleChosen, Lang::En) => "No way of scoring chosen yet".into(),
            (Issue::Loader(p), lang) => p.message(lang),
        }
    }

    /// The box the problem is in, in the form's words: "Điểm tối đa", "Cách chấm", "Xếp loại".
    pub fn part_label(&self, lang: Lang) -> Option<&'static str> {
        let head = self
            .part
            .split(['.', '['])
            .next()
            .filter(|h| !h.is_empty())?;
        let (vi, en) = match head {
            "code" => ("Mã", "Code"),
            "title" => ("Tên", "Title"),
            "max" => ("Điểm tối đa", "Maximum"),
            "rule" => ("Cách chấm", "Scoring"),
            "guidance" => ("Hướng dẫn chấm", "Guidance"),
            "evidence" => ("Tài liệu kiểm chứng", "Evidence"),
            "children" => ("Tiêu chí con", "Children"),
            "id" => ("Mã bộ tiêu chí", "Framework id"),
            "version" => ("Phiên bản", "Version"),
            "unit_type" => ("Loại đơn vị", "Unit type"),
            "decision" => ("Quyết định", "Decision"),
            "years" => ("Năm áp dụng", "Years"),
            "total_max" => ("Tổng điểm", "Total"),
            "bands" => ("Xếp loại", "Classification"),
            "fields" => ("Tổng điểm các lĩnh vực", "Fields' total"),
            _ => return None,
        };
        Some(match lang {
            Lang::Vi => vi,
            Lang::En => en,
        })
    }
}

/// The form checked: its problems, and the framework file when there are none.
#[derive(Debug, Clone)]
pub struct Checked {
    pub problems: Vec<FormProblem>,
    /// The framework as the app loads it, when the form has no problem.
    pub framework: Option<Framework>,
    /// The file's text (indented), written whatever the problems, for saving once there are none.
    pub text: String,
}

impl Checked {
    pub fn usable(&self) -> bool {
        self.framework.is_some()
    }

    pub fn problems_at(&self, key: NodeKey) -> impl Iterator<Item = &FormProblem> {
        self.problems.iter().filter(move |p| p.node == Some(key))
    }
}

/// Each node's path as the loader writes it, without the code: `fields[1].children[0]`.
fn node_paths(form: &FrameworkForm) -> Vec<(String, NodeKey)> {
    fn walk(nodes: &[NodeForm], prefix: &str, out: &mut Vec<(String, NodeKey)>) {
        for (i, n) in nodes.iter().enumerate() {
            let path = if prefix.is_empty() {
                format!("fields[{i}]")
            } else {
                format!("{prefix}.children[{i}]")
            };
            walk(&n.children, &path, out);
            out.push((path, n.key));
        }
    }
    let mut out = Vec::new();
    walk(&form.fields, "", &mut out);
    out
}

/// The node a loader path is about (the deepest whose path it starts with) and the part inside.
fn place(e: &FrameworkError, paths: &[(String, NodeKey)]) -> (Option<NodeKey>, String) {
    let found = paths
        .iter()
        .filter(|(p, _)| {
            e.path.strip_prefix(p.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(' ') || rest.starts_with('.')
            })
        })
        .max_by_key(|(p, _)| p.len());
    match found {
        None => (None, e.path.clone()),
        Some((p, key)) => {
            let rest = &e.path[p.len()..];
            // Past the code in brackets: ` (2.1).max` → `max`.
            let rest = match rest.strip_prefix(" (") {
                Some(r) => r.find(')').map_or("", |end| &r[end + 1..]),
                None => rest,
            };
            (Some(*key), rest.trim_start_matches('.').to_string())
        }
    }
}

/// Checks the form as the loader would check its file.
pub fn check(form: &FrameworkForm) -> Checked {
    let value = to_value(form);
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    let mut problems = Vec::new();
    let mut unchosen = Vec::new();
    for row in form.rows() {
        if let Some(n) = form.node(row.key)
            && !n.is_group()
            && n.rule.kind.is_none()
        {
            unchosen.push(row.key);
            problems.push(FormProblem {
                node: Some(row.key),
                part: "rule".into(),
                issue: Issue::NoRuleChosen,
            });
        }
    }
    let loaded = Framework::from_json(&text);
    let framework = match loaded {
        Ok(f) if problems.is_empty() => Some(f),
        Ok(_) => None,
        Err(errors) => {
            let paths = node_paths(form);
            for e in &errors {
                // The split is computed from the tree: a problem there is the consequence of
                // one named where it was typed (the total, a survey item's max).
                if e.path.starts_with("split") {
                    continue;
                }
                let (node, mut part) = place(e, &paths);
                // The loader names a missing key at the object that lacks it, and a missing
                // title at its node; the form names the box.
                let missing = match &e.problem {
                    Problem::MissingKey(key) => Some(*key),
                    Problem::MissingVietnameseTitle if part.is_empty() => Some("title"),
                    _ => None,
                };
                if let Some(key) = missing {
                    part = if part.is_empty() {
                        key.to_string()
                    } else {
                        format!("{part}.{key}")
                    };
                }
                // Said once already, in the form's words.
                if matches!(e.problem, Problem::NeitherChildrenNorRule)
                    && node.is_some_and(|k| unchosen.contains(&k))
                {
                    continue;
                }
                problems.push(FormProblem {
                    node,
                    part,
                    issue: Issue::Loader(e.problem.clone()),
                });
            }
            None
        }
    };
    Checked {
        problems,
        framework,
        text,
    }
}
