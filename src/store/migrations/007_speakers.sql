-- Version 6 -> 7: one record per real speaker.
-- 1. Speaker kinds 'document' (an ad, a poll, emails that "say" something)
--    and 'unresolved' (the one record of statements whose mention, "they" or
--    "it", names nobody). Widening a CHECK changes nothing stored, so the
--    table's definition is edited in place (SQLite's documented way for
--    such changes) instead of copying a table that others reference.
-- 2. A speaker's Wikidata id, whether it is an ambiguous surname, and its
--    surname (computed, indexed).
-- 3. Alias origin: names tied by a person (merge, rename, load) are rules.
-- 4. Dated roles, and statement rules from `speakers split`.
ALTER TABLE speakers ADD COLUMN wikidata TEXT;
ALTER TABLE speakers ADD COLUMN ambiguous INTEGER NOT NULL DEFAULT 0;
ALTER TABLE speaker_aliases ADD COLUMN origin TEXT NOT NULL DEFAULT 'extracted';
ALTER TABLE speakers ADD COLUMN surname TEXT GENERATED ALWAYS AS (replace(name, rtrim(name, replace(name, ' ', '')), '')) VIRTUAL;
CREATE INDEX speakers_by_surname ON speakers (surname COLLATE NOCASE);

CREATE TABLE speaker_roles (
    speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    role       TEXT NOT NULL COLLATE NOCASE,
    first_seen TEXT,
    last_seen  TEXT,
    PRIMARY KEY (speaker_id, role)
) WITHOUT ROWID;

CREATE TABLE speaker_statement_rules (
    content_hash  TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    speaker_id    INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    PRIMARY KEY (content_hash, content_start)
) WITHOUT ROWID;

-- Last, so that no ALTER TABLE works from the definition as it was before
-- (RESET makes this connection read the schema anew).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'OR kind = ''unknown'')', 'OR kind = ''unknown'' OR kind = ''document'' OR kind = ''unresolved'')')
 WHERE type = 'table' AND name = 'speakers';
PRAGMA writable_schema = RESET;
