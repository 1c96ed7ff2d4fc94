-- Version 6 -> 7: any combination of `query` filters is answered by walking
-- one index in listing order (date, then id) that carries every column the
-- other filters test, so that no statement row is read to turn one away
-- (see src/store/statements/plan.rs).
-- 1. Topic links carry their statement's stance and speaker, kept in step by
--    the triggers below (a link inserted without them is filled in, with its
--    statement's date).
-- 2. The statement indexes list a key's statements in id order and carry the
--    speaker and stance.
ALTER TABLE statement_topics ADD COLUMN stance TEXT;
ALTER TABLE statement_topics ADD COLUMN speaker_id INTEGER;
UPDATE statement_topics
   SET (stance, speaker_id) = (SELECT s.stance, s.speaker_id FROM statements s WHERE s.id = statement_id);
DROP INDEX statement_topics_by_topic;
CREATE INDEX statement_topics_by_topic ON statement_topics (topic_id, stated_on, statement_id, stance, speaker_id);

CREATE TRIGGER statements_stance_topics AFTER UPDATE OF stance, speaker_id ON statements BEGIN
    UPDATE statement_topics SET stance = new.stance, speaker_id = new.speaker_id WHERE statement_id = new.id;
END;

CREATE TRIGGER statement_topics_fill AFTER INSERT ON statement_topics
WHEN new.stance IS NULL OR new.speaker_id IS NULL BEGIN
    UPDATE statement_topics
       SET (stated_on, stance, speaker_id) =
           (SELECT s.stated_on, s.stance, s.speaker_id FROM statements s WHERE s.id = new.statement_id)
     WHERE statement_id = new.statement_id AND topic_id = new.topic_id;
END;

DROP INDEX statements_by_speaker;
CREATE INDEX statements_by_speaker ON statements (speaker_id, stated_on, id, stance);
DROP INDEX statements_by_stance;
CREATE INDEX statements_by_stance ON statements (stance, stated_on, id, speaker_id);
DROP INDEX statements_by_date;
CREATE INDEX statements_by_date ON statements (stated_on, id, speaker_id, stance);
