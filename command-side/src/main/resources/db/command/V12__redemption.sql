-- Redemption's command-side state. Every table here is written in the same transaction as the event
-- that decides it (AXON-NOTES: set-based rules are enforced on the command side, never against a
-- projection), so two command-side instances on one database cannot both win.

-- What a campaign lets its codes do, kept current by a subscribing event handler in the campaign
-- and rule events' own transactions (RedemptionTermsProjection). A redemption reads one row here
-- instead of loading the Campaign aggregate, so the codes of a batch never queue on one aggregate.
CREATE TABLE redemption_campaign (
    campaign_id      UUID PRIMARY KEY,
    code             VARCHAR(64) NOT NULL,
    type             VARCHAR(16) NOT NULL,
    url_token        VARCHAR(64) UNIQUE,
    discount_rule_id UUID,
    uses_per_code    INTEGER,
    starts_at        TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ,
    archived         BOOLEAN     NOT NULL DEFAULT false
);

CREATE TABLE redemption_rule (
    rule_id  UUID PRIMARY KEY,
    terms    JSONB   NOT NULL,
    -- Bumped on every revision, so a parsed copy of the terms can be cached by (rule, revision).
    revision INTEGER NOT NULL,
    retired  BOOLEAN NOT NULL DEFAULT false
);

-- One row per recorded redemption (code + order): the idempotency key, claimed in the redemption's
-- transaction before anything is counted. A retry racing its original blocks on the uncommitted
-- row, then finds it and answers the recorded redemption; it is one round trip on the happy path,
-- where loading the Redemption aggregate to see whether it exists would be two.
CREATE TABLE redemption_key (
    redemption_id UUID PRIMARY KEY
);

-- Uses taken per limited code: the hot row of a popular code. A redemption takes a use with one
-- guarded upsert (used < limit), so the limit holds under any concurrency and the row lock is held
-- only from that statement to commit. Unlimited codes never touch this table.
-- Keyed by campaign too: a single code released by a code change may later belong to another
-- campaign, which must start from its own count.
CREATE TABLE code_usage (
    campaign_id UUID        NOT NULL,
    code        VARCHAR(64) NOT NULL,
    used        INTEGER     NOT NULL,
    PRIMARY KEY (campaign_id, code),
    CONSTRAINT code_usage_used_ck CHECK (used >= 0)
);

-- One use per account: the primary key is the rule. The row goes away when its redemption is
-- reversed, which gives the account its use back.
CREATE TABLE account_code_use (
    campaign_id   UUID         NOT NULL,
    code          VARCHAR(64)  NOT NULL,
    account_id    VARCHAR(200) NOT NULL,
    redemption_id UUID         NOT NULL,
    PRIMARY KEY (campaign_id, code, account_id)
);

-- Unknown-code lookups per client, for brute-force throttling. Shared by every command-side
-- instance, so the limit is one limit, not one per instance.
CREATE TABLE code_lookup_miss (
    client_key      VARCHAR(260) PRIMARY KEY,
    window_start    TIMESTAMPTZ NOT NULL,
    misses          INTEGER     NOT NULL,
    blocked_until   TIMESTAMPTZ
);

-- Promo variant targeting groups, by name as rules refer to them; written with the group's event.
CREATE TABLE variant_group_member (
    group_name VARCHAR(200) NOT NULL,
    variant_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (group_name, variant_id)
);
