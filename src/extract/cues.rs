//! Cues: the reporting words and phrases of a text ("said", "dismissed",
//! "according to", "raised concerns"), found in one pass with an
//! Aho-Corasick automaton built once from `data/cues.txt`,
//! `data/cue_phrases.txt` (both written by hand) and `data/cues_learned.txt`
//! (learned from PolNeAR train by `scripts/learn_cues.py`).

use super::cue_table::CueTable;
use crate::model::data_lines;
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// The grammatical shape of a cue, which decides where its source and content
/// are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// "say", "think": needs its subject right before it.
    Base,
    /// "says", "thinks".
    Present,
    /// "said", "dismissed", and multi-word verb phrases ("raised concerns").
    Past,
    /// "saying", "emphasizing": a participle hanging off a clause.
    Participle,
    /// "according to": the source follows.
    According,
    /// "worried", "eager": an adjective of attitude, a cue after a form of
    /// "be" ("voters were worried that …").
    Attitude,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Byte range of the cue as written.
    pub span: Range<usize>,
    pub form: CueForm,
}

/// The reporting-verb lexicon compiled into one automaton.
pub struct CueLexicon {
    automaton: CueTable,
    forms: Vec<CueForm>,
}

static LEXICON: LazyLock<CueLexicon> =
    LazyLock::new(|| {
        CueLexicon::with_attitudes(
            include_str!("../../data/cues.txt"),
            include_str!("../../data/cue_phrases.txt"),
            include_str!("../../data/cues_learned.txt"),
            include_str!("../../data/attitudes.txt"),
        )
    });

impl CueLexicon {
    /// The built-in lexicon.
    pub fn builtin() -> &'static CueLexicon {
        &LEXICON
    }

    /// Build from the verb list (`lemma [past [ing]]` a line), the phrase
    /// list (`verb|according<TAB>phrase` a line) and the learned list (a cue
    /// as written, then its figures, tab separated); `#` starts a comment.
    pub fn from_data(verbs: &str, phrases: &str, learned: &str) -> CueLexicon {
        CueLexicon::with_attitudes(verbs, phrases, learned, "")
    }

    /// As `from_data`, with adjectives of attitude (one a line), which win
    /// over a verb form written the same ("worried").
    pub fn with_attitudes(verbs: &str, phrases: &str, learned: &str, attitudes: &str) -> CueLexicon {
        let mut patterns: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        // The first listing of a pattern wins; a set, since scanning the
        // list for every form is quadratic in the size of the lexicon.
        let mut seen: FxHashSet<String> = FxHashSet::default();
        let mut add = |pattern: String, form: CueForm| {
            if seen.insert(pattern.clone()) {
                patterns.push(pattern);
                forms.push(form);
            }
        };
        for word in data_lines(attitudes) {
            add(word.to_string(), CueForm::Attitude);
        }
        for line in data_lines(verbs) {
            let mut words = line.split_whitespace();
            let Some(lemma) = words.next() else { continue };
            if lemma == "=" {
                for form in words {
                    add(form.to_string(), form_of_listed(form));
                }
                continue;
            }
            let past = words.next().map(str::to_string).unwrap_or_else(|| past_of(lemma));
            let ing = words.next().map(str::to_string).unwrap_or_else(|| ing_of(lemma));
            add(past, CueForm::Past);
            add(ing, CueForm::Participle);
            add(present_of(lemma), CueForm::Present);
            add(lemma.to_string(), CueForm::Base);
        }
        for line in data_lines(phrases) {
            let Some((how, phrase)) = line.split_once('\t') else { continue };
            let form = if how.trim() == "according" { CueForm::According } else { CueForm::Past };
            add(phrase.trim().to_string(), form);
        }
        // A learned cue is a form as written: its first word's ending says
        // how it attaches ("pointing to" hangs off a clause as "saying" does).
        for line in data_lines(learned) {
            let cue = line.split('\t').next().unwrap_or_default().trim();
            if let Some(first) = cue.split_whitespace().next() {
                add(cue.to_string(), form_of_listed(first));
            }
        }
        // Lowered patterns, matched ignoring ASCII case: the matches of a
        // case-insensitive automaton, whose byte classes count each letter
        // twice (its build took twice as long).
        let lowered: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
        CueLexicon { automaton: CueTable::new(&lowered), forms }
    }

    /// Every cue in `text`, in order, standing as whole words. A capitalised
    /// match ("Post", "Hope") counts only where a sentence may start with the
    /// cue ("Said Trump", "According to").
    pub fn find(&self, text: &str) -> Vec<Cue> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for (pattern, m) in self.automaton.find_iter(bytes) {
            let (s, e) = (m.start, m.end);
            if s > 0 && is_word_byte(bytes[s - 1]) && !nbsp_ends_at(bytes, s) || e < bytes.len() && is_word_byte(bytes[e]) && !bytes[e..].starts_with(NBSP) {
                continue;
            }
            if e + 1 < bytes.len() && matches!(bytes[e], b'\'') && bytes[e + 1].is_ascii_alphabetic() {
                continue;
            }
            let form = self.forms[pattern];
            // A capital is the cue's own only where its form allows it:
            // a title-case headline verb, a participle opening a sentence.
            let capital_fits = capital_allowed(&text[s..e], form) || (form == CueForm::Present && in_title_case(text, s)) || (form == CueForm::Participle && opens_sentence(bytes, s));
            if bytes[s].is_ascii_uppercase() && !capital_fits {
                continue;
            }
            out.push(Cue { span: s..e, form });
        }
        out
    }
}

