package dev.cxm.examples.cli;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cxm.metrics.clv.RfmCells;
import dev.cxm.metrics.clv.RfmSummary;

/**
 * The customers {@code cxm clv} works on: one row per customer with its id, as cells in a time unit, and
 * the RFM summary when they were summarised from transactions here.
 *
 * @param source what the rows came from, for messages
 * @param ids the customer id of each row (row numbers when a summary file has no ID column)
 * @param cells the rows
 * @param summary the summary, when built from a transaction file
 */
record ClvInput(String source, List<String> ids, RfmCells cells, Optional<RfmSummary> summary) {

    private static final Pattern ROW = Pattern.compile("\\brow (\\d{1,9})\\b");

    /** Returns the time unit of every recency and T. */
    ChronoUnit unit() {
        return cells.unit();
    }

    /**
     * Returns {@code message} with each "row N" (the N-th of these rows, as the models count them) naming that
     * row's customer instead, so that a user can find it in the file.
     */
    String locate(String message) {
        Matcher row = ROW.matcher(message);
        StringBuilder located = new StringBuilder();
        while (row.find()) {
            int index = Integer.parseInt(row.group(1)) - 1;
            String customer = index >= 0 && index < ids.size() ? "customer " + ids.get(index) : row.group();
            row.appendReplacement(located, Matcher.quoteReplacement(customer));
        }
        row.appendTail(located);
        return located.toString();
    }

    /** Runs {@code work} on these rows, turning a model's refusal of a row into a failure naming its customer. */
    <T> T located(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException refused) {
            throw new CommandFailure(source + ": " + locate(String.valueOf(refused.getMessage())));
        }
    }

    /** Returns whether every repeat buyer has a mean spend. */
    boolean hasSpend() {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.frequency(i) > 0 && cells.monetaryValue(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
