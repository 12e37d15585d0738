//! Exact points and percentages.
//!
//! Every point value is a whole number of hundredths (`Points(150)` is 1,50 điểm). The one place
//! that rounds is [`div_round`]: half away from zero, to the nearest hundredth. Item points are
//! rounded once there; criterion, field and total points are sums of rounded item points, so the
//! parts shown always add up to the total shown. Percentages are computed from rounded points and
//! rounded the same way.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::Lang;

/// Points in hundredths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Points(pub i64);

/// A percentage in hundredths of a percent (`Percent(9045)` is 90,45 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(pub i64);

/// Divides `num` by `den`, rounding half away from zero. `den` must be positive; a zero or
/// negative one gives zero rather than a panic.
pub fn div_round(num: i128, den: i128) -> i128 {
    if den <= 0 {
        return 0;
    }
    let (q, r) = (num / den, num % den);
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

/// A wide value narrowed to hundredths, saturating at the ends of `i64` instead of wrapping.
fn saturate(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

impl Points {
    pub const ZERO: Points = Points(0);

    pub fn hundredths(self) -> i64 {
        self.0
    }

    pub fn from_whole(n: i64) -> Points {
        Points(n.saturating_mul(100))
    }

    /// `self × num ÷ den`, rounded to hundredths. A zero denominator gives zero.
    pub fn scale(self, num: u64, den: u64) -> Points {
        if den == 0 {
            return Points::ZERO;
        }
        Points(saturate(div_round(
            i128::from(self.0) * i128::from(num),
            i128::from(den),
        )))
    }

    /// This value as a share of `max`, in hundredths of a percent. A zero maximum gives zero.
    pub fn percent_of(self, max: Points) -> Percent {
        if max.0 <= 0 {
            return Percent(0);
        }
        Percent(saturate(div_round(
            i128::from(self.0) * 10_000,
            i128::from(max.0),
        )))
    }

    pub fn min(self, other: Points) -> Points {
        std::cmp::min(self, other)
    }

    pub fn max(self, other: Points) -> Points {
        std::cmp::max(self, other)
    }

    /// Parses `12`, `0.5`, `2.25`, `0,5` (Vietnamese comma) or `-1.5`; at most two decimals.
    pub fn parse(s: &str) -> Result<Points, PointsError> {
        parse_hundredths(s).map(Points)
    }

    /// Formats with two decimals, using the language's decimal separator: `1,50` or `1.50`.
    pub fn format(self, lang: Lang) -> String {
        format_hundredths(self.0, lang)
    }

    /// Formats without trailing zeros, `1,5`, `2`, for prose and explanations.
    pub fn format_short(self, lang: Lang) -> String {
        format_short_hundredths(self.0, lang)
    }
}

impl Percent {
    pub fn hundredths(self) -> i64 {
        self.0
    }

    pub fn from_whole(n: i64) -> Percent {
        Percent(n.saturating_mul(100))
    }

    /// `numerator ÷ denominator` as a percentage, rounded once to hundredths (half away from
    /// zero). A zero denominator gives 0 %; a ratio beyond what an `i64` of hundredths holds
    /// saturates rather than wrapping. Scoring compares ratios with band edges exactly (see
    /// `Range::contains_ratio`); this is for showing them.
    pub fn of_ratio(numerator: u64, denominator: u64) -> Percent {
        if denominator == 0 {
            return Percent(0);
        }
        Percent(saturate(div_round(
            i128::from(numerator) * 10_000,
            i128::from(denominator),
        )))
    }

    pub fn parse(s: &str) -> Result<Percent, PointsError> {
        parse_hundredths(s).map(Percent)
    }

    pub fn format(self, lang: Lang) -> String {
        format_hundredths(self.0, lang)
    }

    pub fn format_short(self, lang: Lang) -> String {
        format_short_hundredths(self.0, lang)
    }
}

/// Why a written number is not a valid point value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PointsError {
    NotANumber(String),
    TooManyDecimals(String),
    TooLarge(String),
}

impl fmt::Display for PointsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PointsError::NotANumber(s) => write!(f, "“{s}” không phải là một số"),
            PointsError::TooManyDecimals(s) => {
                write!(f, "“{s}” có quá hai chữ số thập phân")
            }
            PointsError::TooLarge(s) => write!(f, "“{s}” quá lớn"),
        }
    }
}

