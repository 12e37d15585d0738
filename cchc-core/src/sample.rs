//! The sample unit trainers demonstrate with: a complete, plausible self-assessment of a
//! framework — a unit that does most things well, some late or partly, cites real-looking
//! documents, explains what it lacks and marks what does not apply to it. Deterministic.

use crate::answer::{Answer, Evidence, Value};
use crate::draft::{Draft, FrameworkRef, UnitRef};
use crate::framework::{Block, Framework, Rule};

/// The id under which the sample is opened (never stored).
pub const SAMPLE_DRAFT_ID: &str = "mau";

fn documents(year: u16) -> Vec<Evidence> {
    let doc =
        |id: &str, number: &str, date: &str, issuer: &str, title: &str, section: &str| Evidence {
            id: id.into(),
            number: number.into(),
            date: Some(format!("{year}-{date}")),
            issuer: issuer.into(),
            title: title.into(),
            section: section.into(),
            link: String::new(),
        };
    vec![
        doc(
            "tl1",
            "05/KH-SNV",
            "01-08",
            "Sở Nội vụ",
            "Kế hoạch cải cách hành chính năm",
            "Mục II",
        ),
        doc(
            "tl2",
            "112/BC-SNV",
            "06-15",
            "Sở Nội vụ",
            "Báo cáo cải cách hành chính 6 tháng",
            "Phụ lục 1",
        ),
        doc(
            "tl3",
            "245/BC-SNV",
            "11-20",
            "Sở Nội vụ",
            "Báo cáo kết quả cải cách hành chính năm",
            "Mục I, II",
        ),
        doc(
            "tl4",
            "38/QĐ-SNV",
            "03-02",
            "Sở Nội vụ",
            "Quyết định ban hành kế hoạch kiểm tra",
            "Điều 1",
        ),
        doc(
            "tl5",
            "19/KH-SNV",
            "02-20",
            "Sở Nội vụ",
            "Kế hoạch tuyên truyền cải cách hành chính",
            "Mục III",
        ),
    ]
}

/// A complete sample self-assessment of `framework` for `year`.
pub fn draft(framework: &Framework, year: u16) -> Draft {
    let mut d = Draft::new(
        SAMPLE_DRAFT_ID.into(),
        FrameworkRef::of(framework),
        UnitRef {
            id: None,
            name: "Đơn vị mẫu (thực hành)".into(),
        },
        year,
        format!("{year}-11-20T08:00:00Z"),
    );
    d.answers.evidence = documents(year);
    d.remarks = "Khó khăn: số hóa hồ sơ còn chậm do thiếu thiết bị.\nĐề xuất: tỉnh hỗ trợ máy quét cho bộ phận một cửa.".into();
    for (i, node) in framework.items().into_iter().enumerate() {
        let Some(rule) = node.rule() else { continue };
        // Every seventh item falls short in some way, so the sample shows points being lost.
        let short = i % 7 == 3;
        let value = match rule {
            _ if node.allow_not_applicable && i % 11 == 5 => Value::NotApplicable {
                reason: "Đơn vị không có nhiệm vụ này trong năm".into(),
            },
            _ if node.block == Block::Penalty => Value::Count {
                count: u64::from(short),
            },
            Rule::YesNo { .. } => Value::YesNo {
                yes: !short || node.block == Block::Bonus && i % 2 == 0,
            },
            Rule::Levels { levels } => {
                let mut by_points: Vec<_> = levels.iter().collect();
                by_points.sort_by_key(|l| std::cmp::Reverse(l.points));
                let pick = if short {
                    by_points.get(1).unwrap_or(&by_points[0])
                } else {
                    by_points[0]
                };
                Value::Level {
                    id: pick.id.clone(),
                }
            }
            Rule::PercentBands { .. } | Rule::Proportional { .. } => Value::Ratio {
                numerator: if short { 78 } else { 96 },
                denominator: 100,
            },
            Rule::CountBands { bands, .. } => {
                let best = bands.iter().max_by_key(|b| b.points).map_or(0, |b| b.from);
                Value::Count {
                    count: if short { best.saturating_sub(1) } else { best },
                }
            }
            Rule::PerCount { .. } => Value::Count {
                count: u64::from(!short),
            },
            Rule::Checklist { items } => Value::Checklist {
                ticked: items
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| !short || *k % 2 == 0)
                    .map(|(_, c)| c.id.clone())
                    .collect(),
            },
            Rule::Survey { .. } => Value::Estimate {
                points: node.max.scale(4, 5),
            },
        };
        let claims = !matches!(value, Value::NotApplicable { .. } | Value::Estimate { .. });
        let evidence = if claims && i % 9 != 4 {
            vec![format!("tl{}", 1 + i % 5)]
        } else {
            Vec::new()
        };
        let explanation = if claims && evidence.is_empty() {
            "Tài liệu đang được bổ sung, sẽ gửi kèm báo cáo chính thức.".to_string()
        } else {
            String::new()
        };
        d.answers.items.insert(
            node.code.clone(),
            Answer {
                value: Some(value),
                evidence,
                explanation,
                note: String::new(),
            },
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::check_import;
    use crate::{builtin, score};

    #[test]
    fn the_sample_is_complete_plausible_and_imports_cleanly_for_every_shipped_framework() {
        for fw in builtin::frameworks().into_iter().flatten() {
            let d = draft(&fw, 2025);
            let sc = score(&fw, &d.answers);
            assert_eq!(
                sc.answered, sc.applicable,
                "{}: every applicable item answered",
                fw.id
            );
            assert!(
                sc.self_index > crate::Percent::from_whole(70),
                "{}: a good unit, {}",
                fw.id,
                sc.self_index
            );
            assert!(
                sc.self_index < crate::Percent::from_whole(100),
                "{}: with points to gain",
                fw.id
            );
            assert!(
                sc.issues(&fw).iter().all(|(_, i)| !i.is_error()),
                "{}: {:?}",
                fw.id,
                sc.issues(&fw)
            );
            assert!(check_import(&d.export(&fw, "mau"), &[&fw]).is_ok());
        }
    }
}
