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
import java.util.Objects;
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
 * CsvColumnMapping cdnow = CsvColumnMapping.custom()
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
 * (its start of day); local values are placed in the mapping's zone, UTC unless set. See
 * {@link TimestampFormat} for the strict reading of dates and the daylight-saving rule.
 *
 * <p>Every cell a mapping reads is kept: a channel or stage without a touchpoint id puts the event at the
 * touchpoint named after its channel ({@code web}; {@code other} for a stage alone), a touchpoint name without
 * an id is also the id, and a value in a column whose field the row's event type does not have (a score in a
 * purchase row) rejects the row. When every row has one type (a fixed type, or a fallback type and no type
 * column), naming a column for a field that type lacks is an error; a column that merely has such a field's
 * default name is then an ordinary unmapped column.
 *
 * <p>A mapping is a value: equal settings make equal mappings.
 */
public final class CsvColumnMapping {

    private static final Set<CsvField> FIXABLE = ImmutableSet.copyOf(EnumSet.of(CsvField.TYPE, CsvField.TOUCHPOINT,
            CsvField.TOUCHPOINT_NAME, CsvField.CHANNEL, CsvField.STAGE, CsvField.OUTCOME, CsvField.CURRENCY,
            CsvField.SURVEY, CsvField.SCALE));

    private static final CsvColumnMapping DEFAULTS = custom().build();

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

    /**
     * Returns the mapping that reads every field from its default column.
     *
     * @return the default mapping
     */
    public static CsvColumnMapping ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a mapping that reads every field from its default column until told otherwise.
     *
     * @return a builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts a mapping with every setting of {@code base}.
     *
     * @param base the mapping to start from
     * @return a builder
     */
    public static Builder from(CsvColumnMapping base) {
        Checks.present("base", base);
        Builder builder = new Builder();
        builder.columns.putAll(base.columns);
        builder.fixedValues.putAll(base.fixedValues);
        builder.fallbackValues.putAll(base.fallbackValues);
        builder.timePattern = base.timePattern;
        builder.zone = base.zone;
        builder.durationUnit = base.durationUnit;
        builder.separator = base.separator;
        builder.attributeColumns.addAll(base.attributeColumns);
        builder.unmappedColumnsAsAttributes = base.unmappedColumnsAsAttributes;
        return builder;
    }

    /**
     * Returns the column {@code field} is read from: the one set explicitly, else the default name.
     *
     * @param field the field
     * @return the column's name
     */
    public String columnFor(CsvField field) {
        return columns.getOrDefault(field, field.defaultColumn());
    }

    /**
     * Returns whether the column of {@code field} was named explicitly, and so must be in the header.
     *
     * @param field the field
     * @return whether its column was named
     */
    public boolean isExplicit(CsvField field) {
        return columns.containsKey(field);
    }

    /**
     * Returns the fixed value of {@code field}, when it has one instead of a column.
     *
     * @param field the field
     * @return the fixed value, if any
     */
    public Optional<String> fixedValue(CsvField field) {
        return Optional.ofNullable(fixedValues.get(field));
    }

    /**
     * Returns the value of {@code field} for files whose header has no column for it, when one is set.
     *
     * @param field the field
     * @return the fallback value, if any
     */
    public Optional<String> fallbackValue(CsvField field) {
        return Optional.ofNullable(fallbackValues.get(field));
    }

    /**
     * Returns the pattern of the time column, when it is not ISO-8601.
     *
     * @return the pattern, if any
     */
    public Optional<String> timePattern() {
        return timePattern;
    }

    /**
     * Returns the zone that local dates and times are placed in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the unit of a plain-number duration.
     *
     * @return the unit
     */
    public ChronoUnit durationUnit() {
        return durationUnit;
    }

    /**
     * Returns the column separator.
     *
     * @return the separator
     */
    public char separator() {
        return separator;
    }

    /**
     * Returns the columns copied into each event's attributes.
     *
     * @return the column names
     */
    public Set<String> attributeColumns() {
        return attributeColumns;
    }

