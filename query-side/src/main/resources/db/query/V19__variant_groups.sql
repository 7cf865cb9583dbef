-- Promo variant targeting groups for the admin list and details. Owner: variantgroup.VariantGroupRows
-- (the only class that reads or writes it). version = sequence number of the last applied event:
-- writes only move a row forward.
--
-- A group is always replaced and read as a whole (VariantGroupDefinedEvent carries every variant,
-- at most 10,000 ids of at most 200 characters, 1 MB of UTF-8 together), so its variants are one
-- text[] in the given order rather than up to 10,000 rows per replacement: one row written per
-- event, and PostgreSQL keeps the array out of line (TOAST), so the list, which never selects it,
-- does not read it.
CREATE TABLE variant_group_view (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200) COLLATE "C" NOT NULL,
    -- The name folded to lower case in Java (every script; lower() under "C" folds ASCII only).
    name_folded   TEXT         NOT NULL,
    variant_ids   TEXT[]       NOT NULL,
    variant_count INT          NOT NULL,
    defined_at    TIMESTAMPTZ  NOT NULL,
    defined_by    VARCHAR(200),
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    VARCHAR(200),
    version       BIGINT       NOT NULL
);
-- The list's order (name, ordinal), and the case-insensitive "contains" search: LIKE '%q%' on the
-- folded name, served by a trigram GIN index (pg_trgm, created by V16 for segments).
CREATE INDEX variant_group_view_name_idx ON variant_group_view (name);
CREATE INDEX variant_group_view_name_trgm_idx ON variant_group_view USING gin (name_folded gin_trgm_ops);
