//! Stance: support / oppose / neutral toward the topic, and whether the
//! statement is hedged, from the cue, the content and hedge words.
//!
//! How the signals combine (the cue is how the speaker relates to the
//! content; the content has a polarity of its own):
//! - a `neutral` cue (said, emphasizing) takes the content's polarity:
//!   negations (`off the table`, `will not`) and evaluations (`misguided`,
//!   `big progress`), and also evaluations written in the cue after the verb
//!   (`characterized as extremely positive`);
//! - an `affirm` cue (confirmed, agreed) takes the content's polarity too,
//!   and is support when the content has none;
//! - a `support` cue (praised, called for) is support, an `oppose` or `deny`
//!   cue (criticized, dismissed) is oppose, each turned round when the
//!   content itself is negated (`urged them not to sign` is oppose,
//!   `denied that X will not happen` is support). Evaluative words inside
//!   the content do not turn it (`dismissed claims that X could be coerced
//!   into an unfavorable deal` stays oppose toward the claim);
//! - a negated cue (`did not rule out`, `declined to endorse`) turns a deny
//!   or support cue round and neutralises the others;
//! - hedges anywhere set `hedged`, except hedges inside a denied claim:
//!   `dismissed claims that X could …` is the claim's hedge, not the speaker's.
//!
//! Negations close together in one clause cancel (`it is not true that they
//! will never talk`), and a negation directly before an evaluation turns that
//! evaluation round (`not a good deal`).

use crate::error::{Error, Result};
use crate::extract::lexicon::{self, IrregularVerbs, LexiconLine};
use crate::model::Stance;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const BUILTIN_CUES: &str = include_str!("../../data/stance_cues.tsv");
const BUILTIN_CONTENT: &str = include_str!("../../data/stance_content.tsv");
const BUILTIN_IRREGULAR: &str = include_str!("../../data/irregular_verbs.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceJudgement {
    pub stance: Stance,
    pub hedged: bool,
}

/// How a reporting cue relates the speaker to what is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CuePolarity {
    Support,
    Oppose,
    Deny,
    Affirm,
    Neutral,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueRole {
    Polar(CuePolarity),
    Negation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CueEntry {
    role: CueRole,
    hedge: bool,
}

/// What a content phrase signals; a phrase may be both a negation and a
/// hedge (`unlikely`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ContentEntry {
    negation: bool,
    evaluation: i8,
    hedge: bool,
    ignore: bool,
}

/// What one lexicon line is, by its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineClass {
    Cue(CueEntry),
    Content(ContentEntry),
    Gap,
    Remove,
}

const CLASS_NAMES: &str =
    "support, oppose, deny, affirm, neutral, cue-negation, negation, positive, negative, hedge, ignore, gap, none";

fn parse_class(class: &str) -> std::result::Result<LineClass, String> {
    let unknown = |part: &str| {
        format!("unknown class '{part}' (expected one of: {CLASS_NAMES}, joined with '+')")
    };
    let mut cue_role = None;
    let mut content = ContentEntry::default();
    let mut is_content = false;
    let mut hedge = false;
    for part in class.split('+') {
        match part.to_ascii_lowercase().as_str() {
            "support" => cue_role = Some(CueRole::Polar(CuePolarity::Support)),
            "oppose" => cue_role = Some(CueRole::Polar(CuePolarity::Oppose)),
            "deny" => cue_role = Some(CueRole::Polar(CuePolarity::Deny)),
            "affirm" => cue_role = Some(CueRole::Polar(CuePolarity::Affirm)),
            "neutral" => cue_role = Some(CueRole::Polar(CuePolarity::Neutral)),
            "cue-negation" => cue_role = Some(CueRole::Negation),
            "negation" => (content.negation, is_content) = (true, true),
            "positive" => (content.evaluation, is_content) = (1, true),
            "negative" => (content.evaluation, is_content) = (-1, true),
            "ignore" => (content.ignore, is_content) = (true, true),
            "hedge" => hedge = true,
            "gap" | "none" if class.contains('+') => {
                return Err(format!("class '{part}' cannot be combined"))
            }
            "gap" => return Ok(LineClass::Gap),
            "none" => return Ok(LineClass::Remove),
            _ => return Err(unknown(part)),
        }
    }
    match cue_role {
        Some(_) if is_content => Err(format!(
            "class '{class}' mixes a cue class with a content class"
        )),
        Some(role) => Ok(LineClass::Cue(CueEntry { role, hedge })),
        None => Ok(LineClass::Content(ContentEntry { hedge, ..content })),
    }
}

