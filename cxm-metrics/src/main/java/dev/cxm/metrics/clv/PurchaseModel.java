package dev.cxm.metrics.clv;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A fitted model of when customers buy and when they silently stop: BG/NBD, MBG/NBD or Pareto/NBD. It
 * answers how many purchases to expect and whether a customer is still alive.
 *
 * <p>Frequency, recency and T (the customer's age) are in the model's {@link #unit()}, as in the
 * {@link RfmSummary} it was fitted on; horizons are {@link Duration}s, or plain numbers of {@link #unit()}s
 * where the method says so. A model in {@code MONTHS} or {@code YEARS} converts a {@link Duration} at the
 * unit's average length (a month 30.436875 days, a year 365.2425 days).
 */
public sealed interface PurchaseModel permits BetaGeometricModel, ParetoNbdModel {

    /** Returns the model's short name: {@code bg-nbd}, {@code mbg-nbd} or {@code pareto-nbd}. */
    String name();

    /** Returns the time unit of the data the model was fitted on, and of its rates. */
    ChronoUnit unit();

    /** Returns the parameters, named as in the papers, in the papers' order. */
    Map<String, Double> parameters();

    /** Returns the expected number of repeat purchases of a new customer in the first {@code t} units. */
    double expectedPurchases(double t);

    /** Returns the expected number of repeat purchases of a new customer within {@code horizon}. */
    default double expectedPurchases(Duration horizon) {
        return expectedPurchases(TimeUnits.inUnits(horizon, unit()));
    }

    /**
     * Returns the expected number of purchases in the next {@code t} units of a customer with the given
     * history (frequency, recency, T: the conditional expectation of the papers).
     */
    double conditionalExpectedPurchases(double t, int frequency, double recency, double age);

    /**
     * Returns the expected cumulative purchases of a customer with the given history at each of
     * {@code horizons} (in units, after the end of calibration): the tracking curve of one customer, and
     * what lifetime value discounts period by period.
     */
    default double[] conditionalExpectedPurchases(double[] horizons, int frequency, double recency, double age) {
        double[] expected = new double[horizons.length];
        for (int i = 0; i < horizons.length; i++) {
            expected[i] = conditionalExpectedPurchases(horizons[i], frequency, recency, age);
        }
        return expected;
    }

    /**
     * Returns the expected purchases in the next {@code t} units of a customer with {@code frequency} repeat
     * purchases and age T who is alive now: the conditional expectation is {@code probabilityAlive} times this,
     * which depends on the history only through frequency and T.
     */
    double expectedPurchasesWhileAlive(double t, int frequency, double age);

    /** Returns the expected number of purchases within {@code horizon} after calibration of {@code customer}. */
    default double conditionalExpectedPurchases(Duration horizon, CustomerSummary customer) {
        return conditionalExpectedPurchases(TimeUnits.inUnits(horizon, unit()), customer.frequency(),
                customer.recency(), customer.age());
    }

    /**
     * Returns the probability that a customer with {@code frequency} repeat purchases, the last
     * {@code recency} after the first and {@code age} (T) since the first, is still alive at T.
     */
    double probabilityAlive(int frequency, double recency, double age);

    /** Returns the probability that {@code customer} is still alive at the end of calibration. */
    default double probabilityAlive(CustomerSummary customer) {
        return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
    }

    /** Returns the probability that a new customer makes exactly {@code count} repeat purchases in {@code t} units. */
    double probabilityOfPurchases(int count, double t);

    /** Returns the probability that a new customer makes exactly {@code count} repeat purchases within {@code horizon}. */
    default double probabilityOfPurchases(int count, Duration horizon) {
        return probabilityOfPurchases(count, TimeUnits.inUnits(horizon, unit()));
    }

    /** Returns the log-likelihood of one customer's history under the model. */
    double logLikelihood(int frequency, double recency, double age);

    /** Returns the log-likelihood of every row of {@code cells} (weighted) under the model. */
    default double logLikelihood(RfmCells cells) {
        if (cells.unit() != unit()) {
            throw new IllegalArgumentException("cells: their unit " + cells.unit() + " differs from the model's "
                    + unit());
        }
        double sum = 0;
        for (int i = 0; i < cells.size(); i++) {
            sum += cells.weight(i) * logLikelihood(cells.frequency(i), cells.recency(i), cells.age(i));
        }
        return sum;
    }
}
