package dev.cxm.jdbc.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;

/**
 * The events of a binary {@code COPY} of the events table ({@link BinaryCopyReader}), built as
 * {@link EventColumns} builds them from a result set, with the same columns: all of them ({@link #all}), or
 * those of one type ({@link #typed}). One instance per stream: it shares the touchpoints and scales it has
 * read, found by the bytes of their fields, so that a row of a known touchpoint costs no text decoding for it.
 */
public final class CopyEvents {

    private static final int MAX_SHARED = 4096;

    /** The positions of the fields, from 1; {@code type} is 0 when every row is of {@code fixed}. */
    private record Layout(int count, int type, @Nullable EventType fixed, int id, int customer, int at,
            int touchpoint, int attributes, int own) {}

    private final Layout layout;
    private final ByteKeyed<Optional<Touchpoint>> touchpoints = new ByteKeyed<>();
    private final ByteKeyed<SurveyScale> scales = new ByteKeyed<>();

    private CopyEvents(Layout layout) {
        this.layout = layout;
    }

    /** A survey and scale as a response's fields hold them. */
    private record SurveyScale(String surveyId, FeedbackScale scale) {}

    /** Reads rows of {@link #columns()}: every column, {@code seq} first. */
    public static CopyEvents all() {
        return new CopyEvents(new Layout(EventColumns.COUNT, 4, null, 2, 3, 5, 6, 22, 10));
    }

    /** Reads rows of {@link #columns(EventType)}: the columns of one type. */
    public static CopyEvents typed(EventType type) {
        int own = switch (type) {
            case INTERACTION -> 2;
            case PURCHASE -> 4;
            case FEEDBACK -> 6;
        };
        return new CopyEvents(new Layout(8 + own, 0, type, 1, 2, 3, 4, 8, 9));
    }

    /** Returns the columns {@link #all} reads, with alias {@code e}: the amount as text. */
    public static String columns() {
        return textAmount(EventColumns.names("e"));
    }

    /** Returns the columns {@link #typed} reads, with alias {@code e}: the amount as text. */
    public static String columns(EventType type) {
        return textAmount(EventColumns.names("e", type));
    }

    private static String textAmount(String names) {
        // NUMERIC's binary form is base-10000 digits; its text is what BigDecimal reads.
        return names.replace("e.amount", "CAST(e.amount AS TEXT)");
    }

    /** Returns how many fields a row has. */
    int fields() {
        return layout.count();
    }

    /** Returns the event of the reader's current row. */
    CustomerEvent read(BinaryCopyReader row) throws SQLException {
        Layout l = layout;
        EventId id = EventId.of(row.requiredText(l.id()));
        CustomerId customer = CustomerId.of(row.requiredText(l.customer()));
        EventType type = l.fixed() != null ? l.fixed() : type(row.int16(l.type()), id);
        Instant at = row.instant(l.at(), id);
        Optional<Touchpoint> touchpoint = touchpoint(row, l.touchpoint());
        String json = row.jsonb(l.attributes());
        Map<String, String> attributes = json == null ? Map.of() : AttributesJson.read(json);
        // A typed row has its type's own columns right after the common ones; a full row has them all in order.
        int own = l.own();
        return switch (type) {
            case INTERACTION -> new Interaction(id, customer, at, touchpoint.orElseThrow(), row.requiredText(own),
                    Duration.ofNanos(row.int64(own + 1)), attributes);
            case PURCHASE -> {
                int p = l.fixed() == null ? own + 2 : own;
                yield new Purchase(id, customer, at, row.requiredText(p),
                        new Money(new BigDecimal(row.requiredText(p + 1)), Money.currency(row.requiredText(p + 2))),
                        row.int32(p + 3), touchpoint, attributes);
            }
            case FEEDBACK -> {
                int f = l.fixed() == null ? own + 6 : own;
                SurveyScale survey = surveyScale(row, f);
                yield new FeedbackResponse(id, customer, at, survey.surveyId(), survey.scale(), row.int32(f + 4),
                        Optional.ofNullable(row.text(f + 5)), touchpoint, attributes);
            }
        };
    }

    private static EventType type(short code, EventId id) {
        return switch (code) {
            case EventColumns.INTERACTION -> EventType.INTERACTION;
            case EventColumns.PURCHASE -> EventType.PURCHASE;
            case EventColumns.FEEDBACK -> EventType.FEEDBACK;
            default -> throw EventColumns.unknownType(code, id);
        };
    }

    /** The touchpoint of the four fields from {@code first} (id, name, channel, stage). */
    private Optional<Touchpoint> touchpoint(BinaryCopyReader row, int first) throws SQLException {
        if (row.isNull(first)) {
            return Optional.empty();
        }
        int last = first + 3;
        int hash = row.rangeHash(first, last);
        Optional<Touchpoint> known = touchpoints.get(row, first, last, hash);
        if (known != null) {
            return known;
        }
        Optional<Touchpoint> read = Optional.of(new Touchpoint(TouchpointId.of(row.requiredText(first)),
                row.requiredText(first + 1), Channel.valueOf(row.requiredText(first + 2)),
                Optional.ofNullable(row.text(first + 3))));
        touchpoints.put(row.range(first, last), hash, read);
        return read;
    }

    /** The survey and scale of the four fields from {@code first} (survey, scale name, min, max). */
    private SurveyScale surveyScale(BinaryCopyReader row, int first) throws SQLException {
        int last = first + 3;
        int hash = row.rangeHash(first, last);
        SurveyScale known = scales.get(row, first, last, hash);
        if (known != null) {
            return known;
        }
        SurveyScale read = new SurveyScale(row.requiredText(first),
                new FeedbackScale(row.requiredText(first + 1), row.int32(first + 2), row.int32(first + 3)));
        scales.put(row.range(first, last), hash, read);
        return read;
    }

    /**
     * Values found by the bytes of a row's fields: an open-addressing table of at most {@value #MAX_SHARED}
     * entries (beyond that, values are built anew), so that no key object is made per lookup.
     */
    private static final class ByteKeyed<V> {
        private byte[][] keys = new byte[64][];
        private int[] hashes = new int[64];
        private Object[] values = new Object[64];
        private int size;

        @SuppressWarnings("unchecked")
        @Nullable V get(BinaryCopyReader row, int first, int last, int hash) {
            int mask = keys.length - 1;
            for (int i = hash & mask; keys[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == hash && row.rangeEquals(first, last, keys[i])) {
                    return (V) values[i];
                }
            }
            return null;
        }

        void put(byte[] key, int hash, V value) {
            if (size >= MAX_SHARED) {
                return;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            insert(key, hash, value);
            size++;
        }

        private void insert(byte[] key, int hash, Object value) {
            int mask = keys.length - 1;
            int i = hash & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            hashes[i] = hash;
            values[i] = value;
        }

        private void grow() {
            byte[][] oldKeys = keys;
            int[] oldHashes = hashes;
            Object[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            hashes = new int[oldKeys.length * 2];
            values = new Object[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldHashes[i], oldValues[i]);
                }
            }
        }
    }
}
