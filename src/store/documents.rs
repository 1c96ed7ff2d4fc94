//! Documents: each stored once (by content hash), together with its
//! statements, in one transaction.

use super::search_rows::index_noted_statements;
use super::statements::{insert_statement, FtsMode, InsertCache, ManualSource};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Document, Origin, Statement};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// What to do with a document whose text is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IngestMode {
    /// Add nothing: the same text is never stored twice.
    #[default]
    SkipKnown,
    /// Replace its extracted statements with fresh ones; statements a person
    /// recorded or edited stay, and new ones at their place are dropped.
    Reextract,
}

/// What storing one document did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    pub document_id: i64,
    /// The text was stored before (with `SkipKnown`, nothing was written).
    pub already_stored: bool,
    pub statements: usize,
    pub new_speakers: usize,
    /// Statements a person edited or recorded that were kept as they were.
    pub kept: usize,
    /// Extracted statements left out because no speaker was found for them
    /// (a quote with no one to attribute it to says nothing about who).
    pub without_speaker: usize,
}

/// SHA-256 of the text, in lower-case hex: the document's identity.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Store one document and its statements in one transaction: all of them
    /// go in, or none do. (`Batch::ingest_document` stores many at a time.)
    pub fn ingest_document(&mut self, doc: &Document, statements: &[Statement], mode: IngestMode) -> Result<IngestReport> {
        // IMMEDIATE takes the write lock up front, so a concurrent writer waits
        // on the busy timeout instead of failing half way.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut cache = InsertCache::new(&tx)?;
        let report = store_document(&tx, doc, statements, mode, FtsMode::Trigger, &mut cache)?;
        drop(cache);
        tx.commit()?;
        Ok(report)
    }

    /// How many documents and statements the database holds.
    pub fn counts(&self) -> Result<(i64, i64)> {
        Ok(self.conn.prepare_cached("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM statements)")?.query_row(
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }
}

/// Store one document and its statements on `conn` (inside a transaction or
/// savepoint the caller commits).
pub(super) fn store_document(
    conn: &Connection,
    doc: &Document,
    statements: &[Statement],
    mode: IngestMode,
    fts: FtsMode,
    cache: &mut InsertCache<'_>,
) -> Result<IngestReport> {
    check_spans(doc, statements)?;
    let hash = content_hash(&doc.text);
    let known: Option<i64> =
        conn.prepare_cached("SELECT id FROM documents WHERE content_hash = ?1")?.query_row([&hash], |r| r.get(0)).optional()?;
    let mut report = IngestReport::default();
    let protected = match known {
        Some(id) if mode == IngestMode::SkipKnown => {
            return Ok(IngestReport { document_id: id, already_stored: true, ..report });
        }
        Some(id) => {
            report.already_stored = true;
            report.document_id = id;
            if fts == FtsMode::Deferred {
                index_noted_statements(conn)?;
            }
            if fts == FtsMode::Buffered {
                cache.search.index_document(conn, id)?;
            }
            conn.prepare_cached("DELETE FROM statements WHERE document_id = ?1 AND origin = 'extracted'")?.execute([id])?;
            protected_hulls(conn, id)?
        }
        None => {
            report.document_id = insert_document(conn, doc, &hash)?;
            Vec::new()
        }
    };
    report.kept = protected.len();
    // `speakers split` corrections of this document's statements.
    let rules = super::speaker_corrections::statement_rules(conn, &hash)?;
    for statement in statements {
        let corrected;
        let statement = match statement.content_span.hull().and_then(|h| rules.iter().find(|(start, _)| *start == h.start as i64)) {
            Some((_, speaker)) => {
                corrected = Statement { speaker: speaker.clone(), speaker_kind: crate::model::SpeakerKind::Unknown, ..statement.clone() };
                &corrected
            }
            None => statement,
        };
        if statement.speaker.trim().is_empty() && statement.speaker_kind != crate::model::SpeakerKind::Unresolved {
            report.without_speaker += 1;
            continue;
        }
        let hull = statement.content_span.hull().map(|h| (h.start as i64, h.end as i64));
        if hull.is_some_and(|h| protected.contains(&h)) {
            continue;
        }
        let (_, new_speaker, _) = insert_statement(
            conn,
            None,
            Some(report.document_id),
            statement,
            Origin::Extracted,
            &ManualSource::default(),
            doc.date,
            fts,
            cache,
        )?;
        report.statements += 1;
        report.new_speakers += usize::from(new_speaker);
    }
    Ok(report)
}

fn insert_document(conn: &Connection, doc: &Document, hash: &str) -> Result<i64> {
    conn.prepare_cached("INSERT INTO documents (path, url, title, outlet, author, published, content_hash, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?.execute(
        params![doc.path, doc.url, doc.title, doc.outlet, doc.author, doc.date, hash, doc.text],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Content ranges of the statements of a document a person recorded or edited.
fn protected_hulls(conn: &Connection, document_id: i64) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT content_start, content_end FROM statements
         WHERE document_id = ?1 AND origin <> 'extracted' AND content_start IS NOT NULL",
    )?;
    let rows = stmt.query_map([document_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every span must lie inside the text, or the statement would point at
/// nothing; a document with a bad span is refused whole.
fn check_spans(doc: &Document, statements: &[Statement]) -> Result<()> {
    let length = doc.text.chars().count();
    for statement in statements {
        let spans = std::iter::once(&statement.content_span)
            .chain(statement.source_span.as_ref())
            .chain(statement.cue_span.as_ref());
        for span in spans.flat_map(|s| s.0.iter()) {
            if span.start > span.end || span.end > length {
                return Err(Error::Input {
                    path: doc.path.clone(),
                    message: format!(
                        "statement span {}..{} lies outside the text ({length} characters); document not stored",
                        span.start, span.end
                    ),
                });
            }
        }
    }
    Ok(())
}
