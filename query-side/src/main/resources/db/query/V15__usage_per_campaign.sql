-- Usage counters per (code, campaign). A single code changed away is free for another campaign to
-- create again; keyed by the code alone, the new campaign's redemptions were added to the old
-- campaign's row (the upsert kept its campaign_id), so both campaigns' usage showed wrong numbers.
-- The command side's ledger is keyed by (campaign, code) already; the read side now is too.

-- The primary key leads with the code: a code's rows (one per campaign that had it) stay one index
-- range, and code search and downloads look a (code, campaign) row up by the whole key.
ALTER TABLE code_usage_view DROP CONSTRAINT code_usage_view_pkey, ADD PRIMARY KEY (code, campaign_id);

-- Today's rows are unique by code, and every discount row has its counters row (one projection writes
-- both in one transaction), so each takes its code's campaign. Counters that already mix two
-- campaigns cannot be told apart here: replaying the usage processing group counts them apart.
ALTER TABLE code_discount_view ADD COLUMN campaign_id UUID;
UPDATE code_discount_view d SET campaign_id = u.campaign_id FROM code_usage_view u WHERE u.code = d.code;
ALTER TABLE code_discount_view ALTER COLUMN campaign_id SET NOT NULL,
    DROP CONSTRAINT code_discount_view_pkey, ADD PRIMARY KEY (code, campaign_id, currency);
