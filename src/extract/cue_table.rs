//! The cue lexicon's Aho-Corasick automaton as one flat transition table,
//! read over the text as written, its ASCII capitals taken as lower case.
//!
//! Why: the cue search reads every byte of every document, and the
//! `aho-corasick` crate's own search loop spends about 19 instructions a
//! byte there (a byte-class lookup, bounds checks, its state checks), 7 %
//! of an extraction. The table is made from the crate's automaton
//! (leftmost-longest, as the lexicon needs) by walking its states once, so
//! it finds the same matches; here a byte costs a class lookup and a
//! transition, and the text is no longer copied to lower case first.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Room for the transitions of 37,000 states of 28 classes (the lexicon
/// has some 2,000). The cue lists are compiled in, so a lexicon that
/// outgrows it fails every test that extracts, never a user's run.
const TABLE_LEN: usize = 1 << 20;

/// Leftmost-longest matching of a set of lower-case patterns, ignoring
/// ASCII case in the text.
pub(crate) struct CueTable {
    /// The class of each byte: every byte of the patterns has its own, an
    /// ASCII capital that of its lower case, every other byte class 0 (no
    /// pattern holds one, so each leads every state where the others do).
    classes: [u8; 256],
    /// The next state of each state and class, at `state + class`. States
    /// are numbered by multiples of `stride` (the number of classes): 0 is
    /// the dead state (no match can go on), the match states come next.
    /// Of a fixed size, so that an index masked to it needs no bounds
    /// check in the loop over the text; the part past the states is never
    /// read (and, never written, takes no memory).
    transitions: Box<[u32; TABLE_LEN]>,
    stride: u32,
    start: u32,
    /// The last match state.
    last_special: u32,
    /// The pattern and its length in bytes, for each match state (by its
    /// number over `stride`, less one).
    matches: Vec<(u32, u32)>,
}

impl CueTable {
    /// The table for `patterns`, which must be in lower case.
    pub(crate) fn new(patterns: &[String]) -> CueTable {
        // The automaton without its own table (the crate's DFA would make
        // one, the same transitions over again): its failure links are
        // followed here once for each state and class.
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns)
            .expect("the cue lexicon compiles");

        let mut classes = [0u8; 256];
        let mut representatives = Vec::new();
        // Class 0: a byte no pattern holds, if there is one.
        let mut used = [false; 256];
        patterns.iter().flat_map(|p| p.bytes()).for_each(|b| used[usize::from(b)] = true);
        representatives.push(used.iter().position(|u| !u).map_or(0, |b| b as u8));
        for b in 0..=255u8 {
            if used[usize::from(b)] {
                classes[usize::from(b)] = u8::try_from(representatives.len()).expect("at most 255 pattern bytes");
                representatives.push(b);
            }
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        let stride = representatives.len();

        // Every state reachable from the unanchored start, in the order met,
        // and where each goes on each class (`DEAD`: the dead state).
        const DEAD: u32 = u32::MAX;
        let start = automaton.start_state(Anchored::No).expect("an unanchored automaton");
        let mut order: Vec<StateID> = vec![start];
        let mut index: FxHashMap<StateID, u32> = FxHashMap::default();
        index.insert(start, 0);
        let mut next_of: Vec<u32> = Vec::with_capacity(stride * 64);
        let mut at = 0;
        while at < order.len() {
            let sid = order[at];
            for &b in &representatives {
                let next = automaton.next_state(Anchored::No, sid, b);
                next_of.push(if automaton.is_dead(next) {
                    DEAD
                } else {
                    *index.entry(next).or_insert_with(|| {
                        order.push(next);
                        (order.len() - 1) as u32
                    })
                });
            }
            at += 1;
        }

        // Numbered anew, by multiples of `stride`: dead first, then the
        // match states, then the rest.
        let mut number = vec![0u32; order.len()];
        let mut matches = Vec::new();
        let mut count = 1u32;
        for (i, &sid) in order.iter().enumerate() {
            if automaton.is_match(sid) {
                let pattern = automaton.match_pattern(sid, 0);
                let len = u32::try_from(automaton.pattern_len(pattern)).expect("a short pattern");
                matches.push((pattern.as_u32(), len));
                number[i] = count;
                count += 1;
            }
        }
        let last_special = (count - 1) * stride as u32;
        for (i, &sid) in order.iter().enumerate() {
            if !automaton.is_match(sid) {
                number[i] = count;
                count += 1;
            }
        }
        let numbered = |i: u32| if i == DEAD { 0 } else { number[i as usize] * stride as u32 };
        assert!(count as usize * stride <= TABLE_LEN, "the cue lexicon has too many states for its table: raise TABLE_LEN");
        let mut transitions: Box<[u32; TABLE_LEN]> = vec![0u32; TABLE_LEN].into_boxed_slice().try_into().expect("the table's length");
        for (i, nexts) in next_of.chunks_exact(stride).enumerate() {
            let row = number[i] as usize * stride;
            for (class, &next) in nexts.iter().enumerate() {
                transitions[row + class] = numbered(next);
            }
        }
        CueTable { classes, transitions, stride: stride as u32, start: numbered(0), last_special, matches }
    }

