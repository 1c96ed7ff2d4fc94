//! `claimdb show ID`: one statement with its document and the sentence it
//! stands in.

use super::{Context, Outcome};
use crate::extract::sentences::split_sentences;
use crate::model::{CharIndex, Span};
use crate::output::statements::write_detail;
use crate::output::{terminal_text, Format};
use crate::store::Store;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The statement's id (as `query` prints it).
    pub id: i64,
    /// Output format: the table is a line per field followed by the
    /// sentence; the others are a listing of one row with every field.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open(&ctx.db)?;
    let detail = store.statement(args.id)?;
    let (outlet, published) = (detail.outlet.unwrap_or_default(), detail.published.unwrap_or_default());
    let hull = detail.row.content_span.as_ref().and_then(|s| s.hull());
    let sentence = match (&detail.document_text, hull) {
        (Some(text), Some(hull)) => Some(sentence_around(text, hull)),
        _ => None,
    };
    let mut extra = vec![
        ("outlet", outlet.as_str()),
        ("published", published.as_str()),
        ("created", detail.created_at.as_str()),
        ("updated", detail.updated_at.as_str()),
    ];
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.format == Format::Table {
        write_detail(&mut out, &detail.row.view(), &extra, args.format)?;
        if let Some(sentence) = sentence {
            writeln!(out, "\n{}", terminal_text(&sentence))?;
        }
    } else {
        extra.push(("sentence", sentence.as_deref().unwrap_or_default()));
        write_detail(&mut out, &detail.row.view(), &extra, args.format)?;
    }
    Ok(Outcome::Done)
}

/// The sentence(s) holding `span`, as extraction splits the text: from the
/// start of the first sentence it touches to the end of the last.
fn sentence_around(text: &str, span: Span) -> String {
    let chars = CharIndex::new(text);
    let (start, end) = (chars.byte_of(span.start), chars.byte_of(span.end));
    let sentences = split_sentences(text);
    // A sentence touches the span when they overlap, or when an empty span
    // stands inside it.
    let touching: Vec<_> =
        sentences.iter().filter(|s| s.start < end.max(start + 1) && start < s.end).collect();
    match (touching.first(), touching.last()) {
        (Some(first), Some(last)) => text[first.start..last.end].to_string(),
        _ => text[start..end].trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_around_finds_the_whole_sentence() {
        let text = "First one. Ann said the plan works. Last one.";
        let plan = text.find("the plan").unwrap();
        let span = Span::new(plan, plan + "the plan works".len());
        assert_eq!(sentence_around(text, span), "Ann said the plan works.");
    }

    #[test]
    fn sentence_around_does_not_stop_at_a_title() {
        let text = "Intro. Mr. Brown said the café opens soon. After.";
        let start = text.find("the café").unwrap(); // ASCII before it: bytes are chars
        let span = Span::new(start, start + "the café opens soon".chars().count());
        assert_eq!(sentence_around(text, span), "Mr. Brown said the café opens soon.");
    }

    #[test]
    fn sentence_around_joins_the_sentences_a_span_crosses() {
        let text = "One. Two starts. Three ends. Four.";
        let start = text.find("starts").unwrap();
        let end = text.find(" ends").unwrap();
        assert_eq!(sentence_around(text, Span::new(start, end)), "Two starts. Three ends.");
    }
}
