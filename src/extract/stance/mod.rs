//! Stance: support / oppose / neutral toward what a statement is about,
//! whether it is hedged, and how sure the judgement is, from the cue, the
//! content and hedge words.
//!
//! How the signals combine (the cue is how the speaker relates to the
//! content; the content has a polarity of its own):
//! - the content's polarity is the sum of its evaluations: curated phrases
//!   (`data/stance_content.tsv`) and, where no phrase stands, the general
//!   evaluative words of `data/stance_evaluative.tsv` (VADER). A negation up
//!   to a few words before an evaluation turns it round (`not a good deal`,
//!   `would never quit`); a plain negation left over states a fact (`did
//!   not arrive` is neutral), but a denial is oppose: the speaker's own
//!   (`I didn't post that`) or one that opens the content by saying there
//!   is none of a thing (`no plans for a sale`); a refusal left over (`off
//!   the table`, `ruled out`, `unlikely`) is oppose, and two negations in
//!   one clause affirm;
//!   where nothing is evaluated, saying what should (not) be done takes a
//!   side (`the county must repave the road`, `should not sell it`);
//! - a `neutral` cue (said, emphasizing) takes the content's polarity, also
//!   counting evaluations written in the cue after the verb
//!   (`characterized as extremely positive`);
//! - an `affirm` cue (confirmed, agreed) takes the content's polarity too,
//!   and is support when the content has none (oppose when it is negated);
//! - a `support` cue (praised, called for, or a calling verb with someone
//!   to act: `pressed the board to publish`) is support, turned round when the
//!   content's first clause is negated (`urged them not to sign`, but not
//!   `praised them for not backing down`); an `oppose` cue (criticized,
//!   cautioned) is oppose whatever the content (`cautioned that a deal was
//!   unlikely`, `blasted him for not paying`); a `deny` cue is oppose,
//!   turned round by a negated claim (`denied that X will not happen`);
//! - a negated cue (`did not rule out`, `declined to endorse`) turns a deny
//!   or support cue round and neutralises the others; a refusal of a plain
//!   act (`refused to release the names`) is oppose, though less sure than a
//!   denial, while declining to speak (`declined to comment`, `to be
//!   identified`) takes no side;
//! - a participle cue that takes no side ("saying", "calling") reads the
//!   polar verb of the clause governing it: "attacked the plan, saying it
//!   costs too much" opposes as "attacked" does (`governing.rs`);
//! - hedges anywhere set `hedged`, except hedges inside a denied claim:
//!   `dismissed claims that X could …` is the claim's hedge, not the speaker's.
//!
//! The confidence comes from the signals behind the stance, counted into
//! evidence points and calibrated on hand-labelled news statements
//! (`confidence.rs`).

mod confidence;
mod consequence;
mod declared;
mod departure;
mod evaluative;
mod governing;
mod lead;
mod phrases;
mod removal;
mod share;

use crate::error::{Error, Result};
use crate::extract::lexicon::{self, IrregularVerbs, LexiconLine};
use crate::model::Stance;
use confidence::{ConfidenceTable, Evidence};
use phrases::PhraseMatcher;
pub use governing::governing_clause;
pub use lead::cue_lead;
pub use removal::toward_topic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;
use crate::extract::word_set::WordSet;

const BUILTIN_CUES: &str = include_str!("../../../data/stance_cues.tsv");
const BUILTIN_CONTENT: &str = include_str!("../../../data/stance_content.tsv");
const BUILTIN_IRREGULAR: &str = include_str!("../../../data/irregular_verbs.tsv");
const BUILTIN_THOUGHT_VERBS: &str = include_str!("../../../data/stance_thought_verbs.txt");
const BUILTIN_OPINION_VERBS: &str = include_str!("../../../data/stance_opinion_verbs.txt");
const BUILTIN_CLAUSE_BREAKS: &str = include_str!("../../../data/stance_clause_breaks.txt");
const BUILTIN_NONE_WORDS: &str = include_str!("../../../data/stance_none_words.txt");
const BUILTIN_COMPLEMENT_WORDS: &str = include_str!("../../../data/stance_complement_words.txt");
const BUILTIN_CUE_PARTICLES: &str = include_str!("../../../data/stance_cue_particles.txt");
const BUILTIN_HELD_VIEWS: &str = include_str!("../../../data/stance_held_views.txt");
const BUILTIN_WITHHELD_OBJECTS: &str = include_str!("../../../data/stance_withheld_objects.txt");
const BUILTIN_SIDE_CLAUSE_OPENERS: &str = include_str!("../../../data/stance_side_clause_openers.txt");
const BUILTIN_MONTH_LEAD_WORDS: &str = include_str!("../../../data/stance_month_lead_words.txt");
const BUILTIN_HEDGE_CUES: &str = include_str!("../../../data/stance_hedge_cues.txt");
const BUILTIN_QUESTION_OPENERS: &str = include_str!("../../../data/stance_question_openers.txt");
const BUILTIN_RHETORICAL_WORDS: &str = include_str!("../../../data/stance_rhetorical_words.txt");