/// Whole-word phrase matching over a set of lower-case phrases, ignoring
/// ASCII case; at each position the longest phrase wins.
///
/// The automaton is case-sensitive over ASCII-lowered phrases and is run
/// over the ASCII-lowered text ([`Lowered`]): the same matches as a
/// case-insensitive one, whose byte classes count each letter twice, which
/// made its build (at every start) about twice as long.
#[derive(Debug, Clone)]
struct PhraseMatcher<T> {
    automaton: AhoCorasick,
    values: Vec<T>,
}

impl<T: Copy> PhraseMatcher<T> {
    fn new(phrases: &BTreeMap<String, T>, kind: AhoCorasickKind) -> Self {
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(kind))
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases.keys().map(|p| p.to_ascii_lowercase()))
            .expect("lexicon phrases build an automaton");
        PhraseMatcher {
            automaton,
            values: phrases.values().copied().collect(),
        }
    }

    /// `(start, end, value)` of each whole-word match, in text order.
    fn find<'a>(&'a self, text: &'a Lowered<'a>) -> impl Iterator<Item = (usize, usize, T)> + 'a {
        self.automaton
            .find_iter(&text.lower)
            .filter(move |m| is_whole_word(text.text, m.start(), m.end()))
            .map(move |m| (m.start(), m.end(), self.values[m.pattern().as_usize()]))
    }
}

/// A text and its copy with ASCII letters lowered (same length, same
/// offsets), which the phrase automata run over.
struct Lowered<'a> {
    text: &'a str,
    lower: Vec<u8>,
}

impl<'a> Lowered<'a> {
    fn new(text: &'a str) -> Self {
        Lowered { text, lower: crate::extract::tokens::ascii_lowercase(text) }
    }
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Cue polarity, content polarity phrases and hedges; built in from `data/`,
/// extensible by a user's own file.
#[derive(Debug, Clone)]
pub struct StanceLexicon {
    entries: LexiconEntries,
    cues: PhraseMatcher<CueEntry>,
    content: PhraseMatcher<ContentEntry>,
}

/// The expanded phrases the matchers are built from, kept so that a user's
/// file can add to and override them.
#[derive(Debug, Clone, Default)]
struct LexiconEntries {
    irregular: IrregularVerbs,
    cues: BTreeMap<String, CueEntry>,
    content: BTreeMap<String, ContentEntry>,
    gap: BTreeSet<String>,
}

impl LexiconEntries {
    fn add(&mut self, file: &str, text: &str) -> Result<()> {
        for line in lexicon::parse_lines(file, text)? {
            let class =
                parse_class(line.class).map_err(|m| lexicon::line_error(file, line.line, m))?;
            self.add_line(&line, class);
        }
        Ok(())
    }

    fn add_line(&mut self, line: &LexiconLine<'_>, class: LineClass) {
        for phrase in lexicon::expand(line, &self.irregular) {
            match class {
                LineClass::Cue(entry) => {
                    self.cues.insert(phrase, entry);
                }
                LineClass::Content(entry) => {
                    self.content.insert(phrase, entry);
                }
                LineClass::Gap => {
                    self.gap.insert(phrase);
                }
                LineClass::Remove => {
                    self.cues.remove(&phrase);
                    self.content.remove(&phrase);
                    self.gap.remove(&phrase);
                }
            }
        }
    }
}

impl Default for StanceLexicon {
    /// The built-in lexicon from `data/`.
    fn default() -> Self {
        Self::builtin()
    }
}

impl StanceLexicon {
    /// The built-in lexicon from `data/stance_cues.tsv`,
    /// `data/stance_content.tsv` and `data/irregular_verbs.tsv`.
    pub fn builtin() -> Self {
        let mut entries = LexiconEntries {
            irregular: IrregularVerbs::parse(BUILTIN_IRREGULAR),
            ..Default::default()
        };
        entries
            .add("data/stance_cues.tsv", BUILTIN_CUES)
            .expect("built-in cue lexicon is well formed");
        entries
            .add("data/stance_content.tsv", BUILTIN_CONTENT)
            .expect("built-in content lexicon is well formed");
        Self::from_entries(entries)
    }

