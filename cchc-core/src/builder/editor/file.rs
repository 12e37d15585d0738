//! The form to a framework file and back.
//!
//! Writing never refuses: a value that reads (points "0,5", a year "2026") is written as the
//! format has it, and one that does not is written as the text typed, so the loader names it at
//! its place. Reading is lenient the other way: any framework file, even one the loader refuses
//! (the builder's work with items still open), opens in the form with what could be read.

use serde_json::{Map, Value, json};

use super::*;
use crate::builder::assemble::{Built, ItemState, NodeKind};
use crate::builder::wording;
use crate::framework::{FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION};
use crate::points::Percent;

/// Points as the format writes them, or the text as typed when it is not points; `None` when
/// nothing is typed (the key is then left out, and the loader says it is missing if it must be
/// there).
fn points(typed: &str) -> Option<Value> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    Some(match Points::parse(t) {
        Ok(p) => wording::number(p),
        Err(_) => Value::String(t.to_string()),
    })
}

fn percent(typed: &str) -> Option<Value> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    Some(match Percent::parse(t) {
        Ok(p) => wording::number(Points(p.hundredths())),
        Err(_) => Value::String(t.to_string()),
    })
}

/// A whole number (a year, a count), or the text as typed.
fn whole(typed: &str) -> Option<Value> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    Some(match t.parse::<u64>() {
        Ok(n) => json!(n),
        Err(_) => Value::String(t.to_string()),
    })
}

fn text(t: &TextForm) -> Value {
    let mut m = Map::new();
    m.insert("vi".into(), json!(t.vi.trim()));
    if !t.en.trim().is_empty() {
        m.insert("en".into(), json!(t.en.trim()));
    }
    Value::Object(m)
}

/// A text with a default for labels the scoring shows but a decision often leaves unsaid.
fn text_or(t: &TextForm, vi: &str, en: &str) -> Value {
    if t.vi.trim().is_empty() {
        json!({"vi": vi, "en": en})
    } else {
        text(t)
    }
}

fn put(m: &mut Map<String, Value>, key: &str, v: Option<Value>) {
    if let Some(v) = v {
        m.insert(key.into(), v);
    }
}

fn put_text(m: &mut Map<String, Value>, key: &str, t: &TextForm) {
    if !t.vi.trim().is_empty() {
        m.insert(key.into(), text(t));
    }
}

fn choices(list: &[ChoiceForm]) -> Value {
    list.iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("id".into(), json!(c.id.trim()));
            m.insert("label".into(), text(&c.label));
            put(&mut m, "points", points(&c.points));
            Value::Object(m)
        })
        .collect()
}

fn band(b: &BandForm, m: &mut Map<String, Value>) {
    put(m, "from", percent(&b.from));
    if !b.from_inclusive {
        m.insert("from_inclusive".into(), json!(false));
    }
    put(m, "to", percent(&b.to));
    if b.to_inclusive && !b.to.trim().is_empty() {
        m.insert("to_inclusive".into(), json!(true));
    }
}

fn rule(r: &RuleForm) -> Option<Value> {
    let kind = r.kind?;
    let mut m = Map::new();
    m.insert("kind".into(), json!(kind.code()));
    let ratio = |m: &mut Map<String, Value>| {
        m.insert(
            "numerator".into(),
            text_or(
                &r.numerator,
                "Số đạt yêu cầu",
                "Number meeting the requirement",
            ),
        );
        m.insert(
            "denominator".into(),
            text_or(&r.denominator, "Tổng số", "Total"),
        );
        m.insert("when_denominator_zero".into(), json!(r.when_zero.code()));
    };
    match kind {
        RuleKind::YesNo => put(&mut m, "yes_points", points(&r.yes_points)),
        RuleKind::Levels => {
            m.insert("levels".into(), choices(&r.levels));
        }
        RuleKind::PercentBands => {
            ratio(&mut m);
            let bands = r
                .bands
                .iter()
                .map(|b| {
                    let mut bm = Map::new();
                    band(b, &mut bm);
                    put(&mut bm, "points", points(&b.points));
                    Value::Object(bm)
                })
                .collect();
            m.insert("bands".into(), bands);
        }
        RuleKind::Proportional => {
            ratio(&mut m);
            put(&mut m, "full_at_percent", percent(&r.full_at_percent));
        }
        RuleKind::CountBands => {
            m.insert("count".into(), text_or(&r.count, "Số lượng", "Count"));
            let bands = r
                .count_bands
                .iter()
                .map(|b| {
                    let mut bm = Map::new();
                    put(&mut bm, "from", whole(&b.from));
                    put(&mut bm, "to", whole(&b.to));
                    put(&mut bm, "points", points(&b.points));
                    Value::Object(bm)
                })
                .collect();
            m.insert("bands".into(), bands);
        }
        RuleKind::PerCount => {
            m.insert("count".into(), text_or(&r.count, "Số lần", "Count"));
            put(&mut m, "points_each", points(&r.points_each));
        }
        RuleKind::Checklist => {
            m.insert("items".into(), choices(&r.checklist));
        }
        RuleKind::Survey => put_text(&mut m, "method", &r.method),
    }
    Some(Value::Object(m))
}

