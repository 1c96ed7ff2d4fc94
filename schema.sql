-- claimdb's whole schema, applied to a new database in one transaction.
-- Its version is PRAGMA user_version (set by the binary, see src/store/mod.rs);
-- an older database is migrated in place by src/store/migrations/.
--
-- Dates are TEXT 'YYYY-MM-DD'; times are TEXT ISO 8601 UTC. Offsets are
-- Unicode code point offsets into documents.text, end exclusive. Spans are
-- JSON: [start, end] when whole, [[start, end], ...] when interrupted.

-- CHECKs of a few allowed values are written `x = 'a' OR x = 'b' OR ...`
-- rather than `x IN ('a', 'b', ...)`: SQLite builds an ephemeral table for an
-- IN list of three or more values on every row written (a fifth of what an
-- ingest executed); the meaning is the same, so databases made with the IN
-- form are left as they are.

-- Articles as stored: `text` is exactly what every span indexes.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL,            -- file path, `file:line` for JSONL, `-` for stdin
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    author       TEXT,
    published    TEXT,                     -- publication date
    content_hash TEXT NOT NULL UNIQUE,     -- SHA-256 of text: the same text is stored once
    text         TEXT NOT NULL,
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_by_path ON documents (path);

-- One row per person, organization, group or document (an ad, a poll, emails
-- that "say" something); every other name is an alias. Statements whose
-- mention names nobody that can be told ("they", "it") share the one record
-- of kind 'unresolved', named "(unresolved)", and keep the mention.
CREATE TABLE speakers (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind  TEXT NOT NULL DEFAULT 'unknown'
          CHECK (kind = 'person' OR kind = 'organization' OR kind = 'group' OR kind = 'unknown' OR kind = 'document' OR kind = 'unresolved'),
    role  TEXT,                            -- "U.S. Secretary of State"
    wikidata TEXT,                         -- "Q22686", given by `speakers load`
    ambiguous INTEGER NOT NULL DEFAULT 0,  -- 1: a surname alone that more than one known person bears
    -- The last word of the name ("Clinton"), computed, so that a surname
    -- alone finds the people who bear it through an index.
    surname TEXT GENERATED ALWAYS AS (replace(name, rtrim(name, replace(name, ' ', '')), '')) VIRTUAL
);
CREATE INDEX speakers_by_surname ON speakers (surname COLLATE NOCASE);

-- "Rubio" -> Marco Rubio. An alias names one speaker. Extraction records
-- name variants only ("Donald J. Trump", "Mrs. Clinton"); origin 'rule' marks
-- a name a person tied to the speaker (`speakers merge`, `rename`, `load`),
-- which ingest and re-extraction follow like any alias and never drop.
CREATE TABLE speaker_aliases (
    alias      TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    origin     TEXT NOT NULL DEFAULT 'extracted'
);
CREATE INDEX speaker_aliases_by_speaker ON speaker_aliases (speaker_id);

-- The roles a speaker was given ("the FBI director"), with the first and last
-- day a statement gave each: roles are dated facts about one speaker, never
-- names that find the speaker again.
CREATE TABLE speaker_roles (
    speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    role       TEXT NOT NULL COLLATE NOCASE,
    first_seen TEXT,
    last_seen  TEXT,
    PRIMARY KEY (speaker_id, role)
) WITHOUT ROWID;

-- `speakers split`: the statement of a document (its text's hash) starting at
-- a content offset belongs to another speaker. Applied again whenever that
-- document's statements are extracted, so a correction survives re-ingest.
CREATE TABLE speaker_statement_rules (
    content_hash  TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    speaker_id    INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    PRIMARY KEY (content_hash, content_start)
) WITHOUT ROWID;

-- Topics a person defined (keywords) or extraction proposed (automatic = 1).
CREATE TABLE topics (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    keywords  TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1))
);

