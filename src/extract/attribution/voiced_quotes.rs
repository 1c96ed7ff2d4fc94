//! Words voiced or shown as they stand: a chant, a shout, the text of a sign.

use super::word_lists::WORDS;
use super::{quote_starting_at, Attribution, Layout};

/// "protesters chanted “Lock her up” at the rally", "a sign reading “No
/// tolls” — and waved it": what a crowd chants, someone yells or a sign
/// reads is the quotation itself, word for word; the words after it say
/// where, when or what else happened, and are the writer's. The content
/// ends with the quotation. Not where another quotation goes on with the
/// same report ("chanted “Send them home” and “Build the wall”").
pub(super) fn end_at_voiced_quotation(layout: &Layout, a: &mut Attribution) {
    let text = layout.text;
    let [piece] = a.content.as_mut_slice() else { return };
    let Some(verb) = text[a.cue.clone()].split_whitespace().next_back() else { return };
    if !WORDS.voiced_cues.holds(verb) {
        return;
    }
    let Some(q) = quote_starting_at(layout.quotes, piece.start) else { return };
    // A closing mark right before a letter is a mark paired wrongly (a
    // quotation inside another in straight marks): no end to trust.
    if q.span.end >= piece.end || text[q.span.end..].starts_with(char::is_alphanumeric) {
        return;
    }
    let rest = text[q.span.end..piece.end].trim_start_matches([',', ' ']);
    let rest = rest.strip_prefix("and ").or_else(|| rest.strip_prefix("or ")).unwrap_or(rest);
    if rest.starts_with(['“', '"', '\'']) || !rest.chars().any(char::is_alphanumeric) {
        return;
    }
    piece.end = q.span.end;
}
