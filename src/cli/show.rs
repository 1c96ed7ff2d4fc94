//! `claimdb show ID`: one statement with its document and the sentence it
//! stands in.

use super::{Context, Outcome};
use crate::model::{span_text, Span};
use crate::output::cell_text;
use crate::store::{StatementRow, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The statement's id (as `query` prints it).
    pub id: i64,
}

pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let store = Store::open(&ctx.db)?;
    let detail = store.statement(args.id)?;
    let cells = detail.row.cells();
    for (name, value) in StatementRow::HEADERS.iter().zip(&cells) {
        println!("{name:>16}: {}", cell_text(value));
    }
    println!("{:>16}: {}", "outlet", detail.outlet.unwrap_or_default());
    println!("{:>16}: {}", "published", detail.published.unwrap_or_default());
    println!("{:>16}: {}", "created", detail.created_at);
    println!("{:>16}: {}", "updated", detail.updated_at);
    if let (Some(text), Some(hull)) = (&detail.document_text, detail.row.content_span.as_ref().and_then(|s| s.hull())) {
        println!("\n{}", sentence_around(text, hull));
    }
    Ok(Outcome::Done)
}

/// The sentence(s) holding `span`: from after the last sentence end before it
/// to the first sentence end after it (paragraph breaks end sentences too).
fn sentence_around(text: &str, span: Span) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end_of_sentence = |i: usize| {
        let c = chars[i];
        c == '\n' || (matches!(c, '.' | '!' | '?') && chars.get(i + 1).is_none_or(|n| n.is_whitespace()))
    };
    let mut start = span.start.min(chars.len());
    while start > 0 && !end_of_sentence(start - 1) {
        start -= 1;
    }
    let mut end = span.end.min(chars.len());
    // A span that stops just before its full stop still ends that sentence.
    while end < chars.len() && !(end > span.start && end_of_sentence(end - 1)) {
        end += 1;
    }
    span_text(text, Span::new(start, end)).trim().to_string()
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
}