-- Who (source), how (cue), what (content), when, and for or against what.
-- AUTOINCREMENT: an id is never given again after its statement is deleted.
CREATE TABLE statements (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id     INTEGER REFERENCES documents (id) ON DELETE CASCADE, -- NULL: recorded by hand
    source_path     TEXT,                  -- URL or path given by hand (no document row)
    source_title    TEXT,                  -- title given by hand (no document row)
    speaker_id      INTEGER NOT NULL REFERENCES speakers (id),
    speaker_mention TEXT NOT NULL DEFAULT '',  -- as written: "he", "Rubio", "the secretary"
    role            TEXT,                  -- the speaker's role as given with this statement
    cue             TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind = 'direct' OR kind = 'indirect' OR kind = 'mixed'),
    stance          TEXT NOT NULL DEFAULT 'neutral' CHECK (stance = 'support' OR stance = 'oppose' OR stance = 'neutral'),
    hedged          INTEGER NOT NULL DEFAULT 0 CHECK (hedged IN (0, 1)),
    stated_on       TEXT,                  -- the statement's date, else the document's
    content_start   INTEGER,               -- hull of content_span, for ordering and lookups
    content_end     INTEGER,
    content_span    TEXT,                  -- JSON spans
    source_span     TEXT,
    cue_span        TEXT,
    confidence      REAL NOT NULL DEFAULT 1.0 CHECK (confidence BETWEEN 0 AND 1),
    origin          TEXT NOT NULL DEFAULT 'extracted' CHECK (origin = 'extracted' OR origin = 'manual' OR origin = 'edited'),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    topic_id        INTEGER                -- its first topic, see statement_topics
);
-- A query walks one of these in listing order (date, then id), or the topic
-- links or the full-text index, and tests its other filters on the index's
-- entries: each carries the speaker and stance, so no row is read to turn a
-- statement away (see src/store/statements/plan.rs).
CREATE INDEX statements_by_speaker ON statements (speaker_id, stated_on, id, stance);
CREATE INDEX statements_by_stance  ON statements (stance, stated_on, id, speaker_id);
CREATE INDEX statements_by_date    ON statements (stated_on, id, speaker_id, stance);
CREATE INDEX statements_by_document ON statements (document_id, content_start);

-- A statement's topics; the first linked is "the" topic shown with it.
-- A link carries its statement's date (kept in step by the trigger below), so
-- that a topic's statements are read in listing order (date, then id) off
-- statement_topics_by_topic and `query --topic` stops at its limit instead of
-- collecting every statement of the topic.
CREATE TABLE statement_topics (
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    topic_id     INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    stated_on    TEXT,                     -- statements.stated_on of statement_id
    stance       TEXT,                     -- statements.stance of statement_id
    speaker_id   INTEGER,                  -- statements.speaker_id of statement_id
    PRIMARY KEY (statement_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX statement_topics_by_topic ON statement_topics (topic_id, stated_on, statement_id, stance, speaker_id);

CREATE TRIGGER statements_date_topics AFTER UPDATE OF stated_on ON statements BEGIN
    UPDATE statement_topics SET stated_on = new.stated_on WHERE statement_id = new.id;
END;

CREATE TRIGGER statements_stance_topics AFTER UPDATE OF stance, speaker_id ON statements BEGIN
    UPDATE statement_topics SET stance = new.stance, speaker_id = new.speaker_id WHERE statement_id = new.id;
END;

-- A link inserted without its statement's stance and speaker gets them here,
-- with its date (claimdb's own inserts write them at once).
CREATE TRIGGER statement_topics_fill AFTER INSERT ON statement_topics
WHEN new.stance IS NULL OR new.speaker_id IS NULL BEGIN
    UPDATE statement_topics
       SET (stated_on, stance, speaker_id) =
           (SELECT s.stated_on, s.stance, s.speaker_id FROM statements s WHERE s.id = new.statement_id)
     WHERE statement_id = new.statement_id AND topic_id = new.topic_id;
END;

-- statements.topic_id is the statement's first topic (its smallest linked
-- topic_id, the one shown with it), kept in step by the triggers below, so
-- that a listing reads the topic off the statement row: looking it up in
-- statement_topics was a third of the pages a 1,000-row `query` read.
-- Deleting a topic deletes its links (ON DELETE CASCADE), which fires these.
CREATE TRIGGER statement_topics_first_insert AFTER INSERT ON statement_topics BEGIN
    UPDATE statements SET topic_id = new.topic_id
     WHERE id = new.statement_id AND (topic_id IS NULL OR topic_id > new.topic_id);
END;

CREATE TRIGGER statement_topics_first_delete AFTER DELETE ON statement_topics BEGIN
    UPDATE statements
       SET topic_id = (SELECT min(st.topic_id) FROM statement_topics st WHERE st.statement_id = old.statement_id)
     WHERE id = old.statement_id AND topic_id IS old.topic_id;
END;

CREATE TRIGGER statement_topics_first_update AFTER UPDATE OF statement_id, topic_id ON statement_topics BEGIN
    UPDATE statements
       SET topic_id = (SELECT min(st.topic_id) FROM statement_topics st WHERE st.statement_id = statements.id)
     WHERE id IN (old.statement_id, new.statement_id);
END;

-- Full text over content and speaker (canonical name and mention), kept in
-- step by the triggers below. Its rowid is the statement's place in listing
-- order, `key` of statement_search: (day + 2) * 2^40 + id, the day counted
-- from 0000-01-01 and a statement without a date taking day -1 (first, as
-- NULL sorts), so that `query --search` walks the matches in the order it
-- lists them and stops at its limit instead of collecting and sorting every
-- match (250,000 for a common word). A statement whose id or date does not
-- fit (ids from 1 to 2^40 - 1, days 0000-01-01 to 9999-12-31 written
-- YYYY-MM-DD) is keyed -id instead, below every key in order, and a search
-- that matches one falls back to sorting. The table is contentless: it keeps
-- no copy of the text (read it from statements through the key); a row is
-- removed with FTS5's 'delete' command and the values it was indexed with,
-- which the BEFORE triggers read from statement_search before they change.
CREATE VIEW statement_search AS
SELECT CASE WHEN s.id BETWEEN 1 AND 1099511627775
             AND (s.stated_on IS NULL OR date(s.stated_on) IS s.stated_on)
            THEN ((CASE WHEN s.stated_on IS NULL THEN 1
                        ELSE CAST(julianday(s.stated_on) - 1721059.5 AS INTEGER) + 2 END) << 40) + s.id
            ELSE -s.id END                                            AS key,
       s.id,
       s.speaker_id,
       s.content,
       (SELECT sp.name FROM speakers sp WHERE sp.id = s.speaker_id) || ' ' || s.speaker_mention AS speaker
FROM statements s;

CREATE VIRTUAL TABLE statements_fts USING fts5 (content, speaker, content = '', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content, speaker)
    SELECT key, content, speaker FROM statement_search WHERE id = new.id;
END;

CREATE TRIGGER statements_fts_delete BEFORE DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker)
    SELECT 'delete', key, content, speaker FROM statement_search WHERE id = old.id;
END;

CREATE TRIGGER statements_fts_unindex BEFORE UPDATE OF id, content, speaker_id, speaker_mention, stated_on ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker)
    SELECT 'delete', key, content, speaker FROM statement_search WHERE id = old.id;