    /// The pattern and byte range of each match in `text`, in order and not
    /// overlapping: at each step the leftmost match, the longest there.
    pub(crate) fn find_iter<'a>(&'a self, text: &'a [u8]) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let (pattern, range) = self.find_from(text, from)?;
            from = range.end;
            Some((pattern, range))
        })
    }

    /// The leftmost-longest match starting at or after `from`.
    // Not inlined: alone, the loop keeps all it reads in registers.
    #[inline(never)]
    fn find_from(&self, text: &[u8], from: usize) -> Option<(usize, Range<usize>)> {
        let (classes, transitions, last_special) = (&self.classes, &*self.transitions, self.last_special);
        let step = |state: u32, b: u8| transitions[(state + u32::from(classes[usize::from(b)])) as usize & (TABLE_LEN - 1)];
        let mut state = self.start;
        let mut found = None;
        // Four bytes a turn: only a match or the dead state (rare) stops
        // the run of table lookups.
        let (quads, rest) = text[from..].as_chunks::<4>();
        let mut at = from;
        for &[a, b, c, d] in quads {
            let s1 = step(state, a);
            let s2 = step(s1, b);
            let s3 = step(s2, c);
            let s4 = step(s3, d);
            if s1.min(s2).min(s3).min(s4) <= last_special {
                for (k, s) in [s1, s2, s3, s4].into_iter().enumerate() {
                    if s <= last_special {
                        if s == 0 {
                            return found;
                        }
                        found = Some(self.match_ending(s, at + k + 1));
                    }
                }
            }
            state = s4;
            at += 4;
        }
        for &b in rest {
            state = step(state, b);
            at += 1;
            if state <= last_special {
                if state == 0 {
                    return found;
                }
                found = Some(self.match_ending(state, at));
            }
        }
        found
    }

    /// The match of match state `state` entered at byte `end`.
    fn match_ending(&self, state: u32, end: usize) -> (usize, Range<usize>) {
        let (pattern, len) = self.matches[(state / self.stride) as usize - 1];
        (pattern as usize, end - len as usize..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|p| p.to_string()).collect()
    }

    /// The plain way: the crate's automaton over the text in lower case.
    fn automaton(patterns: &[String]) -> AhoCorasick {
        AhoCorasickBuilder::new().kind(Some(AhoCorasickKind::DFA)).match_kind(MatchKind::LeftmostLongest).build(patterns).unwrap()
    }

    fn assert_same_matches(patterns: &[String], texts: &[String]) {
        let (table, automaton) = (CueTable::new(patterns), automaton(patterns));
        for text in texts {
            let plain: Vec<(usize, Range<usize>)> =
                automaton.find_iter(&text.to_ascii_lowercase()).map(|m| (m.pattern().as_usize(), m.range())).collect();
            assert_eq!(table.find_iter(text.as_bytes()).collect::<Vec<_>>(), plain, "{text:?}");
        }
    }

    #[test]
    fn finds_what_the_crates_automaton_finds_in_sentences() {
        let patterns = strings(&[
            "said", "say", "says", "said in a statement", "according to", "told", "tell", "warned of", "warned", "é-mail", "ask",
            "asked for",
        ]);
        let texts = strings(&[
            "She said it. He SAYS so, saying nothing; the essay said in a statement that",
            "According To aides, Kim warned offenders and warned of risks; task asked formally, unasked for comment",
            "É-MAIL é-mail told tell-tale toldsaid sai",
            "",
            "s",
            "\u{a0}said\u{a0}— “said” ’told’ said\nsaid\t0said said in a statemen",
        ]);
        assert_same_matches(&patterns, &texts);
    }

    #[test]
    fn finds_what_the_crates_automaton_finds_in_every_short_text() {
        let patterns = strings(&["ab", "abc", "b c", "c-d", "\u{2019}s", "bb"]);
        let alphabet = ["a", "b", "c", "A", "B", " ", "-", "d", "\u{2019}", "s", "\u{e9}"];
        let mut texts = vec![String::new()];
        let mut last = texts.clone();
        for _ in 0..4 {
            last = last.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(last.iter().cloned());
        }
        assert_same_matches(&patterns, &texts);
    }

    #[test]
    fn finds_what_the_crates_automaton_finds_with_a_lexicon_of_the_real_size() {
        let data = concat!(include_str!("../../data/cues.txt"), include_str!("../../data/cues_learned.txt"));
        let mut patterns: Vec<String> = data
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split(['\t', ' ']))
            .filter(|w| w.len() > 1 && !w.starts_with(|c: char| c.is_ascii_digit()))
            .map(str::to_ascii_lowercase)
            .collect();
        patterns.extend(strings(&["according to", "said in a statement", "told reporters"]));
        patterns.sort();
        patterns.dedup();
        let texts = strings(&[
            "Ms. Ruiz SAID the plan, according to aides, was dead; officials raised concerns, and she told reporters \
             in a statement that critics were “wrong,” saying so. The Post reported that the essayist argued, denying it.",
            "Asked about it, Kim insisted: “We will win,” adding that the warnings were overblown, he told reporters.",
        ]);
        assert_same_matches(&patterns, &texts);
    }
}
