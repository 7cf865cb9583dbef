-- Marketing campaigns for the rule form's picker. Owner: marketing.MarketingCampaignRows (the only
-- class that reads or writes it). version = sequence number of the last applied event: writes only
-- move a row forward.
CREATE TABLE marketing_campaign_view (
    id          UUID PRIMARY KEY,
    name        VARCHAR(120) COLLATE "C" NOT NULL,
    -- The name folded to lower case in Java (every script; lower() under "C" folds ASCII only).
    -- TEXT: folding can lengthen a name (U+0130 becomes two characters).
    name_folded TEXT         NOT NULL,
    description VARCHAR(500),
    defined_at  TIMESTAMPTZ  NOT NULL,
    defined_by  VARCHAR(200),
    version     BIGINT       NOT NULL
);
-- The list's order (name, ordinal), and the case-insensitive "contains" search: LIKE '%q%' on the
-- folded name, served by a trigram GIN index (pg_trgm, created by V16 for segments).
CREATE INDEX marketing_campaign_view_name_idx ON marketing_campaign_view (name);
CREATE INDEX marketing_campaign_view_name_trgm_idx ON marketing_campaign_view USING gin (name_folded gin_trgm_ops);
