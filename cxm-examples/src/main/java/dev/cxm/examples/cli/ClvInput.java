package dev.cxm.examples.cli;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

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

    /** Returns the time unit of every recency and T. */
    ChronoUnit unit() {
        return cells.unit();
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
