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

    /**
     * Validates the entry: its value at risk is its outlook's.
     *
     * @param rank the position in the ranking, from 1
     * @param outlook the customer's P(alive) and value
     * @param valueAtRisk value * (1 - P(alive)); must equal {@code outlook.valueAtRisk()} exactly
     * @throws IllegalArgumentException if {@code rank} is below 1 or {@code valueAtRisk} is not the outlook's
     */
    public AtRiskCustomer {
        if (rank < 1) {
            throw new IllegalArgumentException("rank: " + rank + " is below 1");
        }
        Checks.present("outlook", outlook);
        if (Double.compare(valueAtRisk, outlook.valueAtRisk()) != 0) {
            throw new IllegalArgumentException("valueAtRisk: " + valueAtRisk + " of customer " + outlook.customer()
                    + " is not value * (1 - P(alive)) = " + outlook.valueAtRisk() + " of its outlook");
        }
    }

    /**
     * Returns the entry of {@code outlook} at {@code rank}, with the value at risk its outlook gives.
     *
     * @param rank the position in the ranking, from 1 (the largest value at risk)
     * @param outlook the customer's P(alive) and value
     * @return the entry
     * @throws IllegalArgumentException if {@code rank} is below 1
     */
    public static AtRiskCustomer of(int rank, CustomerOutlook outlook) {
        return new AtRiskCustomer(rank, outlook, Checks.present("outlook", outlook).valueAtRisk());
    }
}
