-- Usage tracking (seed 000): every redemption, per-code counters, per-day statistics. All written by
-- UsageProjection in one processing group, so a redemption and the counters it moves commit together.

-- One row per redemption: used at, used by, order number, amount. A reversal keeps the row (auditors
-- see the history) and sets reversed_at; reversed_at IS NOT NULL is the one "reversed" flag.
CREATE TABLE redemption_view (
    redemption_id   UUID PRIMARY KEY,
    code            VARCHAR(64) COLLATE "C" NOT NULL,
    campaign_id     UUID          NOT NULL,
    batch_id        UUID,
    order_id        VARCHAR(200)  NOT NULL,
    account_id      VARCHAR(200),
    redeemed_at     TIMESTAMPTZ   NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    discount_total  NUMERIC       NOT NULL,
    credit          NUMERIC,
    via_url_token   BOOLEAN       NOT NULL,
    reversed_at     TIMESTAMPTZ,
    reversal_reason TEXT
);
-- A code's redemption list, newest first.
CREATE INDEX redemption_view_code_idx ON redemption_view (code, redeemed_at DESC, redemption_id DESC);

-- Per-code counters: only codes that were ever redeemed have a row, so this stays small next to
-- code_view (which downloads LEFT JOIN on the primary key). In force = recorded - reversals.
CREATE TABLE code_usage_view (
    code         VARCHAR(64) COLLATE "C" PRIMARY KEY,
    campaign_id  UUID        NOT NULL,
    batch_id     UUID,
    recorded     BIGINT      NOT NULL,
    reversals    BIGINT      NOT NULL DEFAULT 0,
    last_used_at TIMESTAMPTZ NOT NULL
);
-- Pool stats and "codes redeemed" count a campaign's (or batch's) codes from the index alone.
CREATE INDEX code_usage_view_campaign_idx ON code_usage_view (campaign_id, batch_id) INCLUDE (recorded, reversals);

-- Discount of a code's redemptions in force, per currency (totals keep currencies apart).
CREATE TABLE code_discount_view (
    code           VARCHAR(64) COLLATE "C" NOT NULL,
    currency       VARCHAR(3)  NOT NULL,
    discount_given NUMERIC     NOT NULL,
    PRIMARY KEY (code, currency)
);

-- Per UTC day, campaign, batch and currency. batch_key is the batch id, or the nil UUID for codes
-- without a batch: PostgreSQL 14 has no NULLS NOT DISTINCT, and the key must be unique for the upsert.
CREATE TABLE daily_usage_view (
    campaign_id          UUID       NOT NULL,
    batch_key            UUID       NOT NULL,
    day                  DATE       NOT NULL,
    currency             VARCHAR(3) NOT NULL,
    redemptions          BIGINT     NOT NULL DEFAULT 0,
    reversals            BIGINT     NOT NULL DEFAULT 0,
    codes_first_redeemed BIGINT     NOT NULL DEFAULT 0,
    discount_given       NUMERIC    NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, batch_key, day, currency)
);

-- Usage looks a single code's or a URL token's campaign up by code or token; checkout resolves
-- tokens on every landing, so neither should scan the campaign table.
CREATE INDEX campaign_view_code_idx ON campaign_view (code);
CREATE INDEX campaign_view_url_token_idx ON campaign_view (url_token) WHERE url_token IS NOT NULL;

-- The counters V12 reserved for this issue were never written: the usage tables above are now the
-- one source of truth (pool stats and downloads join them). Dropping a column is a catalog change,
-- instant even on ten million codes.
ALTER TABLE code_view DROP COLUMN redemptions, DROP COLUMN last_used_at;
ALTER TABLE generation_batch_view DROP COLUMN redeemed_codes, DROP COLUMN total_redemptions;
