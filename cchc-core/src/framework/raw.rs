//! The framework file as written: its JSON read key by key, so that every wrong type, unknown
//! key, missing key or badly written number is reported at its own place and reading goes on past
//! it. Only `framework::load` uses this; the checks of meaning (sums, bands, codes) are there.

use serde_json::{Map, Value};

use super::problem::{FrameworkError, Problem};
use crate::points::{Percent, Points, PointsError};
use crate::text::Text;

/// Where the problems found are collected.
pub type Problems = Vec<FrameworkError>;

pub fn report(out: &mut Problems, path: &str, problem: Problem) {
    out.push(FrameworkError {
        path: path.to_string(),
        problem,
    });
}

/// `path.key`, or `key` at the top of the file.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The keys each object of the file may have.
pub const HEADER_KEYS: &[&str] = &[
    "format",
    "format_version",
    "id",
    "version",
    "title",
    "unit_type",
    "status",
    "status_note",
    "decision",
    "years",
    "total_max",
    "split",
    "bands",
    "fields",
];
pub const TEXT_KEYS: &[&str] = &["vi", "en"];
pub const DECISION_KEYS: &[&str] = &["number", "date", "issuer"];
pub const YEARS_KEYS: &[&str] = &["from", "to"];
pub const SPLIT_KEYS: &[&str] = &["self_scored", "survey"];
pub const CLASS_BAND_KEYS: &[&str] = &["label", "from", "from_inclusive", "to", "to_inclusive"];
pub const NODE_KEYS: &[&str] = &[
    "code",
    "title",
    "max",
    "kind",
    "guidance",
    "evidence",
    "source",
    "allow_not_applicable",
    "allow_no_task",
    "children",
    "rule",
];
pub const YES_NO_KEYS: &[&str] = &["kind", "yes_points"];
pub const LEVELS_KEYS: &[&str] = &["kind", "levels"];
pub const CHECKLIST_KEYS: &[&str] = &["kind", "items"];
pub const CHOICE_KEYS: &[&str] = &["id", "label", "points"];
pub const PERCENT_BANDS_KEYS: &[&str] = &[
    "kind",
    "numerator",
    "denominator",
    "when_denominator_zero",
    "bands",
];
pub const POINTS_BAND_KEYS: &[&str] = &["points", "from", "from_inclusive", "to", "to_inclusive"];
pub const PROPORTIONAL_KEYS: &[&str] = &[
    "kind",
    "numerator",
    "denominator",
    "full_at_percent",
    "when_denominator_zero",
];
pub const COUNT_BANDS_KEYS: &[&str] = &["kind", "count", "bands"];
pub const COUNT_BAND_KEYS: &[&str] = &["from", "to", "points"];
pub const PER_COUNT_KEYS: &[&str] = &["kind", "count", "points_each"];
pub const SURVEY_KEYS: &[&str] = &["kind", "method"];

/// A value as it is shown in a message: scalars as written, long strings shortened (at a space),
/// objects and lists elided.
pub fn shown(v: &Value) -> String {
    const LONG: usize = 40;
    match v {
        Value::Object(_) => "{…}".into(),
        Value::Array(_) => "[…]".into(),
        Value::String(s) if s.chars().count() > LONG => {
            // Cut at a space, not inside a word, when there is one.
            let short: String = s.chars().take(LONG).collect();
            let short = match short.rfind(char::is_whitespace) {
                Some(i) if i > 0 => &short[..i],
                _ => &short,
            };
            format!("\"{}…\"", short.trim_end())
        }
        other => other.to_string(),
    }
}

/// A value of the file read as a Rust value, or the problem reported at `path`.
pub trait Read: Sized {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<Self>;
}

impl Read for String {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                report(out, path, Problem::NotAString(shown(other)));
                None
            }
        }
    }
}

impl Read for bool {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                report(out, path, Problem::NotTrueOrFalse(shown(other)));
                None
            }
        }
    }
}

/// A year: a whole number that fits the years the app keeps.
impl Read for u16 {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<u16> {
        let year = v.as_u64().and_then(|n| u16::try_from(n).ok());
        if year.is_none() {
            report(out, path, Problem::NotAYear(shown(v)));
        }
        year
    }
}

/// A count: a whole number, 0 or more.
impl Read for u64 {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<u64> {
        let count = v.as_u64();
        if count.is_none() {
            report(out, path, Problem::NotACount(shown(v)));
        }
        count
    }
}