static THOUGHT_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_THOUGHT_VERBS));
static OPINION_VERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_OPINION_VERBS));
static CLAUSE_BREAKS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_CLAUSE_BREAKS));
static NONE_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_NONE_WORDS));
static COMPLEMENT_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_COMPLEMENT_WORDS));
static CUE_PARTICLES: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_CUE_PARTICLES));
static HELD_VIEWS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_HELD_VIEWS));
static WITHHELD_OBJECTS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_WITHHELD_OBJECTS));
static MONTH_LEAD_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_MONTH_LEAD_WORDS));
static HEDGE_CUES: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_HEDGE_CUES));
static QUESTION_OPENERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_QUESTION_OPENERS));
static RHETORICAL_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(BUILTIN_RHETORICAL_WORDS));
/// Openers of a side clause, each followed by the space that ends it.
static SIDE_CLAUSE_OPENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    BUILTIN_SIDE_CLAUSE_OPENERS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|opener| format!("{opener} "))
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StanceJudgement {
    pub stance: Stance,
    pub hedged: bool,
    /// How often a stance decided this way is right, 0 to 1.
    pub confidence: f64,
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
    /// A cue that reports a finding (according to, show, find).
    report: bool,
    /// A cue that reports a feeling (hope, fear, worry): it takes a side,
    /// but a wish or a fear is less often a position on a target than a
    /// stated one.
    feeling: bool,
}

/// What a content phrase signals; a phrase may be both a negation and a
/// hedge (`unlikely`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ContentEntry {
    negation: bool,
    /// A negation that is a refusal in itself (off the table, rule out).
    refusal: bool,
    evaluation: i8,
    /// A favourable evaluation that is an act of backing (support, endorse).
    endorsement: bool,
    hedge: bool,
    ignore: bool,
    /// Says what should be done (+1: "must", "need to") or not be done
    /// (-1: "should not"): the side taken when nothing is evaluated.
    advocacy: i8,
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
    "support, oppose, deny, affirm, neutral, report, feeling, cue-negation, negation, refusal, positive, endorsement, negative, advocate, advocate-against, hedge, ignore, gap, none";

fn parse_class(class: &str) -> std::result::Result<LineClass, String> {
    let unknown = |part: &str| {
        format!("unknown class '{part}' (expected one of: {CLASS_NAMES}, joined with '+')")
    };
    let mut cue_role = None;
    let mut content = ContentEntry::default();
    let mut is_content = false;
    let mut hedge = false;
    let mut report = false;
    let mut feeling = false;
    for part in class.split('+') {
        match part.to_ascii_lowercase().as_str() {
            "support" => cue_role = Some(CueRole::Polar(CuePolarity::Support)),
            "oppose" => cue_role = Some(CueRole::Polar(CuePolarity::Oppose)),
            "deny" => cue_role = Some(CueRole::Polar(CuePolarity::Deny)),
            "affirm" => cue_role = Some(CueRole::Polar(CuePolarity::Affirm)),
            "neutral" => cue_role = Some(CueRole::Polar(CuePolarity::Neutral)),
            "report" => (cue_role, report) = (Some(CueRole::Polar(CuePolarity::Neutral)), true),
            "cue-negation" => cue_role = Some(CueRole::Negation),
            "negation" => (content.negation, is_content) = (true, true),
            "refusal" => (content.negation, content.refusal, is_content) = (true, true, true),
            "positive" => (content.evaluation, is_content) = (1, true),
            "endorsement" => (content.evaluation, content.endorsement, is_content) = (1, true, true),
            "negative" => (content.evaluation, is_content) = (-1, true),
            "ignore" => (content.ignore, is_content) = (true, true),
            "advocate" => (content.advocacy, is_content) = (1, true),
            "advocate-against" => (content.advocacy, is_content) = (-1, true),
            "hedge" => hedge = true,
            "feeling" => feeling = true,
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
        Some(role) => Ok(LineClass::Cue(CueEntry { role, hedge, report, feeling })),
        None if feeling => Err(format!("class '{class}': only a cue can be a feeling")),
        None => Ok(LineClass::Content(ContentEntry { hedge, ..content })),
    }
}

/// A text and its copy with ASCII letters lowered (same length, same
/// offsets), which the phrase matchers read.
struct Lowered<'a> {
    text: &'a str,
    lower: Vec<u8>,
}

impl<'a> Lowered<'a> {
    fn new(text: &'a str) -> Self {
        Lowered { text, lower: crate::extract::tokens::ascii_lowercase(text) }
    }
}

