-- cxm stores, schema version 1, PostgreSQL 14 or newer.
-- ${prefix} is the table prefix (cxm_ by default); the tables go into the schema Flyway runs in.
-- Ids and keys use the binary collation "C", so that ORDER BY agrees with Java's String order.

CREATE TABLE ${prefix}schema_version (
    version INTEGER NOT NULL
);
INSERT INTO ${prefix}schema_version (version) VALUES (1);

-- One row: appends lock it, so that they run one after another and take their sequence numbers in order.
CREATE TABLE ${prefix}append_sequence (
    id SMALLINT PRIMARY KEY,
    next_seq BIGINT NOT NULL
);
INSERT INTO ${prefix}append_sequence (id, next_seq) VALUES (1, 1);

-- Every event type in one table; the columns of the other types are NULL.
CREATE TABLE ${prefix}events (
    seq BIGINT NOT NULL,                           -- append order, which orders events at the same instant
    event_id VARCHAR(256) COLLATE "C" PRIMARY KEY,
    customer_id VARCHAR(256) COLLATE "C" NOT NULL,
    event_type SMALLINT NOT NULL,                  -- 1 interaction, 2 purchase, 3 feedback
    occurred_at TIMESTAMPTZ NOT NULL,              -- microseconds, as every event holds its instant
    touchpoint_id VARCHAR(256) COLLATE "C",
    touchpoint_name TEXT,
    touchpoint_channel VARCHAR(16),
    touchpoint_stage TEXT,
    outcome TEXT,                                  -- interaction
    duration_nanos BIGINT,                         -- interaction: the Duration exactly, in nanoseconds
    order_id VARCHAR(256),                         -- purchase
    amount NUMERIC(36, 18),                        -- purchase: below 10^18, at most 18 decimal places
    currency CHAR(3),
    item_count INTEGER,
    survey_id VARCHAR(256) COLLATE "C",            -- feedback
    scale_name TEXT,
    scale_min INTEGER,
    scale_max INTEGER,
    score INTEGER,
    comment_text TEXT,
    attributes JSONB                               -- host attributes as a JSON object of strings; NULL when none
);
CREATE INDEX ${prefix}events_time ON ${prefix}events (occurred_at, seq);
CREATE INDEX ${prefix}events_customer ON ${prefix}events (customer_id, occurred_at, seq);
CREATE INDEX ${prefix}events_touchpoint ON ${prefix}events (touchpoint_id);
-- Only the events with attributes: a query by attribute (@>) implies attributes IS NOT NULL.
CREATE INDEX ${prefix}events_attributes ON ${prefix}events USING GIN (attributes jsonb_path_ops)
    WHERE attributes IS NOT NULL;

CREATE TABLE ${prefix}customers (
    customer_id VARCHAR(256) COLLATE "C" PRIMARY KEY,
    first_seen TIMESTAMPTZ NOT NULL,
    first_seen_nanos SMALLINT NOT NULL             -- the nanoseconds below the microsecond, 0..999
);
CREATE TABLE ${prefix}customer_profile (
    customer_id VARCHAR(256) COLLATE "C" NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    profile_key TEXT NOT NULL,
    profile_value TEXT NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
CREATE INDEX ${prefix}customer_profile_entry ON ${prefix}customer_profile (profile_key, profile_value);
CREATE TABLE ${prefix}customer_consents (
    customer_id VARCHAR(256) COLLATE "C" NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    purpose VARCHAR(256) NOT NULL,
    status VARCHAR(16) NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    decided_at_nanos SMALLINT NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
CREATE TABLE ${prefix}customer_segments (
    customer_id VARCHAR(256) COLLATE "C" NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    segment VARCHAR(256) NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
CREATE INDEX ${prefix}customer_segments_segment ON ${prefix}customer_segments (segment);
CREATE TABLE ${prefix}customer_identities (
    customer_id VARCHAR(256) COLLATE "C" NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    identity_type VARCHAR(16) NOT NULL,
    identity_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
