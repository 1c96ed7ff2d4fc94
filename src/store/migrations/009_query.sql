-- Version 8 -> 9: `query --speaker WORDS` looks the words up in a word index
-- of every speaker's name and aliases. The trigram index it replaces found
-- every name containing the letters, which were then read to keep whole
-- words; a part that is no whole word of any name ("mer", "a") fell back to
-- reading every name (15-50 ms at 50,000 speakers).
-- The indexed text is the names with their apostrophes taken out and the
-- two letters SQLite's tokenizer keeps that claimdb's name matching folds
-- (o with stroke, l with stroke), so that the tokens are the words
-- `--speaker` compares ("O'Brien" is "obrien", "Søren" is "soren").
DROP TRIGGER speaker_names_insert;
DROP TRIGGER speaker_names_rename;
DROP TRIGGER speaker_names_delete;
DROP TRIGGER speaker_names_alias_insert;
DROP TRIGGER speaker_names_alias_delete;
DROP TRIGGER speaker_names_alias_update;
DROP TABLE speaker_names_fts;
DROP VIEW speaker_names;

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

INSERT INTO speaker_names_fts (rowid, names) SELECT id, names FROM speaker_names;