/// Cue polarity, content polarity phrases and hedges; built in from `data/`,
/// extensible by a user's own file.
#[derive(Debug, Clone)]
pub struct StanceLexicon {
    entries: LexiconEntries,
    evaluative: evaluative::EvaluativeWords,
    cues: PhraseMatcher<CueEntry>,
    content: PhraseMatcher<ContentEntry>,
    confidence: ConfidenceTable,
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
        let cues = PhraseMatcher::new(&entries.cues);
        let content = PhraseMatcher::new(&entries.content);
        StanceLexicon {
            entries,
            evaluative: evaluative::EvaluativeWords::builtin(),
            cues,
            content,
            confidence: ConfidenceTable::load(),
        }
    }

    /// The stance of a statement reported with `cue` (as written: "dismissed",
    /// "ruled out", "according to") saying `content`.
    pub fn judge(&self, cue: &str, content: &str) -> StanceJudgement {
        self.judge_after("", cue, content)
    }

    /// The stance of a statement whose cue follows `lead` in its clause
    /// (`cue_lead`): a negation there ("has not endorsed", "did not deny")
    /// negates the cue as one written in it would.
    pub fn judge_after(&self, lead: &str, cue: &str, content: &str) -> StanceJudgement {
        self.judge_said_by("", lead, cue, content)
    }

    /// The stance of a statement as `judge_after` reads it, said by the
    /// speaker written as `speaker` ("36 percent of voters"): a share of
    /// those a poll asked reports a count, which takes no side.
    pub fn judge_said_by(&self, speaker: &str, lead: &str, cue: &str, content: &str) -> StanceJudgement {
        self.judge_governed(speaker, lead, "", cue, content)
    }

    /// The stance of a statement as `judge_said_by` reads it, whose cue is
    /// a participle governed by the clause `governing` (`governing_clause`):
    /// "attacked the plan, saying it costs too much" is read as "attacked".
    pub fn judge_governed(&self, speaker: &str, lead: &str, governing: &str, cue: &str, content: &str) -> StanceJudgement {
        let (cue, content) = (Lowered::new(cue), Lowered::new(content));
        let mut reading = self.read_cue_with_particle(&cue, &content);
        // A negation before a negated cue affirms it ("never refused to
        // endorse").
        let lead_negates = self.negates_cue(lead);
        let led = lead_negates && !reading.negated;
        reading.negated ^= lead_negates;
        let governed = self.governing_reading(&reading, led, governing);
        let governed_by_a_verb = governed.is_some();
        if let Some(main) = governed {
            reading = main;
        }
        if reading.polarity == CuePolarity::Deny && opens_with_quantity(content.text) {
            // "declined 40 percent", "dropped by $2 billion": an amount
            // that fell, not a claim refused.
            reading.polarity = CuePolarity::Neutral;
        }
        if reading.polarity == CuePolarity::Neutral && !reading.negated && self.calls_on_someone_to_act(&cue, &content) {
            reading.polarity = CuePolarity::Support;
        }
        let cue_signals = self.scan(&cue, Some(reading.end));
        let content_signals = self.scan(&content, None);

        let evaluation = cue_signals.evaluation + content_signals.evaluation;
        let overall = content_signals.overall(evaluation);
        let (stance, negation_hedge) = if led {
            let held_view = HELD_VIEWS.holds(cue.text.split_whitespace().next_back().unwrap_or(""));
            let no_one = WITHHELD_OBJECTS.holds(content.text.split_whitespace().next().unwrap_or(""));
            combine_led(reading.polarity, held_view, no_one, overall, content_signals.negated)
        } else {
            combine(reading.polarity, reading.negated, overall, content_signals.negated)
        };
        let (positive, negative) = (cue_signals.pos + content_signals.pos, cue_signals.neg + content_signals.neg);
        let strength = (evaluation + content_signals.rejection as f32).abs();
        let shape = confidence::ContentShape::of(content.text, &content.lower);
        let stance = reconsider(stance, &reading, shape, cue.text, content.text);
        let calls_to_leave = !reading.negated
            && !led
            && departure::calls_to_leave(reading.polarity == CuePolarity::Support, cue.text, content.text);
        let stance = if calls_to_leave { Stance::Oppose } else { stance };
        let stance = if share::names_a_share(speaker) { Stance::Neutral } else { stance };
        let stance = if self.backs_by_a_margin(&reading, content.text) { Stance::Neutral } else { stance };

        // A denied claim's hedges are the claim's, not the speaker's.
        let claim_denied = reading.polarity == CuePolarity::Deny && !reading.negated;
        let content_hedge = content_signals.hedged && !claim_denied;
        let hedged = reading.hedge || cue_signals.hedged || content_hedge || negation_hedge;
        let (agreeing, against) = match stance {
            Stance::Support => (positive, negative),
            Stance::Oppose => (negative, positive),
            Stance::Neutral => (0, 0),
        };
        // A refused endorsement ("declined to back") is as plain a position
        // as an endorsement. A feeling is no decisive cue: on the train
        // labels "hoped", "worries" were right as polar half the time.
        // A negation before the cue is read less surely than one in it: "has
        // not endorsed" withholds as often as it refuses.
        // A call for someone to go is as plain a position as a polar cue.
        // A verb read from the governing clause is less sure than a cue of
        // the statement's own: the clause may hold more than one verb.
        let polar_cue = !governed_by_a_verb && (calls_to_leave || !led && match reading.polarity {
            CuePolarity::Support => !reading.feeling,
            CuePolarity::Oppose | CuePolarity::Deny => !reading.negated && !reading.refused_act && !reading.feeling,
            CuePolarity::Affirm | CuePolarity::Neutral => stance == Stance::Oppose && content_signals.refused_endorsement,
        });
        let evidence = Evidence {
            polar_cue,
            deny_cue: reading.polarity == CuePolarity::Deny,
            negated_cue: reading.negated,
            report_cue: reading.report,
            agreeing,
            against,
            evaluations: positive + negative,
            strength,
            hedged,
            question: shape.question,
            quoted: shape.quoted,
            figure: shape.figure,
            first_person: content_signals.first_person,
            short: shape.words < confidence::SHORT_WORDS,
            declared: match stance {
                Stance::Support => content_signals.declared_backing > 0,
                // "refused to endorse her, ...": the refusal given outright.
                Stance::Oppose => {
                    content_signals.declared_backing < 0
                        || (reading.negated && reading.polarity == CuePolarity::Support && content_signals.opens_on_backing)
                }
                Stance::Neutral => false,
            },
        };
        let confidence = self.confidence.confidence(stance, evidence.points(stance));
        StanceJudgement { stance, hedged, confidence }
    }

    /// The cue's reading, or that of the cue with the content's first words
    /// when they make a longer cue phrase: a cue found as "calls" with the
    /// content "for new talks" is "calls for", and "declined" with "to
    /// comment on it" is "declined to comment", which takes no side.
    fn read_cue_with_particle(&self, cue: &Lowered<'_>, content: &Lowered<'_>) -> CueReading {
        let reading = self.read_cue(cue);
        let mut words = content.text.split_whitespace();
        let first = words.next().unwrap_or("");
        if !CUE_PARTICLES.holds(first) {
            return reading;
        }
        let one = format!("{} {}", cue.text, first);
        let two = words.next().map(|second| format!("{one} {second}"));
        let mut refused_act = false;
        for joined in two.iter().chain(std::iter::once(&one)) {
            let longer = self.read_cue(&Lowered::new(joined));
            if longer.end <= cue.text.len() {
                continue;
            }
            // "refused to" + "release the names" negates nothing that
            // follows: the refusal stands, against what was refused.
            if longer.ends_negating {
                refused_act = true;
                continue;
            }
            // Evaluations in the cue still start after the cue as written.
            return CueReading { end: reading.end, ..longer };
        }
        CueReading { refused_act: refused_act && reading.polarity == CuePolarity::Deny, ..reading }
    }

    /// The reading of the clause governing a participle cue that takes no
    /// side of its own ("attacked the plan, saying ...", "defended it by
    /// saying ..."): its polar verb, when neither negated ("did not attack
    /// it, saying"), a feeling, nor a refusal to act ("refused to
    /// speculate, adding"). A report, a hedge or a negated participle keeps
    /// its own reading, and so does a clause whose first cue takes no side:
    /// a polar word after "said" is part of what was said ("said she will
    /// have to back them, adding"). The clause's first cue is its verb: in
    /// "rejected calls for a truce, saying" the later "calls for" is what
    /// was rejected.
    fn governing_reading(&self, reading: &CueReading, led: bool, governing: &str) -> Option<CueReading> {
        if governing.is_empty() || led || reading.polarity != CuePolarity::Neutral || reading.negated || reading.report || reading.hedge {
            return None;
        }
        let governing = Lowered::new(governing);
        // A negation (or refusal) first negates the verb: no side read.
        let (at, _, verb) = *self.cues.find(governing.text, &governing.lower).first()?;
        let CueRole::Polar(polarity) = verb.role else { return None };
        // "walked back his remarks, saying": "back" is no verb there.
        if governing::cue_is_a_particle(governing.text, at, &self.entries.irregular) {
            return None;
        }
        let polar = matches!(polarity, CuePolarity::Support | CuePolarity::Oppose | CuePolarity::Deny);
        (polar && !verb.feeling).then_some(CueReading { polarity, hedge: verb.hedge, report: false, feeling: false, ..*reading })
    }

    /// Whether the cue calls on someone named in the content to act
    /// (`departure::calls_on_someone_to_act`) and the words naming them
    /// judge nothing: "called the toll unfair to drivers" judges the toll.
    fn calls_on_someone_to_act(&self, cue: &Lowered<'_>, content: &Lowered<'_>) -> bool {
        departure::calls_on_someone_to_act(cue.text, content.text).is_some_and(|to| {
            let person = self.scan(&Lowered::new(&content.text[..to]), None);
            person.pos + person.neg == 0 && person.rejection == 0
        })
    }

    /// Whether a backing cue ("favor", "supporting") is counted by a margin
    /// (`share::counts_a_margin`): a vote or a poll, not a position.
    fn backs_by_a_margin(&self, reading: &CueReading, content: &str) -> bool {
        reading.polarity == CuePolarity::Support && !reading.negated && share::counts_a_margin(content)
    }

    /// Whether the words before a cue negate it: an odd number of cue
    /// negations ("not", "never", "refused to", "has yet to").
    fn negates_cue(&self, lead: &str) -> bool {
        if lead.is_empty() {
            return false;
        }
        let lead = Lowered::new(lead);
        let negations = self.cues.find(lead.text, &lead.lower).iter().filter(|(_, _, e)| e.role == CueRole::Negation).count();
        negations % 2 == 1
    }

    /// The cue's polarity: its last polar phrase (the main verb of "refused
    /// to rule out"), negated by an odd number of cue negations before it.
    fn read_cue(&self, cue: &Lowered<'_>) -> CueReading {
        let mut reading = CueReading {
            polarity: CuePolarity::Neutral,
            negated: false,
            hedge: false,
            report: false,
            feeling: false,
            end: 0,
            ends_negating: false,
            refused_act: false,
        };
        let mut negations_before = 0u32;
        let mut negations = 0u32;
        for (_, end, entry) in self.cues.find(cue.text, &cue.lower) {
            reading.hedge |= entry.hedge;
            reading.report |= entry.report;
            reading.end = end;
            reading.ends_negating = entry.role == CueRole::Negation;
            match entry.role {
                CueRole::Negation => negations += 1,
                CueRole::Polar(CuePolarity::Neutral) => {}
                CueRole::Polar(polarity) => {
                    reading.polarity = polarity;
                    reading.feeling = entry.feeling;
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
        let (events, first_person) = self.events(lowered);
        signals.first_person = first_person;
        // How others feel ("the anger that people feel") is no evaluation
        // of the speaker's; their own feeling is ("I was frustrated", "she
        // was proud of them").
        let own_feelings = first_person || opens_with_third_person(text);
        for event in events {
            if event.feeling && cue_end.is_none() && !own_feelings && !prescribes_a_feeling(&text[..event.start]) {
                continue;
            }
            let (start, end) = (event.start, event.end);
            let entry = event.entry;
            signals.hedged |= entry.hedge && !in_side_clause(&lowered.lower[..start]);
            if let Some(cue_end) = cue_end {
                if start >= cue_end && entry.evaluation != 0 {
                    signals.add_evaluation(event.weight(), end);
                }
                continue;
            }
            if entry.negation {
                match cluster.as_mut() {
                    Some(c) if same_clause(&text[c.end..start]) => {
                        c.count += 1;
                        c.written += 1;
                        c.refusal |= entry.refusal;
                        c.end = end;
                    }
                    _ => {
                        if let Some(done) = cluster.take() {
                            signals.close(done, text);
                        }
                        let heads = !introduces_complement(&text[..start]) && opens_content(&text[..start]);
                        cluster = Some(NegationCluster {
                            count: 1,
                            written: 1,
                            refusal: entry.refusal,
                            heads_content: heads,
                            self_denial: denies_of_self(&text[..start], &text[end..])
                                || (heads && is_none_word(&text[start..end])),
                            end,
                        });
                    }
                }
            } else if entry.advocacy != 0 {
                signals.advocacy += i32::from(entry.advocacy);
            } else if entry.evaluation != 0 {
                let mut weight = event.weight();
                if let Some(c) = cluster.as_mut().filter(|c| c.count > 0) {
                    if self.in_negation_reach(&text[c.end..start]) {
                        // A claim denied is not the speaker's evaluation:
                        // "no evidence of fraud" accuses no one.
                        if c.refusal && names_a_claim(&text[c.end..start]) {
                            continue;
                        }
                        weight = -weight;
                        c.count -= 1;
                        signals.refused_endorsement |= c.heads_content && entry.endorsement;
                    }
                }
                signals.opens_on_backing |= entry.endorsement && text[..start].trim().eq_ignore_ascii_case("to");
                if entry.endorsement && signals.declared_backing == 0 && declared::declares_own_act(&text[..start]) {
                    signals.declared_backing = if weight > 0.0 { 1 } else { -1 };
                }
                signals.add_evaluation(weight, end);
            }
        }
        if let Some(done) = cluster {
            signals.close(done, text);
        }
        if cue_end.is_none() {
            if let Some(end) = consequence::predicted_harm(&lowered.lower, &self.evaluative) {
                signals.add_evaluation(-CURATED_WEIGHT, end);
            }
        }
        signals
    }

    /// The lexicon's phrases in `text` and, where no phrase stands, its
    /// evaluative words, in text order; and whether a word is in the first
    /// person, noted on the way through the words.
    fn events(&self, lowered: &Lowered<'_>) -> (Vec<Event>, bool) {
        let text = lowered.text;
        let mut events: Vec<Event> = Vec::new();
        for (start, end, entry) in self.content.find(lowered.text, &lowered.lower) {
            if entry.ignore || is_month_may(text, start, end) {
                // Still covers its words: "no doubt" is not the word "doubt".
                events.push(Event { start, end, entry: ContentEntry { ignore: true, ..entry }, valence: None, feeling: false });
                continue;
            }
            events.push(Event { start, end, entry, valence: None, feeling: false });
        }
        let phrases = std::mem::take(&mut events);
        let mut next_phrase = phrases.iter().peekable();
        let mut first_person = false;
        for (start, end) in words(&lowered.lower) {
            first_person = first_person || (end - start <= 6 && is_first_person(&text[start..end]));
            while let Some(p) = next_phrase.next_if(|p| p.end <= start) {
                events.push(*p);
            }
            if next_phrase.peek().is_some_and(|p| p.start < end) {
                continue;
            }
            if let Some(word) = self.evaluative.word(&lowered.lower[start..end]) {
                let evaluation = if word.valence > 0.0 { 1 } else { -1 };
                let entry = ContentEntry { evaluation, ..Default::default() };
                events.push(Event { start, end, entry, valence: Some(word.valence), feeling: word.feeling });
            }
        }
        events.extend(next_phrase.copied());
        events.retain(|e| !e.entry.ignore);
        (events, first_person)
    }

    /// Whether a negation ending just before `between` negates the
    /// evaluation just after it: the same clause, and nothing but gap words
    /// or at most a few words in between ("not a good deal", "never really
    /// trusted", "would never give up"); a quotation mark may close the
    /// negation's words (`"not ready" to endorse him`).
    fn in_negation_reach(&self, between: &str) -> bool {
        let plain = between.chars().all(|c| {
            c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '\u{2019}' | '-' | '"' | '\u{201C}' | '\u{201D}')
        });
        plain
            && (between.split_whitespace().count() <= NEGATION_REACH
                || between.split_whitespace().all(|w| self.is_gap_word(w)))
    }

    fn is_gap_word(&self, word: &str) -> bool {
        self.entries
            .gap
            .iter()
            .any(|g| g.eq_ignore_ascii_case(word))
    }
}

/// How many words a negation reaches forward to turn an evaluation round.
const NEGATION_REACH: usize = 3;

/// How much a curated phrase of `stance_content.tsv` weighs against a word
/// of the general lexicon, whose weight is its valence over this scale.
const CURATED_WEIGHT: f32 = 1.0;
const VALENCE_SCALE: f32 = 3.0;

/// A phrase of the content lexicon, or an evaluative word, found in a text.
#[derive(Debug, Clone, Copy)]
struct Event {
    start: usize,
    end: usize,
    entry: ContentEntry,
    /// The general lexicon's valence, for a word no phrase covers.
    valence: Option<f32>,
    /// The word names a feeling ("angry", "proud").
    feeling: bool,
}

impl Event {
    fn weight(&self) -> f32 {
        match self.valence {
            Some(v) => (v / VALENCE_SCALE).clamp(-1.0, 1.0),
            None => f32::from(self.entry.evaluation) * CURATED_WEIGHT,
        }
    }
}

const CURLY_APOSTROPHE: &[u8] = "\u{2019}".as_bytes();

/// Byte ranges of the words of an ASCII-lowered text: letters with inner
/// apostrophes (straight or curly) or hyphens.
fn words(lower: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < lower.len() && !lower[at].is_ascii_lowercase() {
            at += 1;
        }
        if at >= lower.len() {
            return None;
        }
        let start = at;
        loop {
            let inner = |len: usize| lower.get(at + len).is_some_and(u8::is_ascii_lowercase);
            match lower.get(at) {
                Some(b) if b.is_ascii_lowercase() => at += 1,
                Some(b'-' | b'\'') if inner(1) => at += 1,
                // The curly apostrophe of "I’m" and "don’t".
                Some(0xE2) if lower[at..].starts_with(CURLY_APOSTROPHE) && inner(CURLY_APOSTROPHE.len()) => {
                    at += CURLY_APOSTROPHE.len()
                }
                _ => break,
            }
        }
        let whole = match lower.get(at) {
            None => true,
            Some(b) if *b < 0x80 => !b.is_ascii_alphanumeric(),
            // A closing quotation mark or a dash ends a word; a letter
            // such as "é" goes on with it.
            Some(_) => !char_at(lower, at).is_some_and(char::is_alphanumeric),
        };
        Some(if whole { (start, at) } else { (start, start) })
    })
    .filter(|(s, e)| s < e)
}

