-- Version 9 -> 10: lists of the ids of the statements holding each common
-- word and each pair of adjacent common words (see schema.sql).
-- claimdb lists the statements right after this migration (src/store/mod.rs).
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
