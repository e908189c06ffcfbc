package dev.cxm.metrics.churn;

import dev.cxm.core.internal.Checks;

/**
 * One customer of an at-risk ranking.
 *
 * @param rank the position in the ranking, from 1
 * @param outlook the customer's P(alive) and value
 * @param valueAtRisk value * (1 - P(alive)), what the ranking is ordered by
 */
public record AtRiskCustomer(int rank, CustomerOutlook outlook, double valueAtRisk) {

    /** Validates the entry. */
    public AtRiskCustomer {
        if (rank < 1) {
            throw new IllegalArgumentException("rank: " + rank + " is below 1");
        }
        Checks.present("outlook", outlook);
    }
}