/// The character whose first byte is at `at` in an ASCII-lowered text,
/// which keeps every other byte of the original.
fn char_at(lower: &[u8], at: usize) -> Option<char> {
    let len = match lower[at] {
        b if b < 0xE0 => 2,
        b if b < 0xF0 => 3,
        _ => 4,
    };
    let bytes = lower.get(at..at + len)?;
    std::str::from_utf8(bytes).ok()?.chars().next()
}

/// The words between a refusal and an evaluation make the evaluation part
/// of the claim refused ("no evidence *of* fraud", "not true *that* …").
fn names_a_claim(between: &str) -> bool {
    let last = between.split_whitespace().next_back().unwrap_or("");
    ["of", "that"].iter().any(|w| w.eq_ignore_ascii_case(last))
}

/// Whether a content opens with an amount: a figure, or "by", "to" or
/// "from" and a figure.
fn opens_with_quantity(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let is_figure = |word: Option<&str>| word.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit() || c == '$'));
    let first = words.next();
    is_figure(first) || (first.is_some_and(|w| ["by", "to", "from"].contains(&w)) && is_figure(words.next()))
}

/// Whether `before` is the opening of a content, within its first clause.
fn opens_content(before: &str) -> bool {
    same_clause(before)
}

/// A negation right after one of these words heads a complement ("blasted
/// him for not paying", "accused of never answering"): it negates what the
/// speaker blames or praises, not what the speaker says
/// (`data/stance_complement_words.txt`).
fn introduces_complement(before: &str) -> bool {
    COMPLEMENT_WORDS.holds(before.split_whitespace().next_back().unwrap_or(""))
}