END;

CREATE TRIGGER statements_fts_update AFTER UPDATE OF id, content, speaker_id, speaker_mention, stated_on ON statements BEGIN
    INSERT INTO statements_fts (rowid, content, speaker)
    SELECT key, content, speaker FROM statement_search WHERE id = new.id;
END;

CREATE TRIGGER speakers_fts_unindex BEFORE UPDATE OF name ON speakers BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker)
    SELECT 'delete', key, content, speaker FROM statement_search WHERE speaker_id = old.id;
END;

CREATE TRIGGER speakers_fts_rename AFTER UPDATE OF name ON speakers BEGIN
    INSERT INTO statements_fts (rowid, content, speaker)
    SELECT key, content, speaker FROM statement_search WHERE speaker_id = new.id;
END;

-- The ids of the statements holding each common word and each pair of
-- adjacent common words of their full-text columns (as statements_fts
-- splits them, the pair "fair plan" written with one space; a word is
-- common in 1,000 statements and one in 64), so that a query's words and
-- two-word phrases are answered without FTS5 reading every entry of their
-- words (a phrase of two words in a quarter of all statements each reads
-- 500,000 entries with their positions for 4,000 matches). `ids` holds the
-- ids from `first_id` to `last_id` in order, each as its difference from
-- the one before (the first: from `first_id`), in LEB128 bytes. Term ''
-- lists the statements whose text holds a character claimdb does not split
-- as FTS5 does. claimdb lists each statement above `listed_through` when a
-- batch ends (src/store/statements/term_lists.rs); the triggers note the
-- statements at or below it whose lists may no longer be right, which a
-- query asks FTS5 about one by one.
CREATE TABLE term_lists (
    term     TEXT NOT NULL,
    first_id INTEGER NOT NULL,
    last_id  INTEGER NOT NULL,
    ids      BLOB NOT NULL,
    PRIMARY KEY (term, first_id)
) WITHOUT ROWID;

CREATE TABLE term_lists_state (
    one            INTEGER PRIMARY KEY CHECK (one = 1),
    listed_through INTEGER NOT NULL,
    listed_in_full INTEGER NOT NULL
);
INSERT INTO term_lists_state (one, listed_through, listed_in_full) VALUES (1, 0, 0);

CREATE TABLE term_lists_stale (id INTEGER PRIMARY KEY);

