//! The plain-text format of the lexicon files in `data/` (and of a user's
//! own lexicon): one entry a line, `PHRASE CLASS [verb]`, whitespace
//! separated, `#` starting a comment line. This module only reads lines and
//! spells out the word forms an entry stands for; what a class means is up
//! to the stage that uses it.

use crate::error::{Error, Result};
use std::collections::HashMap;

/// One line of a lexicon file: the phrase as written (words may hold
/// `a|b` alternatives), its class, and whether its first word is a verb to
/// be matched in every inflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconLine<'a> {
    pub line: usize,
    pub words: Vec<&'a str>,
    pub class: &'a str,
    pub verb: bool,
}

/// Every entry of a lexicon file, or an error naming the file and line of
/// the first malformed one.
pub fn parse_lines<'a>(file: &str, text: &'a str) -> Result<Vec<LexiconLine<'a>>> {
    let mut lines = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut tokens: Vec<&str> = trimmed.split_whitespace().collect();
        let verb = tokens.last() == Some(&"verb");
        if verb {
            tokens.pop();
        }
        if tokens.len() < 2 {
            return Err(line_error(
                file,
                line,
                format!("expected 'PHRASE CLASS [verb]', found '{trimmed}'"),
            ));
        }
        let class = tokens.pop().unwrap_or_default();
        if let Some(word) = tokens.iter().find(|w| w.split('|').any(str::is_empty)) {
            return Err(line_error(
                file,
                line,
                format!("empty alternative in '{word}'"),
            ));
        }
        lines.push(LexiconLine {
            line,
            words: tokens,
            class,
            verb,
        });
    }
    Ok(lines)
}

pub fn line_error(file: &str, line: usize, message: String) -> Error {
    Error::InputLine {
        path: file.to_string(),
        line,
        message,
    }
}

/// Irregular verb forms (`say said`, `write wrote written`), read from
/// `data/irregular_verbs.tsv`.
#[derive(Debug, Clone, Default)]
pub struct IrregularVerbs {
    forms: HashMap<String, Vec<String>>,
}

