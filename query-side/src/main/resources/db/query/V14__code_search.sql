-- Find a code (issue 5): code_view now holds every code, not only generated ones. A single-code or
-- URL-token campaign's code is a row without a batch; when a single code is changed, the old row
-- stays, marked deleted, until another campaign claims that code. Adding a nullable column without a
-- default is a catalog change, instant on ten million codes.
ALTER TABLE code_view ADD COLUMN deleted_at TIMESTAMPTZ;

-- Databases from before this version: the codes campaigns have now (codes changed away earlier are
-- not known here; a projection rebuild from the events adds them).
INSERT INTO code_view (code, campaign_id, generated_at)
SELECT code, id, created_at FROM campaign_view WHERE type IN ('SINGLE_CODE', 'URL_TOKEN')
ON CONFLICT (code) DO NOTHING;
