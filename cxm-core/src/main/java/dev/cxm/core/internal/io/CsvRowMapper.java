package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
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
    private static final byte CELL_SEPARATOR = 0x1f;
    private static final CsvField[] FIELDS = CsvField.values();
    // The fields by ordinal, the index of the arrays below.
    private static final int EVENT_ID = CsvField.EVENT_ID.ordinal();
    private static final int TYPE = CsvField.TYPE.ordinal();
    private static final int CUSTOMER = CsvField.CUSTOMER.ordinal();
    private static final int TIME = CsvField.TIME.ordinal();
    private static final int TOUCHPOINT = CsvField.TOUCHPOINT.ordinal();
    private static final int TOUCHPOINT_NAME = CsvField.TOUCHPOINT_NAME.ordinal();
    private static final int CHANNEL = CsvField.CHANNEL.ordinal();
    private static final int STAGE = CsvField.STAGE.ordinal();
    private static final int OUTCOME = CsvField.OUTCOME.ordinal();
    private static final int DURATION = CsvField.DURATION.ordinal();
    private static final int ORDER = CsvField.ORDER.ordinal();
    private static final int AMOUNT = CsvField.AMOUNT.ordinal();
    private static final int CURRENCY = CsvField.CURRENCY.ordinal();
    private static final int ITEMS = CsvField.ITEMS.ordinal();
    private static final int SURVEY = CsvField.SURVEY.ordinal();
    private static final int SCALE = CsvField.SCALE.ordinal();
    private static final int SCORE = CsvField.SCORE.ordinal();
    private static final int COMMENT = CsvField.COMMENT.ordinal();

    private final CsvColumnMapping mapping;
    private final int columnCount;
    private final Map<CsvField, Integer> fieldColumns = new EnumMap<>(CsvField.class);
    private final Map<String, Integer> attributeColumns = new LinkedHashMap<>();
    /** The fixed values, and the fallback values of fields the header has no column for. */
    private final Map<CsvField, String> constants = new EnumMap<>(CsvField.class);
    /** The touchpoints made from a channel alone, one per channel, shared by every row. */
    private final Map<Channel, Touchpoint> channelTouchpoints = new EnumMap<>(Channel.class);
    private final TimestampFormat timestamps;
    /** Notes that the row being mapped has a local time in a daylight-saving gap or overlap. */
    private final Runnable noteDaylightSaving = () -> this.daylightSaving = true;
    /** Whether the row being mapped has a local time in a daylight-saving gap or overlap. */
    private boolean daylightSaving;

    // What the maps above say, laid out for the rows: read once per cell, without boxing or hashing.
    /** Per field (by ordinal), its column in the header, or -1. */
    private final int[] columnOf = new int[FIELDS.length];
    /** Per field (by ordinal), its fixed or fallback value, or null. */
    private final @Nullable String[] constantOf = new String[FIELDS.length];
    /** Per event type (by ordinal), the columns whose fields that type has no place for, which must be empty. */
    private final int[][] foreignColumnsByType = new int[EventType.values().length][];
    private final String[] attributeNames;
    private final int[] attributePositions;
    // The few distinct texts of these columns are parsed once each (fixed values included).
    private final ParsedTexts<EventType> types = new ParsedTexts<>(CsvFieldParsers::type);
    private final ParsedTexts<Channel> channels = new ParsedTexts<>(CsvFieldParsers::channel);
    private final ParsedTexts<Currency> currencies = new ParsedTexts<>(CsvFieldParsers::currency);
    private final ParsedTexts<FeedbackScale> scales = new ParsedTexts<>(CsvFieldParsers::scale);
    /** Texts that repeat from row to row (outcomes, survey ids, touchpoints), each made once. */
    private final ParsedTexts<String> outcomes = new ParsedTexts<>(Function.identity());
    private final ParsedTexts<String> surveyIds = new ParsedTexts<>(Function.identity());
    private final ParsedTexts<String> touchpointTexts = new ParsedTexts<>(Function.identity());
    /** Per field (by ordinal), the characters of its fixed or fallback value, or null. */
    private final char[][] constantCharsOf = new char[FIELDS.length][];
    /** Per field (by ordinal), its fixed or fallback value once parsed (the first row that needs it parses it). */
    private final @Nullable Object[] constantValueOf = new Object[FIELDS.length];
    /** Whether times are ISO-8601, whose common forms are read in place. */
    private final boolean isoTimes;
    /** The zone's only offset, when it has no transitions. */
    private final @Nullable ZoneOffset fixedOffset;
    private final long durationUnitNanos;

    /** The UTF-8 bytes of the source of the row's derived event id. */
    private byte[] idSource = new byte[256];

    // The text of the field being read: a range of a cell, or a fixed value (then also as a string).
    private char[] spanChars = new char[0];
    private int spanStart;
    private int spanEnd;
    private @Nullable String spanConstant;

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
            foreignColumnsByType[type.ordinal()] = fieldColumns.entrySet().stream()
                    .filter(entry -> !holds(type, entry.getKey()))
                    .mapToInt(Map.Entry::getValue)
                    // A column also copied into the attributes is kept there.
                    .filter(position -> !attributeColumns.containsValue(position))
                    .sorted().toArray();
        }
        for (Channel channel : Channel.values()) {
            String name = channel.name().toLowerCase(Locale.ROOT);
            channelTouchpoints.put(channel, new Touchpoint(TouchpointId.of(name), name, channel, Optional.empty()));
        }
        for (CsvField field : FIELDS) {
            columnOf[field.ordinal()] = fieldColumns.getOrDefault(field, -1);
            String constant = constants.get(field);
            constantOf[field.ordinal()] = constant;
            constantCharsOf[field.ordinal()] = constant == null ? null : constant.toCharArray();
        }
        isoTimes = mapping.timePattern().isEmpty();
        ZoneRules rules = mapping.zone().getRules();
        fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        durationUnitNanos = mapping.durationUnit().getDuration().toNanos();
        attributeNames = attributeColumns.keySet().toArray(String[]::new);
        attributePositions = attributeColumns.values().stream().mapToInt(Integer::intValue).toArray();
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
                    + " no fixed value is set, but " + needer + " needs a value for " + fieldName(field) + "; the header has "
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

    /**
     * Maps one row, starting at {@code line}, to an event or a rejection.
     *
     * @param line the line the row starts on
     * @param cells the row's cells; none is kept after the call but as a string in the event
     * @return the event, or why the row is none
     */
    ParsedRow map(long line, CsvRow cells) {
        if (cells.count() != columnCount) {
            return new ParsedRow.Rejected(new RejectedRow(line, Optional.empty(), "the row has " + cells.count()
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

    /** Maps a row whose cell count matches the header; the order of the checks decides which fault is named. */
    private CustomerEvent event(long line, CsvRow cells) {
        require(TYPE, cells, "an event");
        EventType type = read(TYPE, types);
        requireEmptyForeignCells(type, cells);
        EventId eventId = locate(EVENT_ID, cells) ? eventId(spanText()) : derivedId(line, cells);
        require(CUSTOMER, cells, "an event");
        CustomerId customer = customerId(spanText());
        require(TIME, cells, "an event");
        Instant occurredAt = time();
        Map<String, String> attributes = attributes(cells);
        return switch (type) {
            case INTERACTION -> interaction(eventId, customer, occurredAt, cells, attributes);
            case PURCHASE -> purchase(eventId, customer, occurredAt, cells, attributes);
            case FEEDBACK -> feedback(eventId, customer, occurredAt, cells, attributes);
        };
    }

    private Interaction interaction(EventId eventId, CustomerId customer, Instant occurredAt, CsvRow cells,
            Map<String, String> attributes) {
        Touchpoint touchpoint = touchpoint(cells);
        if (touchpoint == null) {
            throw missing(TOUCHPOINT, "an interaction");
        }
        String outcome = text(OUTCOME, cells, outcomes);
        Duration duration = locate(DURATION, cells) ? duration() : Duration.ZERO;
        return new Interaction(eventId, customer, occurredAt, touchpoint,
                outcome != null ? outcome : Interaction.UNKNOWN_OUTCOME, duration, attributes);
    }

    private Purchase purchase(EventId eventId, CustomerId customer, Instant occurredAt, CsvRow cells,
            Map<String, String> attributes) {
        String orderText = text(ORDER, cells);
        String orderId = orderText != null ? identifier(ORDER, "orderId", orderText) : eventId.value();
        Money money = money(cells);
        int items = 1;
        if (locate(ITEMS, cells)) {
            long small = CellNumbers.smallInt(spanChars, spanStart, spanEnd);
            try {
                items = nonNegative(small != CellNumbers.NOT_SMALL ? (int) small
                        : CsvFieldParsers.integer(spanText()));
            } catch (IllegalArgumentException e) {
                throw problem(ITEMS, e);
            }
        }
        return new Purchase(eventId, customer, occurredAt, orderId, money, items,
                Optional.ofNullable(touchpoint(cells)), attributes);
    }

    private FeedbackResponse feedback(EventId eventId, CustomerId customer, Instant occurredAt, CsvRow cells,
            Map<String, String> attributes) {
        require(SCALE, cells, "a feedback response");
        FeedbackScale scale = read(SCALE, scales);
        require(SCORE, cells, "a feedback response");
        long small = CellNumbers.smallInt(spanChars, spanStart, spanEnd);
        int score;
        try {
            score = scale.requireOnScale(small != CellNumbers.NOT_SMALL ? (int) small
                    : CsvFieldParsers.integer(spanText()));
        } catch (IllegalArgumentException e) {
            throw problem(SCORE, e);
        }
        String surveyText = text(SURVEY, cells, surveyIds);
        String survey = surveyText != null ? identifier(SURVEY, "surveyId", surveyText) : DEFAULT_SURVEY;
        return new FeedbackResponse(eventId, customer, occurredAt, survey, scale, score,
                Optional.ofNullable(text(COMMENT, cells)), Optional.ofNullable(touchpoint(cells)), attributes);
    }

    /** Rejects a row with a value in a column whose field its type has no place for, which would be lost. */
    private void requireEmptyForeignCells(EventType type, CsvRow cells) {
        for (int position : foreignColumnsByType[type.ordinal()]) {
            if (!cells.isBlank(position)) {
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

    private Money money(CsvRow cells) {
        require(AMOUNT, cells, "a purchase");
        BigDecimal amount = CellNumbers.plainDecimal(spanChars, spanStart, spanEnd);
        if (amount == null) {
            try {
                amount = CsvFieldParsers.decimal(spanText());
            } catch (IllegalArgumentException e) {
                throw problem(AMOUNT, e);
            }
        }
        require(CURRENCY, cells, "a purchase");
        Currency currency = read(CURRENCY, currencies);
        // The bounds and the sign are Money's rules, so that CSV and NDJSON reject the same amounts.
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw problem(AMOUNT, e);
        }
    }

    /**
     * Returns the row's touchpoint, or null when it has none: its id, with the name (the id when absent),
     * channel ({@code other} when absent) and stage of the row. A row without an id but with a name takes the
     * name as the id; a row with only a channel or a stage is at the touchpoint named after its channel
     * ({@code web}, or {@code other} when only the stage is given), so that neither is lost.
     */
    private @Nullable Touchpoint touchpoint(CsvRow cells) {
        @Nullable String id = text(TOUCHPOINT, cells, touchpointTexts);
        @Nullable String name = text(TOUCHPOINT_NAME, cells, touchpointTexts);
        @Nullable String stage = text(STAGE, cells, touchpointTexts);
        boolean hasChannel = locate(CHANNEL, cells);
        Channel channel = hasChannel ? read(CHANNEL, channels) : Channel.OTHER;
        if (id == null && name == null) {
            if (!hasChannel && stage == null) {
                return null;
            }
            Touchpoint ofChannel = channelTouchpoints.get(channel);
            return stage == null ? ofChannel : ofChannel.inStage(stage);
        }
        String idText = id != null ? id : name;
        TouchpointId touchpointId;
        try {
            touchpointId = TouchpointId.of(idText);
        } catch (IllegalArgumentException e) {
            throw problem(id != null ? TOUCHPOINT : TOUCHPOINT_NAME, e);
        }
        return new Touchpoint(touchpointId, name != null ? name : idText, channel, Optional.ofNullable(stage));
    }

    private Map<String, String> attributes(CsvRow cells) {
        if (attributeNames.length == 0) {
            return Map.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeNames.length; i++) {
            String value = cells.stripped(attributePositions[i]);
            if (value != null) {
                attributes.put(attributeNames[i], value);
            }
        }
        return attributes;
    }

    private static int nonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("is negative; it must be 0 or more");
        }
        return value;
    }

    /**
     * Points the span at the field's text: its cell without surrounding whitespace, or its fixed value.
     *
     * @return false when the field has neither a non-blank cell nor a fixed value
     */
    private boolean locate(int field, CsvRow cells) {
        int position = columnOf[field];
        if (position < 0) {
            String constant = constantOf[field];
            if (constant == null) {
                return false;
            }
            spanConstant = constant;
            spanChars = constantCharsOf[field];
            spanStart = 0;
            spanEnd = spanChars.length;
            return true;
        }
        int start = cells.strippedStart(position);
        int end = cells.strippedEnd(position, start);
        if (start == end) {
            return false;
        }
        spanConstant = null;
        spanChars = cells.chars(position);
        spanStart = start;
        spanEnd = end;
        return true;
    }

    /** Returns the span's text. */
    private String spanText() {
        String constant = spanConstant;
        return constant != null ? constant : new String(spanChars, spanStart, spanEnd - spanStart);
    }

    /** Returns the field's non-empty cell (stripped) or fixed value, or null when it has neither. */
    private @Nullable String text(int field, CsvRow cells) {
        return locate(field, cells) ? spanText() : null;
    }

    /** Returns the field's text as {@link #text(int, CsvRow)} does, the same string each time it repeats. */
    private @Nullable String text(int field, CsvRow cells, ParsedTexts<String> texts) {
        if (!locate(field, cells)) {
            return null;
        }
        String constant = spanConstant;
        return constant != null ? constant : texts.parse(spanChars, spanStart, spanEnd);
    }

    /** Points the span at the field's text, or throws naming what {@code needer} misses. */
    private void require(int field, CsvRow cells, String needer) {
        if (!locate(field, cells)) {
            throw missing(field, needer);
        }
    }

    /** Parses the span; a fixed or fallback value only once. */
    @SuppressWarnings("unchecked")
    private <T> T read(int field, ParsedTexts<T> parser) {
        boolean constant = spanConstant != null;
        if (constant && constantValueOf[field] != null) {
            return (T) constantValueOf[field];
        }
        T value;
        try {
            value = parser.parse(spanChars, spanStart, spanEnd);
        } catch (IllegalArgumentException e) {
            throw problem(field, e);
        }
        if (constant) {
            constantValueOf[field] = value;
        }
        return value;
    }

    private EventId eventId(String text) {
        try {
            return EventId.of(text);
        } catch (IllegalArgumentException e) {
            throw problem(EVENT_ID, e);
        }
    }

    private CustomerId customerId(String text) {
        try {
            return CustomerId.of(text);
        } catch (IllegalArgumentException e) {
            throw problem(CUSTOMER, e);
        }
    }

    /** Reads the span as the time: the common ISO-8601 forms in place, anything else through the format. */
    private Instant time() {
        if (isoTimes) {
            Instant common = IsoTimestamps.parse(spanChars, spanStart, spanEnd, timestamps.zone(), fixedOffset,
                    noteDaylightSaving);
            if (common != null) {
                return common;
            }
        }
        try {
            return timestamps.parse(spanText(), noteDaylightSaving);
        } catch (IllegalArgumentException e) {
            throw problem(TIME, e);
        }
    }

    /** Reads the span as the duration: whole units or the common ISO-8601 form in place, else as text. */
    private Duration duration() {
        long wholeUnits = CellNumbers.wholeUnitsAsNanos(spanChars, spanStart, spanEnd, durationUnitNanos);
        if (wholeUnits >= 0) {
            return Duration.ofNanos(wholeUnits);
        }
        Duration iso = CellNumbers.isoDuration(spanChars, spanStart, spanEnd);
        if (iso != null) {
            return iso;
        }
        try {
            return CsvFieldParsers.duration(spanText(), mapping.durationUnit());
        } catch (IllegalArgumentException e) {
            throw problem(DURATION, e);
        }
    }

    private String identifier(int field, String name, String text) {
        try {
            return Checks.identifier(name, text);
        } catch (IllegalArgumentException e) {
            throw problem(field, e);
        }
    }

    /** The problem of a value of {@code field} that broke the rule {@code e} states. */
    private FieldProblem problem(int field, IllegalArgumentException e) {
        return new FieldProblem(column(FIELDS[field]), RowReasons.ofValue(String.valueOf(e.getMessage())));
    }

    private FieldProblem missing(int field, String needer) {
        CsvField csvField = FIELDS[field];
        String what = needer + " needs a value for " + csvField.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (fieldColumns.containsKey(csvField)) {
            return new FieldProblem(column(csvField), "the cell is empty; " + what);
        }
        return new FieldProblem(Optional.empty(), what + ", but the header has no column \""
                + mapping.columnFor(csvField) + "\" and no fixed value is set");
    }

    private Optional<String> column(CsvField field) {
        return fieldColumns.containsKey(field) ? Optional.of(mapping.columnFor(field)) : Optional.empty();
    }

    /**
     * Returns the id derived from the row's line and raw cells, each cell after a unit separator: the UTF-8
     * bytes of that text are written here (as {@link String#getBytes} writes them, a lone surrogate as
     * {@code ?}) and hashed without making the text a string.
     */
    private EventId derivedId(long line, CsvRow cells) {
        int length = writeDecimal(line);
        for (int i = 0; i < cells.count(); i++) {
            char[] chars = cells.chars(i);
            int from = cells.start(i);
            int to = cells.end(i);
            // At most three bytes per char, and one for the separator.
            if (length + 1 + 3 * (to - from) > idSource.length) {
                idSource = Arrays.copyOf(idSource, Math.max(idSource.length * 2, length + 1 + 3 * (to - from)));
            }
            idSource[length++] = CELL_SEPARATOR;
            length = writeUtf8(chars, from, to, length);
        }
        return EventId.derivedFromUtf8(idSource, 0, length);
    }

    /** Writes the line's decimal digits (it is positive) at the start of {@link #idSource}; returns how many. */
    private int writeDecimal(long line) {
        int digits = 1;
        for (long rest = line; rest >= 10; rest /= 10) {
            digits++;
        }
        long rest = line;
        for (int i = digits - 1; i >= 0; i--) {
            idSource[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return digits;
    }

    /** Writes {@code chars[from, to)} as UTF-8 into {@link #idSource} at {@code at}; returns the end. */
    private int writeUtf8(char[] chars, int from, int to, int at) {
        byte[] out = idSource;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
                    int codePoint = Character.toCodePoint(c, chars[++i]);
                    out[at++] = (byte) (0xF0 | codePoint >> 18);
                    out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | codePoint & 0x3F);
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }
}