impl IrregularVerbs {
    pub fn parse(text: &str) -> Self {
        let forms = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut words = l.split_whitespace().map(str::to_lowercase);
                let base = words.next()?;
                Some((base, words.collect()))
            })
            .collect();
        IrregularVerbs { forms }
    }

    /// Whether `word` (any case) is one of the listed forms other than a
    /// base: a past or a participle ("held", "written").
    pub fn is_inflected(&self, word: &str) -> bool {
        self.forms.values().flatten().any(|form| form.eq_ignore_ascii_case(word))
    }

    fn of(&self, base: &str) -> &[String] {
        self.forms.get(base).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Every lower-case word sequence an entry stands for: the product of its
/// alternatives, the first word inflected when `verb`, and each phrase with
/// an apostrophe also spelled with a typographic one (won't, won’t).
pub fn expand(entry: &LexiconLine<'_>, irregular: &IrregularVerbs) -> Vec<String> {
    let mut phrases = vec![String::new()];
    for (position, word) in entry.words.iter().enumerate() {
        let alternatives: Vec<String> = word
            .split('|')
            .map(str::to_lowercase)
            .flat_map(|alt| {
                if entry.verb && position == 0 {
                    inflections(&alt, irregular)
                } else {
                    vec![alt]
                }
            })
            .collect();
        phrases = phrases
            .iter()
            .flat_map(|head| {
                alternatives.iter().map(move |alt| {
                    if head.is_empty() {
                        alt.clone()
                    } else {
                        format!("{head} {alt}")
                    }
                })
            })
            .collect();
    }
    let curly: Vec<String> = phrases
        .iter()
        .filter(|p| p.contains('\''))
        .map(|p| p.replace('\'', "\u{2019}"))
        .collect();
    phrases.extend(curly);
    phrases.sort();
    phrases.dedup();
    phrases
}

/// The base form, -s, -ed and -ing forms of an English verb, by the regular
/// spelling rules plus the listed irregular forms. A doubled final consonant
/// (admit, admitted) is generated whenever it could apply; an unused form
/// costs nothing but a pattern.
pub fn inflections(base: &str, irregular: &IrregularVerbs) -> Vec<String> {
    let mut forms = vec![base.to_string()];
    forms.extend(irregular.of(base).iter().cloned());
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    if n == 0 {
        return forms;
    }
    let last = chars[n - 1];
    let stem_without_last: String = chars[..n - 1].iter().collect();
    let consonant_y = last == 'y' && n >= 2 && !is_vowel(chars[n - 2]);

    // third person singular
    if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        forms.push(format!("{base}es"));
    } else if consonant_y {
        forms.push(format!("{stem_without_last}ies"));
    } else {
        forms.push(format!("{base}s"));
    }
    // past
    if last == 'e' {
        forms.push(format!("{base}d"));
    } else if consonant_y {
        forms.push(format!("{stem_without_last}ied"));
    } else {
        forms.push(format!("{base}ed"));
    }
    // present participle
    if let Some(stem) = base.strip_suffix("ie") {
        forms.push(format!("{stem}ying"));
    } else if last == 'e'
        && !base.ends_with("ee")
        && !base.ends_with("ye")
        && !base.ends_with("oe")
        && n > 2
    {
        forms.push(format!("{stem_without_last}ing"));
    } else {
        forms.push(format!("{base}ing"));
    }
    if ends_consonant_vowel_consonant(&chars) {
        forms.push(format!("{base}{last}ed"));
        forms.push(format!("{base}{last}ing"));
    }
    forms
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn ends_consonant_vowel_consonant(chars: &[char]) -> bool {
    let n = chars.len();
    n >= 3
        && !is_vowel(chars[n - 1])
        && !matches!(chars[n - 1], 'w' | 'x' | 'y')
        && is_vowel(chars[n - 2])
        && !is_vowel(chars[n - 3])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(base: &str) -> Vec<String> {
        inflections(
            base,
            &IrregularVerbs::parse("say said\nwrite wrote written"),
        )
    }

    #[test]
    fn regular_verbs_get_their_inflections() {
        for (base, wanted) in [
            ("dismiss", ["dismisses", "dismissed", "dismissing"]),
            ("deny", ["denies", "denied", "denying"]),
            ("rule", ["rules", "ruled", "ruling"]),
            ("agree", ["agrees", "agreed", "agreeing"]),
            ("admit", ["admits", "admitted", "admitting"]),
            ("criticize", ["criticizes", "criticized", "criticizing"]),
        ] {
            let got = forms(base);
            for form in wanted {
                assert!(
                    got.contains(&form.to_string()),
                    "{base}: {form} missing from {got:?}"
                );
            }
        }
    }

    #[test]
    fn irregular_forms_come_from_the_table() {
        assert!(forms("say").contains(&"said".to_string()));
        assert!(forms("write").contains(&"written".to_string()));
        assert!(forms("write").contains(&"writing".to_string()));
    }

    #[test]
    fn phrases_expand_alternatives_and_inflect_the_first_word() {
        let lines = parse_lines("t", "raise concern|concerns  oppose  verb\n").unwrap();
        let phrases = expand(&lines[0], &IrregularVerbs::default());
        assert!(phrases.contains(&"raised concerns".to_string()));
        assert!(phrases.contains(&"raising concern".to_string()));
    }

    #[test]
    fn apostrophes_also_match_typographic_ones() {
        let lines = parse_lines("t", "won't  negation\n").unwrap();
        let phrases = expand(&lines[0], &IrregularVerbs::default());
        assert_eq!(
            phrases,
            vec!["won't".to_string(), "won\u{2019}t".to_string()]
        );
    }

    #[test]
    fn a_line_without_a_class_names_file_and_line() {
        let err = parse_lines("mine.tsv", "# comment\n\nlonely\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "mine.tsv:3: expected 'PHRASE CLASS [verb]', found 'lonely'"
        );
    }

    #[test]
    fn an_empty_alternative_is_an_error() {
        let err = parse_lines("mine.tsv", "good||great positive\n").unwrap_err();
        assert!(
            err.to_string().starts_with("mine.tsv:1: empty alternative"),
            "{err}"
        );
    }
}
