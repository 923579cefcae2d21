-- The spooler's queue (manual 4.9; the original's outgoingqueue table): one row per submitted
-- message until it is sent, reported undeliverable or aborted. JMS only signals the work; this
-- table is what the spooler resumes from after a restart.
CREATE TABLE outgoingqueue (
    id BIGINT NOT NULL AUTO_INCREMENT,
    store_id BIGINT NOT NULL,
    object_id BIGINT NOT NULL,
    submitter_id BIGINT NOT NULL,
    submitted BIGINT NOT NULL,
    next_attempt BIGINT NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    raw_mime INT NOT NULL DEFAULT 0,
    envelope_from VARCHAR(320),
    remaining TEXT,
    sent_some INT NOT NULL DEFAULT 0,
    last_error VARCHAR(1000),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX outgoingqueue_object ON outgoingqueue (object_id);
CREATE INDEX outgoingqueue_store ON outgoingqueue (store_id);

-- The autoresponder's memory (manual 4.5): when a store last answered an address, so that one
-- sender gets one out-of-office reply per TIMELIMIT.
CREATE TABLE oof_replies (
    store_id BIGINT NOT NULL,
    address VARCHAR(320) NOT NULL,
    replied BIGINT NOT NULL,
    PRIMARY KEY (store_id, address)
);
