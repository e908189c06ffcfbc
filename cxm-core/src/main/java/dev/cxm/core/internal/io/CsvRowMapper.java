package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvField;
import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.io.TimestampFormat;
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
 * Turns the cells of one CSV row into an event, as a {@link CsvColumnMapping} says, for one header.
 *
 * <p>Every cell the mapping reads ends up in the event or rejects the row: a channel, stage or touchpoint
 * name without a touchpoint id makes a touchpoint (see {@link #touchpoint}), and a value in a column whose
 * field the row's event type has no place for (a score in a purchase row) is an error, never dropped.
 */
final class CsvRowMapper {

    private static final String DEFAULT_SURVEY = "default";
    private static final char CELL_SEPARATOR = '\u001f';
    private static final int[] NO_POSITIONS = {};

    private final CsvColumnMapping mapping;
    private final int columnCount;
    private final Map<CsvField, Integer> fieldColumns = new EnumMap<>(CsvField.class);
    private final Map<String, Integer> attributeColumns = new LinkedHashMap<>();
    /** The fixed values, and the fallback values of fields the header has no column for. */
    private final Map<CsvField, String> constants = new EnumMap<>(CsvField.class);
    /** Per event type, the columns whose fields that type has no place for, which must be empty. */
    private final Map<EventType, int[]> foreignColumns = new EnumMap<>(EventType.class);
    /** The touchpoints made from a channel alone, one per channel, shared by every row. */
    private final Map<Channel, Touchpoint> channelTouchpoints = new EnumMap<>(Channel.class);
    private final TimestampFormat timestamps;
    /** Parses the time cell, noting a local time in a daylight-saving gap or overlap. */
    private final Function<String, Instant> parseTime;
    /** Whether the row being mapped has a local time in a daylight-saving gap or overlap. */
    private boolean daylightSaving;

    /**
     * Resolves the mapping against the header.
     *
     * @throws IllegalArgumentException when the header repeats a name, lacks a column the mapping names, or
     *     the mapping names a column for a field that no row can hold (a score column when every row is a
     *     purchase)
     */
    CsvRowMapper(CsvColumnMapping mapping, String[] header) {
        this.mapping = mapping;
        this.columnCount = header.length;
        this.timestamps = TimestampFormat.of(mapping.timePattern(), mapping.zone());
        Runnable noteDaylightSaving = () -> this.daylightSaving = true;
        this.parseTime = text -> timestamps.parse(text, noteDaylightSaving);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (positions.putIfAbsent(header[i], i) != null) {
                throw new IllegalArgumentException("header: column \"" + header[i] + "\" appears twice;"
                        + " column names must be unique");
            }
        }
        Optional<EventType> fixedType = Optional.ofNullable(mapping.fixedValue(CsvField.TYPE)
                .orElseGet(() -> positions.containsKey(mapping.columnFor(CsvField.TYPE)) ? null
                        : mapping.fallbackValue(CsvField.TYPE).orElse(null)))
                .flatMap(CsvRowMapper::knownType);
        resolveFields(positions, fixedType, header);
        requireSources(fixedType, header);
        resolveAttributes(positions, header);
        for (EventType type : EventType.values()) {
            foreignColumns.put(type, fieldColumns.entrySet().stream()
                    .filter(entry -> !holds(type, entry.getKey()))
                    .mapToInt(Map.Entry::getValue)
                    // A column also copied into the attributes is kept there.
                    .filter(position -> !attributeColumns.containsValue(position))
                    .sorted().toArray());
        }
        for (Channel channel : Channel.values()) {
            String name = channel.name().toLowerCase(Locale.ROOT);
            channelTouchpoints.put(channel, new Touchpoint(TouchpointId.of(name), name, channel, Optional.empty()));
        }
    }

    /**
     * Gives each field its column, fixed value or fallback value. When every row has one type, a column named
     * for a field that type lacks is an error, and a column that only has such a field's default name is left
     * unmapped.
     */
    private void resolveFields(Map<String, Integer> positions, Optional<EventType> fixedType, String[] header) {
        for (CsvField field : CsvField.values()) {
            if (mapping.fixedValue(field).isPresent()) {
                constants.put(field, mapping.fixedValue(field).get());
                continue;
            }
            Integer position = positions.get(mapping.columnFor(field));
            boolean placeable = fixedType.map(type -> holds(type, field)).orElse(true);
            if (position != null && !placeable && mapping.isExplicit(field)) {
                throw new IllegalArgumentException("column: \"" + mapping.columnFor(field) + "\" is mapped to the "
                        + fieldName(field) + ", but every row is " + article(fixedType.get()) + ", which has no "
                        + fieldName(field) + "; map the column to an attribute instead");
            }
            if (position != null && placeable) {
                fieldColumns.put(field, position);
            } else if (position == null && mapping.isExplicit(field)) {
                throw missingColumn(mapping.columnFor(field), header);
            } else if (position == null) {
                mapping.fallbackValue(field).ifPresent(value -> constants.put(field, value));
            }
        }
    }

    private void requireSources(Optional<EventType> fixedType, String[] header) {
        requireSource(CsvField.TYPE, "every event", header);
        requireSource(CsvField.CUSTOMER, "every event", header);
        requireSource(CsvField.TIME, "every event", header);
        fixedType.ifPresent(type -> {
            switch (type) {
                case INTERACTION -> requireSource(CsvField.TOUCHPOINT, "every interaction", header);
                case PURCHASE -> {
                    requireSource(CsvField.AMOUNT, "every purchase", header);
                    requireSource(CsvField.CURRENCY, "every purchase", header);
                }
                case FEEDBACK -> {
                    requireSource(CsvField.SCALE, "every feedback response", header);
                    requireSource(CsvField.SCORE, "every feedback response", header);
                }
            }
        });
    }

    private void resolveAttributes(Map<String, Integer> positions, String[] header) {
        for (String name : mapping.attributeColumns()) {
            Integer position = positions.get(name);
            if (position == null) {
                throw missingColumn(name, header);
            }
            attributeColumns.put(name, position);
        }
        if (mapping.unmappedColumnsAsAttributes()) {
            for (int i = 0; i < header.length; i++) {
                if (!fieldColumns.containsValue(i)) {
                    attributeColumns.putIfAbsent(header[i], i);
                }
            }
        }
    }

    /** Returns whether events of {@code type} have a place for {@code field}. */
    private static boolean holds(EventType type, CsvField field) {
        return switch (field) {
            case EVENT_ID, TYPE, CUSTOMER, TIME, TOUCHPOINT, TOUCHPOINT_NAME, CHANNEL, STAGE -> true;
            case OUTCOME, DURATION -> type == EventType.INTERACTION;
            case ORDER, AMOUNT, CURRENCY, ITEMS -> type == EventType.PURCHASE;
            case SURVEY, SCALE, SCORE, COMMENT -> type == EventType.FEEDBACK;
        };
    }

    private static String fieldName(CsvField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String noun(EventType type) {
        return switch (type) {
            case INTERACTION -> "interaction";
            case PURCHASE -> "purchase";
            case FEEDBACK -> "feedback response";
        };
    }

    private static String article(EventType type) {
        return (type == EventType.INTERACTION ? "an " : "a ") + noun(type);
    }

    /**
     * Fails before any row is read when {@code field}, which {@code needer} needs, has neither a column in the
     * header nor a fixed value: every row would be rejected for the same reason.
     */
    private void requireSource(CsvField field, String needer, String[] header) {
        if (!fieldColumns.containsKey(field) && !constants.containsKey(field)) {
            throw new IllegalArgumentException("column: \"" + mapping.columnFor(field) + "\" is not in the header and"
                    + " no fixed value is set, but " + needer + " needs a " + fieldName(field) + "; the header has "
                    + String.join(", ", header));
        }
    }

    private static Optional<EventType> knownType(String text) {
        try {
            return Optional.of(CsvFieldParsers.type(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static IllegalArgumentException missingColumn(String column, String[] header) {
        return new IllegalArgumentException("column: \"" + column + "\" is not in the header; the header has "
                + String.join(", ", header));
    }

    /** Maps one row, starting at {@code line}, to an event or a rejection. */
    ParsedRow map(long line, String[] cells) {
        if (cells.length != columnCount) {
            return new ParsedRow.Rejected(new RejectedRow(line, Optional.empty(), "the row has " + cells.length
                    + " cells; the header has " + columnCount), false);
        }
        daylightSaving = false;
        try {
            return new ParsedRow.Accepted(line, event(line, cells), daylightSaving);
        } catch (FieldProblem problem) {
            return new ParsedRow.Rejected(new RejectedRow(line, problem.column(), problem.getMessage()), false);
        } catch (IllegalArgumentException invalid) {
            return new ParsedRow.Rejected(new RejectedRow(line, Optional.empty(),
                    RowReasons.ofValue(String.valueOf(invalid.getMessage()))), false);
        }
    }

    private CustomerEvent event(long line, String[] cells) {
        EventType type = read(CsvField.TYPE, cells, "an event", CsvFieldParsers::type);
        requireEmptyForeignCells(type, cells);
        EventId eventId = optional(CsvField.EVENT_ID, cells).map(text -> read(CsvField.EVENT_ID, text, EventId::of))
                .orElseGet(() -> derivedId(line, cells));
        CustomerId customer = read(CsvField.CUSTOMER, cells, "an event", CustomerId::of);
        Instant occurredAt = read(CsvField.TIME, cells, "an event", parseTime);
        Map<String, String> attributes = attributes(cells);
        return switch (type) {
            case INTERACTION -> new Interaction(eventId, customer, occurredAt,
                    touchpoint(cells).orElseThrow(() -> missing(CsvField.TOUCHPOINT, "an interaction")),
                    optional(CsvField.OUTCOME, cells).orElse(Interaction.UNKNOWN_OUTCOME),
                    optional(CsvField.DURATION, cells)
                            .map(text -> read(CsvField.DURATION, text,
                                    t -> CsvFieldParsers.duration(t, mapping.durationUnit())))
                            .orElse(Duration.ZERO),
                    attributes);
            case PURCHASE -> new Purchase(eventId, customer, occurredAt,
                    optional(CsvField.ORDER, cells).map(text -> read(CsvField.ORDER, text,
                            t -> Checks.identifier("orderId", t))).orElse(eventId.value()),
                    money(cells),
                    optional(CsvField.ITEMS, cells).map(text -> read(CsvField.ITEMS, text, t -> nonNegative(
                            CsvFieldParsers.integer(t)))).orElse(1),
                    touchpoint(cells), attributes);
            case FEEDBACK -> feedback(eventId, customer, occurredAt, cells, attributes);
        };
    }

    /** Rejects a row with a value in a column whose field its type has no place for, which would be lost. */
    private void requireEmptyForeignCells(EventType type, String[] cells) {
        int[] positions = foreignColumns.getOrDefault(type, NO_POSITIONS);
        for (int position : positions) {
            if (!cells[position].isBlank()) {
                CsvField field = fieldAt(position);
                throw new FieldProblem(column(field), article(type) + " has no " + fieldName(field)
                        + "; the cell must be empty in " + noun(type) + " rows, or the column copied into the"
                        + " attributes");
            }
        }
    }

    private CsvField fieldAt(int position) {
        return fieldColumns.entrySet().stream().filter(entry -> entry.getValue() == position).findFirst()
                .orElseThrow().getKey();
    }

    private FeedbackResponse feedback(EventId eventId, CustomerId customer, Instant occurredAt, String[] cells,
            Map<String, String> attributes) {
        FeedbackScale scale = read(CsvField.SCALE, cells, "a feedback response", CsvFieldParsers::scale);
        int score = read(CsvField.SCORE, cells, "a feedback response",
                text -> scale.requireOnScale(CsvFieldParsers.integer(text)));
        return new FeedbackResponse(eventId, customer, occurredAt,
                optional(CsvField.SURVEY, cells).map(text -> read(CsvField.SURVEY, text,
                        t -> Checks.identifier("surveyId", t))).orElse(DEFAULT_SURVEY),
                scale, score, optional(CsvField.COMMENT, cells), touchpoint(cells), attributes);
    }

    private Money money(String[] cells) {
        BigDecimal amount = read(CsvField.AMOUNT, cells, "a purchase", CsvFieldParsers::decimal);
        Currency currency = read(CsvField.CURRENCY, cells, "a purchase", CsvFieldParsers::currency);
        // The bounds and the sign are Money's rules, so that CSV and NDJSON reject the same amounts.
        return read(CsvField.AMOUNT, amount, value -> new Money(value, currency));
    }

    /**
     * Returns the row's touchpoint: its id, with the name (the id when absent), channel ({@code other} when
     * absent) and stage of the row. A row without an id but with a name takes the name as the id; a row with
     * only a channel or a stage is at the touchpoint named after its channel ({@code web}, or {@code other}
     * when only the stage is given), so that neither is lost.
     */
    private Optional<Touchpoint> touchpoint(String[] cells) {
        @Nullable String id = text(CsvField.TOUCHPOINT, cells);
        @Nullable String name = text(CsvField.TOUCHPOINT_NAME, cells);
        @Nullable String stage = text(CsvField.STAGE, cells);
        @Nullable String channelText = text(CsvField.CHANNEL, cells);
        Channel channel = channelText == null ? Channel.OTHER
                : read(CsvField.CHANNEL, channelText, CsvFieldParsers::channel);
        if (id == null && name == null) {
            if (channelText == null && stage == null) {
                return Optional.empty();
            }
            Touchpoint ofChannel = channelTouchpoints.get(channel);
            return Optional.of(stage == null ? ofChannel : ofChannel.inStage(stage));
        }
        String idText = id != null ? id : name;
        TouchpointId touchpointId = read(id != null ? CsvField.TOUCHPOINT : CsvField.TOUCHPOINT_NAME, idText,
                TouchpointId::of);
        return Optional.of(new Touchpoint(touchpointId, name != null ? name : idText, channel,
                Optional.ofNullable(stage)));
    }

    private Map<String, String> attributes(String[] cells) {
        if (attributeColumns.isEmpty()) {
            return Map.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributeColumns.forEach((name, position) -> {
            String value = cells[position].strip();
            if (!value.isEmpty()) {
                attributes.put(name, value);
            }
        });
        return attributes;
    }

    private static int nonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("is negative; it must be 0 or more");
        }
        return value;
    }

    /** Returns the field's non-empty cell (stripped) or fixed value, if it has either. */
    private Optional<String> optional(CsvField field, String[] cells) {
        return Optional.ofNullable(text(field, cells));
    }

    /** Returns the field's non-empty cell (stripped) or fixed value, or null when it has neither. */
    private @Nullable String text(CsvField field, String[] cells) {
        Integer position = fieldColumns.get(field);
        if (position == null) {
            return constants.get(field);
        }
        String text = cells[position].strip();
        return text.isEmpty() ? null : text;
    }

    private <T> T read(CsvField field, String[] cells, String needer, Function<String, T> parser) {
        return read(field, optional(field, cells).orElseThrow(() -> missing(field, needer)), parser);
    }

    private <S, T> T read(CsvField field, S value, Function<S, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(column(field), RowReasons.ofValue(String.valueOf(e.getMessage())));
        }
    }

    private FieldProblem missing(CsvField field, String needer) {
        String what = needer + " needs a value for " + field.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (fieldColumns.containsKey(field)) {
            return new FieldProblem(column(field), "the cell is empty; " + what);
        }
        return new FieldProblem(Optional.empty(), what + ", but the header has no column \""
                + mapping.columnFor(field) + "\" and no fixed value is set");
    }

    private Optional<String> column(CsvField field) {
        return fieldColumns.containsKey(field) ? Optional.of(mapping.columnFor(field)) : Optional.empty();
    }

    private static EventId derivedId(long line, String[] cells) {
        StringBuilder source = new StringBuilder().append(line);
        Arrays.stream(cells).forEach(cell -> source.append(CELL_SEPARATOR).append(cell));
        return EventId.derivedFrom(source.toString());
    }
}