fn parse_hundredths(raw: &str) -> Result<i64, PointsError> {
    let s = raw.trim();
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (whole, frac) = match digits.find(['.', ',']) {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, ""),
    };
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
        return Err(PointsError::NotANumber(raw.to_string()));
    }
    // serde_json writes 1.0 for a float one; trailing zeros beyond two decimals are harmless.
    let frac = frac.trim_end_matches('0');
    if frac.len() > 2 {
        return Err(PointsError::TooManyDecimals(raw.to_string()));
    }
    let whole_value: i64 = if whole.is_empty() {
        0
    } else {
        whole
            .parse::<i64>()
            .ok()
            .filter(|w| *w < 1_000_000_000_000)
            .ok_or_else(|| PointsError::TooLarge(raw.to_string()))?
    };
    let mut frac_value: i64 = 0;
    for (i, b) in frac.bytes().enumerate() {
        frac_value += i64::from(b - b'0') * if i == 0 { 10 } else { 1 };
    }
    let value = whole_value * 100 + frac_value;
    Ok(if negative { -value } else { value })
}

fn separator(lang: Lang) -> char {
    match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    }
}

fn format_hundredths(v: i64, lang: Lang) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    format!("{sign}{}{}{:02}", a / 100, separator(lang), a % 100)
}

fn format_short_hundredths(v: i64, lang: Lang) -> String {
    format_short_wide(i128::from(v), lang)
}

/// Hundredths of any size, without trailing zeros (`1,5`, `2`), for texts that show a value
/// wider than `Points` or `Percent` hold, such as a ratio far above 100 %.
pub fn format_short_wide(v: i128, lang: Lang) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    let (whole, frac) = (a / 100, a % 100);
    let sep = separator(lang);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}{sep}{}", f / 10),
        f => format!("{sign}{whole}{sep}{f:02}"),
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_hundredths(self.0, Lang::En))
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_hundredths(self.0, Lang::En))
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, rhs: Points) -> Points {
        Points(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Points {
    fn add_assign(&mut self, rhs: Points) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl Sub for Points {
    type Output = Points;
    fn sub(self, rhs: Points) -> Points {
        Points(self.0.saturating_sub(rhs.0))
    }
}

impl Neg for Points {
    type Output = Points;
    fn neg(self) -> Points {
        Points(self.0.saturating_neg())
    }
}

impl Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

/// Both are written in files as decimal strings (`"1.50"`) so that no reader turns them into
/// binary floating point; both read numbers and strings.
macro_rules! decimal_serde {
    ($t:ident) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&format_hundredths(self.0, Lang::En))
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let text = match serde_json::Value::deserialize(d)? {
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::String(s) => s,
                    other => {
                        return Err(serde::de::Error::custom(format!("cần một số, gặp {other}")));
                    }
                };
                parse_hundredths(&text)
                    .map($t)
                    .map_err(serde::de::Error::custom)
            }
        }
    };
}

