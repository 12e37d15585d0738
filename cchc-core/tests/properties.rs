//! Invariants of scoring, over random answers to every shipped framework and the test framework.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use cchc_core::framework::{Block, Rule};
use cchc_core::{Answer, Answers, Framework, Points, Value, score};
use proptest::prelude::*;

const MINI: &str = include_str!("cases/frameworks/mini.json");

fn frameworks() -> Vec<Framework> {
    let mut all = vec![Framework::from_json(MINI).unwrap()];
    all.extend(
        cchc_core::builtin::frameworks()
            .into_iter()
            .map(Result::unwrap),
    );
    all
}

/// The texts of [`frameworks`], in the same order.
fn framework_texts() -> Vec<&'static str> {
    let mut all = vec![MINI];
    all.extend(cchc_core::builtin::FRAMEWORK_FILES.iter().map(|(_, t)| *t));
    all
}

/// The framework file with its fields and every list of children in reverse order: the same
/// items under the same codes, in other positions.
fn reversed(text: &str) -> String {
    fn walk(v: &mut serde_json::Value) {
        if let Some(children) = v.get_mut("children").and_then(|c| c.as_array_mut()) {
            children.reverse();
            children.iter_mut().for_each(walk);
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    let fields = v["fields"].as_array_mut().unwrap();
    fields.reverse();
    fields.iter_mut().for_each(walk);
    v.to_string()
}

/// Random raw material for one item's answer; `answer_for` turns it into a value that fits (or,
/// sometimes, does not fit) the item's rule.
type Seed = (u8, u64, u64, bool, u8);

fn seeds() -> impl Strategy<Value = Vec<Seed>> {
    prop::collection::vec((0u8..12, 0u64..300, 0u64..300, any::<bool>(), 0u8..8), 120)
}

fn answer_for(rule: &Rule, (choice, a, b, flag, pick): Seed) -> Option<Value> {
    match choice {
        0 => return None,
        1 => {
            return Some(Value::NotApplicable {
                reason: if flag { "Lý do".into() } else { String::new() },
            });
        }
        2 => return Some(Value::NoTask),
        3 => return Some(Value::Count { count: a }),
        _ => {}
    }
    Some(match rule {
        Rule::YesNo { .. } => Value::YesNo { yes: flag },
        Rule::Levels { levels } => Value::Level {
            id: levels[pick as usize % levels.len()].id.clone(),
        },
        Rule::PercentBands { .. } | Rule::Proportional { .. } => Value::Ratio {
            numerator: a,
            denominator: if flag { b } else { a.max(b) },
        },
        Rule::CountBands { .. } | Rule::PerCount { .. } => Value::Count { count: a % 12 },
        Rule::Checklist { items } => Value::Checklist {
            ticked: items
                .iter()
                .enumerate()
                .filter(|(i, _)| (pick >> (i % 8)) & 1 == 1)
                .map(|(_, c)| c.id.clone())
                .collect::<BTreeSet<_>>(),
        },
        Rule::Survey { .. } => Value::Estimate {
            points: Points((a * 3) as i64),
        },
    })
}

fn random_answers(fw: &Framework, seeds: &[Seed]) -> Answers {
    let mut answers = Answers {
        year: 2025,
        ..Answers::default()
    };
    for (node, seed) in fw.items().into_iter().zip(seeds.iter().cycle()) {
        let explanation = if seed.3 {
            "Giải trình".to_string()
        } else {
            String::new()
        };
        if let Some(value) = answer_for(node.rule().unwrap(), *seed) {
            answers.items.insert(
                node.code.clone(),
                Answer {
                    value: Some(value),
                    explanation,
                    ..Answer::default()
                },
            );
        }
    }
    answers
}

/// Answers that earn every item its max (the evidence register holds one in-year document).
fn full_answers(fw: &Framework) -> Answers {
    let mut answers = Answers {
        year: 2025,
        ..Answers::default()
    };
    answers.evidence.push(cchc_core::Evidence {
        id: "e".into(),
        date: Some("2025-06-01".into()),
        ..Default::default()
    });
    for node in fw.items() {
        let value = match node.rule().unwrap() {
            _ if node.block != Block::Regular => Value::Count { count: 0 },
            Rule::YesNo { .. } => Value::YesNo { yes: true },
            Rule::Levels { levels } => Value::Level {
                id: levels.iter().max_by_key(|l| l.points).unwrap().id.clone(),
            },
            Rule::PercentBands { .. } | Rule::Proportional { .. } => Value::Ratio {
                numerator: 1,
                denominator: 1,
            },
            Rule::CountBands { bands, .. } => Value::Count {
                count: bands.iter().max_by_key(|b| b.points).unwrap().from,
            },
            Rule::PerCount { .. } => Value::Count { count: 0 },
            Rule::Checklist { items } => Value::Checklist {
                ticked: items.iter().map(|c| c.id.clone()).collect(),
            },
            Rule::Survey { .. } => Value::Estimate { points: node.max },
        };
        // Bonus and penalty items answered with a count only fit count rules; others get "no".
        let value = match (node.block, node.rule().unwrap()) {
            (Block::Regular, _) => value,
            (_, Rule::CountBands { .. } | Rule::PerCount { .. }) => Value::Count { count: 0 },
            (_, Rule::YesNo { .. }) => Value::YesNo { yes: false },
            _ => continue,
        };
        answers.items.insert(
            node.code.clone(),
            Answer {
                value: Some(value),
                evidence: vec!["e".into()],
                ..Answer::default()
            },
        );
    }
    answers
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn likely_total_is_the_total_recomputed_without_the_points_at_risk(seeds in seeds()) {
        for fw in frameworks() {
            let sc = score(&fw, &random_answers(&fw, &seeds));
            // Rebuild the tree with every item's points at risk removed, applying the caps.
            fn kept(node: &cchc_core::Node, sc: &cchc_core::Scorecard) -> Points {
                let s = sc.node(&node.code).unwrap();
                if node.is_item() {
                    return s.points - s.at_risk;
                }
                let sum: Points = node.children().iter().map(|c| kept(c, sc)).sum();
                match node.block {
                    Block::Regular => sum,
                    Block::Bonus | Block::Penalty => sum.min(node.max),
                }
            }
            let by_block = |b: Block| -> Points {
                fw.fields.iter().filter(|f| f.block == b).map(|f| kept(f, &sc)).sum()
            };
            let raw = by_block(Block::Regular) + sc.survey + by_block(Block::Bonus) - by_block(Block::Penalty);
            prop_assert_eq!(sc.likely_total, raw.max(Points::ZERO).min(sc.applicable_max));
        }
    }

    #[test]
    fn points_stay_between_zero_and_max_everywhere(seeds in seeds()) {
        for fw in frameworks() {
            let sc = score(&fw, &random_answers(&fw, &seeds));
            for node in fw.walk() {
                let s = sc.node(&node.code).unwrap();
                prop_assert!(s.points >= Points::ZERO && s.points <= node.max, "{} {}", node.code, s.points);
                prop_assert!(s.survey_points >= Points::ZERO && s.survey_points <= node.max);
                prop_assert!(s.applicable_max <= node.max);
                prop_assert!(s.at_risk >= Points::ZERO && s.at_risk <= s.points.max(Points::ZERO));
            }
            prop_assert!(sc.total >= Points::ZERO && sc.total <= sc.applicable_max);
            prop_assert!(sc.likely_total <= sc.total);
            prop_assert!(sc.index.0 >= 0 && sc.index.0 <= 10_000);
            prop_assert!(sc.answered <= sc.applicable);
        }
    }

    #[test]
    fn totals_equal_the_sum_of_their_parts(seeds in seeds()) {
        for fw in frameworks() {
            let sc = score(&fw, &random_answers(&fw, &seeds));
            for node in fw.walk().into_iter().filter(|n| !n.is_item() && n.block == Block::Regular) {
                let sum: Points = node.children().iter().map(|c| sc.node(&c.code).unwrap().points).sum();
                prop_assert_eq!(sc.node(&node.code).unwrap().points, sum);
            }
            let fields: Points = sc.fields.iter().filter(|f| f.block == Block::Regular).map(|f| f.points).sum();
            prop_assert_eq!(sc.self_scored, fields);
            let raw = sc.self_scored + sc.survey + sc.bonus - sc.penalty;
            prop_assert_eq!(sc.total, raw.max(Points::ZERO).min(sc.applicable_max));
        }
    }

    #[test]
    fn reordering_the_framework_or_the_register_changes_no_score(seeds in seeds(), dated in any::<u64>()) {
        for (text, fw) in framework_texts().iter().zip(frameworks()) {
            let mut answers = random_answers(&fw, &seeds);
            // Cite documents, some dated inside the year, some outside, some undated, so that
            // the evidence check has something to weigh.
            for i in 0..4u64 {
                answers.evidence.push(cchc_core::Evidence {
                    id: format!("e{i}"),
                    date: match dated >> (2 * i) & 3 {
                        0 => None,
                        1 => Some("2025-03-01".into()),
                        _ => Some("2024-03-01".into()),
                    },
                    ..Default::default()
                });
            }
            for (k, answer) in answers.items.values_mut().enumerate() {
                if (dated >> (k % 64)) & 1 == 1 {
                    answer.evidence = vec![format!("e{}", k % 4), format!("e{}", (k + 1) % 4)];
                }
            }
            let reordered = Framework::from_json(&reversed(text)).unwrap();
            prop_assert_ne!(&reordered.fields[0].code, &fw.fields[0].code);
            let mut shuffled = answers.clone();
            shuffled.evidence.reverse();
            let (a, b) = (score(&fw, &answers), score(&reordered, &shuffled));
            for node in fw.walk() {
                let (x, y) = (a.node(&node.code).unwrap(), b.node(&node.code).unwrap());
                prop_assert_eq!(
                    (x.points, x.survey_points, x.applicable_max, x.at_risk, x.status, &x.issues),
                    (y.points, y.survey_points, y.applicable_max, y.at_risk, y.status, &y.issues),
                    "{}", node.code
                );
            }
            prop_assert_eq!(
                (a.total, a.index, a.likely_total, a.at_risk, a.bonus, a.penalty, a.answered),
                (b.total, b.index, b.likely_total, b.at_risk, b.bonus, b.penalty, b.answered)
            );
        }
    }

    #[test]
    fn marking_items_not_applicable_never_lowers_a_full_score(mask in any::<u64>()) {
        for fw in frameworks() {
            let mut answers = full_answers(&fw);
            prop_assert_eq!(score(&fw, &answers).index.0, 10_000, "{} is not full", fw.id);
            for (i, node) in fw.items().iter().filter(|n| n.allow_not_applicable).enumerate() {
                if mask >> (i % 64) & 1 == 1 {
                    answers.items.get_mut(&node.code).unwrap().value =
                        Some(Value::NotApplicable { reason: "Không có nhiệm vụ".into() });
                }
            }
            prop_assert_eq!(score(&fw, &answers).index.0, 10_000);
        }
    }

    #[test]
    fn a_higher_ratio_never_earns_fewer_points(n in 0u64..1000, d in 1u64..1000, extra in 0u64..1000) {
        for fw in frameworks() {
            for node in fw.items() {
                if !matches!(node.rule(), Some(Rule::PercentBands { .. } | Rule::Proportional { .. })) {
                    continue;
                }
                let at = |num: u64| {
                    let mut a = Answers { year: 2025, ..Answers::default() };
                    a.items.insert(node.code.clone(), Answer {
                        value: Some(Value::Ratio { numerator: num.min(d), denominator: d }),
                        ..Answer::default()
                    });
                    score(&fw, &a).node(&node.code).unwrap().points
                };
                prop_assert!(at(n) <= at(n + extra), "{} {n}/{d}", node.code);
            }
        }
    }
}