    /// The built-in lexicon extended by a user's file in the same format;
    /// its lines override built-in entries for the same phrase.
    pub fn with_user_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut lexicon = Self::builtin();
        lexicon.extend_from_str(&path.display().to_string(), &text)?;
        Ok(lexicon)
    }

    /// Add the entries of lexicon text (read from `file`, which names it in
    /// errors); on error the lexicon is unchanged.
    pub fn extend_from_str(&mut self, file: &str, text: &str) -> Result<()> {
        let mut entries = self.entries.clone();
        entries.add(file, text)?;
        *self = Self::from_entries(entries);
        Ok(())
    }

    fn from_entries(entries: LexiconEntries) -> Self {
        // Cues are a few words; contents are whole clauses, searched for
        // every statement, worth a DFA's longer build. A cue's few bytes do
        // not repay even the contiguous NFA's build from the noncontiguous
        // one (0.8 M instructions at each start, the searches 0.1 M more).
        let cues = PhraseMatcher::new(&entries.cues, AhoCorasickKind::NoncontiguousNFA);
        let content = PhraseMatcher::new(&entries.content, AhoCorasickKind::DFA);
        StanceLexicon {
            entries,
            cues,
            content,
        }
    }

    /// The stance of a statement reported with `cue` (as written: "dismissed",
    /// "ruled out", "according to") saying `content`.
    pub fn judge(&self, cue: &str, content: &str) -> StanceJudgement {
        let (cue, content) = (Lowered::new(cue), Lowered::new(content));
        let reading = self.read_cue(&cue);
        let cue_signals = self.scan(&cue, Some(reading.end));
        let content_signals = self.scan(&content, None);

        let evaluation = cue_signals.evaluation + content_signals.evaluation;
        let overall = content_signals.overall(evaluation);
        let negated_content = content_signals.negated;
        let (stance, negation_hedge) =
            combine(reading.polarity, reading.negated, overall, negated_content);

        // A denied claim's hedges are the claim's, not the speaker's.
        let claim_denied = reading.polarity == CuePolarity::Deny && !reading.negated;
        let content_hedge = content_signals.hedged && !claim_denied;
        let hedged = reading.hedge || cue_signals.hedged || content_hedge || negation_hedge;
        StanceJudgement { stance, hedged }
    }

    /// The cue's polarity: its last polar phrase (the main verb of "refused
    /// to rule out"), negated by an odd number of cue negations before it.
    fn read_cue(&self, cue: &Lowered<'_>) -> CueReading {
        let mut reading = CueReading {
            polarity: CuePolarity::Neutral,
            negated: false,
            hedge: false,
            end: 0,
        };
        let mut negations_before = 0u32;
        let mut negations = 0u32;
        for (_, end, entry) in self.cues.find(cue) {
            reading.hedge |= entry.hedge;
            reading.end = end;
            match entry.role {
                CueRole::Negation => negations += 1,
                CueRole::Polar(CuePolarity::Neutral) => {}
                CueRole::Polar(polarity) => {
                    reading.polarity = polarity;
                    negations_before = negations;
                }
            }
        }
        reading.negated = negations_before % 2 == 1;
        reading
    }