CREATE TRIGGER term_lists_insert AFTER INSERT ON statements
WHEN new.id <= (SELECT listed_through FROM term_lists_state) BEGIN
    INSERT OR IGNORE INTO term_lists_stale (id) VALUES (new.id);
END;

CREATE TRIGGER term_lists_update AFTER UPDATE OF id, content, speaker_id, speaker_mention ON statements
WHEN old.id <= (SELECT listed_through FROM term_lists_state) OR new.id <= (SELECT listed_through FROM term_lists_state) BEGIN
    INSERT OR IGNORE INTO term_lists_stale (id) VALUES (old.id), (new.id);
END;

CREATE TRIGGER term_lists_rename AFTER UPDATE OF name ON speakers BEGIN
    INSERT OR IGNORE INTO term_lists_stale (id)
    SELECT id FROM statements WHERE speaker_id = new.id AND id <= (SELECT listed_through FROM term_lists_state);
END;

-- Every speaker's name and aliases, one a line, in a word index so that
-- `query --speaker WORDS` finds the speakers with those whole words in a
-- name without reading the names. rowid is the speaker id. Apostrophes are
-- taken out and the o and l with stroke folded (SQLite's tokenizer keeps
-- them), so that the tokens are the words `--speaker` compares ("O'Brien"
-- is "obrien"). Kept in step by the triggers below.
CREATE VIEW speaker_names AS
SELECT sp.id,
       replace(replace(replace(replace(replace(replace(
           sp.name || COALESCE(char(10) || (SELECT group_concat(a.alias, char(10)) FROM speaker_aliases a
                                            WHERE a.speaker_id = sp.id), ''),
           '''', ''), '’', ''), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L') AS names
FROM speakers sp;

CREATE VIRTUAL TABLE speaker_names_fts USING fts5 (names, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER speaker_names_insert AFTER INSERT ON speakers BEGIN
    INSERT INTO speaker_names_fts (rowid, names) SELECT id, names FROM speaker_names WHERE id = new.id;
END;

CREATE TRIGGER speaker_names_rename AFTER UPDATE OF name ON speakers BEGIN
    DELETE FROM speaker_names_fts WHERE rowid = old.id;
    INSERT INTO speaker_names_fts (rowid, names) SELECT id, names FROM speaker_names WHERE id = new.id;
END;

CREATE TRIGGER speaker_names_delete AFTER DELETE ON speakers BEGIN
    DELETE FROM speaker_names_fts WHERE rowid = old.id;
END;

CREATE TRIGGER speaker_names_alias_insert AFTER INSERT ON speaker_aliases BEGIN
    DELETE FROM speaker_names_fts WHERE rowid = new.speaker_id;
    INSERT INTO speaker_names_fts (rowid, names) SELECT id, names FROM speaker_names WHERE id = new.speaker_id;
END;

CREATE TRIGGER speaker_names_alias_delete AFTER DELETE ON speaker_aliases BEGIN
    DELETE FROM speaker_names_fts WHERE rowid = old.speaker_id;
    INSERT INTO speaker_names_fts (rowid, names) SELECT id, names FROM speaker_names WHERE id = old.speaker_id;
END;

CREATE TRIGGER speaker_names_alias_update AFTER UPDATE ON speaker_aliases BEGIN
    DELETE FROM speaker_names_fts WHERE rowid = old.speaker_id;
    DELETE FROM speaker_names_fts WHERE rowid = new.speaker_id;
    INSERT INTO speaker_names_fts (rowid, names)
    SELECT id, names FROM speaker_names WHERE id IN (old.speaker_id, new.speaker_id);
END;

-- Everything about a statement in one row: pleasant in sqlite3 or Datasette.
CREATE VIEW statement_view AS
SELECT s.id,
       s.stated_on                            AS date,
       sp.name                                AS speaker,
       s.speaker_mention,
       COALESCE(s.role, sp.role)              AS role,
       s.cue,
       s.content,
       s.kind,
       s.stance,
       s.hedged,
       (SELECT t.name FROM topics t WHERE t.id = s.topic_id) AS topic,
       COALESCE(d.title, s.source_title)      AS title,
       COALESCE(d.path, d.url, s.source_path) AS doc,
       d.outlet,
       s.content_span,
       s.source_span,
       s.cue_span,
       sp.kind                                AS speaker_kind,
       s.origin,
       s.confidence,
       s.document_id,
       s.speaker_id,
       s.content_start,
       s.content_end,
       s.created_at,
       s.updated_at
FROM statements s
JOIN speakers sp ON sp.id = s.speaker_id
LEFT JOIN documents d ON d.id = s.document_id;