    /**
     * Returns whether every column that fills no field is copied into the event's attributes.
     *
     * @return whether unmapped columns become attributes
     */
    public boolean unmappedColumnsAsAttributes() {
        return unmappedColumnsAsAttributes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CsvColumnMapping that && columns.equals(that.columns)
                && fixedValues.equals(that.fixedValues) && fallbackValues.equals(that.fallbackValues)
                && timePattern.equals(that.timePattern) && zone.equals(that.zone)
                && durationUnit == that.durationUnit && separator == that.separator
                && attributeColumns.equals(that.attributeColumns)
                && unmappedColumnsAsAttributes == that.unmappedColumnsAsAttributes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, fixedValues, fallbackValues, timePattern, zone, durationUnit, separator,
                attributeColumns, unmappedColumnsAsAttributes);
    }

    /** Returns every setting, for logs and test failures. */
    @Override
    public String toString() {
        return "CsvColumnMapping[columns=" + columns + ", fixed=" + fixedValues + ", fallback=" + fallbackValues
                + ", timePattern=" + timePattern.orElse("ISO-8601") + ", zone=" + zone + ", durationUnit="
                + durationUnit + ", separator='" + separator + "', attributeColumns=" + attributeColumns
                + ", unmappedColumnsAsAttributes=" + unmappedColumnsAsAttributes + "]";
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
         * @param field the field
         * @param column the column's name in the header
         * @return this builder
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
         * @param field the field
         * @param value its value
         * @return this builder
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
         * @param field the field
         * @param value its value for files without its column
         * @return this builder
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

        /**
         * Makes every row an event of {@code type}.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(EventType type) {
            return fixed(CsvField.TYPE, type.wireName());
        }

        /**
         * Gives every feedback row the scale {@code scale}.
         *
         * @param scale the scale
         * @return this builder
         */
        public Builder scale(FeedbackScale scale) {
            return fixed(CsvField.SCALE, scale.toString());
        }

        /**
         * Gives every purchase row the currency {@code currency}.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            return fixed(CsvField.CURRENCY, currency.getCurrencyCode());
        }

        /**
         * Puts every row's touchpoint on {@code channel}; a row without a touchpoint is at the touchpoint named
         * after the channel.
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(Channel channel) {
            return fixed(CsvField.CHANNEL, channel.name().toLowerCase(Locale.ROOT));
        }

        /**
         * Gives every feedback row the survey id {@code surveyId}.
         *
         * @param surveyId the survey id
         * @return this builder
         */
        public Builder surveyId(String surveyId) {
            return fixed(CsvField.SURVEY, surveyId);
        }

        /**
         * Reads the time column with a {@link DateTimeFormatter} pattern, such as {@code yyyyMMdd} or
         * {@code dd/MM/yyyy HH:mm}, instead of ISO-8601; dates are checked strictly.
         *
         * @param pattern the pattern
         * @return this builder
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

        /**
         * Places local dates and times in {@code value}; UTC unless set.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = Checks.present("zone", value);
            return this;
        }

        /**
         * Sets the unit of a duration column that holds plain numbers; seconds unless set.
         *
         * @param value the unit
         * @return this builder
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

        /**
         * Sets the column separator; a comma unless set.
         *
         * @param value the separator
         * @return this builder
         * @throws IllegalArgumentException for a quote or a line break, which cannot separate columns
         */
        public Builder separator(char value) {
            if (value == '"' || value == '\n' || value == '\r') {
                throw new IllegalArgumentException("separator: '" + value + "' cannot separate columns");
            }
            this.separator = value;
            return this;
        }

        /**
         * Copies these columns into each event's attributes, keyed by column name.
         *
         * @param names the columns
         * @return this builder
         */
        public Builder attributeColumns(List<String> names) {
            names.forEach(name -> attributeColumns.add(Checks.nonBlank("attribute column", name).strip()));
            return this;
        }

        /**
         * Copies every column that fills no field into each event's attributes.
         *
         * @param value whether to copy them
         * @return this builder
         */
        public Builder unmappedColumnsAsAttributes(boolean value) {
            this.unmappedColumnsAsAttributes = value;
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         */
        public CsvColumnMapping build() {
            return new CsvColumnMapping(this);
        }
    }
}
