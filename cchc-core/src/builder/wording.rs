//! The scoring-method wording of a decision's annex ("Cách chấm điểm", "Hướng dẫn") read into a
//! rule in the framework file's JSON shape.
//!
//! Decisions write their methods in a handful of shapes (named levels, Có/Không, percentage bands,
//! counts, per occurrence, a checklist of sub-points, proportional, survey). The reader recognises
//! those shapes in the wording, accent- and case-insensitively, and otherwise refuses: a rule the
//! officer has to confirm is better than a rule that scores silently wrong. Every reading carries
//! the byte ranges of the words that decided it, so the builder can show why.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value as Json, json};

use crate::framework::{Block, RuleKind};
use crate::points::{Percent, Points};
use crate::text::{Lang, fold_diacritics};

/// What the wording of one item says, with the words that said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    pub outcome: Outcome,
    /// Byte ranges of the text (on char boundaries), in order and not overlapping, whose words
    /// decided the reading, to highlight.
    pub decisive: Vec<Range<usize>>,
    /// "Không phát sinh … được điểm tối đa": the unit may declare nothing to do this year.
    pub allow_no_task: bool,
    /// "Không áp dụng …", "không đánh giá đối với …": the item may leave a unit's maximum.
    pub allow_not_applicable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A rule in the framework file's JSON shape (docs/framework-format.md), to be written into a
    /// framework file as is; `open_edges` are percentage edges the officer must confirm.
    Read {
        rule: Json,
        open_edges: Vec<OpenEdge>,
    },
    NeedsChoice(Unread),
}

/// A percentage edge the wording leaves open: "trên 90%: 2 điểm; từ 70% - 90%: 1 điểm" puts
/// exactly 90 % in the middle band read literally, but decisions also write "- 90%" meaning
/// "dưới 90%". The rule holds the reading that covers 0–100 % (the literal one where it can).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenEdge {
    pub at: Percent,
    /// Byte range of the band's words in the text.
    pub words: Range<usize>,
    /// Those words as written, for the message.
    pub written: String,
}

/// Why the wording was not read into a rule: the officer chooses the rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unread {
    Empty,
    NoShapeFound,
    PointsAboveMax {
        points: Points,
    },
    /// The best level gives less than the item's maximum: no unit could reach it.
    TopBelowMax {
        top: Points,
    },
    /// Sub-points listed a), b), … that do not add up to the maximum.
    ChecklistDoesNotAddUp {
        sum: Points,
    },
    /// "Tùy mức độ, từ 0 đến 1 điểm": a range of points, not levels.
    PointsRange {
        from: Points,
        to: Points,
    },
    /// A number that is not a point value (more than two decimals, too large).
    BadNumber {
        written: String,
    },
    /// Percentages that do not make a band ("từ 90% đến 70%", "trên 120%").
    BandsUnordered {
        written: String,
    },
    BandGap {
        at: Percent,
    },
    BandOverlap {
        at: Percent,
    },
    CountGap {
        at: u64,
    },
    CountOverlap {
        at: u64,
    },
    /// Survey wording in a bonus or penalty field, where survey items cannot sit.
    SurveyOutsideRegular,
    /// Points per occurrence of more than one kind of thing ("mỗi văn bản bị hủy … mỗi văn bản
    /// bị sửa đổi …"): one rule counts one thing.
    SeveralCounts,
    /// The wording fits more than one shape; the rule kinds (their codes) it fits.
    Ambiguous {
        shapes: Vec<String>,
    },
}

impl Unread {
    pub fn message(&self, lang: Lang) -> String {
        let p = |v: &Points| v.format_short(lang);
        let pc = |v: &Percent| v.format_short(lang);
        match (self, lang) {
            (Unread::Empty, Lang::Vi) => {
                "Chưa có nội dung cách chấm điểm: cần nhập nội dung hoặc chọn cách chấm.".into()
            }
            (Unread::Empty, Lang::En) => {
                "There is no scoring method text: enter it or choose how the item is scored.".into()
            }
            (Unread::NoShapeFound, Lang::Vi) => {
                "Không nhận ra cách chấm điểm trong nội dung: cần chọn cách chấm.".into()
            }
            (Unread::NoShapeFound, Lang::En) => {
                "No scoring method was recognised in the text: choose how the item is scored."
                    .into()
            }
            (Unread::PointsAboveMax { points }, Lang::Vi) => format!(
                "Văn bản cho {} điểm, vượt điểm tối đa của tiêu chí: cần kiểm tra điểm tối đa hoặc chọn cách chấm.",
                p(points)
            ),
            (Unread::PointsAboveMax { points }, Lang::En) => format!(
                "The text gives {} points, more than the item's maximum: check the maximum or choose how the item is scored.",
                p(points)
            ),
            (Unread::TopBelowMax { top }, Lang::Vi) => format!(
                "Mức cao nhất trong văn bản chỉ được {} điểm, thấp hơn điểm tối đa nên không đơn vị nào đạt được điểm tối đa: cần kiểm tra điểm tối đa hoặc chọn cách chấm.",
                p(top)
            ),
            (Unread::TopBelowMax { top }, Lang::En) => format!(
                "The best level in the text gives only {} points, less than the item's maximum, so no unit could reach it: check the maximum or choose how the item is scored.",
                p(top)
            ),
            (Unread::ChecklistDoesNotAddUp { sum }, Lang::Vi) => format!(
                "Các nội dung a), b), … cộng lại được {} điểm, khác điểm tối đa: cần kiểm tra lại điểm từng nội dung.",
                p(sum)
            ),
            (Unread::ChecklistDoesNotAddUp { sum }, Lang::En) => format!(
                "The sub-items a), b), … add up to {} points, not the item's maximum: check each sub-item's points.",
                p(sum)
            ),
            (Unread::PointsRange { from, to }, Lang::Vi) => format!(
                "Văn bản cho một khoảng điểm (từ {} đến {}) tùy mức độ, không ghi rõ từng mức: cần chọn các mức chấm.",
                p(from),
                p(to)
            ),
            (Unread::PointsRange { from, to }, Lang::En) => format!(
                "The text gives a range of points ({} to {}) by degree, without naming the levels: choose the levels.",
                p(from),
                p(to)
            ),
            (Unread::BadNumber { written }, Lang::Vi) => format!(
                "Không đọc được số “{written}” (điểm chỉ có tối đa hai chữ số thập phân): cần chọn cách chấm."
            ),
            (Unread::BadNumber { written }, Lang::En) => format!(
                "“{written}” cannot be read as points (at most two decimals): choose how the item is scored."
            ),
            (Unread::BandsUnordered { written }, Lang::Vi) => format!(
                "Không xếp được các khoảng tỷ lệ “{written}” theo thứ tự từ 0% đến 100%: cần nhập lại các khoảng."
            ),
            (Unread::BandsUnordered { written }, Lang::En) => format!(
                "The percentages “{written}” do not make bands from 0% to 100%: enter the bands."
            ),
            (Unread::BandGap { at }, Lang::Vi) => format!(
                "Các khoảng tỷ lệ trong văn bản bỏ sót mức {}%: cần bổ sung khoảng cho mức này.",
                pc(at)
            ),
            (Unread::BandGap { at }, Lang::En) => format!(
                "The percentage bands in the text leave out {}%: add a band for it.",
                pc(at)
            ),
            (Unread::BandOverlap { at }, Lang::Vi) => format!(
                "Mức {}% nằm trong hai khoảng tỷ lệ của văn bản: cần xác định khoảng đúng.",
                pc(at)
            ),
            (Unread::BandOverlap { at }, Lang::En) => format!(
                "{}% falls in two of the text's percentage bands: decide which one it belongs to.",
                pc(at)
            ),
            (Unread::CountGap { at }, Lang::Vi) => format!(
                "Văn bản không có mức điểm cho số lượng {at}: cần bổ sung mức này."
            ),
            (Unread::CountGap { at }, Lang::En) => {
                format!("The text gives no points for a count of {at}: add that level.")
            }
            (Unread::CountOverlap { at }, Lang::Vi) => format!(
                "Số lượng {at} nằm trong hai mức của văn bản: cần xác định mức đúng."
            ),
            (Unread::CountOverlap { at }, Lang::En) => {
                format!("A count of {at} falls in two of the text's levels: decide which one.")
            }
            (Unread::SurveyOutsideRegular, Lang::Vi) => {
                "Nội dung chấm qua điều tra xã hội học không thể nằm trong phần điểm thưởng hoặc điểm trừ: cần chọn cách chấm.".into()
            }
            (Unread::SurveyOutsideRegular, Lang::En) => {
                "An item scored by the sociological survey cannot sit among bonus or penalty points: choose how the item is scored.".into()
            }
            (Unread::SeveralCounts, Lang::Vi) => {
                "Văn bản tính điểm theo nhiều loại việc khác nhau: cần tách thành nhiều tiêu chí hoặc chọn cách chấm.".into()
            }
            (Unread::SeveralCounts, Lang::En) => {
                "The text gives points for several different kinds of occurrence: split the item or choose how it is scored.".into()
            }
            (Unread::Ambiguous { shapes }, lang) => {
                let names: Vec<&str> = shapes
                    .iter()
                    .map(|s| RuleKind::from_code(s).map_or(s.as_str(), |k| k.label(lang)))
                    .collect();
                let names = names.join(", ");
                match lang {
                    Lang::Vi => format!(
                        "Nội dung có thể hiểu theo nhiều cách chấm ({names}): cần chọn cách chấm."
                    ),
                    Lang::En => format!(
                        "The text can be read as more than one scoring method ({names}): choose one."
                    ),
                }
            }
        }
    }
}

