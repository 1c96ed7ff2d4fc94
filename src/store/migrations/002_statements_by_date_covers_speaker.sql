-- Version 1 -> 2: the date index also carries the speaker, so a query for
-- many speakers walks it in date order without reading each statement row
-- (--speaker over a tenth of all names: 0.13 s -> 0.02 s CPU+I/O at a
-- million statements).
DROP INDEX statements_by_date;
CREATE INDEX statements_by_date ON statements (stated_on, speaker_id);
