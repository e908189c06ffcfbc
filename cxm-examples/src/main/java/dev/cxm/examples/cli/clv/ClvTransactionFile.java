package dev.cxm.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.RfmSummarizer;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

/**
 * Summarises a transaction CSV (one purchase per row: customer, time and, if the file has one, amount) into
 * the RFM rows {@code cxm clv} fits. A file of events of every kind (with a type column, {@code type} unless
 * {@code --type-column} names another) gives its {@code purchase} rows; the others are passed over. The rows are read in two passes without holding them: the first finds
 * the last purchase (which sets the default calibration end), the second summarises. A file without an
 * amount column works for the purchase-count models; the spend model and lifetime value need amounts.
 */
final class ClvTransactionFile {

    private ClvTransactionFile() {}

    /** Reads and summarises {@code input} as {@code settings} say. */
    static ClvInput read(Path input, char separator, ClvInputOptions.TransactionSettings settings) throws IOException {
        ZoneId zone = settings.zone();
        LocalDate lastDay;
        if (settings.lastCalibrationDay().isPresent()) {
            lastDay = settings.lastCalibrationDay().get();
        } else {
            Instant[] latest = {Instant.MIN};
            ClvCsv.rows(input, separator, (row, count) -> {
                if (!isPurchase(input + " line " + row.line(), row, settings)) {
                    return;
                }
                Instant at = time(input + " line " + row.line(), settings, row.get(settings.timeColumn()));
                if (at.isAfter(latest[0])) {
                    latest[0] = at;
                }
            });
            if (latest[0].equals(Instant.MIN)) {
                throw new CommandFailure(input + " has no transactions");
            }
            lastDay = ClvInputOptions.lastCompletePeriod(LocalDate.ofInstant(latest[0], zone),
                    settings.purchasePeriod());
        }
        // The command line names the last day included; the library's LocalDate options mean the same.
        RfmSummaryOptions.Builder builder = RfmSummaryOptions.custom(lastDay, zone, settings.unit());
        settings.lastHoldoutDay().ifPresent(builder::lastHoldoutDay);
        settings.purchasePeriod().ifPresentOrElse(builder::purchasePeriod, builder::continuousTime);
        RfmSummaryOptions options;
        try {
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        RfmSummarizer summarizer = RfmSummarizer.of(options);
        ClvCsv.rows(input, separator, (row, count) -> {
            String where = input + " line " + row.line();
            if (!isPurchase(where, row, settings)) {
                return;
            }
            String customer = row.get(settings.customerColumn());
            if (customer.isEmpty()) {
                throw new CommandFailure(where + ", column " + settings.customerColumn() + ": the customer id is empty");
            }
            Instant at = time(where, settings, row.get(settings.timeColumn()));
            if (settings.amountColumn().isEmpty()) {
                summarizer.add(CustomerId.of(customer), at);
            } else {
                String column = settings.amountColumn().get();
                double amount = ClvCsv.number(where, column, row.get(column));
                if (amount < 0) {
                    throw new CommandFailure(where + ", column " + column + ": negative; an amount must be 0 or more");
                }
                summarizer.add(CustomerId.of(customer), at, amount);
            }
        });
        RfmSummary summary = summarizer.result();
        if (summary.customers().isEmpty()) {
            throw new CommandFailure(input + " has no customer whose first purchase is on or before " + lastDay);
        }
        return new ClvInput(input.toString(), summary.cells(), Optional.of(summary));
    }

    /**
     * Returns whether a row is a purchase: every row is, unless the file has a type column; then its purchase
     * rows are, its interaction and feedback rows are passed over, and any other value stops the command.
     */
    private static boolean isPurchase(String where, ClvCsv.Row row, ClvInputOptions.TransactionSettings settings) {
        if (settings.typeColumn().isEmpty()) {
            return true;
        }
        String column = settings.typeColumn().get();
        String type = row.get(column).toLowerCase(Locale.ROOT);
        if (type.equals("purchase")) {
            return true;
        }
        if (type.equals("interaction") || type.equals("feedback")) {
            return false;
        }
        throw new CommandFailure(where + ", column " + column + ": not an event type; expected purchase,"
                + " interaction or feedback (with --type purchase every row is a purchase and the column is not read)");
    }

    private static Instant time(String where, ClvInputOptions.TransactionSettings settings, String text) {
        try {
            return settings.timestamps().parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(where + ", column " + settings.timeColumn() + ": the time " + e.getMessage()
                    + (settings.timePatternGiven() ? "" : " (set --time-format for another pattern, such as yyyyMMdd)"));
        }
    }
}
