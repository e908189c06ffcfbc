package dev.cxm.examples.cli.clv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.EventSink;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.Purchase;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.metrics.clv.rfm.RfmSummarizer;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

/**
 * Summarises a transaction CSV into the RFM rows {@code cxm clv} fits. The file is read by cxm-core's CSV
 * importer, so its cells follow the rules of {@code cxm import}, and streamed into the library's
 * {@link RfmSummarizer}, twice without holding the rows when the calibration end is not given: the first
 * pass finds the last purchase, which sets it. A bad row stops the command, naming its line and column.
 *
 * <p>What a row is depends on the file (see {@link Kind}).
 *
 * @param input the file
 * @param kind how its rows are read
 * @param mapping the importer's column mapping for that kind
 */
record ClvTransactionFile(Path input, Kind kind, CsvColumnMapping mapping) {

    /** How the rows of a transaction file are read. */
    enum Kind {
        /**
         * A file of events of every kind (it has a type column, and {@code --type} is not given): every row must
         * be a valid event, as {@code cxm import} reads it; its purchases are summarised with their amounts.
         */
        EVENTS,
        /** One purchase per row, with an amount (in one currency, if the file has a currency column). */
        PURCHASES,
        /**
         * One purchase per row without an amount: a cxm purchase event carries an amount, so each row is read as
         * an event of its customer at its time (an interaction at the touchpoint {@code purchase}) and counts as
         * a purchase without amount, for the purchase-count models.
         */
        PURCHASE_TIMES
    }

    /** Whether the summary has amounts. */
    boolean withAmounts() {
        return kind != Kind.PURCHASE_TIMES;
    }

    /**
     * Reads and summarises the file.
     *
     * @param lastCalibrationDay the last day of calibration, or empty for the last complete purchase period up
     *     to the day of the last purchase
     * @param lastHoldoutDay the last day of a holdout period, if any
     * @param zone the zone days are cut in
     * @param unit the unit of recency and T
     * @param purchasePeriod the period whose purchases merge into one, or empty for continuous time
     */
    ClvInput read(Optional<LocalDate> lastCalibrationDay, Optional<LocalDate> lastHoldoutDay, ZoneId zone,
            ChronoUnit unit, Optional<ChronoUnit> purchasePeriod) throws IOException {
        LocalDate lastDay;
        if (lastCalibrationDay.isPresent()) {
            lastDay = lastCalibrationDay.get();
        } else {
            Instant[] latest = {Instant.MIN};
            stream(event -> {
                if (isPurchase(event) && event.occurredAt().isAfter(latest[0])) {
                    latest[0] = event.occurredAt();
                }
            });
            if (latest[0].equals(Instant.MIN)) {
                throw new CommandFailure(input + " has no transactions");
            }
            lastDay = ClvInputOptions.lastCompletePeriod(LocalDate.ofInstant(latest[0], zone), purchasePeriod);
        }
        // The command line names the last day included; the library's LocalDate options mean the same.
        RfmSummaryOptions.Builder builder = RfmSummaryOptions.custom(lastDay, zone, unit);
        lastHoldoutDay.ifPresent(builder::lastHoldoutDay);
        purchasePeriod.ifPresentOrElse(builder::purchasePeriod, builder::continuousTime);
        RfmSummaryOptions options;
        try {
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        RfmSummarizer summarizer = RfmSummarizer.of(options);
        stream(event -> {
            if (!isPurchase(event)) {
                return;
            }
            if (event instanceof Purchase purchase && withAmounts()) {
                summarizer.add(purchase);
            } else {
                summarizer.add(event.customerId(), event.occurredAt());
            }
        });
        RfmSummary summary = summarizer.result();
        if (summary.customers().isEmpty()) {
            throw new CommandFailure(input + " has no customer whose first purchase is on or before " + lastDay);
        }
        return new ClvInput(input.toString(), summary.cells(), Optional.of(summary));
    }

    private boolean isPurchase(CustomerEvent event) {
        return kind == Kind.PURCHASE_TIMES || event instanceof Purchase;
    }

    /** Imports the file into {@code sink}; a bad row stops the command before the sink takes anything. */
    private void stream(EventSink sink) throws IOException {
        ImportReport report = CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(sink, input);
        if (!report.applied() || !report.readToEnd()) {
            throw new CommandFailure(input + " " + report.rejected().get(0));
        }
    }
}
