package dev.cxm.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;

/**
 * The columns of the events table and how a row reads back as an event. One reader per stream: it shares
 * the touchpoints and scales it has read, so that a scan of millions of events at a few touchpoints does not
 * build a touchpoint per row.
 */
public final class EventColumns {

    /** The {@code event_type} of an interaction. */
    public static final short INTERACTION = 1;
    /** The {@code event_type} of a purchase. */
    public static final short PURCHASE = 2;
    /** The {@code event_type} of a feedback response. */
    public static final short FEEDBACK = 3;

    /** The columns, in the order rows are written and read. */
    public static final String NAMES = "seq, event_id, customer_id, event_type, occurred_at, touchpoint_id,"
            + " touchpoint_name, touchpoint_channel, touchpoint_stage, outcome, duration_nanos, order_id, amount,"
            + " currency, item_count, survey_id, scale_name, scale_min, scale_max, score, comment_text, attributes";

    /** The number of columns in {@link #NAMES}. */
    public static final int COUNT = 22;

    private static final int MAX_SHARED = 4096;

    private final Map<String, Optional<Touchpoint>> touchpoints = new HashMap<>();
    private final Map<FeedbackScale, FeedbackScale> scales = new HashMap<>();
    private FeedbackScale lastScale;

    /** Returns the columns prefixed by a table alias, such as {@code e.seq, e.event_id, ...}. */
    public static String names(String alias) {
        return alias + "." + NAMES.replace(", ", ", " + alias + ".");
    }

    /**
     * Returns the columns prefixed by a table alias for a binary {@code COPY} ({@link BinaryCopyRows}):
     * {@code amount} and {@code attributes} as text, whose binary forms are PostgreSQL's own.
     */
    public static String copyNames(String alias) {
        return names(alias).replace(alias + ".amount", "CAST(" + alias + ".amount AS TEXT)")
                .replace(alias + ".attributes", "CAST(" + alias + ".attributes AS TEXT)");
    }

    /** Returns the {@code event_type} code of a type. */
    public static short code(dev.cxm.core.model.EventType type) {
        return switch (type) {
            case INTERACTION -> INTERACTION;
            case PURCHASE -> PURCHASE;
            case FEEDBACK -> FEEDBACK;
        };
    }

    /** Reads the instant of a timestamp column. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * The values of one stored row, by the column's position in {@link #NAMES} (1 is {@code seq}): from a
     * result set, or decoded from PostgreSQL's binary {@code COPY} ({@link BinaryCopyRows}).
     */
    public interface Fields {
        /** Returns the text of a column, or {@code null}. */
        @Nullable String text(int column) throws SQLException;

        /** Returns a {@code SMALLINT} column that is not null. */
        short int16(int column) throws SQLException;

        /** Returns an {@code INTEGER} column that is not null. */
        int int32(int column) throws SQLException;

        /** Returns a {@code BIGINT} column that is not null. */
        long int64(int column) throws SQLException;

        /** Returns a {@code NUMERIC} column that is not null. */
        BigDecimal decimal(int column) throws SQLException;

        /** Returns a timestamp column that is not null. */
        Instant instant(int column) throws SQLException;
    }

    /** The fields of a result set's current row, whose {@code seq} is at column {@code first}. */
    private static final class ResultSetFields implements Fields {
        private final ResultSet row;
        private final int shift;

        ResultSetFields(ResultSet row, int first) {
            this.row = row;
            this.shift = first - 1;
        }

        @Override
        public @Nullable String text(int column) throws SQLException {
            return row.getString(column + shift);
        }

        @Override
        public short int16(int column) throws SQLException {
            return row.getShort(column + shift);
        }

        @Override
        public int int32(int column) throws SQLException {
            return row.getInt(column + shift);
        }

        @Override
        public long int64(int column) throws SQLException {
            return row.getLong(column + shift);
        }

        @Override
        public BigDecimal decimal(int column) throws SQLException {
            return row.getBigDecimal(column + shift);
        }

        @Override
        public Instant instant(int column) throws SQLException {
            return EventColumns.instant(row, column + shift);
        }
    }

    /** Reads the event of the current row, whose first column is {@code seq} at {@code first}. */
    public CustomerEvent read(ResultSet row, int first) throws SQLException {
        return read(new ResultSetFields(row, first));
    }

    /** Reads the event of one row's fields. */
    public CustomerEvent read(Fields row) throws SQLException {
        EventId id = EventId.of(row.text(2));
        CustomerId customer = CustomerId.of(row.text(3));
        short type = row.int16(4);
        Instant at = row.instant(5);
        Optional<Touchpoint> touchpoint = touchpoint(row.text(6), row.text(7), row.text(8), row.text(9));
        String json = row.text(22);
        Map<String, String> attributes = json == null ? Map.of() : AttributesJson.read(json);
        switch (type) {
            case INTERACTION:
                return new Interaction(id, customer, at, touchpoint.orElseThrow(), row.text(10),
                        Duration.ofNanos(row.int64(11)), attributes);
            case PURCHASE:
                return new Purchase(id, customer, at, row.text(12),
                        new Money(row.decimal(13), Money.currency(row.text(14))), row.int32(15), touchpoint,
                        attributes);
            case FEEDBACK:
                FeedbackScale scale = scale(row.text(17), row.int32(18), row.int32(19));
                return new FeedbackResponse(id, customer, at, row.text(16), scale, row.int32(20),
                        Optional.ofNullable(row.text(21)), touchpoint, attributes);
            default:
                throw new IllegalStateException("event_type: " + type + " of event " + id + " is no event type of"
                        + " schema version " + SchemaSetup.SCHEMA_VERSION);
        }
    }

    private Optional<Touchpoint> touchpoint(String id, String name, String channel, String stage) {
        if (id == null) {
            return Optional.empty();
        }
        // The last touchpoint read under this id, when its other fields match: no allocation per row.
        Optional<Touchpoint> known = touchpoints.get(id);
        if (known != null) {
            Touchpoint touchpoint = known.get();
            if (touchpoint.name().equals(name) && touchpoint.channel().name().equals(channel)
                    && touchpoint.stage().equals(Optional.ofNullable(stage))) {
                return known;
            }
        }
        Optional<Touchpoint> read = Optional.of(new Touchpoint(TouchpointId.of(id), name, Channel.valueOf(channel),
                Optional.ofNullable(stage)));
        if (known != null || touchpoints.size() < MAX_SHARED) {
            touchpoints.put(id, read);
        }
        return read;
    }

    private FeedbackScale scale(String name, int min, int max) {
        if (lastScale != null && lastScale.min() == min && lastScale.max() == max && lastScale.name().equals(name)) {
            return lastScale;
        }
        lastScale = share(scales, new FeedbackScale(name, min, max));
        return lastScale;
    }

    private static <T> T share(Map<T, T> shared, T value) {
        T known = shared.get(value);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED) {
            shared.put(value, value);
        }
        return value;
    }
}
