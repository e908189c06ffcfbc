package dev.cxm.core.io;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.CsvFieldParsers;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackScale;

/**
 * How the columns of a CSV file become event fields.
 *
 * <p>Each {@link CsvField} is read from a column: the one named here, or else the field's
 * {@linkplain CsvField#defaultColumn() default column} when the header has it. A field may instead have
 * one fixed value for every row (all rows are purchases in USD, say), or a fallback value used only when the
 * header has no column for it (a file without a {@code scale} column is all NPS, say, while one with the
 * column keeps its own). The file must have a header row.
 *
 * <pre>{@code
 * CsvColumnMapping cdnow = CsvColumnMapping.builder()
 *         .column(CsvField.CUSTOMER, "customer_id")
 *         .column(CsvField.TIME, "date").timePattern("yyyyMMdd")
 *         .column(CsvField.AMOUNT, "dollar_value")
 *         .type(EventType.PURCHASE)
 *         .currency(Currency.getInstance("USD"))
 *         .build();
 * }</pre>
 *
 * <p>Timestamps without a pattern are read as ISO-8601: an instant ({@code 2026-03-01T09:30:00Z}), a date-time
 * with offset, a local date-time ({@code 2026-03-01T09:30:00} or {@code 2026-03-01 09:30:00}) or a date
 * (its start of day); local values are placed in the mapping's zone, UTC unless set.
 */
public final class CsvColumnMapping {

    private static final Set<CsvField> FIXABLE = ImmutableSet.copyOf(EnumSet.of(CsvField.TYPE, CsvField.TOUCHPOINT,
            CsvField.TOUCHPOINT_NAME, CsvField.CHANNEL, CsvField.STAGE, CsvField.OUTCOME, CsvField.CURRENCY,
            CsvField.SURVEY, CsvField.SCALE));

    private static final CsvColumnMapping DEFAULTS = builder().build();

    private final Map<CsvField, String> columns;
    private final Map<CsvField, String> fixedValues;
    private final Map<CsvField, String> fallbackValues;
    private final Optional<String> timePattern;
    private final ZoneId zone;
    private final ChronoUnit durationUnit;
    private final char separator;
    private final Set<String> attributeColumns;
    private final boolean unmappedColumnsAsAttributes;

    private CsvColumnMapping(Builder builder) {
        this.columns = Maps.immutableEnumMap(builder.columns);
        this.fixedValues = Maps.immutableEnumMap(builder.fixedValues);
        this.fallbackValues = Maps.immutableEnumMap(builder.fallbackValues);
        this.timePattern = builder.timePattern;
        this.zone = builder.zone;
        this.durationUnit = builder.durationUnit;
        this.separator = builder.separator;
        this.attributeColumns = ImmutableSet.copyOf(builder.attributeColumns);
        this.unmappedColumnsAsAttributes = builder.unmappedColumnsAsAttributes;
    }

    /** Returns the mapping that reads every field from its default column. */
    public static CsvColumnMapping defaults() {
        return DEFAULTS;
    }

    /** Starts a mapping that reads every field from its default column until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the column {@code field} is read from: the one set explicitly, else the default name. */
    public String columnFor(CsvField field) {
        return columns.getOrDefault(field, field.defaultColumn());
    }

    /** Returns whether the column of {@code field} was named explicitly, and so must be in the header. */
    public boolean isExplicit(CsvField field) {
        return columns.containsKey(field);
    }

    /** Returns the fixed value of {@code field}, when it has one instead of a column. */
    public Optional<String> fixedValue(CsvField field) {
        return Optional.ofNullable(fixedValues.get(field));
    }

    /** Returns the value of {@code field} for files whose header has no column for it, when one is set. */
    public Optional<String> fallbackValue(CsvField field) {
        return Optional.ofNullable(fallbackValues.get(field));
    }

    /** Returns the pattern of the time column, when it is not ISO-8601. */
    public Optional<String> timePattern() {
        return timePattern;
    }

    /** Returns the zone that local dates and times are placed in. */
    public ZoneId zone() {
        return zone;
    }

    /** Returns the unit of a plain-number duration. */
    public ChronoUnit durationUnit() {
        return durationUnit;
    }

    /** Returns the column separator. */
    public char separator() {
        return separator;
    }

    /** Returns the columns copied into each event's attributes. */
    public Set<String> attributeColumns() {
        return attributeColumns;
    }

    /** Returns whether every column that fills no field is copied into the event's attributes. */
    public boolean unmappedColumnsAsAttributes() {
        return unmappedColumnsAsAttributes;
    }

    /** Builds a {@link CsvColumnMapping}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private final Map<CsvField, String> columns = new EnumMap<>(CsvField.class);
        private final Map<CsvField, String> fixedValues = new EnumMap<>(CsvField.class);
        private final Map<CsvField, String> fallbackValues = new EnumMap<>(CsvField.class);
        private Optional<String> timePattern = Optional.empty();
        private ZoneId zone = ZoneOffset.UTC;
        private ChronoUnit durationUnit = ChronoUnit.SECONDS;
        private char separator = ',';
        private final Set<String> attributeColumns = new LinkedHashSet<>();
        private boolean unmappedColumnsAsAttributes;

        private Builder() {}

        /**
         * Reads {@code field} from the column named {@code column}, which the header must then have.
         *
         * @throws IllegalArgumentException when the field already has a fixed value
         */
        public Builder column(CsvField field, String column) {
            Checks.present("field", field);
            if (fixedValues.containsKey(field)) {
                throw new IllegalArgumentException("column: " + field + " already has a fixed value;"
                        + " a field is read from a column or fixed, not both");
            }
            columns.put(field, Checks.nonBlank("column", column).strip());
            return this;
        }

