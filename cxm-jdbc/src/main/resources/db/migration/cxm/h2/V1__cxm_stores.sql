-- cxm stores, schema version 1, H2 2.x (embedded file or memory).
-- ${prefix} is the table prefix (cxm_ by default); the tables go into the schema Flyway runs in.
-- H2 compares strings as Java's String.compareTo does, so ORDER BY on ids agrees with Java.

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
    seq BIGINT PRIMARY KEY,                        -- append order, which orders events at the same instant
    event_id VARCHAR(256) NOT NULL,
    customer_id VARCHAR(256) NOT NULL,
    event_type SMALLINT NOT NULL,                  -- 1 interaction, 2 purchase, 3 feedback
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    touchpoint_id VARCHAR(256),
    touchpoint_name CHARACTER VARYING,
    touchpoint_channel VARCHAR(16),
    touchpoint_stage CHARACTER VARYING,
    outcome CHARACTER VARYING,                     -- interaction
    duration_nanos BIGINT,                         -- interaction: the Duration exactly, in nanoseconds
    order_id VARCHAR(256),                         -- purchase
    amount NUMERIC(36, 18),                        -- purchase: below 10^18, at most 18 decimal places
    currency CHAR(3),
    item_count INTEGER,
    survey_id VARCHAR(256),                        -- feedback
    scale_name CHARACTER VARYING,
    scale_min INTEGER,
    scale_max INTEGER,
    score INTEGER,
    comment_text CHARACTER VARYING,
    attributes CHARACTER VARYING,                  -- host attributes as a JSON object of strings; NULL when none
    CONSTRAINT ${prefix}events_event_id UNIQUE (event_id)
);
CREATE INDEX ${prefix}events_time ON ${prefix}events (occurred_at, seq);
CREATE INDEX ${prefix}events_customer ON ${prefix}events (customer_id, occurred_at, seq);
CREATE INDEX ${prefix}events_touchpoint ON ${prefix}events (touchpoint_id);
-- The attributes once more, one row each, for queries by attribute (H2 cannot look into JSON text).
CREATE TABLE ${prefix}event_attributes (
    event_seq BIGINT NOT NULL REFERENCES ${prefix}events (seq) ON DELETE CASCADE,
    attribute_key CHARACTER VARYING NOT NULL,
    attribute_value CHARACTER VARYING NOT NULL,
    PRIMARY KEY (event_seq, attribute_key)
);
CREATE INDEX ${prefix}event_attributes_entry ON ${prefix}event_attributes (attribute_key, attribute_value);

CREATE TABLE ${prefix}customers (
    customer_id VARCHAR(256) PRIMARY KEY,
    first_seen TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_seen_nanos SMALLINT NOT NULL             -- the nanoseconds below the microsecond, 0..999
);
CREATE TABLE ${prefix}customer_profile (
    customer_id VARCHAR(256) NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    profile_key CHARACTER VARYING NOT NULL,
    profile_value CHARACTER VARYING NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
CREATE INDEX ${prefix}customer_profile_entry ON ${prefix}customer_profile (profile_key, profile_value);
CREATE TABLE ${prefix}customer_consents (
    customer_id VARCHAR(256) NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    purpose VARCHAR(256) NOT NULL,
    status VARCHAR(16) NOT NULL,
    decided_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    decided_at_nanos SMALLINT NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
CREATE TABLE ${prefix}customer_segments (
    customer_id VARCHAR(256) NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    segment VARCHAR(256) NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
CREATE INDEX ${prefix}customer_segments_segment ON ${prefix}customer_segments (segment);
CREATE TABLE ${prefix}customer_identities (
    customer_id VARCHAR(256) NOT NULL REFERENCES ${prefix}customers ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    identity_type VARCHAR(16) NOT NULL,
    identity_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (customer_id, ordinal)
);
