//! Defined topics' keywords: the stem each keyword is cut to and the
//! endings it then accepts (the rules are in the parent module's
//! documentation).

/// How a keyword was cut to its stem, which decides the endings it takes
/// (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StemKind {
    /// Three letters or fewer: -s, -es.
    Short,
    /// Lost a final `e`.
    E,
    /// Lost a final `y` after a consonant.
    Y,
    /// Lost a final `s`.
    S,
    /// Unchanged: -s, -es.
    Plain,
    /// Written with a final `*`: every ending.
    Any,
}

impl StemKind {
    fn endings(self) -> &'static [&'static str] {
        match self {
            StemKind::Short | StemKind::Plain => &["", "s", "es"],
            StemKind::E => &["e", "es", "ed", "d", "ing", "er", "ers"],
            StemKind::Y => &["y", "ies", "ied"],
            StemKind::S => &["", "s", "es"],
            StemKind::Any => &["", "s", "es", "e", "ed", "d", "ing", "eing", "y", "ies", "ied", "er", "ers"],
        }
    }
}

const DOUBLED_ENDINGS: [&str; 3] = ["ed", "ing", "er"];

#[derive(Debug, Clone, Copy)]
pub(super) struct Keyword {
    pub(super) topic: usize,
    pub(super) weight: u32,
    pub(super) kind: StemKind,
}

/// A keyword's stem and how it was cut.
pub(super) fn keyword_stem(keyword: &str) -> (String, StemKind) {
    if let Some(asked) = keyword.strip_suffix('*') {
        return (asked.trim_end().to_string(), StemKind::Any);
    }
    let last_word = keyword.rsplit(' ').next().unwrap_or(keyword);
    if last_word.chars().count() <= 3 {
        return (keyword.to_string(), StemKind::Short);
    }
    let before_last = keyword.chars().rev().nth(1).unwrap_or('a');
    let kind = match keyword.chars().next_back() {
        Some('e') => StemKind::E,
        Some('y') if !"aeiou".contains(before_last) => StemKind::Y,
        Some('s') => StemKind::S,
        _ => return (keyword.to_string(), StemKind::Plain),
    };
    (keyword[..keyword.len() - 1].to_string(), kind)
}

/// A keyword stem matched at `start..end` stands for a whole word: nothing
/// word-like before it, and only an ending its kind allows after it.
pub(super) fn is_keyword_word(text: &str, start: usize, end: usize, kind: StemKind) -> bool {
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let rest = &text[end..];
    let ending_len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let ending = &rest[..ending_len];
    if kind.endings().iter().any(|e| e.eq_ignore_ascii_case(ending)) {
        return true;
    }
    if kind != StemKind::Any {
        return false;
    }
    // A doubled final consonant: ban* -> banned.
    let last = text[..end].chars().next_back();
    let mut chars = ending.chars();
    chars
        .next()
        .is_some_and(|c| Some(c.to_ascii_lowercase()) == last.map(|l| l.to_ascii_lowercase()))
        && DOUBLED_ENDINGS
            .iter()
            .any(|e| e.eq_ignore_ascii_case(chars.as_str()))
}