        /**
         * Gives {@code field} one value for every row, in the same text form the column would hold.
         *
         * @throws IllegalArgumentException when the field cannot be fixed (ids, times, scores, amounts and
         *     comments differ per row), already reads from a column, or the value is invalid for it
         */
        public Builder fixed(CsvField field, String value) {
            Checks.present("field", field);
            if (!FIXABLE.contains(field)) {
                throw new IllegalArgumentException("fixed: " + field + " cannot have a fixed value; fixable fields are "
                        + FIXABLE);
            }
            if (columns.containsKey(field)) {
                throw new IllegalArgumentException("fixed: " + field + " already reads from column \""
                        + columns.get(field) + "\"; a field is read from a column or fixed, not both");
            }
            if (fallbackValues.containsKey(field)) {
                throw new IllegalArgumentException("fixed: " + field + " already has a fallback value;"
                        + " a field is fixed or falls back, not both");
            }
            fixedValues.put(field, CsvFieldParsers.validateFixed(field, Checks.nonBlank("fixed value", value)));
            return this;
        }

        /**
         * Gives {@code field} the value {@code value} in every row when the header has no column for it (its
         * default column, or the one named with {@link #column}); a header with the column keeps reading it,
         * row by row. The value is in the text form the column would hold; fields that can be fixed can fall
         * back.
         *
         * @throws IllegalArgumentException when the field cannot have a fixed value, already has one, or the
         *     value is invalid for it
         */
        public Builder fallback(CsvField field, String value) {
            Checks.present("field", field);
            if (!FIXABLE.contains(field)) {
                throw new IllegalArgumentException("fallback: " + field + " cannot have a fallback value; fields"
                        + " that can are " + FIXABLE);
            }
            if (fixedValues.containsKey(field)) {
                throw new IllegalArgumentException("fallback: " + field + " already has a fixed value;"
                        + " a field is fixed or falls back, not both");
            }
            fallbackValues.put(field, CsvFieldParsers.validateFixed(field, Checks.nonBlank("fallback value", value)));
            return this;
        }

        /** Makes every row an event of {@code type}. */
        public Builder type(EventType type) {
            return fixed(CsvField.TYPE, type.wireName());
        }

        /** Gives every feedback row the scale {@code scale}. */
        public Builder scale(FeedbackScale scale) {
            return fixed(CsvField.SCALE, scale.toString());
        }

        /** Gives every purchase row the currency {@code currency}. */
        public Builder currency(Currency currency) {
            return fixed(CsvField.CURRENCY, currency.getCurrencyCode());
        }

        /** Puts every row's touchpoint on {@code channel}. */
        public Builder channel(Channel channel) {
            return fixed(CsvField.CHANNEL, channel.name().toLowerCase(Locale.ROOT));
        }

        /** Gives every feedback row the survey id {@code surveyId}. */
        public Builder surveyId(String surveyId) {
            return fixed(CsvField.SURVEY, surveyId);
        }

        /**
         * Reads the time column with a {@link DateTimeFormatter} pattern, such as {@code yyyyMMdd} or
         * {@code dd/MM/yyyy HH:mm}, instead of ISO-8601.
         *
         * @throws IllegalArgumentException when the pattern is not a valid pattern
         */
        public Builder timePattern(String pattern) {
            Checks.nonBlank("timePattern", pattern);
            try {
                TimestampFormat.pattern(pattern, zone);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("timePattern: " + e.getMessage().substring("pattern: ".length()), e);
            }
            this.timePattern = Optional.of(pattern);
            return this;
        }

        /** Places local dates and times in {@code value}; UTC unless set. */
        public Builder zone(ZoneId value) {
            this.zone = Checks.present("zone", value);
            return this;
        }

        /**
         * Sets the unit of a duration column that holds plain numbers; seconds unless set.
         *
         * @throws IllegalArgumentException for a unit without a fixed length, such as months
         */
        public Builder durationUnit(ChronoUnit value) {
            Checks.present("durationUnit", value);
            if (value.isDurationEstimated()) {
                throw new IllegalArgumentException("durationUnit: " + value + " has no fixed length;"
                        + " use NANOS to DAYS");
            }
            this.durationUnit = value;
            return this;
        }

        /** Sets the column separator; a comma unless set. */
        public Builder separator(char value) {
            if (value == '"' || value == '\n' || value == '\r') {
                throw new IllegalArgumentException("separator: '" + value + "' cannot separate columns");
            }
            this.separator = value;
            return this;
        }

        /** Copies these columns into each event's attributes, keyed by column name. */
        public Builder attributeColumns(List<String> names) {
            names.forEach(name -> attributeColumns.add(Checks.nonBlank("attribute column", name).strip()));
            return this;
        }

        /** Copies every column that fills no field into each event's attributes. */
        public Builder unmappedColumnsAsAttributes(boolean value) {
            this.unmappedColumnsAsAttributes = value;
            return this;
        }

        /** Builds the mapping. */
        public CsvColumnMapping build() {
            return new CsvColumnMapping(this);
        }
    }
}
