-- cxm stores, schema version 3, H2: no change to H2's tables.
-- Version 3 put PostgreSQL's customer index on customer_id alone (see postgresql/V3__cxm_customer_index.sql).
-- H2 keeps (customer_id, occurred_at, seq): its indexes do not deduplicate keys, so the one-column index would
-- save little, and a customer's events come in time order from it without a sort.
INSERT INTO ${prefix}schema_version (version) VALUES (3);
