//! Reading every statement, by id, in chunks: what `export` streams.

use super::{is_canonical_date, parse_spans, parse_text, StatementFilter, StatementView};
use crate::error::Result;
use crate::model::{Kind, Origin, SpeakerKind, Spans, Stance};
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::Row;
use std::borrow::Cow;
use std::collections::HashMap;

impl Store {
    /// Hand every statement, by id, to `each` without holding them all:
    /// what `export` writes, at any size. (`StatementReader` does the same
    /// a chunk at a time, for a writer on another thread.)
    pub fn each_statement(&self, mut each: impl FnMut(&StatementView<'_>) -> Result<()>) -> Result<()> {
        let reader = StatementReader::new(self)?;
        reader.read(self, |chunk| reader.views(&chunk).try_for_each(|view| each(&view)))
    }

    /// Every speaker's name, kind, role and Wikidata id, by id.
    fn speakers_by_id(&self) -> Result<SpeakersById> {
        let mut stmt = self.conn.prepare("SELECT id, name, kind, role, wikidata FROM speakers")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, SpeakerColumns { name: r.get(1)?, kind: parse_text(r, 2)?, role: r.get(3)?, wikidata: r.get(4)? }))
        })?;
        Ok(SpeakersById::new(rows.collect::<rusqlite::Result<_>>()?))
    }
}

/// What a statement row shows of its speaker.
struct SpeakerColumns {
    name: String,
    kind: SpeakerKind,
    role: Option<String>,
    wikidata: Option<String>,
}

/// Speakers by id, looked up once per exported row: in a list indexed by id
/// when the ids are dense (they are given out in order, so almost always),
/// else hashed. Hashing was a tenth of reading a row.
enum SpeakersById {
    Dense(Vec<Option<SpeakerColumns>>),
    Sparse(HashMap<i64, SpeakerColumns>),
}

impl SpeakersById {
    fn new(speakers: Vec<(i64, SpeakerColumns)>) -> Self {
        let highest = speakers.iter().map(|(id, _)| *id).max().unwrap_or(0);
        let lowest = speakers.iter().map(|(id, _)| *id).min().unwrap_or(0);
        if lowest < 0 || highest > 2 * speakers.len() as i64 + 1024 {
            return SpeakersById::Sparse(speakers.into_iter().collect());
        }
        let mut dense: Vec<Option<SpeakerColumns>> = (0..=highest).map(|_| None).collect();
        for (id, speaker) in speakers {
            dense[id as usize] = Some(speaker);
        }
        SpeakersById::Dense(dense)
    }

    fn get(&self, id: i64) -> Option<&SpeakerColumns> {
        match self {
            SpeakersById::Dense(by_id) => usize::try_from(id).ok().and_then(|i| by_id.get(i)).and_then(Option::as_ref),
            SpeakersById::Sparse(by_id) => by_id.get(&id),
        }
    }
}

/// Every statement, by id, read in chunks whose text is copied out of
/// SQLite into one buffer each: a chunk can go to another thread, which
/// turns it into `StatementView`s and writes them while the next chunk is
/// read. Reading (SQLite) and writing (CSV or JSON) were about even, so an
/// export on two cores takes half the time.
///
/// It reads the same columns as `statement_view`, but without its per-row
/// work: speakers and topics are loaded into memory once (50,000 and 300 at
/// a million statements), and each statement's first topic comes from
/// walking `statement_topics` in step with `statements` (both in id order)
/// instead of a subquery per row. The view's joins and topic subquery were
/// half of an export's time, and copying each row's strings out into
/// `StatementRow`s and then into JSON cells another half.
pub struct StatementReader {
    speakers: SpeakersById,
    topics: HashMap<i64, String>,
}

/// Statements read by `StatementReader`, their text in one buffer.
#[derive(Debug, Default)]
pub struct StatementChunk {
    text: String,
    rows: Vec<ChunkRow>,
}

/// Statements in a chunk, about 1.5 MB of text at a time.
const CHUNK_STATEMENTS: usize = 4096;

/// Where a text column of a chunk row is in the chunk's buffer.
type TextAt = Option<std::ops::Range<usize>>;

fn append(text: &mut String, part: Option<&str>) -> TextAt {
    let part = part?;
    text.push_str(part);
    Some(text.len() - part.len()..text.len())
}

#[derive(Debug)]
struct ChunkRow {
    id: i64,
    doc: TextAt,
    title: TextAt,
    date: TextAt,
    speaker_id: i64,
    speaker_mention: TextAt,
    role: TextAt,
    cue: TextAt,
    content: TextAt,
    kind: Kind,
    stance: Stance,
    hedged: bool,
    topic_id: Option<i64>,
    content_span: Option<Spans>,
    source_span: Option<Spans>,
    cue_span: Option<Spans>,
    origin: Origin,
    confidence: f64,
}

impl StatementReader {
    /// Load the speakers and topic names every statement refers to.
    pub fn new(store: &Store) -> Result<Self> {
        let topics = store
            .conn
            .prepare("SELECT id, name FROM topics")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(StatementReader { speakers: store.speakers_by_id()?, topics })
    }

    /// Read every statement of `store` (the one this reader was made from),
    /// by id, and hand them to `each` a chunk at a time.
    pub fn read(&self, store: &Store, each: impl FnMut(StatementChunk) -> Result<()>) -> Result<()> {
        self.read_ids(store, None, each)
    }

    /// Read the statements of `store` that match `filter` (what `query`
    /// lists, all of them unless it has a limit), by id, and hand them to
    /// `each` a chunk at a time. The plan chooses them as it does for
    /// `query`; reading them is an export's.
    pub fn read_matching(&self, store: &Store, filter: &StatementFilter, each: impl FnMut(StatementChunk) -> Result<()>) -> Result<()> {
        let mut ids = store.matching_ids(filter)?;
        ids.sort_unstable();
        self.read_ids(store, Some(ids), each)
    }