impl OpenEdge {
    pub fn message(&self, lang: Lang) -> String {
        let at = self.at.format_short(lang);
        match lang {
            Lang::Vi => format!(
                "Mức {at}% nằm ở khoảng nào? Văn bản ghi “{}” — cần xác nhận.",
                self.written
            ),
            Lang::En => format!(
                "Which band does exactly {at}% fall in? The text says “{}” — please confirm.",
                self.written
            ),
        }
    }
}

/// Reads the scoring-method wording of one item whose maximum is `max`, sitting in `block`.
pub fn read(text: &str, max: Points, block: Block) -> Reading {
    let source = Source::new(text);
    let mut reader = Reader {
        s: &source,
        max,
        block,
        decisive: Vec::new(),
        open_edges: Vec::new(),
    };
    let awards = reader.awards();
    let (mut allow_no_task, allow_not_applicable) = reader.flags(&awards);
    let outcome = match reader.outcome(&awards) {
        Ok(rule) => Outcome::Read {
            rule,
            open_edges: std::mem::take(&mut reader.open_edges),
        },
        Err(unread) => Outcome::NeedsChoice(unread),
    };
    // The province's survey scores the item whatever the unit's year held, so "không phát sinh"
    // beside survey wording cannot become "no task" (the loader refuses that pair).
    if matches!(&outcome, Outcome::Read { rule, .. } if rule["kind"] == "survey") {
        allow_no_task = false;
    }
    let decisive = source.merged(&reader.decisive);
    Reading {
        outcome,
        decisive,
        allow_no_task,
        allow_not_applicable,
    }
}

// ---------------------------------------------------------------------------------------------
// The text, folded for matching, and its tokens.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Word,
    Num,
    Sym(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    /// Byte offsets in the folded text.
    start: usize,
    end: usize,
}

struct Source<'a> {
    text: &'a str,
    folded: String,
    /// For every byte of `folded`, the offset in `text` of the character it came from; one more
    /// entry, `text.len()`, for the end.
    origin: Vec<usize>,
    toks: Vec<Tok>,
}

/// Matching compares words without accents, so "khong dat" and "Không đạt" read the same.
impl<'a> Source<'a> {
    fn new(text: &'a str) -> Source<'a> {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        for (at, c) in text.char_indices() {
            let mut buf = [0u8; 4];
            for f in fold_diacritics(c.encode_utf8(&mut buf)).chars() {
                let f = match f {
                    '–' | '—' | '−' | '‐' | '‑' | '‒' => '-',
                    '\u{a0}' | '\t' | '\r' | '\u{2007}' | '\u{202f}' => ' ',
                    '；' => ';',
                    '：' => ':',
                    '％' => '%',
                    other => other,
                };
                for _ in 0..f.len_utf8() {
                    origin.push(at);
                }
                folded.push(f);
            }
        }
        origin.push(text.len());
        let toks = tokens(&folded);
        Source {
            text,
            folded,
            origin,
            toks,
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn tok_text(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.folded.get(t.start..t.end))
            .unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn word(&self, i: usize) -> Option<&str> {
        (self.kind(i) == Some(Kind::Word)).then(|| self.tok_text(i))
    }

    fn num(&self, i: usize) -> Option<&str> {
        (self.kind(i) == Some(Kind::Num)).then(|| self.tok_text(i))
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn is_word_in(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|w| ws.contains(&w))
    }

    fn is_sym(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Sym(c))
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.kind(i) {
            Some(Kind::Sym(c)) => Some(c),
            _ => None,
        }
    }

    /// Token `i - back`, if there is one.
    fn before(i: usize, back: usize) -> Option<usize> {
        i.checked_sub(back)
    }

    fn words_at(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().enumerate().all(|(k, w)| self.is_word(i + k, w))
    }

    /// The first token index in `within` where the words `ws` follow one another.
    fn find_words(&self, within: Range<usize>, ws: &[&str]) -> Option<usize> {
        within.into_iter().find(|&i| self.words_at(i, ws))
    }

    /// ";", a line break, a sentence's full stop: the end of a part of the wording.
    fn is_separator(&self, i: usize) -> bool {
        match self.sym(i) {
            Some(';' | '\n' | '!' | '?') => true,
            // "a. Có kế hoạch", "2. Có báo cáo": a bullet's full stop does not end a part.
            Some('.') => !Source::before(i, 1).is_some_and(|b| {
                let bullet =
                    self.num(b).is_some() || self.word(b).is_some_and(|w| w.chars().count() == 1);
                let starts =
                    Source::before(b, 1).is_none_or(|p| matches!(self.sym(p), Some(';' | '\n')));
                bullet && starts
            }),
            _ => false,
        }
    }

    /// Word `i` is `folded`, and where the text has accents, it is `accented`: "nhân" (times)
    /// is not "nhận", "thì" is not "thi".
    fn is_written(&self, i: usize, folded: &str, accented: &str) -> bool {
        self.is_word(i, folded) && {
            let written = self.written(i..i + 1).to_lowercase();
            written == folded || written == accented
        }
    }

    /// The folded byte range of tokens `toks`.
    fn span(&self, toks: Range<usize>) -> Range<usize> {
        let start = self
            .toks
            .get(toks.start)
            .map_or(self.folded.len(), |t| t.start);
        let end = toks
            .end
            .checked_sub(1)
            .and_then(|last| self.toks.get(last))
            .map_or(start, |t| t.end);
        start..end.max(start)
    }

    /// The range of `text` that folded bytes `r` came from.
    fn original(&self, r: Range<usize>) -> Range<usize> {
        let at = |k: usize| self.origin.get(k).copied().unwrap_or(self.text.len());
        let (start, end) = (at(r.start), at(r.end));
        start..end.max(start)
    }

    /// The words of tokens `toks` as written, runs of white space made one space.
    fn written(&self, toks: Range<usize>) -> String {
        let r = self.original(self.span(toks));
        self.text
            .get(r)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Folded ranges made ranges of `text`, sorted, touching ones joined.
    fn merged(&self, folded: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = folded
            .iter()
            .map(|r| self.original(r.clone()))
            .filter(|r| r.start < r.end)
            .collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut out: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match out.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => out.push(r),
            }
        }
        out
    }
}

fn tokens(folded: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(folded.len(), |(at, _)| *at);
    let mut toks = Vec::new();
    let mut k = 0;
    while let Some(&(start, c)) = chars.get(k) {
        if c.is_whitespace() && c != '\n' {
            k += 1;
            continue;
        }
        let is_digit = |k: usize| chars.get(k).is_some_and(|(_, c)| c.is_ascii_digit());
        let kind = if c.is_ascii_digit() {
            while is_digit(k) {
                k += 1;
            }
            // One decimal separator, written either way, when a digit follows it.
            if chars.get(k).is_some_and(|(_, c)| *c == ',' || *c == '.') && is_digit(k + 1) {
                k += 1;
                while is_digit(k) {
                    k += 1;
                }
            }
            Kind::Num
        } else if c.is_alphabetic() {
            while chars.get(k).is_some_and(|(_, c)| c.is_alphabetic()) {
                k += 1;
            }
            Kind::Word
        } else {
            k += 1;
            Kind::Sym(c)
        };
        toks.push(Tok {
            kind,
            start,
            end: end_of(k),
        });
    }
    toks
}

// ---------------------------------------------------------------------------------------------
// Awards ("1 điểm", ": 0,5", "điểm tối đa") and the clauses they end.

#[derive(Debug, Clone)]
enum Worth {
    Points(Points),
    Max,
    Bad(String),
}

#[derive(Debug, Clone)]
struct Award {
    toks: Range<usize>,
    worth: Worth,
    /// After "×", "x", "nhân": a factor of a formula, not the points of a level.
    factor: bool,
    /// Inside "( … )".
    in_parens: bool,
    /// "0,5 điểm/văn bản", "trừ 0,5 điểm mỗi văn bản": the thing counted.
    per: Option<Range<usize>>,
    /// "0 - 1 điểm", "từ 0,5 đến 1 điểm": the lower end of a range of points.
    range_from: Option<String>,
    /// "1 điểm nếu có, 0 điểm nếu không": the level's words after its points.
    after: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
enum Bullet {
    None,
    Letter(String),
    Mark,
}

#[derive(Debug, Clone)]
struct Clause {
    /// The words that name the level, cleaned of bullets and connectors.
    label: Range<usize>,
    /// The words a condition is read from (a band, a count), as written before the points.
    cond: Range<usize>,
    bullet: Bullet,
    points: Points,
    award: usize,
    /// Folded bytes from the label to the end of the points.
    span: Range<usize>,
}

/// "không phát sinh", "không có nhiệm vụ": nothing to do this year.
const NO_TASK: [&[&str]; 5] = [
    &["khong", "phat", "sinh"],
    &["khong", "co", "phat", "sinh"],
    &["khong", "co", "nhiem", "vu"],
    &["khong", "duoc", "giao"],
    &["khong", "co", "van", "ban", "phai"],
];

struct Reader<'s, 'a> {
    s: &'s Source<'a>,
    max: Points,
    block: Block,
    /// Folded byte ranges.
    decisive: Vec<Range<usize>>,
    open_edges: Vec<OpenEdge>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Band {
    from: Percent,
    from_inclusive: bool,
    /// Written without "từ"/"trên" ("70% - 90%"): the side was left to the reader.
    from_open: bool,
    to: Percent,
    to_inclusive: bool,
    /// Written "đến"/"-" alone: inclusive read literally, but decisions also mean "dưới".
    to_open: bool,
}

#[derive(Debug, Clone)]
struct PercentCond {
    band: Band,
    words: Range<usize>,
}

#[derive(Debug, Clone)]
struct CountCond {
    from: u64,
    to: Option<u64>,
    noun: Option<Range<usize>>,
}

/// How surely the wording gives the item to the province's survey.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Survey {
    /// "do tỉnh thực hiện", "do Sở Nội vụ tổ chức".
    Run,
    /// "điều tra xã hội học", "ĐTXHH", "SIPAS".
    Instrument,
    /// "khảo sát sự hài lòng": a unit may run one too.
    Mentioned,
}

/// The part of the percentage scale no band takes, as a band.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Uncovered {
    from: Percent,
    from_inclusive: bool,
    to: Percent,
    to_inclusive: bool,
}

impl Reader<'_, '_> {
    fn flags(&mut self, awards: &[Award]) -> (bool, bool) {
        let s = self.s;
        let mut no_task = false;
        let mut not_applicable = false;
        for part in self.parts(0..s.len()) {
            if let Some(t) = NO_TASK
                .iter()
                .filter_map(|ws| s.find_words(part.clone(), ws))
                .min()
            {
                let full = (t..part.end)
                    .find(|&i| s.words_at(i, &["toi", "da"]))
                    .map(|i| i + 2)
                    .or_else(|| {
                        awards
                            .iter()
                            .find(|a| {
                                a.toks.start > t
                                    && a.toks.end <= part.end
                                    && matches!(a.worth, Worth::Points(p) if p == self.max)
                            })
                            .map(|a| a.toks.end)
                    });
                if let Some(end) = full {
                    no_task = true;
                    self.decisive.push(s.span(t..end));
                }
            }
            let phrases: [&[&str]; 6] = [
                &["khong", "ap", "dung"],
                &["khong", "danh", "gia", "doi", "voi"],
                &["khong", "danh", "gia", "voi"],
                &["khong", "cham", "diem", "doi", "voi"],
                &["khong", "tinh", "diem", "doi", "voi"],
                &["khong", "cham", "doi", "voi"],
            ];
            if let Some(t) = phrases
                .iter()
                .filter_map(|ws| s.find_words(part.clone(), ws))
                .min()
            {
                not_applicable = true;
                self.decisive.push(s.span(t..part.end));
            }
        }
        (no_task, not_applicable)
    }

