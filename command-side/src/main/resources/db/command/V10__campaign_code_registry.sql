-- Command-side set validation: campaign codes are unique case-insensitively across all campaigns.
-- Written in the same transaction as the event that claims the code (CampaignCodeRegistry), so two
-- concurrent creates of SUMMER20 cannot both commit. Codes are stored upper-cased.
CREATE TABLE campaign_code_registry (
    code        VARCHAR(64) PRIMARY KEY,
    campaign_id UUID        NOT NULL,
    claimed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT campaign_code_registry_upper_ck CHECK (code = upper(code))
);
CREATE INDEX campaign_code_registry_campaign_idx ON campaign_code_registry (campaign_id);
