-- Every redeemable code of every campaign (generated codes and single codes), upper-cased, so a
-- code is unique case-insensitively across all campaigns and batches. Rows are written in the same
-- transaction as the event that announces the code.
CREATE TABLE coupon_code (
    code        VARCHAR(64) PRIMARY KEY,
    campaign_id UUID        NOT NULL,
    batch_id    UUID,
    CONSTRAINT coupon_code_upper_ck CHECK (code = upper(code))
);

-- The command side's working state of each generation run: how far it got. Each chunk locks the
-- row, reads how many codes exist, writes the next chunk's codes, event and count, and commits, so
-- a run resumes exactly where the last committed chunk left it, whichever instance picks it up.
CREATE TABLE generation_batch (
    batch_id       UUID PRIMARY KEY,
    campaign_id    UUID         NOT NULL,
    batch_number   INTEGER      NOT NULL,
    prefix         VARCHAR(64)  NOT NULL,
    quantity       BIGINT       NOT NULL,
    random_length  INTEGER      NOT NULL,
    generated      BIGINT       NOT NULL DEFAULT 0,
    chunks         INTEGER      NOT NULL DEFAULT 0,
    state          VARCHAR(16)  NOT NULL,
    requested_by   VARCHAR(200),
    failures       INTEGER      NOT NULL DEFAULT 0,
    requested_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT generation_batch_number_uk UNIQUE (campaign_id, batch_number)
);
CREATE INDEX generation_batch_unfinished_idx ON generation_batch (requested_at) WHERE state IN ('REQUESTED', 'RUNNING');