    /// Token ranges between separators.
    fn parts(&self, within: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = within.start;
        for i in within.clone() {
            if self.s.is_separator(i) {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
            }
        }
        if start < within.end {
            out.push(start..within.end);
        }
        out
    }

    fn awards(&self) -> Vec<Award> {
        let s = self.s;
        let n = s.len();
        let ends_clause = |j: usize| {
            j >= n
                || matches!(
                    s.sym(j),
                    Some(';' | ',' | '.' | '\n' | ')' | '!' | '?' | '/')
                )
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let found = if let Some(num) = s.num(i) {
                let unit = s.is_word(i + 1, "diem") || s.is_word(i + 1, "d");
                let after_colon = Source::before(i, 1).is_some_and(|p| {
                    matches!(s.sym(p), Some(':' | '=' | '×' | '*'))
                        || s.is_word_in(p, &["cong", "tru", "x"])
                });
                let end = if unit {
                    Some(i + 2)
                } else if after_colon && ends_clause(i + 1) {
                    Some(i + 1)
                } else {
                    None
                };
                end.map(|end| {
                    let worth = Points::parse(num)
                        .map_or_else(|_| Worth::Bad(num.to_string()), Worth::Points);
                    (end, worth)
                })
            } else if s.words_at(i, &["diem", "toi", "da"])
                && !(s.is_sym(i + 3, ':') || s.is_sym(i + 3, '=') || s.is_word(i + 3, "la"))
            {
                let mut end = i + 3;
                if s.is_word(end, "cua") {
                    while s.word(end).is_some() {
                        end += 1;
                    }
                }
                Some((end, Worth::Max))
            } else if s.words_at(i, &["toi", "da"])
                && Source::before(i, 1).is_some_and(|p| s.is_sym(p, ':'))
                && ends_clause(i + 2)
            {
                Some((i + 2, Worth::Max))
            } else if s.is_word(i, "khong")
                && s.is_word_in(i + 1, &["duoc", "tinh", "co", "cham"])
                && s.is_word(i + 2, "diem")
                && !s.is_word_in(i + 3, &["doi", "voi", "cho"])
            {
                // "không ban hành thì không được điểm": a level worth nothing.
                Some((i + 3, Worth::Points(Points::ZERO)))
            } else {
                None
            };
            let Some((mut end, worth)) = found else {
                i += 1;
                continue;
            };
            let factor = Source::before(i, 1).is_some_and(|p| {
                matches!(s.sym(p), Some('x' | '×' | '*' | '·' | '⋅'))
                    || s.is_word(p, "x")
                    || s.is_written(p, "nhan", "nhân")
                    || (s.is_word(p, "voi")
                        && Source::before(i, 2).is_some_and(|q| s.is_written(q, "nhan", "nhân")))
            });
            let in_parens = Source::before(i, 1).is_some_and(|p| s.is_sym(p, '('));
            let range_from = Source::before(i, 2).and_then(|q| {
                let joined = s.is_sym(q + 1, '-') || s.is_word_in(q + 1, &["den", "toi"]);
                let from = s.num(q)?;
                (joined && matches!(worth, Worth::Points(_))).then(|| from.to_string())
            });
            let mut per = None;
            // "1 điểm / không kịp thời: 0,5" separates levels; "0,5 điểm/văn bản" counts.
            let next_label = |k: usize| {
                s.is_sym(k, ':')
                    || s.is_sym(k, '=')
                    || s.word(k).is_some_and(|w| ["khong", "chua"].contains(&w))
            };
            if s.is_sym(end, '/') && s.word(end + 1).is_some() && !next_label(end + 1) {
                let mut k = end + 1;
                while s.word(k).is_some() {
                    k += 1;
                }
                if !next_label(k) {
                    per = Some(end + 1..k);
                    end = k;
                }
            } else {
                let mut k = end;
                for lead in [&["cho"][..], &["doi", "voi"], &["voi"]] {
                    if s.words_at(k, lead) {
                        k += lead.len();
                        break;
                    }
                }
                if s.is_written(k, "moi", "mỗi") && s.word(k + 1).is_some() {
                    let mut m = k + 1;
                    while s.word(m).is_some() {
                        m += 1;
                    }
                    per = Some(k + 1..m);
                    end = m;
                }
            }
            let mut after = None;
            if per.is_none() && s.is_word_in(end, &["neu", "khi"]) {
                let mut k = end + 1;
                while k < n && !s.is_separator(k) && !s.is_sym(k, ',') && !s.is_sym(k, '/') {
                    k += 1;
                }
                if k > end + 1 {
                    after = Some(end + 1..k);
                    end = k;
                }
            }
            out.push(Award {
                toks: i..end,
                worth,
                factor,
                in_parens,
                per,
                range_from,
                after,
            });
            i = end;
        }
        out
    }

    fn outcome(&mut self, awards: &[Award]) -> Result<Json, Unread> {
        let s = self.s;
        if s.text.trim().is_empty() {
            return Err(Unread::Empty);
        }
        for a in awards {
            if let Worth::Bad(written) = &a.worth {
                self.decisive.push(s.span(a.toks.clone()));
                return Err(Unread::BadNumber {
                    written: written.clone(),
                });
            }
        }
        let (clauses, factors) = self.clauses(awards)?;
        let survey = self.survey_words();
        let proportional = self.proportional_words(awards, &factors);

        if let Some((range, strength)) = survey {
            self.decisive.push(range);
            // The province's own instruments, named, settle it unless levels are listed too
            // (a unit may organise a survey of its own and be scored for doing so).
            let settled = match strength {
                Survey::Run => true,
                Survey::Instrument => clauses.is_empty(),
                Survey::Mentioned => clauses.is_empty() && proportional.is_none(),
            };
            if settled {
                if self.block != Block::Regular {
                    return Err(Unread::SurveyOutsideRegular);
                }
                return Ok(json!({"kind": "survey", "method": {"vi": s.text.trim()}}));
            }
            let other = if proportional.is_some() {
                RuleKind::Proportional
            } else {
                self.clause_kind_hint(&clauses, awards)
            };
            return Err(ambiguous(&[RuleKind::Survey, other]));
        }

        if let Some(range) = proportional {
            self.decisive.push(range);
            return self.proportional(&clauses, awards, &factors);
        }

        let per: Vec<&Clause> = clauses
            .iter()
            .filter(|c| self.is_per_count(c, awards))
            .collect();
        if !per.is_empty() || !factors.is_empty() {
            return self.per_count(&clauses, awards, &factors);
        }

        if clauses.is_empty() {
            return Err(Unread::NoShapeFound);
        }
        for c in &clauses {
            self.decisive.push(c.span.clone());
        }
        self.clause_family(&clauses, awards)
    }

