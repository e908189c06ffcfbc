package dev.cxm.metrics.clv.rfm;

import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntPredicate;

import dev.cxm.core.internal.Checks;

/**
 * What a set of {@link RfmCells} adds up to: how many customers the rows stand for, how many of them bought
 * again and how often, and the weighted means of frequency, recency, T and repeat spend
 * ({@link RfmCells#totals()}). The means stay finite for any finite inputs: a sum that would overflow (times
 * near {@link Double#MAX_VALUE}) is taken again over values scaled by the largest, so the mean of 1e308 and
 * 1.5e308 is 1.25e308, not infinity.
 *
 * @param customers the sum of the weights
 * @param repeatCustomers the weight of the rows with a repeat purchase
 * @param repeatPurchases the weighted sum of the frequencies
 * @param meanFrequency the weighted mean frequency
 * @param meanRecency the weighted mean recency, in the cells' unit
 * @param meanAge the weighted mean T, in the cells' unit
 * @param meanMonetaryValue the weighted mean of the known repeat spends, if any row has one
 */
public record RfmTotals(double customers, double repeatCustomers, double repeatPurchases, double meanFrequency,
        double meanRecency, double meanAge, OptionalDouble meanMonetaryValue) {

    /**
     * Validates the totals.
     *
     * @param customers the sum of the weights
     * @param repeatCustomers the weight of the rows with a repeat purchase
     * @param repeatPurchases the weighted sum of the frequencies
     * @param meanFrequency the weighted mean frequency
     * @param meanRecency the weighted mean recency
     * @param meanAge the weighted mean T
     * @param meanMonetaryValue the weighted mean repeat spend, if known
     * @throws IllegalArgumentException naming the field when a value is negative or not finite
     */
    public RfmTotals {
        Checks.nonNegative("customers", customers);
        Checks.nonNegative("repeatCustomers", repeatCustomers);
        Checks.nonNegative("repeatPurchases", repeatPurchases);
        Checks.nonNegative("meanFrequency", meanFrequency);
        Checks.nonNegative("meanRecency", meanRecency);
        Checks.nonNegative("meanAge", meanAge);
        Checks.present("meanMonetaryValue", meanMonetaryValue);
        if (meanMonetaryValue.isPresent()) {
            Checks.nonNegative("meanMonetaryValue", meanMonetaryValue.getAsDouble());
        }
    }

    /** Returns the totals of {@code cells}, which must have a row. */
    static RfmTotals of(RfmCells cells) {
        if (cells.size() == 0) {
            throw new IllegalArgumentException("cells: no rows; totals need at least one customer");
        }
        IntPredicate every = row -> true;
        double customers = cells.totalWeight();
        if (!Double.isFinite(customers)) {
            throw new IllegalArgumentException("weight: the rows stand for more customers than a double holds;"
                    + " give smaller weights");
        }
        double repeatCustomers = 0;
        for (int row = 0; row < cells.size(); row++) {
            repeatCustomers += cells.frequency(row) > 0 ? cells.weight(row) : 0;
        }
        double meanFrequency = mean(cells, every, cells::frequency, customers);
        double repeatPurchases = meanFrequency * customers;
        if (!Double.isFinite(repeatPurchases)) {
            throw new IllegalArgumentException("frequency: the repeat purchases add up beyond what a double holds;"
                    + " give smaller weights");
        }
        IntPredicate withSpend = row -> cells.monetaryValue(row).isPresent();
        double spenders = 0;
        for (int row = 0; row < cells.size(); row++) {
            spenders += withSpend.test(row) ? cells.weight(row) : 0;
        }
        double spendersWeight = spenders;
        OptionalDouble meanSpend = spenders > 0
                ? OptionalDouble.of(mean(cells, withSpend, row -> cells.monetaryValue(row).getAsDouble(),
                        spendersWeight))
                : OptionalDouble.empty();
        return new RfmTotals(customers, repeatCustomers, repeatPurchases, meanFrequency,
                mean(cells, every, cells::recency, customers), mean(cells, every, cells::age, customers), meanSpend);
    }

    /**
     * Returns the weighted mean of {@code value} over the rows {@code included}, whose weights sum to
     * {@code weight}: the plain sum divided, or, where that sum overflows, the sum of the values divided by
     * the largest, which cannot, times the largest. The values are 0 or more.
     */
    private static double mean(RfmCells cells, IntPredicate included, IntToDoubleFunction value, double weight) {
        double sum = 0;
        double largest = 0;
        for (int row = 0; row < cells.size(); row++) {
            if (included.test(row)) {
                double x = value.applyAsDouble(row);
                sum += cells.weight(row) * x;
                largest = Math.max(largest, x);
            }
        }
        if (Double.isFinite(sum)) {
            return sum / weight;
        }
        double scaled = 0;
        for (int row = 0; row < cells.size(); row++) {
            if (included.test(row)) {
                scaled += cells.weight(row) / weight * (value.applyAsDouble(row) / largest);
            }
        }
        return Math.min(scaled, 1) * largest;
    }
}
