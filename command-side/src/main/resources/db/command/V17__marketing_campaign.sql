-- The names of the defined marketing campaigns. Owner: marketing.MarketingCampaignNames (the only
-- class that reads or writes it). Written in the transaction of MarketingCampaignDefinedEvent, so
-- a discount rule's terms.marketingCampaign is checked against committed definitions only.
-- Exact names (COLLATE "C"): "Spring launch" and "spring launch" are two marketing campaigns.
CREATE TABLE marketing_campaign (
    name                  VARCHAR(120) COLLATE "C" PRIMARY KEY,
    marketing_campaign_id UUID NOT NULL UNIQUE
);
