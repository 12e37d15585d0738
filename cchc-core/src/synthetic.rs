//! Generated frameworks and answers of any size, for benchmarks and load tests. Deterministic: the
//! same arguments always give the same result (no clock, no ambient randomness).

use serde_json::{Value as Json, json};

use crate::answer::{Answer, Answers, Value};
use crate::framework::{Framework, Rule};
use crate::points::Points;

/// A framework of `fields` fields, each with `items_per_field` one-point items cycling through the
/// rule kinds; every field has 1 survey item. `total_max` is the sum, so it loads: an error here
/// is a bug in the generator, returned rather than panicking.
pub fn framework(
    fields: usize,
    items_per_field: usize,
) -> Result<Framework, Vec<crate::framework::FrameworkError>> {
    Framework::from_json(&framework_json(fields, items_per_field))
}

/// The framework file of [`framework`], as a user would load it.
pub fn framework_json(fields: usize, items_per_field: usize) -> String {
    let items_per_field = items_per_field.max(2);
    let rules = [
        json!({"kind": "yes_no"}),
        json!({"kind": "levels", "levels": [
            {"id": "a", "label": {"vi": "Đạt"}, "points": 1},
            {"id": "b", "label": {"vi": "Đạt một phần"}, "points": 0.5},
            {"id": "c", "label": {"vi": "Không đạt"}, "points": 0}]}),
        json!({"kind": "percent_bands", "numerator": {"vi": "Tử số"}, "denominator": {"vi": "Mẫu số"},
            "bands": [{"from": 90, "from_inclusive": false, "points": 1},
                      {"from": 70, "to": 90, "to_inclusive": true, "points": 0.5},
                      {"from": 0, "to": 70, "points": 0}]}),
        json!({"kind": "proportional", "numerator": {"vi": "Tử số"}, "denominator": {"vi": "Mẫu số"}}),
        json!({"kind": "count_bands", "count": {"vi": "Số lượng"},
            "bands": [{"from": 2, "points": 1}, {"from": 1, "to": 1, "points": 0.5}, {"from": 0, "to": 0, "points": 0}]}),
        json!({"kind": "checklist", "items": [
            {"id": "a", "label": {"vi": "Nội dung a"}, "points": 0.25},
            {"id": "b", "label": {"vi": "Nội dung b"}, "points": 0.75}]}),
    ];
    let mut field_nodes = Vec::new();
    for f in 1..=fields {
        let mut children = Vec::new();
        for i in 1..items_per_field {
            children.push(json!({
                "code": format!("{f}.{i}"),
                "title": {"vi": format!("Tiêu chí {f}.{i}")},
                "max": 1,
                "allow_not_applicable": i % 7 == 0,
                "rule": rules[i % rules.len()].clone(),
            }));
        }
        children.push(json!({
            "code": format!("{f}.{items_per_field}"),
            "title": {"vi": format!("Khảo sát {f}")},
            "max": 1,
            "rule": {"kind": "survey"},
        }));
        field_nodes.push(json!({
            "code": f.to_string(),
            "title": {"vi": format!("Lĩnh vực {f}")},
            "max": items_per_field,
            "children": children,
        }));
    }
    let total = fields * items_per_field;
    let file: Json = json!({
        "format": "cchc-framework", "format_version": 1,
        "id": format!("synthetic-{total}"), "version": "1",
        "title": {"vi": format!("Bộ tiêu chí tổng hợp {total} tiêu chí")},
        "unit_type": "khac", "status": "model",
        "decision": {"number": "0/QĐ-TEST"},
        "years": {"from": 2021},
        "total_max": total,
        "split": {"self_scored": total - fields, "survey": fields},
        "bands": [{"label": {"vi": "Đạt"}, "from": 50}, {"label": {"vi": "Chưa đạt"}, "from": 0, "to": 50}],
        "fields": field_nodes,
    });
    file.to_string()
}

/// Answers to every item of `framework`, varied by `seed`.
pub fn answers(framework: &Framework, seed: u64) -> Answers {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut out = Answers {
        year: 2025,
        ..Answers::default()
    };
    for node in framework.items() {
        let Some(rule) = node.rule() else { continue };
        let r = next();
        let value = match rule {
            Rule::YesNo { .. } => Value::YesNo { yes: r % 2 == 0 },
            Rule::Levels { levels } => Value::Level {
                id: levels[r as usize % levels.len()].id.clone(),
            },
            Rule::PercentBands { .. } | Rule::Proportional { .. } => {
                let d = 1 + r % 100;
                Value::Ratio {
                    numerator: next() % (d + 1),
                    denominator: d,
                }
            }
            Rule::CountBands { .. } | Rule::PerCount { .. } => Value::Count { count: r % 5 },
            Rule::Checklist { items } => Value::Checklist {
                ticked: items
                    .iter()
                    .filter(|_| next() % 2 == 0)
                    .map(|c| c.id.clone())
                    .collect(),
            },
            Rule::Survey { .. } => Value::Estimate {
                points: Points((r % 101) as i64).min(node.max),
            },
        };
        out.items.insert(
            node.code.clone(),
            Answer {
                value: Some(value),
                explanation: "Giải trình".into(),
                ..Answer::default()
            },
        );
    }
    out
}