/// Combine cue and content into a stance; the flag says the negation of a
/// deny or affirm cue hedges ("did not rule out", "would not confirm").
///
/// An oppose cue is oppose whatever its content says: "cautioned that a
/// deal was unlikely" and "blasted him for not paying" oppose as much as
/// "criticized the plan". A support cue's negated content turns it round
/// ("urged them not to sign"), and so does a denied negation ("denied that
/// the talks will not happen").
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
        CuePolarity::Affirm if negated_content => -1,
        CuePolarity::Affirm => 1,
        CuePolarity::Support => turned,
        CuePolarity::Oppose => -1,
        CuePolarity::Deny => -turned,
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

/// The stance of a cue negated by the words before it ("has not endorsed",
/// "did not want", "did not mention"), as the train labels read them:
/// - a support or affirm cue not given is oppose: "has not endorsed him",
///   "won't agree to a meeting", "did not want her to raise rates"; but
///   withheld from no one in particular it takes no side ("has not
///   endorsed a candidate", `data/stance_withheld_objects.txt`; not "does
///   not want a liar in office");
/// - a deny cue not given turns round, hedged, as in `combine` ("did not
///   rule out a meeting");
/// - a view held back turns the content round ("does not think it is a
///   good deal" opposes it, "doesn't believe they are a threat" defends;
///   `data/stance_held_views.txt`);
/// - not criticising or not saying takes no side ("has not accused them",
///   "did not mention him").
fn combine_led(polarity: CuePolarity, held_view: bool, no_one: bool, overall: i8, negated_content: bool) -> (Stance, bool) {
    match polarity {
        CuePolarity::Support | CuePolarity::Affirm if no_one && overall == 0 => (Stance::Neutral, false),
        CuePolarity::Support | CuePolarity::Affirm => (Stance::Oppose, false),
        CuePolarity::Deny => combine(polarity, true, overall, negated_content),
        CuePolarity::Neutral if held_view => (stance_of(-overall), false),
        CuePolarity::Oppose | CuePolarity::Neutral => (Stance::Neutral, false),
    }
}

