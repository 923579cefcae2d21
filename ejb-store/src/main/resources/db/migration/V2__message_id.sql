-- Internet Message-ID as a hot column: delivery suppresses a second copy of the same message to
-- the same store (an MTA retrying after the store committed but before it heard the answer).
ALTER TABLE hierarchy ADD COLUMN message_id VARCHAR(255);
CREATE INDEX hierarchy_msgid ON hierarchy (store_id, message_id);