    /// The clauses the awards end, with the flag and cap clauses taken out; and the factors.
    fn clauses(&mut self, awards: &[Award]) -> Result<(Vec<Clause>, Vec<usize>), Unread> {
        let s = self.s;
        let mut clauses = Vec::new();
        let mut factors = Vec::new();
        let mut prev_end = 0;
        for (k, a) in awards.iter().enumerate() {
            let seg_start = prev_end;
            prev_end = a.toks.end;
            let points = match a.worth {
                Worth::Points(p) => p,
                Worth::Max => self.max,
                Worth::Bad(_) => continue,
            };
            if a.factor {
                factors.push(k);
                continue;
            }
            // "điểm tối đa (1 điểm)" says the maximum twice.
            let restates = k > 0
                && a.in_parens
                && a.toks.start == seg_start + 1
                && awards
                    .get(k - 1)
                    .is_some_and(|prev| matches!(prev.worth, Worth::Max));
            // "Ban hành kế hoạch (1 điểm): …" is the title stating its maximum.
            let heading = a.in_parens && s.is_sym(a.toks.end, ')') && s.is_sym(a.toks.end + 1, ':');
            if restates || heading {
                self.decisive.push(s.span(a.toks.clone()));
                check_cap(points, self.max)?;
                continue;
            }
            if let Some(from) = &a.range_from {
                self.decisive
                    .push(s.span(a.toks.start.saturating_sub(2)..a.toks.end));
                return Err(Unread::PointsRange {
                    from: Points::parse(from).unwrap_or(Points::ZERO),
                    to: points,
                });
            }
            let mut start = seg_start;
            for i in seg_start..a.toks.start {
                if s.is_separator(i) {
                    start = i + 1;
                }
            }
            while start < a.toks.start
                && matches!(
                    s.sym(start),
                    Some(';' | ',' | '.' | ')' | ':' | '\n' | ']' | '"' | '”' | '“' | '/')
                )
            {
                start += 1;
            }
            let mut bullet = Bullet::None;
            if let Some(w) = s.word(start)
                && w.chars().count() == 1
                && (s.is_sym(start + 1, ')') || s.is_sym(start + 1, '.'))
                && start + 2 <= a.toks.start
            {
                bullet = Bullet::Letter(w.to_string());
                start += 2;
            } else if s.num(start).is_some()
                && (s.is_sym(start + 1, ')') || s.is_sym(start + 1, '.'))
                && start + 2 < a.toks.start
            {
                bullet = Bullet::Mark;
                start += 2;
            } else if matches!(s.sym(start), Some('-' | '+' | '•' | '*' | '·' | '–'))
                && start + 1 < a.toks.start
            {
                bullet = Bullet::Mark;
                start += 1;
            }
            let cond = a.after.clone().unwrap_or(start..a.toks.start);
            let label = self.clean(cond.clone());
            let clause = Clause {
                label: label.clone(),
                cond: cond.clone(),
                bullet,
                points,
                award: k,
                span: {
                    let from = s.span(cond.clone()).start.min(s.span(a.toks.clone()).start);
                    from..s.span(a.toks.clone()).end
                },
            };
            // The flags were read already; these clauses say nothing more about the rule.
            let no_task = NO_TASK
                .iter()
                .any(|ws| s.find_words(cond.clone(), ws).is_some());
            if no_task && points == self.max {
                continue;
            }
            if s.find_words(cond.clone(), &["khong", "ap", "dung"])
                .is_some()
            {
                continue;
            }
            if self.is_cap(&label) {
                self.decisive.push(clause.span.clone());
                check_cap(points, self.max)?;
                continue;
            }
            clauses.push(clause);
        }
        Ok((clauses, factors))
    }

    /// The words of a level without its trailing ":", "thì được", "trừ" and the like.
    fn clean(&self, cond: Range<usize>) -> Range<usize> {
        let s = self.s;
        let (mut a, mut b) = (cond.start, cond.end);
        let is_trailing_sym = |i: usize| {
            matches!(
                s.sym(i),
                Some(':' | '=' | '-' | '(' | ',' | '/' | '×' | '*' | '+')
            )
        };
        if let Some(colon) = (a..b).rev().find(|&i| s.is_sym(i, ':') || s.is_sym(i, '=')) {
            // "Ban hành chậm: 0,5", "Mỗi văn bản: trừ 0,5": the words before the colon.
            if (colon + 1..b).all(|i| self.is_connector(i) || is_trailing_sym(i)) {
                b = colon;
            }
        } else {
            // "Ban hành kịp thời thì được 1 điểm"; "không đạt 0 điểm" keeps its "đạt".
            while b > a + 1
                && Source::before(b, 1).is_some_and(|i| self.is_connector(i) || is_trailing_sym(i))
                && !(Source::before(b, 1).is_some_and(|i| s.is_word(i, "dat"))
                    && Source::before(b, 2).is_some_and(|i| s.is_word_in(i, &["khong", "chua"])))
            {
                b -= 1;
            }
        }
        while b > a && Source::before(b, 1).is_some_and(is_trailing_sym) {
            b -= 1;
        }
        if s.is_word(a, "neu") && b > a + 1 {
            a += 1;
        }
        a..b
    }

    /// "thì", "được", "trừ", … between a level's words and its points. Compared with their
    /// accents where the text has them, since "chậm" and "chấm", "công" and "cộng" fold alike.
    fn is_connector(&self, i: usize) -> bool {
        let s = self.s;
        let Some(folded) = s.word(i) else {
            return false;
        };
        let written = s.written(i..i + 1).to_lowercase();
        if written != folded {
            [
                "thì", "được", "đạt", "là", "tính", "cộng", "trừ", "bị", "sẽ", "chấm", "cho",
                "chỉ", "mức",
            ]
            .contains(&written.as_str())
        } else {
            ["thi", "duoc", "dat", "la", "tinh", "tru", "bi", "se", "cho"].contains(&folded)
        }
    }

    /// "tối đa 2 điểm", "không quá 2 điểm": the cap of the item, not a level.
    fn is_cap(&self, label: &Range<usize>) -> bool {
        let s = self.s;
        let ends = |ws: &[&str]| {
            label
                .end
                .checked_sub(ws.len())
                .is_some_and(|i| i >= label.start && s.words_at(i, ws))
        };
        ends(&["toi", "da"]) || ends(&["khong", "qua"]) || ends(&["khong", "vuot", "qua"])
    }

    fn is_per_count(&self, c: &Clause, awards: &[Award]) -> bool {
        awards.get(c.award).is_some_and(|a| a.per.is_some()) || self.per_lead(c.label.start) > 0
    }

    /// How many words of "mỗi", "cứ mỗi", "đối với mỗi", … start at token `i` (not "mới", new).
    fn per_lead(&self, i: usize) -> usize {
        let s = self.s;
        [&[][..], &["cu"], &["doi", "voi"], &["voi"], &["trong"]]
            .iter()
            .find(|lead| s.words_at(i, lead) && s.is_written(i + lead.len(), "moi", "mỗi"))
            .map_or(0, |lead| lead.len() + 1)
    }

    /// The sociological survey, and whether it is said to be run by the province ("do tỉnh
    /// thực hiện"), which settles it, or only named ("điều tra xã hội học").
    fn survey_words(&self) -> Option<(Range<usize>, Survey)> {
        let s = self.s;
        let n = s.len();
        let bodies: [&[&str]; 5] = [
            &["tinh"],
            &["so", "noi", "vu"],
            &["ubnd", "tinh"],
            &["uy", "ban", "nhan", "dan", "tinh"],
            &["bo", "noi", "vu"],
        ];
        let verbs: [&[&str]; 6] = [
            &["thuc", "hien"],
            &["to", "chuc"],
            &["tien", "hanh"],
            &["danh", "gia"],
            &["cham"],
            &["khao", "sat"],
        ];
        for i in 0..n {
            if !s.is_written(i, "do", "do") {
                continue;
            }
            for body in bodies {
                if !s.words_at(i + 1, body) {
                    continue;
                }
                let v = i + 1 + body.len();
                if let Some(verb) = verbs.iter().find(|ws| s.words_at(v, ws)) {
                    return Some((s.span(i..v + verb.len()), Survey::Run));
                }
            }
        }
        let named: [(&[&str], Survey); 6] = [
            (&["dieu", "tra", "xa", "hoi", "hoc"], Survey::Instrument),
            (&["xa", "hoi", "hoc"], Survey::Instrument),
            (&["dtxhh"], Survey::Instrument),
            (&["xhh"], Survey::Instrument),
            (&["sipas"], Survey::Instrument),
            (&["khao", "sat", "su", "hai", "long"], Survey::Mentioned),
        ];
        named.iter().find_map(|(ws, strength)| {
            s.find_words(0..n, ws)
                .map(|i| (s.span(i..i + ws.len()), *strength))
        })
    }

    /// "tính theo tỷ lệ", "tỷ lệ % × điểm tối đa", "(số đúng hạn / tổng số) x điểm tối đa".
    fn proportional_words(&self, awards: &[Award], factors: &[usize]) -> Option<Range<usize>> {
        let s = self.s;
        let n = s.len();
        let ratio = |i: usize| s.words_at(i, &["ty", "le"]) || s.words_at(i, &["ti", "le"]);
        if let Some(i) = (0..n).find(|&i| s.is_word(i, "theo") && ratio(i + 1)) {
            return Some(s.span(i..i + 3));
        }
        let factor = factors.first().and_then(|&k| awards.get(k))?;
        let start = (0..factor.toks.start).find(|&i| {
            ratio(i)
                || s.is_sym(i, '%')
                || (s.is_sym(i, '/')
                    && Source::before(i, 1).is_some_and(|p| s.word(p).is_some())
                    && s.word(i + 1).is_some())
        })?;
        Some(s.span(start..factor.toks.end))
    }

    /// What a clause list mostly looks like, for naming the other side of an ambiguity.
    fn clause_kind_hint(&self, clauses: &[Clause], awards: &[Award]) -> RuleKind {
        if clauses
            .iter()
            .any(|c| self.percent_cond(c.cond.clone()).is_some())
        {
            RuleKind::PercentBands
        } else if clauses.iter().any(|c| self.is_per_count(c, awards)) {
            RuleKind::PerCount
        } else if clauses.len() == 2 {
            RuleKind::YesNo
        } else {
            RuleKind::Levels
        }
    }

