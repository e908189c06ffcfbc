-- cxm stores, schema version 3, PostgreSQL: the customer index on customer_id alone.
-- Version 1 indexed (customer_id, occurred_at, seq), so that a customer's events came in time order from the
-- index. Its keys arrive at random, so each append rewrote leaves all over it, and at 10 million rows it measured
-- 533 MB against 91 MB for customer_id alone (PostgreSQL 13+ deduplicates equal keys, and the two other columns
-- go): about half the server's cost of an append (docs/PERFORMANCE.md). A customer has few events, so the
-- queries by customer and the timelines sort them after the index (an incremental sort for the timelines).
-- Building it reads the table once (about 25 s at 10 million rows); Flyway runs this in one transaction.
DROP INDEX ${prefix}events_customer;
CREATE INDEX ${prefix}events_customer ON ${prefix}events (customer_id);

INSERT INTO ${prefix}schema_version (version) VALUES (3);
