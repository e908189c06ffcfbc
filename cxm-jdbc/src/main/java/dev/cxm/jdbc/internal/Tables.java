package dev.cxm.jdbc.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of the stores' tables: an optional schema, a prefix and the table's own name. Schema and
 * prefix come from the configuration only and are checked against strict patterns (lower-case letters,
 * digits, underscores), so that they are safe to write into SQL unquoted: every value travels as a
 * parameter of a prepared statement.
 *
 * @param schema the schema, or empty for the connection's current one
 * @param prefix the prefix of every table name; possibly empty
 */
public record Tables(Optional<String> schema, String prefix) {

    /** A schema name: a lower-case letter, then up to 62 lower-case letters, digits or underscores. */
    public static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** A table prefix: empty, or a lower-case letter and up to 29 more lower-case letters, digits or underscores. */
    public static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,29})?");

    /** Checks the names. */
    public Tables {
        schema.ifPresent(name -> {
            if (!SCHEMA.matcher(name).matches()) {
                throw new IllegalArgumentException("schema: \"" + name + "\" is not a plain schema name; it must be"
                        + " a lower-case letter and up to 62 lower-case letters, digits or underscores");
            }
        });
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix: \"" + prefix + "\" is not a plain prefix; it must be"
                    + " empty, or a lower-case letter and up to 29 lower-case letters, digits or underscores");
        }
    }

    /** Returns the qualified name of a table, such as {@code cxm.cxm_events}. */
    public String name(String table) {
        return schema.map(s -> s + ".").orElse("") + prefix + table;
    }

    /** Returns the events table. */
    public String events() {
        return name("events");
    }

    /** Returns the attributes table (H2 only). */
    public String eventAttributes() {
        return name("event_attributes");
    }

    /** Returns the table of the feedback counts per bucket, touchpoint, survey, scale and score. */
    public String feedbackCounts() {
        return name("feedback_counts");
    }

    /** Returns the table of the next sequence number, whose row appends lock. */
    public String appendSequence() {
        return name("append_sequence");
    }

    /** Returns the table of the schema version. */
    public String schemaVersion() {
        return name("schema_version");
    }

    /** Returns the customers table. */
    public String customers() {
        return name("customers");
    }

    /** Returns a table of a customer's parts: profile, consents, segments, identities. */
    public String customerPart(String part) {
        return name("customer_" + part);
    }
}