    fn proportional(
        &mut self,
        clauses: &[Clause],
        awards: &[Award],
        factors: &[usize],
    ) -> Result<Json, Unread> {
        // "Đạt 100%: 1 điểm; dưới 100%: tính theo tỷ lệ" says the same as the formula.
        for c in clauses {
            let full_at_hundred = matches!(
                self.percent_cond(c.cond.clone()),
                Some(Ok(PercentCond { band, .. })) if band.from == Percent::from_whole(100)
            ) && c.points == self.max;
            if !full_at_hundred {
                self.decisive.push(c.span.clone());
                return Err(ambiguous(&[
                    RuleKind::Proportional,
                    self.clause_kind_hint(clauses, awards),
                ]));
            }
            self.decisive.push(c.span.clone());
        }
        for &k in factors {
            if let Some(Award {
                worth: Worth::Points(p),
                ..
            }) = awards.get(k)
            {
                check_cap(*p, self.max)?;
            }
        }
        let (numerator, denominator) = self.ratio_labels();
        Ok(
            json!({"kind": "proportional", "numerator": {"vi": numerator}, "denominator": {"vi": denominator}}),
        )
    }

    fn per_count(
        &mut self,
        clauses: &[Clause],
        awards: &[Award],
        factors: &[usize],
    ) -> Result<Json, Unread> {
        let s = self.s;
        let mut counts: Vec<(String, Points)> = Vec::new();
        for c in clauses {
            self.decisive.push(c.span.clone());
            if !self.is_per_count(c, awards) {
                return Err(ambiguous(&[
                    RuleKind::PerCount,
                    self.clause_kind_hint(clauses, awards),
                ]));
            }
            let mut label = c.label.clone();
            label.start += self.per_lead(label.start);
            let per = awards.get(c.award).and_then(|a| a.per.clone());
            // "Có mô hình … được công nhận: cộng 1 điểm/mô hình": what is counted, without "có".
            if s.is_written(label.start, "co", "có") && label.len() > 1 {
                label.start += 1;
            }
            let named = label.clone().any(|i| !self.is_connector(i));
            // "… phê bình: trừ 1 điểm/lần": the times it happened.
            let times = per.as_ref().is_some_and(|r| {
                r.len() == 1
                    && (s.is_written(r.start, "lan", "lần")
                        || s.is_written(r.start, "luot", "lượt"))
            });
            // "Đơn vị có sáng kiến được công nhận: 1 điểm/sáng kiến" counts the sáng kiến.
            let within = per.as_ref().and_then(|r| {
                let noun: Vec<&str> = r.clone().filter_map(|i| s.word(i)).collect();
                label.clone().find(|&i| s.words_at(i, &noun))
            });
            let noun = match (named, per) {
                (true, Some(_)) if !times && within.is_some() => {
                    lower_first(&s.written(within.unwrap_or(label.start)..label.end))
                }
                (true, Some(r)) => format!("{} {}", s.written(r), lower_first(&s.written(label))),
                (true, None) => lower_first(&s.written(label)),
                (false, Some(r)) => s.written(r),
                (false, None) => String::new(),
            };
            counts.push((noun, c.points));
        }
        for &k in factors {
            let Some(a) = awards.get(k) else { continue };
            let points = match a.worth {
                Worth::Points(p) => p,
                _ => self.max,
            };
            self.decisive.push(s.span(a.toks.clone()));
            // "Điểm = số văn bản × 0,5 điểm": the count is what is multiplied.
            let mut start = a.toks.start.saturating_sub(1);
            while start > 0 && Source::before(start, 1).is_some_and(|p| s.word(p).is_some()) {
                start -= 1;
            }
            let mut noun_toks = start..a.toks.start.saturating_sub(1);
            if s.is_word(noun_toks.start, "so") {
                noun_toks.start += 1;
            }
            counts.push((s.written(noun_toks), points));
        }
        let Some((noun, points)) = counts.first().cloned() else {
            return Err(Unread::NoShapeFound);
        };
        let same = |a: &str, b: &str| fold_diacritics(a) == fold_diacritics(b);
        if counts.iter().any(|(n, p)| !same(n, &noun) || *p != points) {
            return Err(Unread::SeveralCounts);
        }
        if points > self.max {
            return Err(Unread::PointsAboveMax { points });
        }
        let count = if noun.is_empty() {
            "Số lần".to_string()
        } else {
            format!("Số {noun}")
        };
        Ok(json!({"kind": "per_count", "count": {"vi": count}, "points_each": number(points)}))
    }

    /// Levels, Có/Không, checklist, percentage bands and count bands: the clauses carry it all.
    fn clause_family(&mut self, clauses: &[Clause], awards: &[Award]) -> Result<Json, Unread> {
        let s = self.s;
        if let Some(top) = clauses.iter().map(|c| c.points).max()
            && top > self.max
        {
            return Err(Unread::PointsAboveMax { points: top });
        }
        let percent: Vec<Option<Result<PercentCond, String>>> = clauses
            .iter()
            .map(|c| self.percent_cond(c.cond.clone()))
            .collect();
        if percent.iter().any(Option::is_some) {
            return self.percent_bands(clauses, &percent);
        }
        let counts: Vec<Option<Result<CountCond, String>>> = clauses
            .iter()
            .map(|c| self.count_cond(c.cond.clone()))
            .collect();
        let counted = clauses
            .iter()
            .zip(&counts)
            .all(|(c, cond)| cond.is_some() || self.is_negation_zero(c) || self.is_otherwise(c));
        if counted && counts.iter().any(Option::is_some) {
            return self.count_bands(clauses, &counts);
        }

        // A level needs words of its own: "Chấm 1 điểm" alone names nothing, "Đạt: 1" does.
        let unnamed = |c: &Clause| {
            let colon = c.cond.clone().any(|i| s.is_sym(i, ':') || s.is_sym(i, '='));
            c.label.clone().all(|i| !colon && self.is_connector(i))
        };
        if clauses.iter().any(unnamed) {
            return Err(Unread::NoShapeFound);
        }
        let top = clauses
            .iter()
            .map(|c| c.points)
            .max()
            .unwrap_or(Points::ZERO);
        let sum: Points = clauses.iter().map(|c| c.points).sum();
        let no_zero = clauses.iter().all(|c| c.points > Points::ZERO);
        let bulleted = clauses.iter().all(|c| c.bullet != Bullet::None);
        let lettered = clauses
            .iter()
            .all(|c| matches!(c.bullet, Bullet::Letter(_)));
        if clauses.len() >= 2 && no_zero {
            if sum == self.max && bulleted {
                return Ok(self.checklist(clauses));
            }
            if lettered && top < self.max {
                return Err(Unread::ChecklistDoesNotAddUp { sum });
            }
            if sum == self.max && top < self.max {
                return Err(ambiguous(&[RuleKind::Checklist, RuleKind::Levels]));
            }
        }
        if top < self.max {
            return Err(Unread::TopBelowMax { top });
        }
        if clauses.len() == 1 {
            if awards.get(clauses[0].award).is_some_and(|a| a.in_parens) {
                // "Ban hành kế hoạch (1 điểm)" is a title stating its maximum, not a method.
                return Err(Unread::NoShapeFound);
            }
            return Ok(yes_no(top, self.max));
        }
        if let [a, b] = clauses {
            let (yes, no) = if a.points >= b.points { (a, b) } else { (b, a) };
            if no.points == Points::ZERO && self.negates(&no.label, &yes.label) {
                return Ok(yes_no(yes.points, self.max));
            }
        }
        Ok(self.levels(clauses))
    }

    fn levels(&self, clauses: &[Clause]) -> Json {
        let mut ids: Vec<String> = Vec::new();
        let levels: Vec<Json> = clauses
            .iter()
            .map(|c| {
                let label = upper_first(&self.s.written(c.label.clone()));
                let id = unique(slug(&label, ids.len() + 1), &ids);
                ids.push(id.clone());
                json!({"id": id, "label": {"vi": label}, "points": number(c.points)})
            })
            .collect();
        json!({"kind": "levels", "levels": levels})
    }

    fn checklist(&self, clauses: &[Clause]) -> Json {
        let mut ids: Vec<String> = Vec::new();
        let items: Vec<Json> = clauses
            .iter()
            .map(|c| {
                let label = upper_first(&self.s.written(c.label.clone()));
                let id = match &c.bullet {
                    Bullet::Letter(l) => l.clone(),
                    _ => slug(&label, ids.len() + 1),
                };
                let id = unique(id, &ids);
                ids.push(id.clone());
                json!({"id": id, "label": {"vi": label}, "points": number(c.points)})
            })
            .collect();
        json!({"kind": "checklist", "items": items})
    }

    /// "còn lại", "các trường hợp còn lại", "trường hợp khác": whatever the other parts leave.
    fn is_otherwise(&self, c: &Clause) -> bool {
        let s = self.s;
        let ends = |ws: &[&str]| {
            c.label
                .end
                .checked_sub(ws.len())
                .is_some_and(|i| i >= c.label.start && s.words_at(i, ws))
        };
        let short = c.label.len() <= 5 && !c.label.clone().any(|i| s.num(i).is_some());
        short && (ends(&["con", "lai"]) || ends(&["truong", "hop", "khac"]))
    }