fn node(n: &NodeForm, is_field: bool) -> Value {
    let mut m = Map::new();
    m.insert("code".into(), json!(n.code.trim()));
    m.insert("title".into(), text(&n.title));
    put(&mut m, "max", points(&n.max));
    if is_field && n.block != Block::Regular {
        let kind = if n.block == Block::Bonus {
            "bonus"
        } else {
            "penalty"
        };
        m.insert("kind".into(), json!(kind));
    }
    put_text(&mut m, "guidance", &n.guidance);
    put_text(&mut m, "evidence", &n.evidence);
    if !n.source.trim().is_empty() {
        m.insert("source".into(), json!(n.source.trim()));
    }
    if n.allow_not_applicable {
        m.insert("allow_not_applicable".into(), json!(true));
    }
    if n.allow_no_task {
        m.insert("allow_no_task".into(), json!(true));
    }
    if n.is_group() {
        let children = n.children.iter().map(|c| node(c, false)).collect();
        m.insert("children".into(), children);
    } else {
        put(&mut m, "rule", rule(&n.rule));
    }
    Value::Object(m)
}

/// The survey part: the survey items of the ordinary fields, where each max reads as points.
pub fn survey_sum(form: &FrameworkForm) -> Option<Points> {
    fn walk(n: &NodeForm) -> Option<Points> {
        if n.is_group() {
            n.children.iter().map(walk).sum()
        } else if n.rule.kind == Some(RuleKind::Survey) {
            Points::parse(&n.max).ok()
        } else {
            Some(Points::ZERO)
        }
    }
    form.fields
        .iter()
        .filter(|f| f.block == Block::Regular)
        .map(walk)
        .sum()
}

/// The framework file the form stands for, as the loader will read it.
pub fn to_value(form: &FrameworkForm) -> Value {
    let mut file = Map::new();
    file.insert("format".into(), json!(FRAMEWORK_FORMAT));
    file.insert("format_version".into(), json!(FRAMEWORK_FORMAT_VERSION));
    file.insert("id".into(), json!(form.id.trim()));
    file.insert("version".into(), json!(form.version.trim()));
    file.insert("title".into(), text(&form.title));
    file.insert("unit_type".into(), json!(form.unit_type.trim()));
    if form.is_official() {
        file.insert("status".into(), json!("official"));
    } else {
        file.insert("status".into(), json!("model"));
        file.insert(
            "status_note".into(),
            text_or(
                &form.status_note,
                "Chưa ghi số và ngày của quyết định ban hành bộ tiêu chí",
                "The decision's number and date are not set yet",
            ),
        );
    }
    let mut decision = Map::new();
    decision.insert("number".into(), json!(form.decision_number.trim()));
    if !form.decision_date.trim().is_empty() {
        decision.insert("date".into(), json!(form.decision_date.trim()));
    }
    if !form.issuer.trim().is_empty() {
        decision.insert("issuer".into(), json!(form.issuer.trim()));
    }
    file.insert("decision".into(), Value::Object(decision));
    let mut years = Map::new();
    put(&mut years, "from", whole(&form.year_from));
    years.insert("to".into(), whole(&form.year_to).unwrap_or(Value::Null));
    file.insert("years".into(), Value::Object(years));
    put(&mut file, "total_max", points(&form.total_max));
    // The split follows from the tree; when the total or a survey max does not read, it is left
    // out and the problem is named where it was typed.
    if let (Ok(total), Some(survey)) = (Points::parse(&form.total_max), survey_sum(form)) {
        file.insert(
            "split".into(),
            json!({"self_scored": wording::number(total - survey), "survey": wording::number(survey)}),
        );
    }
    let bands = form
        .bands
        .iter()
        .map(|b| {
            let mut m = Map::new();
            m.insert("label".into(), text(&b.label));
            band(b, &mut m);
            Value::Object(m)
        })
        .collect();
    file.insert("bands".into(), bands);
    let fields = form.fields.iter().map(|f| node(f, true)).collect();
    file.insert("fields".into(), fields);
    Value::Object(file)
}

