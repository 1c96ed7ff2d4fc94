-- Version 4 -> 5: databases made before version 3 still check their value
-- lists as `x IN (...)`, which SQLite evaluates through an ephemeral table on
-- every insert; schema.sql has written them as OR chains since. The two
-- forms accept exactly the same values and no stored row changes, which is
-- the case SQLite documents as safe for editing the stored schema text.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, 'CHECK (kind IN (''person'', ''organization'', ''group'', ''unknown''))',
                          'CHECK (kind = ''person'' OR kind = ''organization'' OR kind = ''group'' OR kind = ''unknown'')')
 WHERE type = 'table' AND name = 'speakers';
UPDATE sqlite_master
   SET sql = replace(replace(replace(sql,
             'CHECK (kind IN (''direct'', ''indirect'', ''mixed''))',
             'CHECK (kind = ''direct'' OR kind = ''indirect'' OR kind = ''mixed'')'),
             'CHECK (stance IN (''support'', ''oppose'', ''neutral''))',
             'CHECK (stance = ''support'' OR stance = ''oppose'' OR stance = ''neutral'')'),
             'CHECK (origin IN (''extracted'', ''manual'', ''edited''))',
             'CHECK (origin = ''extracted'' OR origin = ''manual'' OR origin = ''edited'')')
 WHERE type = 'table' AND name = 'statements';
PRAGMA writable_schema = OFF;
