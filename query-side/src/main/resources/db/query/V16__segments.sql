-- User segments. Owner: segment.SegmentRows (the only class that reads or writes these tables).
-- version = sequence number of the segment's last applied event: writes only move a row forward.

-- Case-sensitive substring search on names ("Search is case sensitive", seed 003) is LIKE '%x%',
-- which no btree serves; a trigram GIN index does (its trigrams are case-folded, so it finds the
-- candidates and PostgreSQL's recheck keeps only the exact-case matches). pg_trgm ships with
-- PostgreSQL (contrib, also in the embedded binaries) and is a trusted extension from 13 on.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE segment_view (
    id                UUID PRIMARY KEY,
    name              VARCHAR(120) COLLATE "C" NOT NULL,
    current_upload_id UUID,
    revision          INT          NOT NULL DEFAULT 0,
    member_count      BIGINT       NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(200),
    updated_at        TIMESTAMPTZ  NOT NULL,
    updated_by        VARCHAR(200),
    version           BIGINT       NOT NULL
);
-- The list's order (name, ordinal) and the trigram filter.
CREATE INDEX segment_view_name_idx ON segment_view (name);
CREATE INDEX segment_view_name_trgm_idx ON segment_view USING gin (name gin_trgm_ops);

-- Members per upload. Rows of an upload are visible only through segment_view.current_upload_id,
-- which moves on SegmentMembersReplacedEvent; the previous upload's rows are deleted then.
CREATE TABLE segment_member_view (
    upload_id  UUID                      NOT NULL,
    account_id VARCHAR(200) COLLATE "C" NOT NULL,
    PRIMARY KEY (upload_id, account_id)
);
