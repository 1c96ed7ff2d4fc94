-- Version 2 -> 3: faster `query`.
-- 1. `--speaker PART` looks names up in a trigram index of every speaker's
--    name and aliases instead of comparing PART with all of them.
-- 2. statement_view takes a statement's first topic in the order of the
--    statement_topics key (the same topic: t.id = st.topic_id), so SQLite
--    reads it off the key instead of sorting per row.
-- Every speaker's name and aliases, one a line, indexed by trigram so that
-- `query --speaker PART` looks up the speakers whose names contain PART
-- instead of comparing PART with every name and alias (13 ms at 50,000
-- speakers). rowid is the speaker id. Kept in step by the triggers below.
CREATE VIEW speaker_names AS
SELECT sp.id,
       sp.name || COALESCE(char(10) || (SELECT group_concat(a.alias, char(10)) FROM speaker_aliases a
                                         WHERE a.speaker_id = sp.id), '') AS names
FROM speakers sp;

CREATE VIRTUAL TABLE speaker_names_fts USING fts5 (names, tokenize = 'trigram');

CREATE TRIGGER speaker_names_insert AFTER INSERT ON speakers BEGIN
    INSERT INTO speaker_names_fts (rowid, names) VALUES (new.id, new.name);
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

INSERT INTO speaker_names_fts (rowid, names) SELECT id, names FROM speaker_names;

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
       (SELECT t.name FROM statement_topics st JOIN topics t ON t.id = st.topic_id
         WHERE st.statement_id = s.id ORDER BY st.topic_id LIMIT 1) AS topic,
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