/// Readings of a neutral cue that its words alone do not give:
/// - a question in the speaker's own quoted words, not one put to someone
///   ("asked"), is rhetorical, and news quotes rhetorical questions as
///   attacks ("What difference does it make?");
/// - a question put to someone ("asked whether she would run", "asked how
///   likely a win was") asks and takes no side, whatever words it holds;
///   a request ("asked the court to block the rule"), a question about
///   anyone at all ("asked how anyone could trust him": rhetorical) and
///   the asker's own quoted question keep their reading;
/// - a cue that is only a hedge ("seems", "appeared", "reportedly") is the
///   writer's guarded observation: on the train labels it described far
///   more often than it took a side, even with evaluative words in it;
/// - a finding reported ("according to", "the poll shows") carries the
///   evaluative words of what it counts ("support", "popular", "backed")
///   without taking a side, however many: on held-out news even strong
///   words in a finding were a count or a fact far more often than a view.
fn reconsider(stance: Stance, reading: &CueReading, shape: confidence::ContentShape, cue: &str, content: &str) -> Stance {
    if reading.polarity != CuePolarity::Neutral || reading.negated {
        return stance;
    }
    let put_to_someone = cue.trim_start().get(..3).is_some_and(|w| w.eq_ignore_ascii_case("ask"));
    if shape.question && shape.quoted && !put_to_someone && !reading.report {
        return Stance::Oppose;
    }
    let own_quoted_question = shape.question && shape.quoted;
    if put_to_someone && !own_quoted_question && !is_request(content) && !asks_of_anyone(content) {
        return Stance::Neutral;
    }
    if HEDGE_CUES.holds(cue.trim()) {
        return Stance::Neutral;
    }
    if reading.report {
        return Stance::Neutral;
    }
    stance
}

