package dev.cxm.metrics.clv;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * A fitted model of when customers buy and when they silently stop: BG/NBD, MBG/NBD, Pareto/NBD, or BG/BB
 * for discrete opportunities. It answers, for a new customer or one with a known history, how many purchases
 * to expect and whether the customer is still alive.
 *
 * <p><b>P(alive)</b> means one thing on every model: the probability that the customer is alive at the end
 * of the calibration period (at T, "now"), given the history. BG/BB's "alive at the next opportunity" is
 * {@link BgBbModel#probabilityAliveAtNextOpportunity}.
 *
 * <p>A customer's history is a {@link CustomerHistory} (a {@code CustomerSummary} is one) in the model's
 * {@link #unit()}, as in the summary it was fitted on, so that a horizon cannot take a recency's place.
 * Horizons are {@link Duration}s, or plain numbers of {@link #unit()}s where the method says so. A model in
 * {@code MONTHS} or {@code YEARS} converts a {@link Duration} at the unit's average length (a month
 * 30.436875 days, a year 365.2425 days). BG/BB counts whole opportunities: its horizons and histories must be
 * whole numbers of its unit.
 */
public sealed interface PurchaseModel permits BetaGeometricModel, ParetoNbdModel, BgBbModel {

    /**
     * Returns the model's short name: {@code bg-nbd}, {@code mbg-nbd}, {@code pareto-nbd} or {@code bg-bb}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the time unit of the data the model was fitted on, and of its rates.
     *
     * @return the unit
     */
    ChronoUnit unit();

    /**
     * Returns the parameters, named as in the papers, in the papers' order.
     *
     * @return the parameters by name
     */
    Map<String, Double> parameters();

    /**
     * Returns the expected number of repeat purchases of a new customer in the first {@code t} units.
     *
     * @param t the time since the first purchase, in {@link #unit()}; 0 or more
     * @return E[X(t)]
     */
    double expectedPurchases(double t);

    /**
     * Returns the expected number of repeat purchases of a new customer within {@code horizon}.
     *
     * @param horizon the time since the first purchase
     * @return E[X(horizon)]
     */
    default double expectedPurchases(Duration horizon) {
        return expectedPurchases(TimeUnits.inUnits(Checks.present("horizon", horizon), unit()));
    }

    /**
     * Returns the expected number of purchases in the next {@code t} units after the end of calibration of a
     * customer with the given history: the conditional expectation of the papers.
     *
     * @param t the horizon after the end of calibration, in {@link #unit()}; 0 or more
     * @param customer the customer's history
     * @return E[X(T, T + t) | x, t_x, T]
     */
    double conditionalExpectedPurchases(double t, CustomerHistory customer);

    /**
     * Returns the expected number of purchases within {@code horizon} after the end of calibration of a
     * customer with the given history.
     *
     * @param horizon the horizon after the end of calibration
     * @param customer the customer's history
     * @return E[X(T, T + horizon) | x, t_x, T]
     */
    default double conditionalExpectedPurchases(Duration horizon, CustomerHistory customer) {
        return conditionalExpectedPurchases(TimeUnits.inUnits(Checks.present("horizon", horizon), unit()), customer);
    }

    /**
     * Returns the expected cumulative purchases of a customer with the given history at each of
     * {@code horizons} (in units, after the end of calibration): the tracking curve of one customer, and
     * what lifetime value discounts period by period.
     *
     * @param horizons the horizons, in {@link #unit()}, each 0 or more
     * @param customer the customer's history
     * @return the conditional expectation at each horizon
     */
    default double[] conditionalExpectedPurchases(double[] horizons, CustomerHistory customer) {
        double[] expected = new double[Checks.present("horizons", horizons).length];
        for (int i = 0; i < horizons.length; i++) {
            expected[i] = conditionalExpectedPurchases(horizons[i], customer);
        }
        return expected;
    }

    /**
     * Returns the expected purchases in the next {@code t} units of a customer with this history who is alive
     * at the end of calibration: the conditional expectation is {@link #probabilityAlive} times this, which
     * depends on the history only through the frequency and T.
     *
     * @param t the horizon after the end of calibration, in {@link #unit()}; 0 or more
     * @param customer the customer's history (its recency is not read)
     * @return E[X(T, T + t) | x, T, alive at T]
     */
    double expectedPurchasesWhileAlive(double t, CustomerHistory customer);

    /**
     * Returns the probability that a customer with this history is still alive at the end of calibration
     * (at T, "now"): the same meaning on every model.
     *
     * @param customer the customer's history
     * @return P(alive at T | x, t_x, T), from 0 to 1
     */
    double probabilityAlive(CustomerHistory customer);

    /**
     * Returns the probability that a new customer makes exactly {@code count} repeat purchases in {@code t}
     * units.
     *
     * @param count the number of repeat purchases, 0 or more
     * @param t the time since the first purchase, in {@link #unit()}; 0 or more
     * @return P(X(t) = count)
     */
    double probabilityOfPurchases(int count, double t);

    /**
     * Returns the probability that a new customer makes exactly {@code count} repeat purchases within
     * {@code horizon}.
     *
     * @param count the number of repeat purchases, 0 or more
     * @param horizon the time since the first purchase
     * @return P(X(horizon) = count)
     */
    default double probabilityOfPurchases(int count, Duration horizon) {
        return probabilityOfPurchases(count, TimeUnits.inUnits(Checks.present("horizon", horizon), unit()));
    }

    /**
     * Returns the log-likelihood of one customer's history under the model.
     *
     * @param customer the customer's history
     * @return the log-likelihood
     */
    double logLikelihood(CustomerHistory customer);

    /**
     * Returns the log-likelihood of every row of {@code cells} (weighted) under the model.
     *
     * @param cells the customers, in the model's unit
     * @return the sum of the rows' weighted log-likelihoods
     * @throws IllegalArgumentException when the cells' unit is not the model's
     */
    default double logLikelihood(RfmCells cells) {
        Checks.present("cells", cells);
        if (cells.unit() != unit()) {
            throw new IllegalArgumentException("cells: their unit " + cells.unit() + " differs from the model's "
                    + unit());
        }
        double sum = 0;
        for (int i = 0; i < cells.size(); i++) {
            sum += cells.weight(i) * logLikelihood(cells.history(i));
        }
        return sum;
    }
}