/// The shape of a form listed as-is on an `=` line, from its ending.
fn form_of_listed(form: &str) -> CueForm {
    if form.ends_with("ing") {
        CueForm::Participle
    } else if form.ends_with('s') && !form.ends_with("ss") {
        CueForm::Present
    } else {
        CueForm::Past
    }
}

/// "Senator Ann Roe Endorses Lee": a verb capitalised after a capitalised
/// word, in a headline written in title case.
fn in_title_case(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else { return false };
    let word = before.rsplit([' ', '\n']).next().unwrap_or_default();
    word.starts_with(|c: char| c.is_uppercase()) && word.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '’' | '\'' | '-'))
}

/// "Noting that …, Holm voted no": a participle may open a sentence; the
/// byte before the match (spaces skipped) ends the one before, a line, or
/// nothing.
fn opens_sentence(bytes: &[u8], at: usize) -> bool {
    let before = bytes[..at].iter().rposition(|&b| b != b' ');
    before.is_none_or(|i| matches!(bytes[i], b'.' | b'!' | b'?' | b'\n' | b'"') || bytes[..=i].ends_with("”".as_bytes()))
}

fn capital_allowed(word: &str, form: CueForm) -> bool {
    form == CueForm::According || matches!(word, "Said" | "Says" | "Asked" | "Added" | "Told")
}

/// A no-break space (U+00A0) in UTF-8: a word boundary like any space.
const NBSP: &[u8] = &[0xC2, 0xA0];

fn nbsp_ends_at(bytes: &[u8], at: usize) -> bool {
    bytes[..at].ends_with(NBSP)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80 && b != 0xE2
}

fn ends_consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