/// Whether what was asked is a request ("a federal judge to block the
/// rules", "them to leave"): "to" within its first few words, and no
/// question word opening it (`data/stance_question_openers.txt`).
fn is_request(content: &str) -> bool {
    const REQUEST_REACH: usize = 6;
    let mut words = content.split_whitespace();
    let first = words.next().unwrap_or("");
    if QUESTION_OPENERS.holds(first.trim_start_matches(|c: char| !c.is_alphanumeric())) {
        return false;
    }
    first.eq_ignore_ascii_case("to") || words.take(REQUEST_REACH - 1).any(|w| w.eq_ignore_ascii_case("to"))
}

/// Whether what was asked is about anyone at all in its first words ("how
/// anyone could trust him"), which makes it rhetorical
/// (`data/stance_rhetorical_words.txt`).
fn asks_of_anyone(content: &str) -> bool {
    content.split_whitespace().take(3).any(|w| RHETORICAL_WORDS.holds(w))
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
    /// The cue reports a finding: a figure or fact likelier than a view.
    report: bool,
    /// The polar phrase reports a feeling (hope, fear, worry).
    feeling: bool,
    /// Where the last cue phrase ends: evaluations after it are part of
    /// what the speaker said ("characterized as extremely positive").
    end: usize,
    /// The last cue phrase negates, with no polar phrase after it for it
    /// to negate ("refused to").
    ends_negating: bool,
    /// A refusal of a plain act ("refused to release the names"): weaker
    /// evidence than a denial, as it often only withholds ("declined to
    /// publicly detail").
    refused_act: bool,
}

/// Negations in one clause with nothing but a few words between them.
struct NegationCluster {
    /// Negations not spent on turning an evaluation round.
    count: u32,
    /// All negations, for whether the content as a whole is negated
    /// (`urged them not to approve` negates what was urged).
    written: u32,
    /// Some negation of the cluster is a refusal in itself ("off the
    /// table", "ruled out"), not a plain "not" stating a fact.
    refusal: bool,
    /// The cluster negates what the speaker says as a whole: it stands in
    /// the content's first clause ("urged them not to sign"), not in a
    /// complement ("for not paying") or a later clause.
    heads_content: bool,
    /// A denial: the speaker says what they do not do or are not ("I
    /// didn't post that", "we won't back down"), or the content opens by
    /// saying there is none of a thing ("no plans for a sale", "nobody
    /// was charged"). Oppose, where a plain negation states a fact.
    self_denial: bool,
    end: usize,
}

#[derive(Default)]
struct Signals {
    /// Sum of evaluation weights (after negation).
    evaluation: f32,
    /// Refusals (-1 each) and double negations (+1 each).
    rejection: i32,
    /// What should and should not be done, each +1 or -1.
    advocacy: i32,
    /// Whether some clause has an odd number of negations, counting those
    /// that turned an evaluation round.
    negated: bool,
    /// The sign and position of the latest signal, which breaks a tie.
    last: (i8, usize),
    hedged: bool,
    /// A word in the first person.
    first_person: bool,
    /// How many favourable and unfavourable evaluations were added.
    pos: u32,
    neg: u32,
    /// The opening clause negates an endorsement: "he is not ready
    /// to support her" says as much as "he declined to support her".
    refused_endorsement: bool,
    /// The speaker backs (+1) or refuses to back (-1) in their own words:
    /// "I support and endorse her", "we will not vote for it".
    declared_backing: i8,
    /// The content opens on an act of backing: "to endorse her".
    opens_on_backing: bool,
}

impl Signals {
    fn add_evaluation(&mut self, weight: f32, end: usize) {
        if weight > 0.0 {
            self.pos += 1;
        } else {
            self.neg += 1;
        }
        self.evaluation += weight;
        self.note(if weight > 0.0 { 1 } else { -1 }, end);
    }

    /// A plain negation left over ("the delegation did not arrive") states
    /// a fact and signals nothing, unless it opens what the speaker says of
    /// themselves ("he had not met them"): a denial, oppose. A refusal left
    /// over is oppose, and two negations in one clause affirm ("not true
    /// that they will never").
    fn close(&mut self, cluster: NegationCluster, text: &str) {
        self.negated |= cluster.written % 2 == 1 && cluster.heads_content;
        if cluster.count == 0 {
            return;
        }
        let sign: i8 = match (cluster.count % 2 == 1, cluster.refusal) {
            (true, true) => -1,
            (true, false)
                if cluster.heads_content
                    && self.speaks_of_the_speaker(text)
                    && !negates_a_thought(&text[cluster.end..]) =>
            {
                -1
            }
            (true, false) if cluster.self_denial => -1,
            (true, false) => return,
            (false, _) => 1,
        };
        self.rejection += i32::from(sign);
        self.note(sign, cluster.end);
    }

