package dev.cxm.metrics.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.Arguments;
import dev.cxm.metrics.clv.internal.BetaGeometricProcess;

/**
 * The one implementation of BG/NBD and MBG/NBD: both are purchases at rate {@code lambda ~ Gamma(r, alpha)}
 * while alive and drop-out with probability {@code p ~ Beta(a, b)} after each repeat purchase, MBG/NBD also
 * after the first purchase; {@link #dropOutsBeforeRepeats()} is the only difference ({@code k} of
 * {@link BetaGeometricProcess}). The records hold the parameters and validate them; the predictions are here.
 */
sealed interface BetaGeometricModel extends PurchaseModel permits BgNbdModel, MbgNbdModel {

    /** Returns the shape of the purchase-rate distribution. */
    double r();

    /** Returns the rate of the purchase-rate distribution, in {@link #unit()}. */
    double alpha();

    /** Returns the first shape of the drop-out probability distribution. */
    double a();

    /** Returns the second shape of the drop-out probability distribution. */
    double b();

    /** Returns 1 when a customer may drop out right after the first purchase (MBG/NBD), else 0 (BG/NBD). */
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
        return process().expectedPurchases(Arguments.nonNegative("t", t));
    }

    @Override
    default double conditionalExpectedPurchases(double t, int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().conditionalExpectedPurchases(Arguments.nonNegative("t", t), frequency, recency, age);
    }

    @Override
    default double[] conditionalExpectedPurchases(double[] horizons, int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().conditionalExpectedPurchases(horizons, frequency, recency, age);
    }

    @Override
    default double expectedPurchasesWhileAlive(double t, int frequency, double age) {
        Checks.nonNegative("frequency", frequency);
        return process().expectedWhileAlive(Arguments.nonNegative("t", t), frequency, Arguments.nonNegative("age", age));
    }

    @Override
    default double probabilityAlive(int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().probabilityAlive(frequency, recency, age);
    }

    @Override
    default double probabilityOfPurchases(int count, double t) {
        Checks.nonNegative("count", count);
        return process().probabilityOfPurchases(count, Arguments.nonNegative("t", t));
    }

    @Override
    default double logLikelihood(int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().logLikelihood(frequency, recency, age);
    }

    /**
     * Simulates customers of the given ages (T, in {@link #unit()}) from the model: the repeat purchases each
     * makes up to its age, as cells of weight 1, reproducibly for a seed.
     */
    default RfmCells simulate(double[] ages, long seed) {
        for (double age : ages) {
            Arguments.nonNegative("age", age);
        }
        return process().simulate(ages, seed, unit());
    }

    private BetaGeometricProcess process() {
        return new BetaGeometricProcess(r(), alpha(), a(), b(), dropOutsBeforeRepeats());
    }
}