    /// "không …", "chưa …" given 0: the "otherwise" of a band or count list.
    fn is_negation_zero(&self, c: &Clause) -> bool {
        c.points == Points::ZERO
            && self.s.is_word_in(c.label.start, &["khong", "chua"])
            && !(c.label.clone()).any(|i| self.s.num(i).is_some())
    }

    /// Whether `no` ("không ban hành", "chưa đạt", "không") says the opposite of `yes`
    /// ("có ban hành", "đạt", "ban hành kế hoạch").
    fn negates(&self, no: &Range<usize>, yes: &Range<usize>) -> bool {
        let s = self.s;
        let words =
            |r: &Range<usize>| -> Vec<&str> { r.clone().filter_map(|i| s.word(i)).collect() };
        let (no, yes) = (words(no), words(yes));
        let Some((first, rest)) = no.split_first() else {
            return false;
        };
        if !["khong", "chua"].contains(first)
            || yes.first().is_some_and(|w| ["khong", "chua"].contains(w))
        {
            return false;
        }
        let strip = |ws: &[&str]| -> Vec<String> {
            let ws = match ws.split_first() {
                Some((w, rest)) if ["co", "da", "duoc"].contains(w) => rest,
                _ => ws,
            };
            ws.iter().map(|w| w.to_string()).collect()
        };
        let (rest, yes) = (strip(rest), strip(&yes));
        rest.is_empty()
            || rest.starts_with(&yes)
            || yes.windows(rest.len()).any(|w| w == rest.as_slice())
    }

    /// The band a clause's words give ("trên 90%", "từ 70% - 90%", "đạt 100%"), if any.
    fn percent_cond(&self, cond: Range<usize>) -> Option<Result<PercentCond, String>> {
        let s = self.s;
        let mut pct: Vec<usize> = cond
            .clone()
            .filter(|&i| s.num(i).is_some() && s.is_sym(i + 1, '%'))
            .collect();
        if pct.is_empty() {
            return None;
        }
        let written = || s.written(cond.clone());
        // "70 - 90%": the first number's percent sign is left out.
        if let Some(&first) = pct.first() {
            let mut j = first;
            while j > cond.start
                && Source::before(j, 1).is_some_and(|p| {
                    s.is_sym(p, '-') || s.is_word_in(p, &["den", "toi", "duoi"]) || s.is_sym(p, '<')
                })
            {
                j -= 1;
            }
            if j < first
                && let Some(p) = Source::before(j, 1)
                && p >= cond.start
                && s.num(p).is_some()
            {
                pct.insert(0, p);
            }
        }
        let value = |i: usize| Percent::parse(s.num(i).unwrap_or("")).ok();
        let hundred = Percent::from_whole(100);
        let prev = |i: usize, back: usize| Source::before(i, back).filter(|&p| p >= cond.start);
        let prev_word = |i: usize, ws: &[&str]| prev(i, 1).is_some_and(|p| s.is_word_in(p, ws));
        let prev_sym = |i: usize, c: char| prev(i, 1).is_some_and(|p| s.is_sym(p, c));
        let after_pct = |i: usize| if s.is_sym(i + 1, '%') { i + 2 } else { i + 1 };
        let words_start = |i: usize| {
            let mut w = i;
            while let Some(p) = prev(w, 1) {
                if s.word(p).is_some_and(|x| {
                    [
                        "tren", "tu", "duoi", "hon", "lon", "cao", "thap", "nho", "it", "nhat",
                        "toi", "thieu", "khong", "qua", "da",
                    ]
                    .contains(&x)
                }) || matches!(s.sym(p), Some('>' | '<' | '=' | '≥' | '≤'))
                {
                    w = p;
                } else {
                    break;
                }
            }
            w
        };
        let band = match pct.as_slice() {
            [x] => {
                let x = *x;
                let Some(v) = value(x) else {
                    return Some(Err(written()));
                };
                let rest = after_pct(x);
                let upward = s.words_at(rest, &["tro", "len"]);
                let downward = s.words_at(rest, &["tro", "xuong"]);
                let (ge, gt, lt, le) = (
                    prev_sym(x, '≥')
                        || (prev_sym(x, '=') && prev(x, 2).is_some_and(|p| s.is_sym(p, '>')))
                        || prev_word(x, &["tu"])
                        || (prev_word(x, &["thieu"])
                            && prev(x, 2).is_some_and(|p| s.is_word(p, "toi")))
                        || (prev_word(x, &["nhat"])
                            && prev(x, 2).is_some_and(|p| s.is_word(p, "it")))
                        || upward,
                    prev_sym(x, '>')
                        || prev_word(x, &["tren"])
                        || (prev_word(x, &["hon"])
                            && prev(x, 2)
                                .is_some_and(|p| s.is_word_in(p, &["lon", "cao", "nhieu"]))),
                    prev_sym(x, '<')
                        || prev_word(x, &["duoi"])
                        || (prev_word(x, &["hon"])
                            && prev(x, 2).is_some_and(|p| s.is_word_in(p, &["thap", "nho", "it"]))),
                    prev_sym(x, '≤')
                        || (prev_sym(x, '=') && prev(x, 2).is_some_and(|p| s.is_sym(p, '<')))
                        || (prev_word(x, &["qua"])
                            && prev(x, 2).is_some_and(|p| s.is_word(p, "khong")))
                        || (prev_word(x, &["da"])
                            && prev(x, 2).is_some_and(|p| s.is_word(p, "toi")))
                        || downward,
                );
                let zero = Percent(0);
                let b = |from, from_inclusive, to, to_inclusive| Band {
                    from,
                    from_inclusive,
                    from_open: false,
                    to,
                    to_inclusive,
                    to_open: false,
                };
                // "từ 10% trở xuống": the direction said after the number wins.
                let band = if downward {
                    b(zero, true, v, true)
                } else if gt {
                    b(v, false, hundred, true)
                } else if ge {
                    b(v, true, hundred, true)
                } else if le {
                    b(zero, true, v, true)
                } else if lt {
                    b(zero, true, v, false)
                } else {
                    b(v, true, v, true)
                };
                let end = if upward || downward { rest + 2 } else { rest };
                (band, words_start(x)..end)
            }
            [x, y] => {
                let (x, y) = (*x, *y);
                let (Some(vx), Some(vy)) = (value(x), value(y)) else {
                    return Some(Err(written()));
                };
                let between = after_pct(x)..y;
                let first_sym = s.sym(between.start);
                let symbolic = matches!(first_sym, Some('<' | '≤'));
                let (from_inclusive, from_open) = if symbolic {
                    (
                        first_sym == Some('≤') || s.is_sym(between.start + 1, '='),
                        false,
                    )
                } else if prev_word(x, &["tren"]) || prev_sym(x, '>') {
                    (false, false)
                } else if prev_word(x, &["tu"]) || prev_sym(x, '≥') || prev_sym(x, '=') {
                    (true, false)
                } else {
                    (true, true)
                };
                let exclusive = between.clone().any(|i| s.is_word(i, "duoi")) || prev_sym(y, '<');
                let inclusive = prev_sym(y, '≤')
                    || (prev_sym(y, '=') && prev(y, 2).is_some_and(|p| s.is_sym(p, '<')));
                let (to_inclusive, to_open) = if inclusive {
                    (true, false)
                } else if exclusive {
                    (false, false)
                } else {
                    (true, true)
                };
                let band = Band {
                    from: vx,
                    from_inclusive,
                    from_open,
                    to: vy,
                    to_inclusive,
                    to_open,
                };
                (band, words_start(x)..after_pct(y))
            }
            _ => return Some(Err(written())),
        };
        let (band, words) = band;
        let empty = band.from > band.to
            || (band.from == band.to && !(band.from_inclusive && band.to_inclusive));
        if empty || band.to > hundred {
            return Some(Err(written()));
        }
        Some(Ok(PercentCond {
            band,
            words: s.span(words),
        }))
    }

