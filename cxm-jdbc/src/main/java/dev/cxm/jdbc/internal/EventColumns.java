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
import dev.cxm.jdbc.JdbcStoreException;

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

    /** The columns every event type fills, in the order {@link #readTyped} reads them first. */
    private static final String COMMON = "event_id, customer_id, occurred_at, touchpoint_id, touchpoint_name,"
            + " touchpoint_channel, touchpoint_stage, attributes";

    private static final int MAX_SHARED = 4096;

    private final Map<String, Optional<Touchpoint>> touchpoints = new HashMap<>();
    private final Map<FeedbackScale, FeedbackScale> scales = new HashMap<>();
    private FeedbackScale lastScale;

    /** Returns the columns prefixed by a table alias, such as {@code e.seq, e.event_id, ...}. */
    public static String names(String alias) {
        return alias + "." + NAMES.replace(", ", ", " + alias + ".");
    }

    /**
     * Returns the columns of one event type prefixed by a table alias: those every type fills, then its own, in
     * the order {@link #readTyped} reads them. A typed query reads these only, not the other types' columns, which
     * are {@code NULL} in its rows, nor {@code seq} and {@code event_type}.
     */
    public static String names(String alias, dev.cxm.core.model.EventType type) {
        String own = switch (type) {
            case INTERACTION -> "outcome, duration_nanos";
            case PURCHASE -> "order_id, amount, currency, item_count";
            case FEEDBACK -> "survey_id, scale_name, scale_min, scale_max, score, comment_text";
        };
        return alias + "." + (COMMON + ", " + own).replace(", ", ", " + alias + ".");
    }

    /** Returns the {@code event_type} code of a type. */
    public static short code(dev.cxm.core.model.EventType type) {
        return switch (type) {
            case INTERACTION -> INTERACTION;
            case PURCHASE -> PURCHASE;
            case FEEDBACK -> FEEDBACK;
        };
    }

    /**
     * Reads the instant of a timestamp column that is not {@code NULL}.
     *
     * @param row the result set, at a row
     * @param column the column's position
     * @return the instant
     * @throws SQLException when the driver fails
     * @throws JdbcStoreException when the column holds PostgreSQL's {@code infinity} or {@code -infinity}
     *     ({@link #infinite}), named by the column's label
     */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        return instant(row, column, null);
    }

    /**
     * Reads a timestamp column that is not {@code NULL}, refusing an infinite one by the event's id when the
     * column is event {@code event}'s {@code occurred_at}, else by the column's label.
     */
    private static Instant instant(ResultSet row, int column, @Nullable EventId event) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        boolean positive = at.equals(OffsetDateTime.MAX);
        if (positive || at.equals(OffsetDateTime.MIN)) {
            throw event != null ? infinite("occurred_at", "event " + event, positive)
                    : infinite(row.getMetaData().getColumnLabel(column), "a row", positive);
        }
        return at.toInstant();
    }

    /**
     * Returns the refusal of PostgreSQL's timestamp {@code 'infinity'} or {@code '-infinity'}, which no store
     * writes and no {@link Instant} is: a row written to the table by something outside the stores. The
     * PostgreSQL driver reads them as {@link OffsetDateTime#MAX} and {@link OffsetDateTime#MIN}, a binary
     * {@code COPY} as the largest and smallest 64-bit counts of microseconds; read as instants, they would be
     * years about a billion, or 294,000, away.
     *
     * @param column the column, for the message
     * @param row what the row is, for the message (such as {@code "event e1"})
     * @param positive whether it is {@code infinity} rather than {@code -infinity}
     * @return the exception to throw
     */
    static JdbcStoreException infinite(String column, String row, boolean positive) {
        return new JdbcStoreException(column + ": " + row + " holds PostgreSQL's timestamp '"
                + (positive ? "infinity" : "-infinity") + "', which is no instant; the stores hold instants of the"
                + " years " + Storable.FIRST_YEAR + " to " + Storable.LAST_YEAR + " (the row was written outside them)");
    }

    /**
     * Returns the refusal of a row whose {@code event_type} is none of the schema's codes: a row another writer put
     * into the events table (the stores write only the three codes), refused by its event's id, like an infinite
     * timestamp ({@link #infinite}).
     *
     * @param code the row's {@code event_type}
     * @param id the row's event id
     * @return the exception to throw
     */
    static JdbcStoreException unknownType(short code, EventId id) {
        return new JdbcStoreException("event_type: event " + id + " holds " + code + ", which is no event type of"
                + " schema version " + SchemaSetup.SCHEMA_VERSION + " (1 interaction, 2 purchase, 3 feedback; the row"
                + " was written outside the stores)");
    }

    /** Reads the event of the current row, whose first column is {@code seq} at {@code first}. */
    public CustomerEvent read(ResultSet row, int first) throws SQLException {
        int c = first;
        EventId id = EventId.of(row.getString(c + 1));
        CustomerId customer = CustomerId.of(row.getString(c + 2));
        short type = row.getShort(c + 3);
        Instant at = instant(row, c + 4, id);
        Optional<Touchpoint> touchpoint = touchpoint(row.getString(c + 5), row.getString(c + 6), row.getString(c + 7),
                row.getString(c + 8));
        String json = row.getString(c + 21);
        Map<String, String> attributes = json == null ? Map.of() : AttributesJson.read(json);
        switch (type) {
            case INTERACTION:
                return new Interaction(id, customer, at, touchpoint.orElseThrow(), row.getString(c + 9),
                        Duration.ofNanos(row.getLong(c + 10)), attributes);
            case PURCHASE:
                BigDecimal amount = row.getBigDecimal(c + 12);
                return new Purchase(id, customer, at, row.getString(c + 11),
                        new Money(amount, Money.currency(row.getString(c + 13))), row.getInt(c + 14), touchpoint,
                        attributes);
            case FEEDBACK:
                FeedbackScale scale = scale(row.getString(c + 16), row.getInt(c + 17), row.getInt(c + 18));
                return new FeedbackResponse(id, customer, at, row.getString(c + 15), scale, row.getInt(c + 19),
                        Optional.ofNullable(row.getString(c + 20)), touchpoint, attributes);
            default:
                throw unknownType(type, id);
        }
    }

    /**
     * Reads the event of the current row of a typed query, whose columns are {@link #names(String,
     * dev.cxm.core.model.EventType)} of {@code type} from the first.
     */
    public CustomerEvent readTyped(ResultSet row, dev.cxm.core.model.EventType type) throws SQLException {
        EventId id = EventId.of(row.getString(1));
        CustomerId customer = CustomerId.of(row.getString(2));
        Instant at = instant(row, 3, id);
        Optional<Touchpoint> touchpoint = touchpoint(row.getString(4), row.getString(5), row.getString(6),
                row.getString(7));
        String json = row.getString(8);
        Map<String, String> attributes = json == null ? Map.of() : AttributesJson.read(json);
        return switch (type) {
            case INTERACTION -> new Interaction(id, customer, at, touchpoint.orElseThrow(), row.getString(9),
                    Duration.ofNanos(row.getLong(10)), attributes);
            case PURCHASE -> new Purchase(id, customer, at, row.getString(9),
                    new Money(row.getBigDecimal(10), Money.currency(row.getString(11))), row.getInt(12), touchpoint,
                    attributes);
            case FEEDBACK -> new FeedbackResponse(id, customer, at, row.getString(9),
                    scale(row.getString(10), row.getInt(11), row.getInt(12)), row.getInt(13),
                    Optional.ofNullable(row.getString(14)), touchpoint, attributes);
        };
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
