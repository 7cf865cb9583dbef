-- Every generated code, searchable. COLLATE "C" keeps prefix ranges and ORDER BY on the primary key
-- index (AXON-NOTES: a locale collation made 1-2 in 1,000 prefix queries walk the whole index).
CREATE TABLE code_view (
    code          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    campaign_id   UUID        NOT NULL,
    batch_id      UUID,
    batch_number  INTEGER,
    generated_at  TIMESTAMPTZ NOT NULL,
    redemptions   BIGINT      NOT NULL DEFAULT 0,
    last_used_at  TIMESTAMPTZ
);
-- No second index: downloads read a campaign's codes as a range of the primary key (every code of
-- a bulk pool starts with its prefix), which keeps inserting millions of codes at one index's cost.

-- The generation history (seed 000): Batch, When, Who, Codes, Exported; plus progress and the
-- per-batch redemption counters that pool stats add up.
CREATE TABLE generation_batch_view (
    batch_id          UUID PRIMARY KEY,
    campaign_id       UUID         NOT NULL,
    batch_number      INTEGER      NOT NULL,
    prefix            VARCHAR(64)  NOT NULL,
    requested_by      VARCHAR(200),
    requested_at      TIMESTAMPTZ  NOT NULL,
    quantity          BIGINT       NOT NULL,
    random_length     INTEGER      NOT NULL,
    generated         BIGINT       NOT NULL DEFAULT 0,
    state             VARCHAR(16)  NOT NULL,
    completed_at      TIMESTAMPTZ,
    failure_reason    TEXT,
    exported          BOOLEAN      NOT NULL DEFAULT false,
    redeemed_codes    BIGINT       NOT NULL DEFAULT 0,
    total_redemptions BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT generation_batch_view_number_uk UNIQUE (campaign_id, batch_number)
);

-- Each download of a batch: who, when, which format. Keyed by the event, so a replay adds nothing twice.
CREATE TABLE batch_download_view (
    event_id      VARCHAR(64) PRIMARY KEY,
    batch_id      UUID        NOT NULL,
    downloaded_by VARCHAR(200),
    downloaded_at TIMESTAMPTZ NOT NULL,
    format        VARCHAR(32) NOT NULL
);
CREATE INDEX batch_download_view_batch_idx ON batch_download_view (batch_id, downloaded_at);
