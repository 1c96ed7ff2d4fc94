-- Version 3 -> 4: `query --topic` and `query --search` find the first
-- statements in listing order (date, then id) without collecting every match.
-- 1. Topic links carry their statement's date, indexed by topic then date.
-- 2. The full-text index is keyed by listing order (see statement_search in
--    schema.sql) and keeps no copy of the text it indexes (contentless).
-- 3. Each statement carries its first topic (statements.topic_id, kept in
--    step by triggers on statement_topics), and statement_view reads the
--    topic's name through it.
ALTER TABLE statement_topics ADD COLUMN stated_on TEXT;
UPDATE statement_topics SET stated_on = (SELECT s.stated_on FROM statements s WHERE s.id = statement_id);
DROP INDEX statement_topics_by_topic;
CREATE INDEX statement_topics_by_topic ON statement_topics (topic_id, stated_on, statement_id);

CREATE TRIGGER statements_date_topics AFTER UPDATE OF stated_on ON statements BEGIN
    UPDATE statement_topics SET stated_on = new.stated_on WHERE statement_id = new.id;
END;

DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TRIGGER statements_fts_update;
DROP TRIGGER speakers_fts_rename;
DROP TABLE statements_fts;

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

INSERT INTO statements_fts (rowid, content, speaker) SELECT key, content, speaker FROM statement_search ORDER BY key;

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

-- The statements_fts_* triggers above watch named columns only, so filling
-- topic_id does not touch the full-text index.
ALTER TABLE statements ADD COLUMN topic_id INTEGER;
UPDATE statements SET topic_id = first.topic_id
  FROM (SELECT statement_id, min(topic_id) AS topic_id FROM statement_topics GROUP BY statement_id) AS first
 WHERE statements.id = first.statement_id;

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

DROP VIEW statement_view;
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
