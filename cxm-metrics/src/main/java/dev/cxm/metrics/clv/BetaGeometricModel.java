package dev.cxm.metrics.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BetaGeometricProcess;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * The one implementation of BG/NBD and MBG/NBD: both are purchases at rate {@code lambda ~ Gamma(r, alpha)}
 * while alive and drop-out with probability {@code p ~ Beta(a, b)} after each repeat purchase, MBG/NBD also
 * after the first purchase; {@link #dropOutsBeforeRepeats()} is the only difference ({@code k} of
 * {@link BetaGeometricProcess}). The records hold the parameters and validate them; the predictions are here.
 */
sealed interface BetaGeometricModel extends PurchaseModel permits BgNbdModel, MbgNbdModel {

    /**
     * Returns the shape of the purchase-rate distribution.
     *
     * @return r
     */
    double r();

    /**
     * Returns the rate of the purchase-rate distribution, in {@link #unit()}.
     *
     * @return alpha
     */
    double alpha();

    /**
     * Returns the first shape of the drop-out probability distribution.
     *
     * @return a
     */
    double a();

    /**
     * Returns the second shape of the drop-out probability distribution.
     *
     * @return b
     */
    double b();

    /**
     * Returns 1 when a customer may drop out right after the first purchase (MBG/NBD), else 0 (BG/NBD).
     *
     * @return the drop-out chances before the first repeat purchase
     */
    int dropOutsBeforeRepeats();

    @Override
    default Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("r", r());
        parameters.put("alpha", alpha());
        parameters.put("a", a());
        parameters.put("b", b());
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    default double expectedPurchases(double t) {
        return process().expectedPurchases(Checks.nonNegative("t", t));
    }

    @Override
    default double conditionalExpectedPurchases(double t, CustomerHistory customer) {
        Checks.present("customer", customer);
        return process().conditionalExpectedPurchases(Checks.nonNegative("t", t), customer.frequency(),
                customer.recency(), customer.age());
    }

    @Override
    default double[] conditionalExpectedPurchases(double[] horizons, CustomerHistory customer) {
        Checks.present("horizons", horizons);
        Checks.present("customer", customer);
        return process().conditionalExpectedPurchases(horizons, customer.frequency(), customer.recency(),
                customer.age());
    }

    @Override
    default double expectedPurchasesWhileAlive(double t, CustomerHistory customer) {
        Checks.present("customer", customer);
        return process().expectedWhileAlive(Checks.nonNegative("t", t), customer.frequency(), customer.age());
    }

    /**
     * {@inheritDoc} A customer without repeat purchases is alive for sure under BG/NBD (drop-out happens only
     * after a repeat purchase), not under MBG/NBD.
     */
    @Override
    default double probabilityAlive(CustomerHistory customer) {
        Checks.present("customer", customer);
        return process().probabilityAlive(customer.frequency(), customer.recency(), customer.age());
    }

    @Override
    default double probabilityOfPurchases(int count, double t) {
        Checks.nonNegative("count", count);
        return process().probabilityOfPurchases(count, Checks.nonNegative("t", t));
    }

    @Override
    default double logLikelihood(CustomerHistory customer) {
        Checks.present("customer", customer);
        return process().logLikelihood(customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * Simulates customers of the given ages (T, in {@link #unit()}) from the model: the repeat purchases each
     * makes up to its age, as cells of weight 1, reproducibly for a seed.
     *
     * @param ages the customers' ages, each finite and 0 or more
     * @param seed the seed of the random numbers
     * @return one anonymous row per customer
     */
    default RfmCells simulate(double[] ages, long seed) {
        for (double age : ages) {
            Checks.nonNegative("age", age);
        }
        return process().simulate(ages, seed, unit());
    }

    private BetaGeometricProcess process() {
        return new BetaGeometricProcess(r(), alpha(), a(), b(), dropOutsBeforeRepeats());
    }
}