    /// Polarity and hedge signals in `text`. With `cue_end`, `text` is a cue:
    /// only its hedges count, and evaluations written after the cue phrase.
    fn scan(&self, lowered: &Lowered<'_>, cue_end: Option<usize>) -> Signals {
        let text = lowered.text;
        let mut signals = Signals::default();
        let mut cluster: Option<NegationCluster> = None;
        for (start, end, entry) in self.content.find(lowered) {
            if entry.ignore || is_month_may(text, start, end) {
                continue;
            }
            signals.hedged |= entry.hedge;
            if let Some(cue_end) = cue_end {
                if start >= cue_end && entry.evaluation != 0 {
                    signals.add_evaluation(entry.evaluation, end);
                }
                continue;
            }
            if entry.negation {
                match cluster.as_mut() {
                    Some(c) if same_clause(&text[c.end..start]) => {
                        c.count += 1;
                        c.written += 1;
                        c.end = end;
                    }
                    _ => {
                        if let Some(done) = cluster.take() {
                            signals.close(done);
                        }
                        cluster = Some(NegationCluster {
                            count: 1,
                            written: 1,
                            end,
                        });
                    }
                }
            } else if entry.evaluation != 0 {
                let mut sign = entry.evaluation;
                if let Some(c) = cluster.as_mut().filter(|c| c.count > 0) {
                    if self.only_gap_words(&text[c.end..start]) {
                        sign = -sign;
                        c.count -= 1;
                    }
                }
                signals.add_evaluation(sign, end);
            }
        }
        if let Some(done) = cluster {
            signals.close(done);
        }
        signals
    }

    /// Whether a negation ending just before `between` negates the
    /// evaluation just after it: nothing but gap words in between.
    fn only_gap_words(&self, between: &str) -> bool {
        between
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '\'' || c == '-')
            && between.split_whitespace().all(|w| self.is_gap_word(w))
    }

    fn is_gap_word(&self, word: &str) -> bool {
        self.entries
            .gap
            .iter()
            .any(|g| g.eq_ignore_ascii_case(word))
    }
}

/// Combine cue and content into a stance; the flag says the negation of a
/// deny or affirm cue hedges ("did not rule out", "would not confirm").
fn combine(
    polarity: CuePolarity,
    negated: bool,
    overall: i8,
    negated_content: bool,
) -> (Stance, bool) {
    let turned = if negated_content { -1 } else { 1 };
    let sign: i8 = match polarity {
        CuePolarity::Neutral => overall,
        CuePolarity::Affirm if overall != 0 => overall,
        CuePolarity::Affirm => 1,
        CuePolarity::Support => turned,
        CuePolarity::Oppose | CuePolarity::Deny => -turned,
    };
    if !negated {
        return (stance_of(sign), false);
    }
    match polarity {
        CuePolarity::Deny => (stance_of(-sign), true),
        CuePolarity::Support => (stance_of(-sign), false),
        CuePolarity::Affirm => (Stance::Neutral, true),
        CuePolarity::Oppose | CuePolarity::Neutral => (Stance::Neutral, false),
    }
}

fn stance_of(sign: i8) -> Stance {
    match sign {
        s if s > 0 => Stance::Support,
        s if s < 0 => Stance::Oppose,
        _ => Stance::Neutral,
    }
}

struct CueReading {
    polarity: CuePolarity,
    negated: bool,
    hedge: bool,
    /// Where the last cue phrase ends: evaluations after it are part of
    /// what the speaker said ("characterized as extremely positive").
    end: usize,
}

/// Negations in one clause with nothing but a few words between them.
struct NegationCluster {
    /// Negations not spent on turning an evaluation round.
    count: u32,
    /// All negations, for whether the content as a whole is negated
    /// (`urged them not to approve` negates what was urged).
    written: u32,
    end: usize,
}

#[derive(Default)]
struct Signals {
    /// Sum of evaluations, each +1 or -1 (after negation).
    evaluation: i32,
    /// Sum of negation clusters: -1 for an odd one, +1 for a double negation.
    negation: i32,
    /// Whether some clause has an odd number of negations, counting those
    /// that turned an evaluation round.
    negated: bool,
    /// The sign and position of the latest signal, which breaks a tie.
    last: (i8, usize),
    hedged: bool,
}

impl Signals {
    fn add_evaluation(&mut self, sign: i8, end: usize) {
        self.evaluation += i32::from(sign);
        self.note(sign, end);
    }

    fn close(&mut self, cluster: NegationCluster) {
        self.negated |= cluster.written % 2 == 1;
        if cluster.count == 0 {
            return;
        }
        let sign: i8 = if cluster.count % 2 == 1 { -1 } else { 1 };
        self.negation += i32::from(sign);
        self.note(sign, cluster.end);
    }

    fn note(&mut self, sign: i8, end: usize) {
        if end >= self.last.1 {
            self.last = (sign, end);
        }
    }

