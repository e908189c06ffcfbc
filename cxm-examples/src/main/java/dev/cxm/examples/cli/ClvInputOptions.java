package dev.cxm.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.RfmCells;
import dev.cxm.metrics.clv.RfmSummarizer;
import dev.cxm.metrics.clv.RfmSummary;
import dev.cxm.metrics.clv.RfmSummaryOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The input of every {@code cxm clv} subcommand: a transaction CSV (one purchase per row: customer, time
 * and, if the file has one, amount), summarised here, or a summary CSV with the columns
 * {@code ID,frequency,recency,T[,monetary_value][,weights]} (BG/BB data may name T {@code periods}). A file
 * whose header has {@code frequency} and {@code recency} columns is a summary.
 *
 * <p>Transactions are read in two passes without holding them: the first finds the last purchase (the
 * default calibration end), the second summarises. A transaction file without an amount column works for
 * the purchase-count models; the spend model and lifetime value need amounts.
 */
final class ClvInputOptions {

    private static final DateTimeFormatter ISO_FLEXIBLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "A transaction CSV, or a summary CSV with ID,frequency,recency,T[,monetary_value].")
    Path input;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "days",
            description = "Time unit of recency and T: hours, days, weeks, ... (default: days). For a summary CSV,"
                    + " the unit its times are in.")
    String unit;

    @Option(names = "--purchase-period", paramLabel = "PERIOD", defaultValue = "days",
            description = "Purchases in one calendar period count as one: hours, days, weeks, months, years, or"
                    + " none for continuous time (default: days).")
    String purchasePeriod;

    @Option(names = "--calibration-end", paramLabel = "DATE",
            description = "Last day of the calibration period, such as 1997-09-30 (default: the day of the last"
                    + " purchase).")
    LocalDate calibrationEnd;

    @Option(names = "--holdout-end", paramLabel = "DATE",
            description = "Last day of a holdout period after calibration, whose purchases are the actuals.")
    LocalDate holdoutEnd;

    @ArgGroup(exclusive = false, heading = "CSV column mapping of transaction files (as in cxm import; customer,"
            + " time and amount are read):%n")
    CsvMappingOptions mapping = new CsvMappingOptions();

    /** Returns the unit {@code --unit} names. */
    ChronoUnit unit() {
        return chronoUnit("--unit", unit);
    }

    /** Reads the input file. */
    ClvInput load() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new CommandFailure("file not found: " + input);
        }
        List<String> header = ClvCsv.header(input, separator());
        if (header.contains("frequency") && header.contains("recency")) {
            return loadSummary(header);
        }
        return loadTransactions(header);
    }

    private ClvInput loadSummary(List<String> header) throws IOException {
        String ageColumn = header.contains("T") ? "T" : header.contains("periods") ? "periods" : null;
        if (ageColumn == null) {
            throw new CommandFailure(input + ": a summary CSV needs a T (or periods) column beside frequency and recency");
        }
        boolean withIds = header.contains("ID");
        boolean withSpend = header.contains("monetary_value");
        String weightColumn = header.contains("weights") ? "weights" : header.contains("weight") ? "weight" : null;
        List<String> ids = new ArrayList<>();
        RfmCells.Builder cells = RfmCells.builder(unit());
        ClvCsv.rows(input, separator(), (row, count) -> {
            String where = input + " line " + row.line();
            int frequency = integer(where, "frequency", row.get("frequency"));
            double recency = number(where, "recency", row.get("recency"));
            double age = number(where, ageColumn, row.get(ageColumn));
            OptionalDouble spend = OptionalDouble.empty();
            if (withSpend && !row.get("monetary_value").isEmpty()) {
                double value = number(where, "monetary_value", row.get("monetary_value"));
                if (frequency > 0 || value != 0) {
                    spend = OptionalDouble.of(value);
                }
            }
            double weight = weightColumn == null ? 1 : number(where, weightColumn, row.get(weightColumn));
            try {
                cells.add(frequency, recency, age, spend, weight);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(where + ": " + e.getMessage().replaceAll(" \\(row \\d+\\)", ""));
            }
            ids.add(withIds ? row.get("ID") : Long.toString(count));
        });
        RfmCells built = cells.build();
        if (built.size() == 0) {
            throw new CommandFailure(input + " has no customers; a summary CSV needs at least one row");
        }
        return new ClvInput(input.toString(), ids, built, Optional.empty());
    }

    private ClvInput loadTransactions(List<String> header) throws IOException {
        String customerColumn = column(header, mapping.customerColumn, "customer_id", "--customer-column", true);
        String timeColumn = column(header, mapping.timeColumn, "occurred_at", "--time-column", true);
        String amountColumn = column(header, mapping.amountColumn, "amount", "--amount-column", false);
        ZoneId zone = mapping.zone == null ? ZoneOffset.UTC : mapping.zone;
        DateTimeFormatter format = mapping.timeFormat == null ? ISO_FLEXIBLE
                : DateTimeFormatter.ofPattern(mapping.timeFormat, Locale.ROOT);
        LocalDate lastDay = calibrationEnd;
        if (lastDay == null) {
            Instant[] latest = {Instant.MIN};
            ClvCsv.rows(input, separator(), (row, count) -> {
                Instant at = time(input + " line " + row.line(), timeColumn, row.get(timeColumn), format, zone);
                if (at.isAfter(latest[0])) {
                    latest[0] = at;
                }
            });
            if (latest[0].equals(Instant.MIN)) {
                throw new CommandFailure(input + " has no transactions");
            }
            lastDay = LocalDate.ofInstant(latest[0], zone);
        }
        RfmSummaryOptions.Builder builder = RfmSummaryOptions.builder(startOfNextDay(lastDay, zone), unit()).zone(zone);
        if (holdoutEnd != null) {
            builder.holdoutEnd(startOfNextDay(holdoutEnd, zone));
        }
        if (purchasePeriod.strip().equalsIgnoreCase("none")) {
            builder.continuousTime();
        } else {
            builder.purchasePeriod(chronoUnit("--purchase-period", purchasePeriod));
        }
        RfmSummaryOptions options;
        try {
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        RfmSummarizer summarizer = RfmSummary.summarizer(options);
        ClvCsv.rows(input, separator(), (row, count) -> {
            String where = input + " line " + row.line();
            String customer = row.get(customerColumn);
            if (customer.isEmpty()) {
                throw new CommandFailure(where + ", column " + customerColumn + ": the customer id is empty");
            }
            Instant at = time(where, timeColumn, row.get(timeColumn), format, zone);
            if (amountColumn == null) {
                summarizer.add(CustomerId.of(customer), at);
            } else {
                double amount = number(where, amountColumn, row.get(amountColumn));
                if (amount < 0) {
                    throw new CommandFailure(where + ", column " + amountColumn + ": " + amount
                            + " is negative; an amount must be 0 or more");
                }
                summarizer.add(CustomerId.of(customer), at, amount);
            }
        });
        RfmSummary summary = summarizer.result();
        if (summary.customers().isEmpty()) {
            throw new CommandFailure(input + " has no customer whose first purchase is on or before " + lastDay);
        }
        List<String> ids = summary.customers().stream().map(c -> c.customerId().value()).toList();
        return new ClvInput(input.toString(), ids, summary.cells(), Optional.of(summary));
    }

    /** Returns the instant a day ends at (exclusive): the start of the next day in the zone. */
    static Instant startOfNextDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private char separator() {
        return mapping.separator == null ? ',' : mapping.separator;
    }

    private String column(List<String> header, String given, String fallback, String option, boolean needed) {
        String name = given == null ? fallback : given.strip();
        if (header.contains(name)) {
            return name;
        }
        if (given != null || needed) {
            throw new CommandFailure(input + ": the header has no column '" + name + "'"
                    + (given == null ? " (name it with " + option + ")" : "") + "; it has " + String.join(", ", header));
        }
        return null;
    }

    static ChronoUnit chronoUnit(String option, String text) {
        try {
            return ChronoUnit.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(option + ": '" + text + "' is not a time unit; use hours, days, weeks, months or years");
        }
    }

    private static Instant time(String where, String column, String text, DateTimeFormatter format, ZoneId zone) {
        try {
            TemporalAccessor parsed = format.parseBest(text, ZonedDateTime::from, OffsetDateTime::from,
                    LocalDateTime::from, LocalDate::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            if (parsed instanceof LocalDateTime local) {
                return local.atZone(zone).toInstant();
            }
            return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandFailure(where + ", column " + column + ": '" + text + "' is not a date or date-time"
                    + " (set --time-format for a pattern such as yyyyMMdd)");
        }
    }

    private static double number(String where, String column, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CommandFailure(where + ", column " + column + ": '" + text + "' is not a number");
        }
    }

    private static int integer(String where, String column, String text) {
        double value = number(where, column, text);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new CommandFailure(where + ", column " + column + ": " + text + " is not an integer; frequency"
                    + " counts repeat purchases");
        }
        return (int) value;
    }
}