    /// Read the statements `ids` (in increasing order), or every statement,
    /// by id.
    fn read_ids(&self, store: &Store, ids: Option<Vec<i64>>, mut each: impl FnMut(StatementChunk) -> Result<()>) -> Result<()> {
        let conn = &store.conn;
        // Without documents (a database filled by `import` or `add`), the
        // join finds nothing for any row: leave it out (a tenth of reading).
        let no_documents: bool = conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |r| r.get(0))?;
        macro_rules! columns {
            () => {
                "SELECT s.id, COALESCE(d.path, d.url, s.source_path), COALESCE(d.title, s.source_title), s.stated_on,
                        s.speaker_id, s.speaker_mention, s.role, s.cue, s.content, s.kind, s.stance, s.hedged,
                        s.content_span, s.source_span, s.cue_span, s.origin, s.confidence, s.topic_id"
            };
        }
        let mut stmt = conn.prepare(match (&ids, no_documents) {
            (None, true) => {
                "SELECT s.id, s.source_path, s.source_title, s.stated_on,
                        s.speaker_id, s.speaker_mention, s.role, s.cue, s.content, s.kind, s.stance, s.hedged,
                        s.content_span, s.source_span, s.cue_span, s.origin, s.confidence, s.topic_id
                 FROM statements s ORDER BY s.id"
            }
            (None, false) => concat!(columns!(), " FROM statements s LEFT JOIN documents d ON d.id = s.document_id ORDER BY s.id"),
            // The ids drive the join, in their order.
            (Some(_), _) => concat!(
                columns!(),
                " FROM rarray(?1) j CROSS JOIN statements s ON s.id = j.value LEFT JOIN documents d ON d.id = s.document_id"
            ),
        })?;
        let mut rows = match ids {
            None => stmt.query([])?,
            Some(ids) => {
                rusqlite::vtab::array::load_module(conn)?;
                let list: rusqlite::vtab::array::Array =
                    std::rc::Rc::new(ids.into_iter().map(rusqlite::types::Value::Integer).collect());
                stmt.query([list])?
            }
        };
        let mut chunk = StatementChunk::default();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let text = &mut chunk.text;
            let date = append(text, date_ref(row, 3)?.as_deref());
            let mut copy = |i: usize| -> rusqlite::Result<TextAt> { Ok(append(text, text_ref(row, i)?)) };
            chunk.rows.push(ChunkRow {
                id,
                doc: copy(1)?,
                title: copy(2)?,
                date,
                speaker_id: row.get(4)?,
                speaker_mention: copy(5)?,
                role: copy(6)?,
                cue: copy(7)?,
                content: copy(8)?,
                kind: parse_text(row, 9)?,
                stance: parse_text(row, 10)?,
                hedged: row.get(11)?,
                // The statement's first topic, kept on its row by triggers.
                topic_id: row.get(17)?,
                content_span: parse_spans(row, 12)?,
                source_span: parse_spans(row, 13)?,
                cue_span: parse_spans(row, 14)?,
                origin: parse_text(row, 15)?,
                confidence: row.get(16)?,
            });
            if chunk.rows.len() == CHUNK_STATEMENTS {
                let capacity = chunk.text.capacity();
                let full = std::mem::replace(
                    &mut chunk,
                    StatementChunk { text: String::with_capacity(capacity), rows: Vec::with_capacity(CHUNK_STATEMENTS) },
                );
                each(full)?;
            }
        }
        if !chunk.rows.is_empty() {
            each(chunk)?;
        }
        Ok(())
    }

    /// The statements of a chunk, in order. (The view joins speakers: a
    /// statement whose speaker is missing is not listed.)
    pub fn views<'a>(&'a self, chunk: &'a StatementChunk) -> impl Iterator<Item = StatementView<'a>> + 'a {
        let text = |at: &TextAt| at.clone().map(|range| &chunk.text[range]);
        chunk.rows.iter().filter_map(move |row| {
            let speaker = self.speakers.get(row.speaker_id)?;
            Some(StatementView {
                id: row.id,
                doc: text(&row.doc),
                title: text(&row.title),
                date: text(&row.date).map(Cow::Borrowed),
                speaker: &speaker.name,
                speaker_mention: text(&row.speaker_mention).unwrap_or_default(),
                role: text(&row.role).or(speaker.role.as_deref()),
                cue: text(&row.cue).unwrap_or_default(),
                content: text(&row.content).unwrap_or_default(),
                kind: row.kind,
                stance: row.stance,
                hedged: row.hedged,
                topic: row.topic_id.and_then(|t| self.topics.get(&t)).map(String::as_str),
                content_span: row.content_span.clone(),
                source_span: row.source_span.clone(),
                cue_span: row.cue_span.clone(),
                speaker_kind: speaker.kind,
                speaker_wikidata: speaker.wikidata.as_deref(),
                origin: row.origin,
                confidence: row.confidence,
            })
        })
    }
}

fn text_ref<'r>(row: &'r Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    Ok(row.get_ref(i)?.as_str_or_null()?)
}

/// A stored date as `NaiveDate` would print it: the stored text when it is
/// a real day written `YYYY-MM-DD` (checked without building a date and
/// printing it again), else the parsed date printed.
fn date_ref<'r>(row: &'r Row, i: usize) -> rusqlite::Result<Option<Cow<'r, str>>> {
    let Some(text) = text_ref(row, i)? else { return Ok(None) };
    if is_canonical_date(text) {
        return Ok(Some(Cow::Borrowed(text)));
    }
    let date: NaiveDate = row.get(i)?;
    Ok(Some(Cow::Owned(date.to_string())))
}
