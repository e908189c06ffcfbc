package dev.cxm.metrics.clv;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * The expected cumulative repeat purchases of a cohort over calendar time, to track a model against the
 * actual purchases (the tracking plots of Fader, Hardie &amp; Lee 2005, Figure 2).
 *
 * <p>Time runs from the end of calibration: a customer of age T made the first purchase at {@code -T}, so
 * at time {@code tau} (negative inside calibration, positive after it) the cohort's expected repeat
 * purchases are the sum over customers with {@code T + tau > 0} of {@code E[X(T + tau)]}. At {@code tau = 0}
 * this is the model's count of the calibration repeat purchases; at the end of a holdout period it adds the
 * holdout purchases.
 */
public final class TransactionTracking {

    private TransactionTracking() {}

    /**
     * Returns the expected cumulative repeat purchases of the customers of {@code cells} at each time in
     * {@code sinceCalibrationEnd} (in the model's unit).
     *
     * @param model the purchase model
     * @param cells the cohort, in the model's unit
     * @param sinceCalibrationEnd the times, negative inside calibration
     * @return the expected cumulative repeat purchases at each time
     */
    public static double[] expectedRepeatPurchases(PurchaseModel model, RfmCells cells, double[] sinceCalibrationEnd) {
        Checks.present("model", model);
        Checks.present("cells", cells);
        if (cells.unit() != model.unit()) {
            throw new IllegalArgumentException("cells: their unit " + cells.unit() + " differs from the model's "
                    + model.unit());
        }
        Map<Double, Double> weightByAge = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            weightByAge.merge(cells.age(i), cells.weight(i), Double::sum);
        }
        double[] expected = new double[sinceCalibrationEnd.length];
        for (int k = 0; k < expected.length; k++) {
            double tau = Checks.finite("time", sinceCalibrationEnd[k]);
            double sum = 0;
            for (Map.Entry<Double, Double> cohort : weightByAge.entrySet()) {
                double elapsed = cohort.getKey() + tau;
                if (elapsed > 0) {
                    sum += cohort.getValue() * model.expectedPurchases(elapsed);
                }
            }
            expected[k] = sum;
        }
        return expected;
    }
}
