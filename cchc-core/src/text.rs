//! Texts in the two languages the app speaks.

use serde::{Deserialize, Serialize};

/// The language of the interface. Vietnamese is the default and the language of the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// A text from a data file: Vietnamese is required, English optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn vi(s: impl Into<String>) -> Text {
        Text {
            vi: s.into(),
            en: None,
        }
    }

    /// The text in `lang`, falling back to Vietnamese where no English was written.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.vi,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.vi.trim().is_empty()
    }
}

/// Folds Vietnamese text for search: lower case, diacritics removed, đ → d, so that "thu tuc"
/// finds "Thủ tục".
pub fn fold_diacritics(s: &str) -> String {
    s.chars()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// Diacritics typed as separate combining marks (decomposed Unicode, as some input methods send
/// them) are dropped, so "ô" typed as "o" + U+0302 folds like the precomposed one.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Removes diacritics but keeps case: "Sở Nội vụ" → "So Noi vu", for file names.
pub fn strip_diacritics(s: &str) -> String {
    s.chars()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let base = fold_char(lower);
            if c.is_uppercase() {
                base.to_ascii_uppercase()
            } else {
                base
            }
        })
        .collect()
}

fn fold_char(c: char) -> char {
    const GROUPS: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    GROUPS
        .iter()
        .find(|(group, _)| group.contains(c))
        .map_or(c, |(_, base)| *base)
}

/// An id from a label: ASCII, lower case, words joined by hyphens, at most a few words long;
/// empty when the label has no letters or digits.
pub fn slug(label: &str) -> String {
    let folded = fold_diacritics(label);
    let mut id = String::new();
    for w in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !id.is_empty() && id.len() + w.len() + 1 > 48 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(w);
    }
    id
}

/// `base`, or `base-2`, `base-3`… — the first that `taken` does not hold.
pub fn unique_id(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_vietnamese() {
        let t = Text::vi("Thủ tục hành chính");
        assert_eq!(t.get(Lang::En), "Thủ tục hành chính");
        let t = Text {
            vi: "Có".into(),
            en: Some("Yes".into()),
        };
        assert_eq!(t.get(Lang::En), "Yes");
        assert_eq!(t.get(Lang::Vi), "Có");
    }

    #[test]
    fn search_without_diacritics_finds_text_with_them() {
        assert_eq!(fold_diacritics("Thủ tục hành chính"), "thu tuc hanh chinh");
        assert_eq!(
            fold_diacritics("ĐIỀU TRA XÃ HỘI HỌC"),
            "dieu tra xa hoi hoc"
        );
    }
}
