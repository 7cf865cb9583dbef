-- The campaign table (seed 000's Coupons tab) and each campaign's details.
-- Status is derived at read time from archived_at / starts_at / expires_at (CampaignRows).
CREATE TABLE campaign_view (
    id               UUID PRIMARY KEY,
    code             VARCHAR(64)  NOT NULL,
    type             VARCHAR(20)  NOT NULL,
    discount_rule_id UUID,
    uses_per_code    INTEGER,
    starts_at        TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ,
    url_token        VARCHAR(64),
    created_by       VARCHAR(200),
    created_at       TIMESTAMPTZ  NOT NULL,
    archived_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX campaign_view_created_idx ON campaign_view (created_at DESC, id);
CREATE INDEX campaign_view_type_idx ON campaign_view (type);
CREATE INDEX campaign_view_rule_idx ON campaign_view (discount_rule_id);
