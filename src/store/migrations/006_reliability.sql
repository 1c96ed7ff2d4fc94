-- Version 5 -> 6: a statement's id is never given to another statement, even
-- after it is deleted (AUTOINCREMENT): a script holding an old id must not
-- edit a newer statement by mistake.
--
-- A rowid table gains AUTOINCREMENT without a rebuild: its rows on disk are
-- the same, only the table's stored definition and the sqlite_sequence row
-- that holds the highest id ever given change. (A rebuild would have to drop
-- and recreate every view, trigger and index on statements.) The first two
-- lines make sqlite_sequence exist; writable_schema = RESET reloads the
-- schema so that this connection sees the new definition at once. Run on a
-- table that already has AUTOINCREMENT, it changes nothing. (`id` is the
-- table's one INTEGER PRIMARY KEY column.)
CREATE TABLE claimdb_sequence_seed (id INTEGER PRIMARY KEY AUTOINCREMENT);
DROP TABLE claimdb_sequence_seed;
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, 'INTEGER PRIMARY KEY,', 'INTEGER PRIMARY KEY AUTOINCREMENT,')
 WHERE type = 'table' AND name = 'statements' AND sql NOT LIKE '%AUTOINCREMENT%';
PRAGMA writable_schema = RESET;
INSERT INTO sqlite_sequence (name, seq)
SELECT 'statements', coalesce((SELECT max(id) FROM statements), 0)
 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'statements');
