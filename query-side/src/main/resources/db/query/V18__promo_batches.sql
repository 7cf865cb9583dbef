-- Promo code batches (seed 003), query side. Owners: promo.PromoBatchRows (promo_batch_view,
-- promo_run_view), promo.PromoOverrideRows (promo_code_override_view), code.CodeRows (code_view's
-- promo columns), redemption.PromoUsageRows (promo_code_usage_view, promo_daily_usage_view).
-- version = sequence number of the batch's last applied aggregate event: writes only move forward.

CREATE TABLE promo_batch_view (
    id                UUID PRIMARY KEY,
    name              VARCHAR(200) COLLATE "C" NOT NULL,
    method            VARCHAR(32)  NOT NULL,
    segment_id        UUID,
    segment_name      VARCHAR(200) COLLATE "C",
    segment_revision  INT,
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(200),
    enabled           BOOLEAN      NOT NULL,
    deleted           BOOLEAN      NOT NULL DEFAULT false,
    code_length       INT          NOT NULL,
    -- Sums and state of the runs, recomputed from promo_run_view whenever a run moves.
    requested         BIGINT       NOT NULL DEFAULT 0,
    generated         BIGINT       NOT NULL DEFAULT 0,
    state             VARCHAR(16)  NOT NULL DEFAULT 'REQUESTED',
    terms             JSONB        NOT NULL,
    inventory_enabled BOOLEAN      NOT NULL,
    -- Remaining usages of a code = allowance - its uses counted in Set number set_number: one row
    -- update per Modify Inventory, whatever the batch's size.
    allowance         BIGINT,
    set_number        INT          NOT NULL DEFAULT 0,
    version           BIGINT       NOT NULL
);
-- Newest first, and the two case-sensitive "contains" filters (pg_trgm: see V16).
CREATE INDEX promo_batch_view_created_idx ON promo_batch_view (created_at DESC, id DESC);
CREATE INDEX promo_batch_view_name_trgm_idx ON promo_batch_view USING gin (name gin_trgm_ops);
CREATE INDEX promo_batch_view_segment_trgm_idx ON promo_batch_view USING gin (segment_name gin_trgm_ops);

-- Generation history: run 1 from the creation, then one run per Clone.
CREATE TABLE promo_run_view (
    run_id           UUID PRIMARY KEY,
    batch_id         UUID         NOT NULL,
    run_number       INT          NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    source_code      VARCHAR(64),
    quantity         BIGINT       NOT NULL,
    code_length      INT          NOT NULL,
    generated        BIGINT       NOT NULL DEFAULT 0,
    state            VARCHAR(16)  NOT NULL,
    failure_reason   TEXT,
    requested_by     VARCHAR(200),
    requested_at     TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ,
    -- A clone of an edited (or switched-off) code: what each of its codes gets as its own override,
    -- written when its chunks arrive, at the clone request's version.
    override_terms   JSONB,
    override_enabled BOOLEAN,
    override_version BIGINT,
    CONSTRAINT promo_run_view_number_uk UNIQUE (batch_id, run_number)
);

-- One code's own rules and enabled flag (Edit, or a clone of an edited code). terms NULL: the
-- batch's rules (a clone of a code that was only switched off).
CREATE TABLE promo_code_override_view (
    code           VARCHAR(64) COLLATE "C" PRIMARY KEY,
    promo_batch_id UUID    NOT NULL,
    terms          JSONB,
    enabled        BOOLEAN NOT NULL,
    version        BIGINT  NOT NULL
);

-- Promo codes live in code_view with the campaigns' codes, so Find Coupon finds both with one
-- index. batch_id / batch_number are the promo generation run and its number. Nullable columns
-- without a default, and dropping NOT NULL: catalog changes, instant on ten million codes.
ALTER TABLE code_view ALTER COLUMN campaign_id DROP NOT NULL,
    ADD COLUMN promo_batch_id UUID,
    ADD COLUMN account_id     VARCHAR(200),
    ADD COLUMN promo_position BIGINT;
-- Show List and Export: a batch's codes in generation order (keyset on promo_position: run,
-- chunk, place in the chunk), only promo rows in the index. Not (promo_batch_id, code): random
-- codes would land all over that index, one more random B-tree write per code, which made a
-- million-code batch take 13.7 s instead of 8.9 s until searchable here; positions only grow
-- within a batch, so each batch's entries are appended at its end of the index.
CREATE INDEX code_view_promo_idx ON code_view (promo_batch_id, promo_position) WHERE promo_batch_id IS NOT NULL;

-- Redemptions of promo codes have no campaign; they name the batch and the inventory Set they
-- were counted in, so a reversal knows what it gives back.
ALTER TABLE redemption_view ALTER COLUMN campaign_id DROP NOT NULL,
    ADD COLUMN promo_batch_id UUID,
    ADD COLUMN inventory_set  INT;

-- Per promo code: uses counted in the newest Set seen (set_number), and all-time counters.
-- Remaining usages are computed at read time against promo_batch_view's current set_number.
CREATE TABLE promo_code_usage_view (
    code           VARCHAR(64) COLLATE "C" PRIMARY KEY,
    promo_batch_id UUID        NOT NULL,
    set_number     INT         NOT NULL,
    used_in_set    BIGINT      NOT NULL,
    recorded       BIGINT      NOT NULL,
    reversals      BIGINT      NOT NULL,
    last_used_at   TIMESTAMPTZ
);
CREATE INDEX promo_code_usage_view_batch_idx ON promo_code_usage_view (promo_batch_id) INCLUDE (recorded, reversals);

-- Per UTC day, promo batch and currency, as daily_usage_view is for campaigns.
CREATE TABLE promo_daily_usage_view (
    promo_batch_id       UUID       NOT NULL,
    day                  DATE       NOT NULL,
    currency             VARCHAR(3) NOT NULL,
    redemptions          BIGINT     NOT NULL DEFAULT 0,
    reversals            BIGINT     NOT NULL DEFAULT 0,
    codes_first_redeemed BIGINT     NOT NULL DEFAULT 0,
    discount_given       NUMERIC    NOT NULL DEFAULT 0,
    PRIMARY KEY (promo_batch_id, day, currency)
);
-- Reporting reads a date range across batches.
CREATE INDEX promo_daily_usage_view_day_idx ON promo_daily_usage_view (day);