    /// Whether `text` speaks of the speaker: in the first person, or opening
    /// on "he", "she" or "they" as reported speech does ("said he had not
    /// met them"), where a negation is a denial rather than a fact.
    fn speaks_of_the_speaker(&self, text: &str) -> bool {
        self.first_person || opens_with_third_person(text)
    }

    fn note(&mut self, sign: i8, end: usize) {
        if end >= self.last.1 {
            self.last = (sign, end);
        }
    }

    /// The content's polarity with these `evaluation`s: the sign of the sum,
    /// or of the latest signal on a tie; weak sums count as none, and then
    /// what the content says should be done decides.
    fn overall(&self, evaluation: f32) -> i8 {
        let total = evaluation + self.rejection as f32;
        if total.abs() >= MIN_POLARITY {
            if total > 0.0 { 1 } else { -1 }
        } else if total == 0.0 && self.last.1 > 0 {
            self.last.0
        } else {
            self.advocacy.signum() as i8
        }
    }
}

/// Whether a negation between `before` and `after` has the speaker as its
/// subject ("I didn't", "we will not", "I'm not"), and negates an act or
/// a state rather than an opinion verb ("I don't think" hedges;
/// `data/stance_opinion_verbs.txt`).
fn denies_of_self(before: &str, after: &str) -> bool {
    let subject = before.split_whitespace().rev().take(2).any(|w| {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        is_first_person(w) && !matches!(w, "my" | "My" | "our" | "Our" | "us")
    });
    subject && !OPINION_VERBS.holds(after.split_whitespace().next().unwrap_or(""))
}

/// Whether the negation just before `after` negates a verb of thinking or
/// knowing ("I don't think we should", "we don't know yet", "she wasn't
/// expecting it"): the speaker holds back a view, which denies nothing.
fn negates_a_thought(after: &str) -> bool {
    THOUGHT_VERBS.holds(after.split_whitespace().next().unwrap_or(""))
}

/// Whether the words before a feeling say someone ought to feel it ("he
/// should be ashamed"): a judgement of them, not a report of how they feel.
fn prescribes_a_feeling(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let (be, modal) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    be.eq_ignore_ascii_case("be") && ["should", "must", "to"].iter().any(|m| m.eq_ignore_ascii_case(modal))
}

/// A negation that says there is none of a thing: "no", "nobody"
/// (`data/stance_none_words.txt`).
fn is_none_word(word: &str) -> bool {
    NONE_WORDS.holds(word)
}

/// Whether a content opens on "he", "she" or "they" (also after "that").
fn opens_with_third_person(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let mut first = words.next().unwrap_or("");
    if first.eq_ignore_ascii_case("that") {
        first = words.next().unwrap_or("");
    }
    ["he", "she", "they"].iter().any(|p| p.eq_ignore_ascii_case(first))
}

/// "I", "I'm", "I've", "we", "my", "our" or "us" (lower case: "US" is the
/// country), with a straight or a curly apostrophe.
fn is_first_person(word: &str) -> bool {
    matches!(
        word,
        "I" | "I'm" | "I\u{2019}m" | "I've" | "I\u{2019}ve" | "I'd" | "I\u{2019}d" | "I'll" | "I\u{2019}ll"
            | "we" | "We" | "my" | "My" | "our" | "Our" | "us"
    )
}

/// A content whose evaluations sum to less than this either way is neutral.
const MIN_POLARITY: f32 = 0.5;

/// Two negations belong together when no clause boundary parts them: a
/// punctuation mark, a clause-opening word (`data/stance_clause_breaks.txt`)
/// or more than a few words.
fn same_clause(between: &str) -> bool {
    !between.contains([',', ';', ':', '.', '!', '?', '(', ')', '\u{2014}'])
        && between.split_whitespace().count() <= 8
        && !between
            .split_whitespace()
            .any(|w| CLAUSE_BREAKS.holds(w))
}

/// Whether a word whose lower-cased text before it is `before` stands in a
/// side clause: the text since the last comma, bracket, semicolon or dash
/// opens with a relative word (`data/stance_side_clause_openers.txt`).
/// The guideline reads a hedge there as the aside's, not the main claim's.
fn in_side_clause(before: &[u8]) -> bool {
    const DASH: &[u8] = "\u{2014}".as_bytes();
    let after_comma = before.iter().rposition(|&b| matches!(b, b',' | b'(' | b';'));
    let after_dash = before.windows(DASH.len()).rposition(|w| w == DASH).map(|at| at + DASH.len() - 1);
    let Some(mark) = after_comma.max(after_dash) else { return false };
    let clause = before[mark + 1..].trim_ascii_start();
    SIDE_CLAUSE_OPENERS.iter().any(|opener| clause.starts_with(opener.as_bytes()))
}

/// `May` with a capital inside a text is the month, not the hedge, and so
/// is "may" after a word no modal follows ("in may", `data/stance_month_lead_words.txt`).
fn is_month_may(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    if start > 0 && word == "May" {
        return true;
    }
    word.eq_ignore_ascii_case("may")
        && text[..start].split_whitespace().next_back().is_some_and(|before| MONTH_LEAD_WORDS.holds(before))
}

#[cfg(test)]
mod tests;
