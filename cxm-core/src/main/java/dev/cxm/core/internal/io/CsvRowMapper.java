package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Locale;

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

/** Turns the cells of one CSV row into an event, as a {@link CsvColumnMapping} says, for one header. */
final class CsvRowMapper {

    private static final String DEFAULT_SURVEY = "default";
    private static final char CELL_SEPARATOR = '\u001f';

    private final CsvColumnMapping mapping;
    private final int columnCount;
    private final Map<CsvField, Integer> fieldColumns = new EnumMap<>(CsvField.class);
    private final Map<String, Integer> attributeColumns = new LinkedHashMap<>();
    /** The fixed values, and the fallback values of fields the header has no column for. */
    private final Map<CsvField, String> constants = new EnumMap<>(CsvField.class);
    private final TimestampFormat timestamps;

    /**
     * Resolves the mapping against the header.
     *
     * @throws IllegalArgumentException when the header repeats a name or lacks a column the mapping names
     */
    CsvRowMapper(CsvColumnMapping mapping, String[] header) {
        this.mapping = mapping;
        this.columnCount = header.length;
        this.timestamps = TimestampFormat.of(mapping.timePattern(), mapping.zone());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (positions.putIfAbsent(header[i], i) != null) {
                throw new IllegalArgumentException("header: column \"" + header[i] + "\" appears twice;"
                        + " column names must be unique");
            }
        }
        for (CsvField field : CsvField.values()) {
            if (mapping.fixedValue(field).isPresent()) {
                constants.put(field, mapping.fixedValue(field).get());
                continue;
            }
            Integer position = positions.get(mapping.columnFor(field));
            if (position != null) {
                fieldColumns.put(field, position);
            } else if (mapping.isExplicit(field)) {
                throw missingColumn(mapping.columnFor(field), header);
            } else {
                mapping.fallbackValue(field).ifPresent(value -> constants.put(field, value));
            }
        }
        requireSource(CsvField.TYPE, "every event", header);
        requireSource(CsvField.CUSTOMER, "every event", header);
        requireSource(CsvField.TIME, "every event", header);
        Optional.ofNullable(constants.get(CsvField.TYPE)).flatMap(CsvRowMapper::knownType).ifPresent(type -> {
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

    /**
     * Fails before any row is read when {@code field}, which {@code needer} needs, has neither a column in the
     * header nor a fixed value: every row would be rejected for the same reason.
     */
    private void requireSource(CsvField field, String needer, String[] header) {
        if (!fieldColumns.containsKey(field) && !constants.containsKey(field)) {
            throw new IllegalArgumentException("column: \"" + mapping.columnFor(field) + "\" is not in the header and"
                    + " no fixed value is set, but " + needer + " needs a " + field.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + "; the header has " + String.join(", ", header));
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
        try {
            return new ParsedRow.Accepted(line, event(line, cells));
        } catch (FieldProblem problem) {
            return new ParsedRow.Rejected(new RejectedRow(line, problem.column(), problem.getMessage()), false);
        } catch (IllegalArgumentException invalid) {
            return new ParsedRow.Rejected(new RejectedRow(line, Optional.empty(), invalid.getMessage()), false);
        }
    }

    private CustomerEvent event(long line, String[] cells) {
        EventType type = read(CsvField.TYPE, cells, "an event", CsvFieldParsers::type);
        EventId eventId = optional(CsvField.EVENT_ID, cells).map(text -> read(CsvField.EVENT_ID, text, EventId::of))
                .orElseGet(() -> derivedId(line, cells));
        CustomerId customer = read(CsvField.CUSTOMER, cells, "an event", CustomerId::of);
        Instant occurredAt = read(CsvField.TIME, cells, "an event", timestamps::parse);
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
                    optional(CsvField.ORDER, cells).orElse(eventId.value()),
                    money(cells),
                    optional(CsvField.ITEMS, cells).map(text -> read(CsvField.ITEMS, text, t -> nonNegative(
                            CsvFieldParsers.integer(t)))).orElse(1),
                    touchpoint(cells), attributes);
            case FEEDBACK -> feedback(eventId, customer, occurredAt, cells, attributes);
        };
    }

    private FeedbackResponse feedback(EventId eventId, CustomerId customer, Instant occurredAt, String[] cells,
            Map<String, String> attributes) {
        FeedbackScale scale = read(CsvField.SCALE, cells, "a feedback response", CsvFieldParsers::scale);
        int score = read(CsvField.SCORE, cells, "a feedback response", text -> {
            int value = CsvFieldParsers.integer(text);
            if (!scale.contains(value)) {
                throw new IllegalArgumentException(value + " is outside the scale " + scale.min() + ".." + scale.max());
            }
            return value;
        });
        return new FeedbackResponse(eventId, customer, occurredAt,
                optional(CsvField.SURVEY, cells).orElse(DEFAULT_SURVEY), scale, score,
                optional(CsvField.COMMENT, cells), touchpoint(cells), attributes);
    }

    private Money money(String[] cells) {
        BigDecimal amount = read(CsvField.AMOUNT, cells, "a purchase", CsvFieldParsers::decimal);
        if (amount.signum() < 0) {
            throw new FieldProblem(column(CsvField.AMOUNT), "the amount " + amount.toPlainString()
                    + " is negative; an amount must be 0 or more");
        }
        return new Money(amount, read(CsvField.CURRENCY, cells, "a purchase", CsvFieldParsers::currency));
    }

    private Optional<Touchpoint> touchpoint(String[] cells) {
        Optional<String> id = optional(CsvField.TOUCHPOINT, cells);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        TouchpointId touchpointId = read(CsvField.TOUCHPOINT, id.get(), TouchpointId::of);
        Channel channel = optional(CsvField.CHANNEL, cells)
                .map(text -> read(CsvField.CHANNEL, text, CsvFieldParsers::channel))
                .orElse(Channel.OTHER);
        return Optional.of(new Touchpoint(touchpointId, optional(CsvField.TOUCHPOINT_NAME, cells).orElse(id.get()),
                channel, optional(CsvField.STAGE, cells)));
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
            throw new IllegalArgumentException(value + " is negative; it must be 0 or more");
        }
        return value;
    }

    /** Returns the field's non-empty cell (stripped) or fixed value, if it has either. */
    private Optional<String> optional(CsvField field, String[] cells) {
        Integer position = fieldColumns.get(field);
        if (position == null) {
            return Optional.ofNullable(constants.get(field));
        }
        String text = cells[position].strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private <T> T read(CsvField field, String[] cells, String needer, Function<String, T> parser) {
        return read(field, optional(field, cells).orElseThrow(() -> missing(field, needer)), parser);
    }

    private <T> T read(CsvField field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(column(field), "the value " + e.getMessage());
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