// Reading a file into the form.

fn read_text(v: Option<&Value>) -> TextForm {
    match v {
        Some(Value::Object(m)) => TextForm {
            vi: m
                .get("vi")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            en: m
                .get("en")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        },
        Some(Value::String(s)) => TextForm::vi(s.clone()),
        _ => TextForm::default(),
    }
}

fn read_string(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Points as the officer would type them (`0,5`), or what was written when it does not read.
fn read_points(v: Option<&Value>) -> String {
    let raw = read_string(v);
    Points::parse(&raw).map_or(raw, |p| p.format_short(Lang::Vi))
}

fn read_percent(v: Option<&Value>) -> String {
    let raw = read_string(v);
    Percent::parse(&raw).map_or(raw, |p| p.format_short(Lang::Vi))
}

fn read_bool(v: Option<&Value>, default: bool) -> bool {
    v.and_then(Value::as_bool).unwrap_or(default)
}

fn list(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn read_choices(v: Option<&Value>) -> Vec<ChoiceForm> {
    list(v)
        .iter()
        .map(|c| ChoiceForm {
            id: read_string(c.get("id")),
            label: read_text(c.get("label")),
            points: read_points(c.get("points")),
        })
        .collect()
}

fn read_band(b: &Value) -> BandForm {
    BandForm {
        from: read_percent(b.get("from")),
        from_inclusive: read_bool(b.get("from_inclusive"), true),
        to: read_percent(b.get("to")),
        to_inclusive: read_bool(b.get("to_inclusive"), false),
        points: read_points(b.get("points")),
        label: read_text(b.get("label")),
    }
}

fn read_rule(v: Option<&Value>) -> RuleForm {
    let Some(r) = v else {
        return RuleForm::default();
    };
    let kind = r
        .get("kind")
        .and_then(Value::as_str)
        .and_then(RuleKind::from_code);
    let when_zero = r
        .get("when_denominator_zero")
        .and_then(Value::as_str)
        .and_then(WhenZeroForm::from_code)
        .unwrap_or_default();
    let bands = list(r.get("bands"));
    RuleForm {
        kind,
        yes_points: read_points(r.get("yes_points")),
        levels: read_choices(r.get("levels")),
        numerator: read_text(r.get("numerator")),
        denominator: read_text(r.get("denominator")),
        when_zero,
        bands: if kind == Some(RuleKind::PercentBands) {
            bands.iter().map(read_band).collect()
        } else {
            Vec::new()
        },
        full_at_percent: read_percent(r.get("full_at_percent")),
        count: read_text(r.get("count")),
        count_bands: if kind == Some(RuleKind::CountBands) {
            bands
                .iter()
                .map(|b| CountBandForm {
                    from: read_string(b.get("from")),
                    to: read_string(b.get("to")),
                    points: read_points(b.get("points")),
                })
                .collect()
        } else {
            Vec::new()
        },
        points_each: read_points(r.get("points_each")),
        checklist: read_choices(r.get("items")),
        method: read_text(r.get("method")),
    }
}

impl FrameworkForm {
    fn read_node(&mut self, v: &Value, block: Block) -> NodeForm {
        let block = match v.get("kind").and_then(Value::as_str) {
            Some("bonus") => Block::Bonus,
            Some("penalty") => Block::Penalty,
            _ => block,
        };
        let mut n = self.new_node(read_string(v.get("code")));
        n.title = read_text(v.get("title"));
        n.max = read_points(v.get("max"));
        n.block = block;
        n.guidance = read_text(v.get("guidance"));
        n.evidence = read_text(v.get("evidence"));
        n.source = read_string(v.get("source"));
        n.allow_not_applicable = read_bool(v.get("allow_not_applicable"), false);
        n.allow_no_task = read_bool(v.get("allow_no_task"), false);
        n.rule = read_rule(v.get("rule"));
        n.children = list(v.get("children"))
            .iter()
            .map(|c| self.read_node(c, block))
            .collect();
        n
    }

    /// Opens any framework file in the form: what the file does not say is left empty, never
    /// made up, so the checks name it.
    pub fn from_value(v: &Value) -> FrameworkForm {
        let decision = v.get("decision");
        let years = v.get("years");
        let mut form = FrameworkForm {
            id: read_string(v.get("id")),
            version: read_string(v.get("version")),
            title: read_text(v.get("title")),
            unit_type: read_string(v.get("unit_type")),
            decision_number: read_string(decision.and_then(|d| d.get("number"))),
            decision_date: read_string(decision.and_then(|d| d.get("date"))),
            issuer: read_string(decision.and_then(|d| d.get("issuer"))),
            marked_official: v.get("status").and_then(Value::as_str) == Some("official"),
            status_note: read_text(v.get("status_note")),
            year_from: read_string(years.and_then(|y| y.get("from"))),
            year_to: read_string(years.and_then(|y| y.get("to"))),
            total_max: read_points(v.get("total_max")),
            bands: list(v.get("bands")).iter().map(read_band).collect(),
            fields: Vec::new(),
            next_key: 0,
        };
        form.fields = list(v.get("fields"))
            .iter()
            .map(|f| form.read_node(f, Block::Regular))
            .collect();
        form
    }

    /// The builder's work carried into the form. What the builder could not settle stays open
    /// here: an item that needs a choice, or whose band edges are not confirmed, comes without a
    /// chosen kind (what was read is kept, one choice away), and a missing maximum stays empty.
    pub fn from_built(built: &Built) -> FrameworkForm {
        let mut form = FrameworkForm::from_value(&built.framework);
        // The builder's rule: official as soon as the decision is named and dated.
        form.marked_official = true;
        // The builder writes its nodes in the order it lists them.
        let keys: Vec<NodeKey> = form.rows().iter().map(|r| r.key).collect();
        for (key, shown) in keys.into_iter().zip(&built.nodes) {
            let Some(n) = form.node_mut(key) else {
                continue;
            };
            if shown.max.is_none() {
                n.max.clear();
            }
            if let NodeKind::Item { state, .. } = &shown.kind
                && matches!(
                    state,
                    ItemState::NeedsChoice { .. } | ItemState::EdgesOpen { .. }
                )
            {
                n.rule.kind = None;
            }
        }
        form
    }
}

/// Why a file cannot be opened in the form at all. Anything that is a framework file opens,
/// however wrong inside: its problems are then the form's to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    NotJson,
    /// JSON, but not a framework file (a submission, a unit list): its `format`, if any.
    NotAFrameworkFile(String),
    UnsupportedFormatVersion(u64),
}

impl OpenError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (OpenError::NotJson, Lang::Vi) => {
                "Tệp này không phải tệp bộ tiêu chí (.json): không đọc được nội dung. Hãy chọn tệp bộ tiêu chí đã tải về từ ứng dụng, hoặc dựng bộ tiêu chí từ Phụ lục (.docx, .xlsx) ở trên.".into()
            }
            (OpenError::NotJson, Lang::En) => {
                "This is not a framework file (.json): its content could not be read. Choose a framework file downloaded from the app, or build one from the annex (.docx, .xlsx) above.".into()
            }
            (OpenError::NotAFrameworkFile(f), Lang::Vi) if f == "cchc-submission" => {
                "Đây là tệp nộp bản tự đánh giá, không phải tệp bộ tiêu chí; hãy mở nó ở trang chính.".into()
            }
            (OpenError::NotAFrameworkFile(f), Lang::En) if f == "cchc-submission" => {
                "This is a self-assessment submission, not a framework file; open it on the main page.".into()
            }
            (OpenError::NotAFrameworkFile(_), Lang::Vi) => {
                "Tệp JSON này không phải tệp bộ tiêu chí (thiếu “format”: “cchc-framework”).".into()
            }
            (OpenError::NotAFrameworkFile(_), Lang::En) => {
                "This JSON file is not a framework file (it lacks “format”: “cchc-framework”).".into()
            }
            (OpenError::UnsupportedFormatVersion(v), Lang::Vi) => format!(
                "Tệp bộ tiêu chí theo định dạng phiên bản {v}, mới hơn ứng dụng này (phiên bản {FRAMEWORK_FORMAT_VERSION}); hãy dùng bản ứng dụng mới hơn."
            ),
            (OpenError::UnsupportedFormatVersion(v), Lang::En) => format!(
                "The framework file is in format version {v}, newer than this app's ({FRAMEWORK_FORMAT_VERSION}); use a newer version of the app."
            ),
        }
    }
}

/// Opens a framework file's text in the form.
pub fn open_text(text: &str) -> Result<FrameworkForm, OpenError> {
    let v: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| OpenError::NotJson)?;
    let format = v.get("format").and_then(Value::as_str).unwrap_or_default();
    if format != FRAMEWORK_FORMAT {
        return Err(OpenError::NotAFrameworkFile(format.to_string()));
    }
    let version = v.get("format_version").and_then(Value::as_u64).unwrap_or(0);
    if version != u64::from(FRAMEWORK_FORMAT_VERSION) {
        return Err(OpenError::UnsupportedFormatVersion(version));
    }
    Ok(FrameworkForm::from_value(&v))
}
