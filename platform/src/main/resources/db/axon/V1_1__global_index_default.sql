-- Axon's JDBC storage engine appends without naming global_index: the column takes the next value
-- of the sequence the JPA mapping used (one value per event, as before; axon-orm.xml). Idempotent,
-- like every script here, because both sides apply it in their own Flyway history.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_global_index_seq');
