-- User segments' member sets. Owner: segment.SegmentMembers (the only class that reads or writes
-- these tables).
--
-- Every upload (a JSON replacement or a CSV file) stages its members under a fresh upload_id while
-- it is being read; only the transaction of SegmentMembersReplacedEvent makes an upload CURRENT
-- (and the previous one REPLACED), so a refused or interrupted upload is never in force. REPLACED
-- uploads and STAGING ones left by a crash are purged afterwards in small transactions.
CREATE TABLE segment_upload (
    upload_id  UUID PRIMARY KEY,
    segment_id UUID         NOT NULL,
    state      VARCHAR(10)  NOT NULL CHECK (state IN ('STAGING', 'CURRENT', 'REPLACED')),
    revision   INT,
    members    BIGINT       NOT NULL DEFAULT 0,
    started_by VARCHAR(200),
    started_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- At most one member set in force per segment, whatever two instances do at once.
CREATE UNIQUE INDEX segment_upload_current_uk ON segment_upload (segment_id) WHERE state = 'CURRENT';
CREATE INDEX segment_upload_purge_idx ON segment_upload (state, started_at) WHERE state <> 'CURRENT';

-- One row per distinct account of an upload. The primary key dedupes an upload and serves reading
-- members in account order (COLLATE "C": ordinal, the same order on every server). No foreign key
-- to segment_upload: it would cost a lookup per row of a million-line upload for nothing, since
-- only SegmentMembers writes both.
CREATE TABLE segment_member (
    upload_id  UUID                      NOT NULL,
    account_id VARCHAR(200) COLLATE "C" NOT NULL,
    PRIMARY KEY (upload_id, account_id)
);
