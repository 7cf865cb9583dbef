-- Read model of discount rules. version = sequence number of the rule's last applied event:
-- handlers only move a row forward, so a redelivered event changes nothing.
CREATE TABLE discount_rule_view (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    terms      JSONB        NOT NULL,
    retired    BOOLEAN      NOT NULL DEFAULT false,
    created_by VARCHAR(200),
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    version    BIGINT       NOT NULL
);
CREATE INDEX discount_rule_view_created_idx ON discount_rule_view (created_at DESC, id);