    fn percent_bands(
        &mut self,
        clauses: &[Clause],
        percent: &[Option<Result<PercentCond, String>>],
    ) -> Result<Json, Unread> {
        let mut bands: Vec<(Band, Points, Range<usize>)> = Vec::new();
        let mut negations: Vec<&Clause> = Vec::new();
        let mut otherwise: Vec<&Clause> = Vec::new();
        for (c, cond) in clauses.iter().zip(percent) {
            match cond {
                Some(Ok(p)) => bands.push((p.band, c.points, p.words.clone())),
                Some(Err(written)) => {
                    return Err(Unread::BandsUnordered {
                        written: written.clone(),
                    });
                }
                None if self.is_otherwise(c) => otherwise.push(c),
                None if self.is_negation_zero(c) => negations.push(c),
                None => return Err(ambiguous(&[RuleKind::PercentBands, RuleKind::Levels])),
            }
        }
        let top = bands
            .iter()
            .map(|b| b.1)
            .chain(otherwise.iter().map(|c| c.points))
            .max()
            .unwrap_or(Points::ZERO);
        if top < self.max {
            return Err(Unread::TopBelowMax { top });
        }
        self.settle_open_edges(&mut bands);

        let ranges: Vec<Band> = bands.iter().map(|b| b.0).collect();
        let uncovered = uncovered(&ranges).map_err(|at| Unread::BandOverlap { at })?;
        let mut written_bands: Vec<(Band, Points)> = bands.iter().map(|b| (b.0, b.1)).collect();
        // "còn lại: 0 điểm", and "không đạt" beside "Đạt 100%" (the "không" of the same words),
        // take what the bands leave, when that is one stretch.
        let negation_of_a_band = negations.iter().find(|n| {
            clauses
                .iter()
                .zip(percent)
                .any(|(c, p)| p.is_some() && self.negates_percent(&n.label, c))
        });
        let rest: Vec<Points> = otherwise
            .iter()
            .map(|c| c.points)
            .chain(negation_of_a_band.map(|c| c.points))
            .collect();
        if let Some(gap) = uncovered.first() {
            match (uncovered.as_slice(), rest.as_slice()) {
                ([_], [points]) => written_bands.push((
                    Band {
                        from: gap.from,
                        from_inclusive: gap.from_inclusive,
                        from_open: false,
                        to: gap.to,
                        to_inclusive: gap.to_inclusive,
                        to_open: false,
                    },
                    *points,
                )),
                _ => return Err(Unread::BandGap { at: gap.from }),
            }
        } else if !otherwise.is_empty() {
            // Nothing is left for "còn lại".
            return Err(ambiguous(&[RuleKind::PercentBands, RuleKind::Levels]));
        } else if !negations.is_empty() {
            // "Không thực hiện: 0 điểm" beside bands that cover everything is 0 % — it must agree.
            let at_zero = written_bands
                .iter()
                .find(|(b, _)| b.from == Percent(0) && b.from_inclusive)
                .map(|(_, p)| *p);
            if at_zero != Some(Points::ZERO) {
                return Err(ambiguous(&[RuleKind::PercentBands, RuleKind::Levels]));
            }
        }
        let (numerator, denominator) = self.ratio_labels();
        let bands_json: Vec<Json> = written_bands
            .iter()
            .map(|(b, points)| {
                let mut m = Map::new();
                m.insert("from".into(), number_pct(b.from));
                if !b.from_inclusive {
                    m.insert("from_inclusive".into(), Json::Bool(false));
                }
                if !(b.to == Percent::from_whole(100) && b.to_inclusive) {
                    m.insert("to".into(), number_pct(b.to));
                    if b.to_inclusive {
                        m.insert("to_inclusive".into(), Json::Bool(true));
                    }
                }
                m.insert("points".into(), number(*points));
                Json::Object(m)
            })
            .collect();
        Ok(json!({
            "kind": "percent_bands",
            "numerator": {"vi": numerator},
            "denominator": {"vi": denominator},
            "bands": bands_json,
        }))
    }

    /// "Không đạt" beside "Đạt 100%", "không hoàn thành" beside "hoàn thành 100% kế hoạch".
    fn negates_percent(&self, no: &Range<usize>, band: &Clause) -> bool {
        let s = self.s;
        const BAND_WORDS: [&str; 11] = [
            "tren", "tu", "duoi", "den", "tro", "len", "xuong", "ty", "le", "ti", "bang",
        ];
        let said: Vec<&str> = band
            .label
            .clone()
            .filter_map(|i| s.word(i))
            .filter(|w| !BAND_WORDS.contains(w))
            .collect();
        let no_words: Vec<&str> = no.clone().filter_map(|i| s.word(i)).collect();
        match no_words.split_first() {
            // One says the other's words, or the first of them: "đạt" and "đạt kế hoạch".
            Some((_, rest)) if !rest.is_empty() && !said.is_empty() => {
                said.starts_with(rest) || rest.starts_with(&said)
            }
            _ => false,
        }
    }

    /// Decides the side of every edge the wording left open, and records it for the officer.
    fn settle_open_edges(&mut self, bands: &mut [(Band, Points, Range<usize>)]) {
        let mut settled: Vec<(Percent, Range<usize>)> = Vec::new();
        let written: Vec<Band> = bands.iter().map(|b| b.0).collect();
        for (k, (band, _, words)) in bands.iter_mut().enumerate() {
            let others = || written.iter().enumerate().filter(move |(j, _)| *j != k);
            // A band of one value ("từ 0% - 0%") keeps its edge: made exclusive it would hold
            // nothing, and the meeting band then overlaps it, which is said as an overlap.
            if band.to_open && band.from < band.to {
                let mut meets = others().filter(|(_, o)| o.from == band.to).peekable();
                if meets.peek().is_some() {
                    // Read literally unless that would put the edge in two bands.
                    band.to_inclusive = !meets.any(|(_, o)| o.from_inclusive);
                    settled.push((band.to, words.clone()));
                }
            }
        }
        let resolved: Vec<Band> = bands.iter().map(|b| b.0).collect();
        for (k, (band, _, words)) in bands.iter_mut().enumerate() {
            let taken = resolved
                .iter()
                .enumerate()
                .any(|(j, o)| j != k && o.to == band.from && o.to_inclusive);
            if band.from_open && taken && band.from < band.to {
                band.from_inclusive = false;
                settled.push((band.from, words.clone()));
            }
        }
        for (at, words) in settled {
            if self.open_edges.iter().all(|e| e.at != at) {
                self.open_edges.push(OpenEdge {
                    at,
                    words: self.s.original(words.clone()),
                    written: self.s.written_folded(words),
                });
            }
        }
    }

    /// The count a clause's words give ("từ 4 cuộc trở lên", "3 cuộc", "1 - 2 cuộc"), if any.
    fn count_cond(&self, cond: Range<usize>) -> Option<Result<CountCond, String>> {
        let s = self.s;
        let nums: Vec<usize> = cond
            .clone()
            .filter(|&i| {
                s.num(i)
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                    && !s.is_sym(i + 1, '%')
                    && !s.is_sym(i + 1, '/')
                    && !Source::before(i, 1).is_some_and(|p| s.is_sym(p, '/'))
            })
            .collect();
        let value = |i: usize| s.num(i).and_then(|n| n.parse::<u64>().ok());
        let prev = |i: usize, back: usize| Source::before(i, back).filter(|&p| p >= cond.start);
        let prev_word = |i: usize, ws: &[&str]| prev(i, 1).is_some_and(|p| s.is_word_in(p, ws));
        let prev_sym = |i: usize, c: char| prev(i, 1).is_some_and(|p| s.is_sym(p, c));
        let noun_after = |i: usize| {
            let mut k = i + 1;
            while k < cond.end
                && s.word(k).is_some()
                && !s.words_at(k, &["tro", "len"])
                && !s.words_at(k, &["tro", "xuong"])
            {
                k += 1;
            }
            (k > i + 1).then_some(i + 1..k)
        };
        let written = || s.written(cond.clone());
        match nums.as_slice() {
            [x] => {
                let x = *x;
                let n = value(x)?;
                let noun = noun_after(x);
                let rest = noun.as_ref().map_or(x + 1, |r| r.end);
                let upward = s.words_at(rest, &["tro", "len"]);
                let downward = s.words_at(rest, &["tro", "xuong"]);
                let (from, to) = if downward {
                    (0, Some(n))
                } else if prev_sym(x, '>')
                    || prev_word(x, &["tren"])
                    || (prev_word(x, &["hon"]) && prev(x, 2).is_some_and(|p| s.is_word(p, "nhieu")))
                {
                    (n.saturating_add(1), None)
                } else if prev_sym(x, '≥')
                    || (prev_sym(x, '=') && prev(x, 2).is_some_and(|p| s.is_sym(p, '>')))
                    || prev_word(x, &["tu"])
                    || (prev_word(x, &["thieu"]) && prev(x, 2).is_some_and(|p| s.is_word(p, "toi")))
                    || (prev_word(x, &["nhat"]) && prev(x, 2).is_some_and(|p| s.is_word(p, "it")))
                    || upward
                {
                    (n, None)
                } else if prev_sym(x, '<') || prev_word(x, &["duoi"]) {
                    match n.checked_sub(1) {
                        Some(m) => (0, Some(m)),
                        None => return Some(Err(written())),
                    }
                } else if prev_sym(x, '≤')
                    || (prev_word(x, &["qua"]) && prev(x, 2).is_some_and(|p| s.is_word(p, "khong")))
                    || downward
                {
                    (0, Some(n))
                } else {
                    // "3 cuộc", "có 2 văn bản": exactly that many, said first.
                    let lead =
                        (cond.start..x).all(|i| s.is_word_in(i, &["co", "dat", "duoc", "chi"]));
                    if !lead || noun.is_none() {
                        return None;
                    }
                    (n, Some(n))
                };
                Some(Ok(CountCond { from, to, noun }))
            }
            [x, y] => {
                let (x, y) = (*x, *y);
                let joined = (x + 1..y)
                    .all(|i| s.is_sym(i, '-') || s.is_word_in(i, &["den", "toi"]))
                    && y > x + 1;
                if !joined {
                    return None;
                }
                let (n, m) = (value(x)?, value(y)?);
                if n > m {
                    return Some(Err(written()));
                }
                Some(Ok(CountCond {
                    from: n,
                    to: Some(m),
                    noun: noun_after(y),
                }))
            }
            _ => None,
        }
    }