/// Points and percentages, read as `Points` and `Percent` read themselves from JSON: a number
/// or a string, at most two decimals.
fn hundredths(
    v: &Value,
    path: &str,
    out: &mut Problems,
    parse: fn(&str) -> Result<i64, PointsError>,
) -> Option<i64> {
    let written = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        other => {
            report(out, path, Problem::NotANumber(shown(other)));
            return None;
        }
    };
    match parse(&written) {
        Ok(h) => Some(h),
        Err(PointsError::NotANumber(_)) => {
            report(out, path, Problem::NotANumber(shown(v)));
            None
        }
        Err(PointsError::TooManyDecimals(s)) => {
            report(out, path, Problem::TooManyDecimals(s));
            None
        }
        Err(PointsError::TooLarge(s)) => {
            report(out, path, Problem::NumberTooLarge(s));
            None
        }
    }
}

impl Read for Points {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<Points> {
        hundredths(v, path, out, |s| Points::parse(s).map(|p| p.0)).map(Points)
    }
}

impl Read for Percent {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<Percent> {
        hundredths(v, path, out, |s| Percent::parse(s).map(|p| p.0)).map(Percent)
    }
}

/// `{"vi": …, "en": …}`: a missing `vi` reads as empty (the loader says where a title needs
/// one), a missing or `null` `en` as none.
impl Read for Text {
    fn read(v: &Value, path: &str, out: &mut Problems) -> Option<Text> {
        let Value::Object(map) = v else {
            report(out, path, Problem::NotAText(shown(v)));
            return None;
        };
        let o = Obj {
            path: path.to_string(),
            map,
        };
        o.check_keys(TEXT_KEYS, out);
        let vi = o.or("vi", String::new(), out);
        let en = o.opt::<String>("en", out);
        Some(Text { vi: vi?, en: en? })
    }
}

/// One object of the file being read, with its path.
pub struct Obj<'v> {
    pub path: String,
    map: &'v Map<String, Value>,
}

impl<'v> Obj<'v> {
    /// `v` as an object, or a problem at `path`.
    pub fn open(v: &'v Value, path: &str, out: &mut Problems) -> Option<Obj<'v>> {
        match v {
            Value::Object(map) => Some(Obj {
                path: path.to_string(),
                map,
            }),
            other => {
                report(out, path, Problem::NotAnObject(shown(other)));
                None
            }
        }
    }

    /// Reports every key that is not one of `allowed`, at its own path.
    pub fn check_keys(&self, allowed: &'static [&'static str], out: &mut Problems) {
        for key in self.map.keys() {
            if !allowed.contains(&key.as_str()) {
                report(
                    out,
                    &self.at(key),
                    Problem::UnknownKey {
                        key: key.clone(),
                        allowed,
                    },
                );
            }
        }
    }

    pub fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value of `key` as written, `null` counting as left out.
    pub fn present(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A key that must be there (a missing key is reported at this object's path).
    pub fn req<T: Read>(&self, key: &'static str, out: &mut Problems) -> Option<T> {
        match self.map.get(key) {
            None => {
                report(out, &self.path, Problem::MissingKey(key));
                None
            }
            Some(v) => T::read(v, &self.at(key), out),
        }
    }

    /// A key that may be left out or `null`. `None`: it is written, and wrong.
    pub fn opt<T: Read>(&self, key: &str, out: &mut Problems) -> Option<Option<T>> {
        match self.map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => T::read(v, &self.at(key), out).map(Some),
        }
    }

    /// A key that may be left out (it is then `default`), but not `null`.
    pub fn or<T: Read>(&self, key: &str, default: T, out: &mut Problems) -> Option<T> {
        match self.map.get(key) {
            None => Some(default),
            Some(v) => T::read(v, &self.at(key), out),
        }
    }

    /// A list that must be there.
    pub fn list(&self, key: &'static str, out: &mut Problems) -> Option<&'v [Value]> {
        match self.map.get(key) {
            None => {
                report(out, &self.path, Problem::MissingKey(key));
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                report(out, &self.at(key), Problem::NotAList(shown(other)));
                None
            }
        }
    }

    /// An object that must be there.
    pub fn object(&self, key: &'static str, out: &mut Problems) -> Option<Obj<'v>> {
        match self.map.get(key) {
            None => {
                report(out, &self.path, Problem::MissingKey(key));
                None
            }
            Some(v) => Obj::open(v, &self.at(key), out),
        }
    }
}
