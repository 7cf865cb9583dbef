-- Promo code batches (seed 003) on the command side.

-- A promo code lives in the registry of every code like any other, so no promo code can equal a
-- campaign code or another batch's. It has no campaign: promo_batch_id names its batch, batch_id
-- its generation run, account_id the only account that may use it (codes of a segment batch).
-- The new columns are null for campaign codes, which costs them nothing (the row's null bitmap).
ALTER TABLE coupon_code ALTER COLUMN campaign_id DROP NOT NULL;
ALTER TABLE coupon_code ADD COLUMN promo_batch_id UUID;
ALTER TABLE coupon_code ADD COLUMN account_id VARCHAR(200);
ALTER TABLE coupon_code ADD CONSTRAINT coupon_code_one_owner_ck
    CHECK ((campaign_id IS NULL) <> (promo_batch_id IS NULL));

-- Generation runs of promo batches share the campaign runs' machinery: a run of a batch has no
-- campaign and no prefix; a segment run reads its members in account order after segment_after.
ALTER TABLE generation_batch ALTER COLUMN campaign_id DROP NOT NULL;
ALTER TABLE generation_batch ADD COLUMN promo_batch_id UUID;
ALTER TABLE generation_batch ADD COLUMN segment_upload_id UUID;
ALTER TABLE generation_batch ADD COLUMN segment_after VARCHAR(200) COLLATE "C";
ALTER TABLE generation_batch ADD CONSTRAINT generation_batch_one_owner_ck
    CHECK ((campaign_id IS NULL) <> (promo_batch_id IS NULL));
ALTER TABLE generation_batch ADD CONSTRAINT generation_batch_promo_number_uk UNIQUE (promo_batch_id, batch_number);

-- What a promo batch lets its codes do, kept by promo.PromoTerms (a subscribing handler) in the
-- transaction of the batch's own events, as redemption_campaign is for campaigns. allowance and
-- set_number are the inventory: a code's remaining usages = allowance - its uses counted since
-- the set_number-th Set (promo_code_usage), so Modify Inventory changes this one row whatever
-- the batch's size.
CREATE TABLE promo_batch_terms (
    promo_batch_id    UUID PRIMARY KEY,
    terms             JSONB   NOT NULL,
    enabled           BOOLEAN NOT NULL,
    deleted           BOOLEAN NOT NULL DEFAULT false,
    inventory_enabled BOOLEAN NOT NULL,
    allowance         BIGINT,
    set_number        INTEGER NOT NULL DEFAULT 0,
    -- Bumped by every event, so a parsed copy of the terms can be cached by (batch, version).
    version           BIGINT  NOT NULL
);

-- Rules of a Clone run whose source code had its own: every code of the run has them.
CREATE TABLE promo_run_terms (
    run_id  UUID PRIMARY KEY,
    terms   JSONB,
    enabled BOOLEAN NOT NULL
);

-- One code's own rules after Edit; rare, so a table of its own rather than columns of every code.
CREATE TABLE promo_code_override (
    code     VARCHAR(64) PRIMARY KEY,
    terms    JSONB   NOT NULL,
    enabled  BOOLEAN NOT NULL,
    revision INTEGER NOT NULL
);

-- Uses of a promo code with inventory, counted since the batch's set_number-th Set. A row of an
-- older Set counts as zero: the Set replaced every code's remaining usages at once.
CREATE TABLE promo_code_usage (
    code       VARCHAR(64) PRIMARY KEY,
    set_number INTEGER NOT NULL,
    used       BIGINT  NOT NULL,
    CONSTRAINT promo_code_usage_used_ck CHECK (used >= 0)
);

-- Member sets a segment generation run still reads: the purge leaves them alone until it ends.
-- Owner: segment.SegmentMembers.
CREATE TABLE segment_upload_pin (
    run_id    UUID PRIMARY KEY,
    upload_id UUID NOT NULL
);
CREATE INDEX segment_upload_pin_upload_idx ON segment_upload_pin (upload_id);