    /// The content's polarity with these `evaluation`s: the sign of the sum,
    /// or of the latest signal on a tie.
    fn overall(&self, evaluation: i32) -> i8 {
        let total = evaluation + self.negation;
        if total != 0 {
            total.signum() as i8
        } else {
            self.last.0
        }
    }
}

/// Two negations belong together when no clause boundary parts them.
fn same_clause(between: &str) -> bool {
    const BREAKS: [&str; 8] = [
        "and", "but", "while", "whereas", "although", "though", "because", "however",
    ];
    !between.contains([',', ';', ':', '.', '!', '?', '(', ')', '\u{2014}'])
        && between.split_whitespace().count() <= 8
        && !between
            .split_whitespace()
            .any(|w| BREAKS.iter().any(|b| b.eq_ignore_ascii_case(w)))
}

/// `May` with a capital inside a text is the month, not the hedge.
fn is_month_may(text: &str, start: usize, end: usize) -> bool {
    start > 0 && &text[start..end] == "May"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(cue: &str, content: &str) -> StanceJudgement {
        StanceLexicon::default().judge(cue, content)
    }

    fn judged(stance: Stance, hedged: bool) -> StanceJudgement {
        StanceJudgement { stance, hedged }
    }

    #[test]
    fn off_the_table_after_a_neutral_cue_is_oppose() {
        let got = judge(
            "emphasizing",
            "under Ukrainian law, ceding territory, including regions like Donetsk and Luhansk, is off the table without direct talks between Ukraine and Russia",
        );
        assert_eq!(got, judged(Stance::Oppose, false));
    }

    #[test]
    fn dismissing_a_hedged_claim_is_oppose_and_not_hedged() {
        let got = judge(
            "dismissed",
            "claims that Zelensky could be coerced into an unfavorable deal",
        );
        assert_eq!(got, judged(Stance::Oppose, false));
    }

    #[test]
    fn characterized_as_extremely_positive_is_support() {
        assert_eq!(
            judge("characterized", "extremely positive").stance,
            Stance::Support
        );
        assert_eq!(
            judge("characterized as extremely positive", "the phone call").stance,
            Stance::Support
        );
    }

    #[test]
    fn a_claim_of_big_progress_in_capitals_is_support() {
        assert_eq!(
            judge("claiming", "BIG PROGRESS ON RUSSIA"),
            judged(Stance::Support, false)
        );
    }

    #[test]
    fn may_have_agreed_is_hedged() {
        assert!(
            judge(
                "revealed",
                "Putin may have agreed to a security pact similar to NATO's for Ukraine"
            )
            .hedged
        );
    }

    #[test]
    fn the_month_of_may_is_no_hedge() {
        assert!(!judge("said", "the talks in May went ahead as planned").hedged);
    }

    #[test]
    fn cue_polarity_holds_in_every_inflection() {
        for cue in [
            "dismisses",
            "dismissed",
            "ruled out",
            "rules out",
            "is ruling out",
            "denied",
            "rejected",
        ] {
            assert_eq!(
                judge(cue, "a deal with Moscow").stance,
                Stance::Oppose,
                "{cue}"
            );
        }
        for cue in [
            "called for",
            "calls for",
            "praised",
            "welcomes",
            "urged",
            "endorsing",
        ] {
            assert_eq!(
                judge(cue, "a deal with Moscow").stance,
                Stance::Support,
                "{cue}"
            );
        }
        for cue in ["said", "told reporters", "added", "noted", "according to"] {
            assert_eq!(
                judge(cue, "a deal with Moscow").stance,
                Stance::Neutral,
                "{cue}"
            );
        }
    }

    #[test]
    fn raised_concerns_is_oppose_and_the_modal_hedges_it() {
        assert_eq!(
            judge(
                "have raised concerns",
                "Trump may pressure Zelensky into concessions"
            ),
            judged(Stance::Oppose, true)
        );
    }

    #[test]
    fn denying_a_negation_is_support() {
        assert_eq!(
            judge("denied", "that the talks will not happen").stance,
            Stance::Support
        );
    }

    #[test]
    fn urging_not_to_is_oppose() {
        assert_eq!(
            judge("urged", "Congress not to pass the bill").stance,
            Stance::Oppose
        );
    }

    #[test]
    fn negation_before_an_evaluation_turns_it() {
        assert_eq!(
            judge("said", "this is not a good deal").stance,
            Stance::Oppose
        );
        assert_eq!(
            judge("said", "the plan is not misguided at all").stance,
            Stance::Support
        );
    }

    #[test]
    fn double_negation_in_one_clause_is_support() {
        assert_eq!(
            judge("said", "it is not true that Kyiv will never negotiate").stance,
            Stance::Support
        );
    }

    #[test]
    fn negations_in_separate_clauses_do_not_cancel() {
        assert_eq!(
            judge(
                "said",
                "Kyiv will not give up land, and it will never accept occupation"
            )
            .stance,
            Stance::Oppose
        );
    }

    #[test]
    fn a_negated_deny_cue_leaves_the_door_open() {
        assert_eq!(
            judge("refused to rule out", "a ceasefire"),
            judged(Stance::Support, true)
        );
        assert_eq!(
            judge("did not rule out", "a ceasefire"),
            judged(Stance::Support, true)
        );
        assert_eq!(
            judge("declined to endorse", "the plan").stance,
            Stance::Oppose
        );
    }

    #[test]
    fn a_user_file_overrides_and_extends() {
        let mut lexicon = StanceLexicon::default();
        assert_eq!(
            lexicon.judge("pooh-poohed", "the plan").stance,
            Stance::Neutral
        );
        lexicon
            .extend_from_str(
                "beat.tsv",
                "# our beat\npooh-pooh  deny  verb\nsay  support verb\n",
            )
            .unwrap();
        assert_eq!(
            lexicon.judge("pooh-poohed", "the plan").stance,
            Stance::Oppose
        );
        assert_eq!(lexicon.judge("says", "the plan").stance, Stance::Support);
    }

    #[test]
    fn a_bad_user_line_names_file_and_line_and_changes_nothing() {
        let mut lexicon = StanceLexicon::default();
        let err = lexicon
            .extend_from_str("beat.tsv", "pooh-pooh deny verb\nshrug   meh\n")
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("beat.tsv:2: unknown class 'meh'"),
            "{err}"
        );
        assert_eq!(
            lexicon.judge("pooh-poohed", "the plan").stance,
            Stance::Neutral
        );
    }

    #[test]
    fn calling_something_misguided_is_oppose() {
        assert_eq!(
            judge("calling", "such narratives misguided"),
            judged(Stance::Oppose, false)
        );
    }

    #[test]
    fn a_user_file_extends_the_builtin_lexicon() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("beat.tsv");
        std::fs::write(&path, "# newsroom terms\nstonewall  oppose  verb\n").unwrap();
        let lexicon = StanceLexicon::with_user_file(&path).unwrap();
        assert_eq!(
            lexicon.judge("stonewalled", "the inquiry").stance,
            Stance::Oppose
        );
        assert_eq!(
            lexicon.judge("dismissed", "the inquiry").stance,
            Stance::Oppose
        );
    }

    #[test]
    fn a_bad_line_in_a_user_file_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("beat.tsv");
        std::fs::write(&path, "stonewall  oppose  verb\nstonewall\n").unwrap();
        let err = StanceLexicon::with_user_file(&path).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}:2: expected 'PHRASE CLASS [verb]', found 'stonewall'",
                path.display()
            )
        );
    }

    #[test]
    fn a_user_file_that_cannot_be_read_names_it() {
        let err = StanceLexicon::with_user_file("/nonexistent/beat.tsv").unwrap_err();
        assert!(
            err.to_string().starts_with("/nonexistent/beat.tsv:"),
            "{err}"
        );
    }

    #[test]
    fn none_removes_a_phrase() {
        let mut lexicon = StanceLexicon::default();
        lexicon
            .extend_from_str("beat.tsv", "misguided none\n")
            .unwrap();
        assert_eq!(
            lexicon.judge("said", "the plan is misguided").stance,
            Stance::Neutral
        );
    }

    #[test]
    fn typographic_apostrophes_negate_too() {
        assert_eq!(
            judge("said", "Kyiv won\u{2019}t sign").stance,
            Stance::Oppose
        );
    }
}
