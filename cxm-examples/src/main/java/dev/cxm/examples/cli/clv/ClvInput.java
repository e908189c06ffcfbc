package dev.cxm.examples.cli.clv;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.UnitNames;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSummary;

/**
 * The customers {@code cxm clv} works on: one row per customer, as cells in a time unit (with the customers'
 * ids when the input has them), and the RFM summary when they were summarised from transactions here.
 *
 * @param source what the rows came from, for messages
 * @param cells the rows
 * @param summary the summary, when built from a transaction file
 */
record ClvInput(String source, RfmCells cells, Optional<RfmSummary> summary) {

    /** Returns the time unit of every recency and T. */
    ChronoUnit unit() {
        return cells.unit();
    }

    /** Returns the unit's command-line name, such as {@code weeks}. */
    String unitName() {
        return UnitNames.name(unit());
    }

    /** Returns the customer id of row {@code row}, or its number (from 1) when the input has no ids. */
    String id(int row) {
        return cells.customerId(row).map(id -> id.value()).orElse(Long.toString(row + 1L));
    }

    /**
     * Runs {@code work} on these rows, turning a model's refusal of a row (which names the customer, or the
     * row of a file without ids) into a failure naming the input.
     */
    <T> T located(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException refused) {
            throw new CommandFailure(source + ": " + refused.getMessage());
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