fn present_of(lemma: &str) -> String {
    if ends_consonant_y(lemma) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if ["s", "sh", "ch", "x", "z"].iter().any(|e| lemma.ends_with(e)) {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn past_of(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if ends_consonant_y(lemma) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    }
}

fn ing_of(lemma: &str) -> String {
    if lemma.ends_with('e') && !lemma.ends_with("ee") {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, CueForm)> {
        CueLexicon::builtin().find(text).into_iter().map(|c| (&text[c.span], c.form)).collect()
    }

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        assert_eq!(found("She said it."), [("said", CueForm::Past)]);
        assert_eq!(found("He denies it, denying everything."), [("denies", CueForm::Present), ("denying", CueForm::Participle)]);
        assert_eq!(found("They argued."), [("argued", CueForm::Past)]);
    }

    #[test]
    fn phrases_win_over_their_first_word() {
        assert_eq!(found("Officials raised concerns that"), [("raised concerns", CueForm::Past)]);
        assert_eq!(found("according to aides"), [("according to", CueForm::According)]);
    }

    #[test]
    fn listed_forms_leave_out_the_noun_forms() {
        assert_eq!(found("The state stated that"), [("stated", CueForm::Past)]);
    }

    #[test]
    fn matches_whole_words_only() {
        assert!(found("a sayings book, unsaid").is_empty());
    }

    #[test]
    fn capitalised_nouns_are_not_cues() {
        assert!(found("The Washington Post reported").iter().all(|(w, _)| *w != "Post"));
        assert_eq!(found("Said the mayor:"), [("Said", CueForm::Past)]);
    }

    #[test]
    fn a_capitalised_participle_is_a_cue_only_where_a_sentence_opens() {
        assert_eq!(found("Noting the cost, Holm left."), [("Noting", CueForm::Participle)]);
        assert_eq!(found("The pier shut. Citing the cost, Holm left."), [("Citing", CueForm::Participle)]);
        assert!(found("the harbour board Noting rule").is_empty());
    }

    #[test]
    fn a_verb_in_a_title_case_headline_is_a_cue() {
        assert_eq!(found("Harbour Chief Ana Holm Endorses Lee"), [("Endorses", CueForm::Present)]);
        // Only the -s form a headline writes, and only after a capital.
        assert!(found("Harbour Chief Ana Holm Warned Lee").is_empty());
        assert!(found("the harbour board Warns ships").is_empty());
    }

    #[test]
    fn cues_match_in_any_ascii_case() {
        assert_eq!(found("ACCORDING TO aides"), [("ACCORDING TO", CueForm::According)]);
        assert_eq!(found("officials rAISED cOnCeRnS that"), [("rAISED cOnCeRnS", CueForm::Past)]);
        assert_eq!(found("she sAId it"), [("sAId", CueForm::Past)]);
    }

    #[test]
    fn learned_cues_attach_by_their_first_word() {
        let lexicon = CueLexicon::from_data("say said\n", "", "# cue\tmarked\tin text\tprecision\nlashed out at\t5\t6\t0.83\nalluding to\t3\t4\t0.75\n");
        let text = "Kim lashed out at critics, alluding to the vote, and said so.";
        let found: Vec<(&str, CueForm)> = lexicon.find(text).into_iter().map(|c| (&text[c.span], c.form)).collect();
        assert_eq!(found, [("lashed out at", CueForm::Past), ("alluding to", CueForm::Participle), ("said", CueForm::Past)]);
    }

    #[test]
    fn a_learned_frame_is_a_cue_only_before_its_clause_opener() {
        // "decided" alone is too often no report; "decided to" is one.
        let lexicon = CueLexicon::from_data("", "", "decided to\t9\t32\t0.28\n");
        let text = "The board decided to shut the pier; nothing was decided then.";
        let found: Vec<(&str, CueForm)> = lexicon.find(text).into_iter().map(|c| (&text[c.span], c.form)).collect();
        assert_eq!(found, [("decided to", CueForm::Past)]);
    }

    #[test]
    fn an_adjective_of_attitude_wins_over_a_verb_spelled_the_same() {
        assert_eq!(found("Pilots were worried and skeptical."), [("worried", CueForm::Attitude), ("skeptical", CueForm::Attitude)]);
    }

    #[test]
    fn noun_cue_in_a_statement_is_one_cue() {
        assert_eq!(found("the ministry said in a statement."), [("said in a statement", CueForm::Past)]);
    }
}