decimal_serde!(Points);
decimal_serde!(Percent);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_points_written_every_way_a_person_writes_them() {
        assert_eq!(Points::parse("1"), Ok(Points(100)));
        assert_eq!(Points::parse("0.5"), Ok(Points(50)));
        assert_eq!(Points::parse("0,25"), Ok(Points(25)));
        assert_eq!(Points::parse(".5"), Ok(Points(50)));
        assert_eq!(Points::parse("2.50"), Ok(Points(250)));
        assert_eq!(Points::parse("1.0"), Ok(Points(100)));
        assert_eq!(Points::parse("-1.5"), Ok(Points(-150)));
        assert_eq!(Points::parse(" 3 "), Ok(Points(300)));
    }

    #[test]
    fn refuses_what_is_not_an_exact_two_decimal_number() {
        assert!(matches!(
            Points::parse("0.125"),
            Err(PointsError::TooManyDecimals(_))
        ));
        assert!(matches!(
            Points::parse("abc"),
            Err(PointsError::NotANumber(_))
        ));
        assert!(matches!(Points::parse(""), Err(PointsError::NotANumber(_))));
        assert!(matches!(
            Points::parse("1e3"),
            Err(PointsError::NotANumber(_))
        ));
        assert!(matches!(
            Points::parse("1.2.3"),
            Err(PointsError::NotANumber(_))
        ));
        assert!(matches!(
            Points::parse("99999999999999999999"),
            Err(PointsError::TooLarge(_))
        ));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(15, 10), 2);
        assert_eq!(div_round(25, 10), 3);
        assert_eq!(div_round(1, 3), 0);
        assert_eq!(div_round(2, 3), 1);
    }

    #[test]
    fn formats_with_the_vietnamese_decimal_comma() {
        assert_eq!(Points(150).format(Lang::Vi), "1,50");
        assert_eq!(Points(150).format(Lang::En), "1.50");
        assert_eq!(Points(150).format_short(Lang::Vi), "1,5");
        assert_eq!(Points(200).format_short(Lang::Vi), "2");
        assert_eq!(Points(225).format_short(Lang::Vi), "2,25");
        assert_eq!(Points(5).format_short(Lang::En), "0.05");
        assert_eq!(Points(-25).format(Lang::Vi), "-0,25");
    }

    #[test]
    fn two_thirds_of_three_points_is_two() {
        assert_eq!(Points(300).scale(2, 3), Points(200));
        assert_eq!(Points(100).scale(1, 3), Points(33));
        assert_eq!(Points(100).scale(2, 3), Points(67));
        assert_eq!(Points(100).scale(1, 0), Points(0));
    }

    #[test]
    fn a_ratio_is_a_percentage_rounded_once_and_never_wraps() {
        assert_eq!(Percent::of_ratio(2, 3), Percent(6667));
        assert_eq!(Percent::of_ratio(1, 8), Percent(1250));
        assert_eq!(Percent::of_ratio(12, 10), Percent(12_000));
        assert_eq!(Percent::of_ratio(5, 0), Percent(0));
        assert_eq!(Percent::of_ratio(u64::MAX, 1), Percent(i64::MAX));
        assert_eq!(
            format_short_wide(i128::from(u64::MAX) * 10_000, Lang::Vi),
            "1844674407370955161500"
        );
    }

    #[test]
    fn point_arithmetic_saturates_instead_of_overflowing() {
        assert_eq!(Points(i64::MAX) + Points(1), Points(i64::MAX));
        assert_eq!(Points(i64::MIN) - Points(1), Points(i64::MIN));
        assert_eq!(-Points(i64::MIN), Points(i64::MAX));
        assert_eq!(Points(i64::MAX).scale(3, 1), Points(i64::MAX));
    }

    #[test]
    fn percent_is_rounded_to_two_decimals() {
        // Nam Định 2020: 62,62 of 70 published as 89,46 % (89,457…).
        assert_eq!(Points(6262).percent_of(Points(7000)), Percent(8946));
        assert_eq!(Points(0).percent_of(Points(0)), Percent(0));
    }

    #[test]
    fn reads_json_numbers_and_strings_and_writes_strings() {
        let p: Points = serde_json::from_str("0.1").unwrap();
        assert_eq!(p, Points(10));
        let p: Points = serde_json::from_str("\"2.25\"").unwrap();
        assert_eq!(p, Points(225));
        let p: Points = serde_json::from_str("7").unwrap();
        assert_eq!(p, Points(700));
        assert_eq!(serde_json::to_string(&Points(50)).unwrap(), "\"0.50\"");
        assert!(serde_json::from_str::<Points>("0.123").is_err());
        assert!(serde_json::from_str::<Points>("true").is_err());
    }
}
