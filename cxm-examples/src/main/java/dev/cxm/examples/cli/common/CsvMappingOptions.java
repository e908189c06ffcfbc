package dev.cxm.examples.cli.common;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvField;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackScale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that map CSV columns to event fields, shared by every subcommand that reads a CSV of events.
 * Without them, each field is read from its default column ({@code customer_id}, {@code occurred_at},
 * {@code score}, ...).
 */
public final class CsvMappingOptions {

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Every row is an event of this type: interaction, purchase or feedback.")
    String type;
    @Option(names = "--type-column", paramLabel = "COL", description = "Column with the event type (default: type).")
    String typeColumn;
    @Option(names = "--id-column", paramLabel = "COL", description = "Column with the event id (default: event_id;"
            + " without one, ids are derived from line and content).")
    String idColumn;
    @Option(names = "--customer-column", paramLabel = "COL", description = "Column with the customer id (default: customer_id).")
    String customerColumn;
    @Option(names = "--time-column", paramLabel = "COL", description = "Column with the event time (default: occurred_at).")
    String timeColumn;
    @Option(names = "--time-format", paramLabel = "PATTERN",
            description = "java.time pattern of the time column, such as yyyyMMdd (default: ISO-8601).")
    String timeFormat;
    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Zone local dates and times are read in (default: UTC); commands that count per period"
                    + " cut periods in it too, unless --period-zone is given.")
    ZoneId zone;
    @Option(names = "--touchpoint-column", paramLabel = "COL", description = "Column with the touchpoint id (default: touchpoint_id).")
    String touchpointColumn;
    @Option(names = "--touchpoint-name-column", paramLabel = "COL", description = "Column with the touchpoint name (default: touchpoint_name).")
    String touchpointNameColumn;
    @Option(names = "--channel-column", paramLabel = "COL", description = "Column with the channel (default: channel).")
    String channelColumn;
    @Option(names = "--channel", paramLabel = "CHANNEL", description = "Every touchpoint is on this channel.")
    String channel;
    @Option(names = "--stage-column", paramLabel = "COL", description = "Column with the journey stage (default: stage).")
    String stageColumn;
    @Option(names = "--outcome-column", paramLabel = "COL", description = "Column with the interaction outcome (default: outcome).")
    String outcomeColumn;
    @Option(names = "--duration-column", paramLabel = "COL", description = "Column with the interaction duration (default: duration).")
    String durationColumn;
    @Option(names = "--duration-unit", paramLabel = "UNIT",
            description = "Unit of plain-number durations: seconds, minutes, hours, ... (default: seconds).")
    String durationUnit;
    @Option(names = "--order-column", paramLabel = "COL", description = "Column with the order id (default: order_id).")
    String orderColumn;
    @Option(names = "--amount-column", paramLabel = "COL", description = "Column with the purchase amount (default: amount).")
    String amountColumn;
    @Option(names = "--currency-column", paramLabel = "COL", description = "Column with the currency (default: currency).")
    String currencyColumn;
    @Option(names = "--currency", paramLabel = "CODE", description = "Every purchase is in this ISO 4217 currency.")
    String currency;
    @Option(names = "--items-column", paramLabel = "COL", description = "Column with the item count (default: items).")
    String itemsColumn;
    @Option(names = "--survey-column", paramLabel = "COL", description = "Column with the survey id (default: survey_id).")
    String surveyColumn;
    @Option(names = "--survey-id", paramLabel = "ID", description = "Every response answers this survey.")
    String surveyId;
    @Option(names = "--scale-column", paramLabel = "COL", description = "Column with the scale (default: scale).")
    String scaleColumn;
    @Option(names = "--scale", paramLabel = "SCALE",
            description = "Every response is on this scale: nps, csat, ces or name:min..max.")
    String scale;
    @Option(names = "--score-column", paramLabel = "COL", description = "Column with the score (default: score).")
    String scoreColumn;
    @Option(names = "--comment-column", paramLabel = "COL", description = "Column with the comment (default: comment).")
    String commentColumn;
    @Option(names = "--attribute-columns", paramLabel = "COL", split = ",",
            description = "Columns copied into each event's attributes.")
    List<String> attributeColumns = new ArrayList<>();
    @Option(names = "--separator", paramLabel = "CHAR", converter = Converters.Separator.class,
            description = "Column separator (default: ,).")
    Character separator;

    /**
     * Returns {@code --scale}, the scale every response is on (or, for a feedback command, the one counted).
     *
     * @return the scale's text, if given
     */
    public Optional<String> scale() {
        return Optional.ofNullable(scale);
    }

    /**
     * Returns {@code --zone}, the zone local times are read in.
     *
     * @return the zone, if given
     */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    /**
     * Returns {@code --separator}.
     *
     * @return the separator, if given
     */
    public Optional<Character> separator() {
        return Optional.ofNullable(separator);
    }

    /**
     * Returns {@code --time-format}.
     *
     * @return the pattern, if given
     */
    public Optional<String> timeFormat() {
        return Optional.ofNullable(timeFormat);
    }

    /**
     * Returns {@code --type}, the type of every row.
     *
     * @return the type's text, if given
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Returns the column an option names for {@code field}, if the option is given.
     *
     * @param field one of the fields a transaction file has: type, customer, time or amount
     * @return the column's name, stripped, if given
     */
    public Optional<String> column(CsvField field) {
        String given = switch (field) {
            case TYPE -> typeColumn;
            case CUSTOMER -> customerColumn;
            case TIME -> timeColumn;
            case AMOUNT -> amountColumn;
            default -> throw new IllegalArgumentException("field: " + field + " is not read from transaction files");
        };
        return Optional.ofNullable(given).map(String::strip);
    }

    /**
     * Adds {@code column} to the columns copied into each event's attributes.
     *
     * @param column the column's name
     */
    public void copyIntoAttributes(String column) {
        attributeColumns.add(column);
    }

    /**
     * Returns the mapping these options describe, with a type and a scale that rows take when the file has no
     * column for them (the {@code nps} command assumes NPS feedback, say). A command that passes a scale has
     * folded {@code --scale} into it: then {@code --scale} too applies only to files without a scale column,
     * and rows of a scale column keep their own scale.
     *
     * @param commandLine the command, for usage errors
     * @param defaultType the type of every row of a file without a type column, if the command has one
     * @param defaultScale the scale of every row of a file without a scale column, if the command has one
     * @return the mapping
     * @throws ParameterException naming the option when a value is not valid (an unknown currency, say)
     */
    public CsvColumnMapping toMapping(CommandLine commandLine, Optional<EventType> defaultType,
            Optional<FeedbackScale> defaultScale) {
        CsvColumnMapping.Builder mapping = CsvColumnMapping.custom();
        option(commandLine, "--type", () -> fixed(mapping, CsvField.TYPE, Optional.ofNullable(type)));
        option(commandLine, "--channel", () -> fixed(mapping, CsvField.CHANNEL, Optional.ofNullable(channel)));
        option(commandLine, "--currency", () -> fixed(mapping, CsvField.CURRENCY, Optional.ofNullable(currency)));
        option(commandLine, "--survey-id", () -> fixed(mapping, CsvField.SURVEY, Optional.ofNullable(surveyId)));
        if (defaultScale.isEmpty()) {
            option(commandLine, "--scale", () -> fixed(mapping, CsvField.SCALE, Optional.ofNullable(scale)));
        }
        if (timeFormat != null) {
            option(commandLine, "--time-format", () -> mapping.timePattern(timeFormat));
        }
        if (durationUnit != null) {
            mapping.durationUnit(UnitNames.parse(commandLine, "--duration-unit", durationUnit, UnitNames.FIXED_LENGTH));
        }
        column(commandLine, mapping, CsvField.TYPE, "--type-column", typeColumn);
        column(commandLine, mapping, CsvField.EVENT_ID, "--id-column", idColumn);
        column(commandLine, mapping, CsvField.CUSTOMER, "--customer-column", customerColumn);
        column(commandLine, mapping, CsvField.TIME, "--time-column", timeColumn);
        column(commandLine, mapping, CsvField.TOUCHPOINT, "--touchpoint-column", touchpointColumn);
        column(commandLine, mapping, CsvField.TOUCHPOINT_NAME, "--touchpoint-name-column", touchpointNameColumn);
        column(commandLine, mapping, CsvField.CHANNEL, "--channel-column", channelColumn);
        column(commandLine, mapping, CsvField.STAGE, "--stage-column", stageColumn);
        column(commandLine, mapping, CsvField.OUTCOME, "--outcome-column", outcomeColumn);
        column(commandLine, mapping, CsvField.DURATION, "--duration-column", durationColumn);
        column(commandLine, mapping, CsvField.ORDER, "--order-column", orderColumn);
        column(commandLine, mapping, CsvField.AMOUNT, "--amount-column", amountColumn);
        column(commandLine, mapping, CsvField.CURRENCY, "--currency-column", currencyColumn);
        column(commandLine, mapping, CsvField.ITEMS, "--items-column", itemsColumn);
        column(commandLine, mapping, CsvField.SURVEY, "--survey-column", surveyColumn);
        column(commandLine, mapping, CsvField.SCALE, "--scale-column", scaleColumn);
        column(commandLine, mapping, CsvField.SCORE, "--score-column", scoreColumn);
        column(commandLine, mapping, CsvField.COMMENT, "--comment-column", commentColumn);
        if (type == null) {
            defaultType.ifPresent(value -> mapping.fallback(CsvField.TYPE, value.wireName()));
        }
        defaultScale.ifPresent(value -> mapping.fallback(CsvField.SCALE, value.toString()));
        if (zone != null) {
            mapping.zone(zone);
        }
        if (separator != null) {
            option(commandLine, "--separator", () -> mapping.separator(separator));
        }
        option(commandLine, "--attribute-columns", () -> mapping.attributeColumns(attributeColumns));
        return mapping.build();
    }

    /**
     * Applies one option's value, turning the mapping's refusal into a usage error that names the option.
     *
     * @param commandLine the command
     * @param option the option's name
     * @param apply what applies the value
     */
    public static void option(CommandLine commandLine, String option, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException refused) {
            String reason = String.valueOf(refused.getMessage());
            int colon = reason.indexOf(": ");
            String rule = refused.getMessage() == null ? "not a valid value"
                    : colon >= 0 && colon < 40 ? reason.substring(colon + 2) : reason;
            throw new ParameterException(commandLine, option + ": " + rule);
        }
    }

    private static void column(CommandLine commandLine, CsvColumnMapping.Builder mapping, CsvField field,
            String option, String column) {
        if (column != null) {
            option(commandLine, option, () -> mapping.column(field, column));
        }
    }

    private static void fixed(CsvColumnMapping.Builder mapping, CsvField field, Optional<String> value) {
        value.ifPresent(text -> mapping.fixed(field, text));
    }
}