    fn count_bands(
        &mut self,
        clauses: &[Clause],
        counts: &[Option<Result<CountCond, String>>],
    ) -> Result<Json, Unread> {
        let s = self.s;
        let mut bands: Vec<(u64, Option<u64>, Points)> = Vec::new();
        let mut otherwise: Vec<Points> = Vec::new();
        let mut noun: Option<Range<usize>> = None;
        for (c, cond) in clauses.iter().zip(counts) {
            match cond {
                Some(Ok(cc)) => {
                    bands.push((cc.from, cc.to, c.points));
                    if let Some(r) = &cc.noun
                        && noun.as_ref().is_none_or(|n| r.len() > n.len())
                    {
                        noun = Some(r.clone());
                    }
                }
                Some(Err(written)) => {
                    return Err(Unread::BandsUnordered {
                        written: written.clone(),
                    });
                }
                None if self.is_otherwise(c) => otherwise.push(c.points),
                // "không kiểm tra: 0 điểm": none at all.
                None => bands.push((0, Some(0), c.points)),
            }
        }
        let top = bands
            .iter()
            .map(|b| b.2)
            .chain(otherwise.iter().copied())
            .max()
            .unwrap_or(Points::ZERO);
        if top < self.max {
            return Err(Unread::TopBelowMax { top });
        }
        let mut sorted = bands.clone();
        sorted.sort_by_key(|b| b.0);
        let mut gaps: Vec<(u64, Option<u64>)> = Vec::new();
        let mut next: Option<u64> = Some(0);
        for (from, to, _) in &sorted {
            let Some(at) = next else {
                return Err(Unread::CountOverlap { at: *from });
            };
            if *from < at {
                return Err(Unread::CountOverlap { at: *from });
            }
            if *from > at {
                gaps.push((at, Some(from - 1)));
            }
            next = to.map(|t| t.saturating_add(1));
        }
        if let Some(at) = next {
            gaps.push((at, None));
        }
        match (gaps.as_slice(), otherwise.as_slice()) {
            ([], []) => {}
            ([(from, to)], [points]) => bands.push((*from, *to, *points)),
            ([], _) => return Err(ambiguous(&[RuleKind::CountBands, RuleKind::Levels])),
            ([(at, _), ..], _) => return Err(Unread::CountGap { at: *at }),
        }
        let count = noun.map_or_else(
            || "Số lượng".to_string(),
            |r| format!("Số {}", s.written(r)),
        );
        let bands_json: Vec<Json> = bands
            .iter()
            .map(|(from, to, points)| {
                let mut m = Map::new();
                m.insert("from".into(), Json::from(*from));
                if let Some(to) = to {
                    m.insert("to".into(), Json::from(*to));
                }
                m.insert("points".into(), number(*points));
                Json::Object(m)
            })
            .collect();
        Ok(json!({"kind": "count_bands", "count": {"vi": count}, "bands": bands_json}))
    }

    /// The numerator and denominator the wording names ("tỷ lệ hồ sơ giải quyết đúng hạn trên
    /// tổng số hồ sơ", "(số đúng hạn / tổng số)"), or the generic ones.
    fn ratio_labels(&self) -> (String, String) {
        let s = self.s;
        let n = s.len();
        // "(A / B)" written as a fraction of words.
        for i in 0..n {
            if !(s.is_sym(i, '/')
                && Source::before(i, 1).is_some_and(|p| s.word(p).is_some())
                && s.word(i + 1).is_some())
            {
                continue;
            }
            let mut a = i;
            while Source::before(a, 1).is_some_and(|p| s.word(p).is_some()) {
                a -= 1;
            }
            let mut b = i + 1;
            while s.word(b).is_some() {
                b += 1;
            }
            if s.is_word(a, "so") || s.is_word(a, "tong") {
                return (
                    upper_first(&s.written(a..i)),
                    upper_first(&s.written(i + 1..b)),
                );
            }
        }
        let generic = ("Số đạt yêu cầu".to_string(), "Tổng số".to_string());
        let Some(t) =
            (0..n).find(|&i| s.words_at(i, &["ty", "le"]) || s.words_at(i, &["ti", "le"]))
        else {
            return generic;
        };
        let start = if s.is_sym(t + 2, '%') { t + 3 } else { t + 2 };
        let mut end = start;
        let mut denominator: Option<Range<usize>> = None;
        while s.word(end).is_some() {
            let over = s
                .words_at(end, &["tren", "tong", "so"])
                .then_some(3)
                .or_else(|| s.words_at(end, &["so", "voi", "tong", "so"]).then_some(4));
            if let Some(skip) = over {
                let d = end + skip;
                let mut e = d;
                while s.word(e).is_some() && !self.stops_name(e) {
                    e += 1;
                }
                denominator = Some(d..e);
                break;
            }
            if self.stops_name(end) {
                break;
            }
            end += 1;
        }
        if end == start {
            return generic;
        }
        let named = s.written(start..end);
        let numerator = if s.is_word(start, "so") {
            upper_first(&named)
        } else {
            format!("Số {}", lower_first(&named))
        };
        let denominator = match denominator {
            Some(r) if r.start < r.end => format!("Tổng số {}", s.written(r)),
            _ => "Tổng số".to_string(),
        };
        (numerator, denominator)
    }

    /// A word that ends the name of what is counted: a band's words ("đạt trên 90%") or a
    /// formula's.
    fn stops_name(&self, i: usize) -> bool {
        let s = self.s;
        const DIRECTIONS: [&str; 9] = [
            "tren", "tu", "duoi", "dat", "bang", "la", "hon", "tro", "khong",
        ];
        let mut k = i;
        while s.is_word_in(k, &DIRECTIONS) {
            if s.num(k + 1).is_some() || s.is_sym(k + 1, '%') || s.words_at(k + 1, &["tro", "len"])
            {
                return true;
            }
            k += 1;
        }
        s.is_word(i, "x") || s.is_written(i, "nhan", "nhân") || s.is_written(i, "thi", "thì")
    }
}

impl Source<'_> {
    fn written_folded(&self, folded: Range<usize>) -> String {
        self.text
            .get(self.original(folded))
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The parts of 0–100 % no band takes, or the first percentage two bands take.
fn uncovered(bands: &[Band]) -> Result<Vec<Uncovered>, Percent> {
    let mut sorted = bands.to_vec();
    sorted.sort_by_key(|b| (b.from, !b.from_inclusive));
    let mut gaps = Vec::new();
    // The next percentage no band has taken yet, and whether it is itself still free.
    let (mut at, mut free) = (Percent(0), true);
    for b in &sorted {
        let gap_before = b.from > at || (b.from == at && free && !b.from_inclusive);
        let overlap = b.from < at || (b.from == at && !free && b.from_inclusive);
        if overlap {
            return Err(b.from);
        }
        if gap_before {
            gaps.push(Uncovered {
                from: at,
                from_inclusive: free,
                to: b.from,
                to_inclusive: !b.from_inclusive,
            });
        }
        at = b.to;
        free = !b.to_inclusive;
    }
    let hundred = Percent::from_whole(100);
    if at < hundred || free {
        gaps.push(Uncovered {
            from: at,
            from_inclusive: free,
            to: hundred,
            to_inclusive: true,
        });
    }
    Ok(gaps)
}

fn check_cap(points: Points, max: Points) -> Result<(), Unread> {
    if points > max {
        Err(Unread::PointsAboveMax { points })
    } else if points < max {
        Err(Unread::TopBelowMax { top: points })
    } else {
        Ok(())
    }
}

fn ambiguous(kinds: &[RuleKind]) -> Unread {
    let mut shapes: Vec<String> = Vec::new();
    for k in kinds {
        let code = k.code().to_string();
        if !shapes.contains(&code) {
            shapes.push(code);
        }
    }
    Unread::Ambiguous { shapes }
}

fn yes_no(yes: Points, max: Points) -> Json {
    if yes == max {
        json!({"kind": "yes_no"})
    } else {
        json!({"kind": "yes_no", "yes_points": number(yes)})
    }
}

/// Points as a JSON number made from the hundredths, so that it reads back exactly.
pub fn number(p: Points) -> Json {
    hundredths_json(p.hundredths())
}

fn number_pct(p: Percent) -> Json {
    hundredths_json(p.hundredths())
}

fn hundredths_json(h: i64) -> Json {
    if h % 100 == 0 {
        return Json::from(h / 100);
    }
    // The shortest decimal that reads back as the nearest double to h/100 is h/100 written
    // with two decimals, so the loader's `Points::parse` of it gives h again.
    Number::from_f64(h as f64 / 100.0)
        .map(Json::Number)
        .unwrap_or_else(|| Json::String(format_hundredths(h)))
}

fn format_hundredths(h: i64) -> String {
    let sign = if h < 0 { "-" } else { "" };
    let a = h.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// An id from a label, or the item's position when the label has no letters or digits.
fn slug(label: &str, position: usize) -> String {
    let id = crate::text::slug(label);
    if id.is_empty() {
        format!("muc-{position}")
    } else {
        id
    }
}

fn unique(id: String, taken: &[String]) -> String {
    crate::text::unique_id(id, |c| taken.iter().any(|t| t == c))
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Văn bản bị hủy bỏ" → "văn bản bị hủy bỏ" after "Số", but "TTHC" stays as written.
fn lower_first(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    if first_word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first_word.chars().all(|c| !c.is_lowercase())
    {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_from_hundredths_read_back_exactly() {
        for h in 0..=100_000i64 {
            let json = number(Points(h));
            let back: Points = serde_json::from_value(json.clone()).unwrap();
            assert_eq!(back, Points(h), "{json}");
        }
    }

    #[test]
    fn uncovered_finds_the_gap_of_bands_that_leave_an_edge_out() {
        let b = |from, from_inclusive, to, to_inclusive| Band {
            from: Percent::from_whole(from),
            from_inclusive,
            from_open: false,
            to: Percent::from_whole(to),
            to_inclusive,
            to_open: false,
        };
        let gaps = uncovered(&[b(90, false, 100, true), b(0, true, 90, false)]).unwrap();
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].from, Percent::from_whole(90));
        assert!(gaps[0].from_inclusive && gaps[0].to_inclusive);
        assert_eq!(
            uncovered(&[b(90, true, 100, true), b(0, true, 90, true)]),
            Err(Percent::from_whole(90))
        );
        assert_eq!(
            uncovered(&[b(90, false, 100, true), b(0, true, 90, true)]),
            Ok(vec![])
        );
    }
}
