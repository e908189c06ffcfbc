package dev.cxm.examples.cli.clv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.CsvField;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ReaderSource;
import dev.cxm.core.model.EventType;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.CsvMappingOptions;
import dev.cxm.examples.cli.common.UnitNames;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.clv.rfm.SummaryCsvReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The input options of every {@code cxm clv} subcommand and their checks: a transaction CSV (one purchase per
 * row: customer, time and, if the file has one, amount; or a file of events with a type column), read by
 * cxm-core's importer and summarised by {@link ClvTransactionFile}, or a
 * summary CSV with the columns {@code ID,frequency,recency,T[,monetary_value][,weights]}, read by
 * {@link ClvSummaryFile}. A file whose header has a frequency and a recency column (under any of the names the
 * library's {@link SummaryCsvReader} reads, such as {@code frequency} or {@code x}) is a summary.
 *
 * <p>Options that do not apply to the kind of file given (a calibration end or a zone for a summary, which is
 * already summarised) are command-line mistakes, as are unknown units and a summary without {@code --unit}:
 * its numbers have no unit of their own.
 */
final class ClvInputOptions {

    /** ISO 4217's code for "no currency": the currency of purchases whose file names none. */
    private static final String NO_CURRENCY = "XXX";

    /** The mapping options a transaction file is read with; the others of {@code cxm import} do not apply. */
    private static final List<String> TRANSACTION_OPTIONS = List.of("--customer-column", "--time-column",
            "--amount-column", "--type-column", "--type", "--time-format", "--zone", "--calibration-end",
                    "--holdout-end",
            "--purchase-period");

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "A transaction CSV, or a summary CSV with ID,frequency,recency,T[,monetary_value].")
    Path input;

    @Option(names = "--unit", paramLabel = "UNIT",
            description = "Time unit of recency and T: seconds, minutes, hours, days, weeks, or months or years for"
                    + " whole purchase periods of that unit. Required for a summary CSV (the unit its times are in);"
                    + " for transactions the default is days.")
    String unit;

    @Option(names = "--purchase-period", paramLabel = "PERIOD",
            description = "Transactions only: purchases in one calendar period count as one: seconds, minutes, hours,"
                    + " days, weeks (Monday to Sunday), months, years, or none for continuous time (default: days).")
    String purchasePeriod;

    @Option(names = "--calibration-end", paramLabel = "DATE",
            description = "Transactions only: last day of the calibration period, such as 1997-09-30; with weekly,"
                    + " monthly or yearly purchase periods the last day of one (default: the last complete period"
                    + " up to the day of the last purchase).")
    LocalDate calibrationEnd;

    @Option(names = "--holdout-end", paramLabel = "DATE",
            description = "Transactions only: last day of a holdout period after calibration, whose purchases are the"
                    + " actuals.")
    LocalDate holdoutEnd;

    @ArgGroup(exclusive = false, heading = "CSV column mapping of transaction files (as in cxm import; customer,"
            + " time and amount are read; --separator applies to summaries too):%n")
    CsvMappingOptions mapping = new CsvMappingOptions();

    /**
     * Returns the unit of the input's times as the options give it: {@code --unit}, or days for a transaction
     * file without it; checked like {@link #load}.
     */
    ChronoUnit unit(CommandSpec spec) {
        return unit == null ? ChronoUnit.DAYS : UnitNames.parse(spec.commandLine(), "--unit", unit,
                UnitNames.CUSTOMER_TIMES);
    }

    /** Checks the options against the file and reads it. */
    ClvInput load(CommandSpec spec) throws IOException {
        CommandFailure.requireReadableFile(input);
        requireOnlyReadMappingOptions(spec);
        char separator = mapping().separator().orElse(',');
        List<String> header = header(spec, separator);
        if (SummaryCsvReader.isSummaryHeader(header)) {
            Usage.require(spec, unit != null, "--unit: " + input.getFileName() + " is a summary CSV, whose recency and"
                    + " T carry no unit; say which with --unit (" + UnitNames.list(UnitNames.CUSTOMER_TIMES) + ")");
            for (String option : TRANSACTION_OPTIONS) {
                Usage.require(spec, !given(spec, option), option + ": " + input.getFileName() + " is a summary CSV,"
                        + " already summarised; " + option + " applies to transaction files only");
            }
            return ClvSummaryFile.read(input, separator, UnitNames.parse(spec.commandLine(), "--unit", unit,
                    UnitNames.CUSTOMER_TIMES));
        }
        ChronoUnit timeUnit = unit(spec);
        Optional<ChronoUnit> period = purchasePeriod(spec, timeUnit);
        ClvTransactionFile file = transactionFile(spec, header);
        return file.read(Optional.ofNullable(calibrationEnd), Optional.ofNullable(holdoutEnd),
                mapping().zone().orElse(ZoneOffset.UTC), timeUnit, period);
    }

    private CsvMappingOptions mapping() {
        if (mapping == null) {
            mapping = new CsvMappingOptions();
        }
        return mapping;
    }

    /** Returns the header's column names, read as cxm-core's importer reads them. */
    private List<String> header(CommandSpec spec, char separator) throws IOException {
        if (Files.size(input) == 0) {
            throw new CommandFailure(input + " is empty; a CSV file needs a header row");
        }
        CsvColumnMapping.Builder separatorOnly = CsvColumnMapping.custom();
        CsvMappingOptions.option(spec.commandLine(), "--separator", () -> separatorOnly.separator(separator));
        try {
            return CsvEventImporter.ofDefaults(separatorOnly.build(), ImportPolicy.FAIL_ON_FIRST_ERROR)
                    .columns(ReaderSource.of(input));
        } catch (IllegalArgumentException unreadable) {
            throw new CommandFailure(input + ": " + unreadable.getMessage());
        }
    }

    /** Returns the purchase period the options give, checked against the unit and the days given. */
    private Optional<ChronoUnit> purchasePeriod(CommandSpec spec, ChronoUnit timeUnit) {
        Optional<ChronoUnit> period = purchasePeriod == null ? Optional.of(ChronoUnit.DAYS)
                : purchasePeriod.strip().equalsIgnoreCase("none") ? Optional.empty()
                : Optional.of(UnitNames.parse(spec.commandLine(), "--purchase-period", purchasePeriod,
                        UnitNames.CUSTOMER_TIMES));
        if (timeUnit.compareTo(ChronoUnit.WEEKS) > 0) {
            Usage.require(spec, period.equals(Optional.of(timeUnit)),
                    "--unit: " + UnitNames.name(timeUnit) + " have no fixed"
                    + " length; they count whole purchase periods, so use --purchase-period " + UnitNames.name(timeUnit));
        } else {
            period.ifPresent(p -> Usage.require(spec, p.compareTo(ChronoUnit.WEEKS) <= 0, "--purchase-period: "
                    + UnitNames.name(p) + " have no fixed length, so they cannot be counted in " + UnitNames.name(timeUnit)
                    + "; use --unit " + UnitNames.name(p)));
        }
        period.ifPresent(p -> {
            if (calibrationEnd != null) {
                requireLastDayOfPeriod(spec, "--calibration-end", calibrationEnd, p);
            }
            if (holdoutEnd != null) {
                requireLastDayOfPeriod(spec, "--holdout-end", holdoutEnd, p);
            }
        });
        Usage.require(spec, holdoutEnd == null || calibrationEnd == null || holdoutEnd.isAfter(calibrationEnd),
                "--holdout-end: " + holdoutEnd + " is not after --calibration-end " + calibrationEnd
                        + "; the holdout period follows calibration");
        return period;
    }

    /**
     * Returns how the transaction file is read: the columns the options name (each checked against the header)
     * and the importer's mapping for the kind of file it is.
     */
    private ClvTransactionFile transactionFile(CommandSpec spec, List<String> header) {
        String customer = column(header, CsvField.CUSTOMER, "customer_id", "--customer-column", true);
        String time = column(header, CsvField.TIME, "occurred_at", "--time-column", true);
        Optional<String> amount = Optional.ofNullable(column(header, CsvField.AMOUNT, "amount", "--amount-column",
                false));
        Optional<String> type = mapping().type().isPresent() ? Optional.empty()
                : Optional.ofNullable(column(header, CsvField.TYPE, "type", "--type-column", false));
        CsvColumnMapping.Builder columns = CsvColumnMapping.custom();
        CsvMappingOptions options = mapping();
        options.separator().ifPresent(separator -> CsvMappingOptions.option(spec.commandLine(), "--separator",
                () -> columns.separator(separator)));
        options.zone().ifPresent(columns::zone);
        options.timeFormat().ifPresent(pattern -> CsvMappingOptions.option(spec.commandLine(), "--time-format",
                () -> columns.timePattern(pattern)));
        columns.column(CsvField.CUSTOMER, customer).column(CsvField.TIME, time);
        amount.ifPresent(name -> columns.column(CsvField.AMOUNT, name));
        ClvTransactionFile.Kind kind;
        if (type.isPresent()) {
            kind = ClvTransactionFile.Kind.EVENTS;
            columns.column(CsvField.TYPE, type.get()).fallback(CsvField.CURRENCY, NO_CURRENCY);
        } else if (amount.isPresent()) {
            kind = ClvTransactionFile.Kind.PURCHASES;
            columns.type(EventType.PURCHASE).fallback(CsvField.CURRENCY, NO_CURRENCY);
        } else {
            kind = ClvTransactionFile.Kind.PURCHASE_TIMES;
            columns.type(EventType.INTERACTION).fixed(CsvField.TOUCHPOINT, "purchase");
        }
        return new ClvTransactionFile(input, kind, columns.build());
    }

    /**
     * Returns the last day of the last complete purchase period up to {@code lastDay}: the day itself for
     * periods of a day or shorter, else the last day of the week, month or year before the one still running
     * on {@code lastDay} (unless that day ends it).
     */
    static LocalDate lastCompletePeriod(LocalDate lastDay, Optional<ChronoUnit> period) {
        LocalDate next = lastDay.plusDays(1);
        if (period.isEmpty() || period.get().compareTo(ChronoUnit.DAYS) <= 0) {
            return lastDay;
        }
        LocalDate start = switch (period.get()) {
            case WEEKS -> next.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHS -> next.withDayOfMonth(1);
            default -> next.withDayOfYear(1);
        };
        return start.minusDays(1);
    }

    private static void requireLastDayOfPeriod(CommandSpec spec, String option, LocalDate day, ChronoUnit period) {
        switch (period) {
            case WEEKS -> Usage.require(spec, day.getDayOfWeek() == DayOfWeek.SUNDAY, "with --purchase-period weeks, "
                    + option + " must be a Sunday (weeks run Monday to Sunday); " + day + " is a "
                    + day.getDayOfWeek().name().toLowerCase(Locale.ROOT));
            case MONTHS -> Usage.require(spec, day.plusDays(1).getDayOfMonth() == 1, "with --purchase-period months, "
                    + option + " must be the last day of a month; " + day + " is not");
            case YEARS -> Usage.require(spec, day.plusDays(1).getDayOfYear() == 1, "with --purchase-period years, "
                    + option + " must be the 31st of December; " + day + " is not");
            default -> {
                // a day ends on a boundary of every shorter period
            }
        }
    }

    private void requireOnlyReadMappingOptions(CommandSpec spec) {
        for (String option : List.of("--id-column", "--touchpoint-column",
                "--touchpoint-name-column", "--channel-column", "--channel", "--stage-column", "--outcome-column",
                "--duration-column", "--duration-unit", "--order-column", "--currency-column", "--currency",
                "--items-column", "--survey-column", "--survey-id", "--scale-column", "--scale", "--score-column",
                "--comment-column", "--attribute-columns")) {
            Usage.require(spec, !given(spec, option), option + ": cxm clv reads only the customer, time and amount of"
                    + " each purchase (and, where a file has a type column, only its purchase rows); " + option
                    + " does not apply");
        }
        Optional<String> type = mapping().type();
        if (type.isPresent()) {
            Usage.require(spec, type.get().strip().equalsIgnoreCase("purchase"), "--type: " + type.get()
                    + " is not purchase; cxm clv reads purchases, and --type purchase says every row is one (a column"
                    + " named type is then not read)");
        }
    }

    private static boolean given(CommandSpec spec, String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Returns the column of {@code field}: the one its option names, else {@code fallback}; fails naming the
     * option when the header lacks a column the option names or the command needs, and returns null for a
     * missing column it can do without.
     */
    private String column(List<String> header, CsvField field, String fallback, String option, boolean needed) {
        Optional<String> given = mapping().column(field);
        String name = given.orElse(fallback);
        if (header.contains(name)) {
            return name;
        }
        if (given.isPresent() || needed) {
            throw new CommandFailure(input + ": the header has no column '" + name + "'"
                    + (given.isEmpty() ? " (name it with " + option + ")" : "") + "; it has " + String.join(", ",
                            header));
        }
        return null;
    }
}
