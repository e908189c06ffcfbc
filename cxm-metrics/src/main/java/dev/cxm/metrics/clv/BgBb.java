package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BgBbLikelihood;
import dev.cxm.metrics.clv.internal.ModelFitter;

/**
 * Fits the BG/BB model (see {@link BgBbModel}) by maximum likelihood. Identical histories are merged into
 * weighted cells first (discrete data have few distinct ones), so a fit costs the same for a thousand
 * customers or a million.
 *
 * <pre>{@code
 * ModelFit<BgBbModel> fit = BgBb.fit(donationCells);
 * }</pre>
 */
public final class BgBb {

    private BgBb() {}

    /** Fits the model to {@code cells} with the default options. */
    public static ModelFit<BgBbModel> fit(RfmCells cells) {
        return fit(cells, FitOptions.defaults());
    }

    /**
     * Fits the model to {@code cells}, whose recency and T count whole opportunities.
     *
     * @throws IllegalArgumentException when a recency or T is not a whole number, a frequency exceeds its
     *     recency, there are no rows, or nobody repeats
     */
    public static ModelFit<BgBbModel> fit(RfmCells cells, FitOptions options) {
        Checks.present("cells", cells);
        Checks.present("options", options);
        ModelFitter.requireRepeatPurchases("bg-bb", cells.columns());
        for (int i = 0; i < cells.size(); i++) {
            requireWhole("recency", cells.recency(i), i);
            requireWhole("T", cells.age(i), i);
            try {
                BgBbModel.requireHistory(cells.frequency(i), (int) cells.recency(i), (int) cells.age(i));
            } catch (IllegalArgumentException impossible) {
                throw new IllegalArgumentException(impossible.getMessage() + " (row " + (i + 1) + ")", impossible);
            }
        }
        return ModelFitter.fit("bg-bb", cells.compress().columns(), options, new double[] {1, 1, 1, 1},
                BgBbLikelihood::new, p -> new BgBbModel(p[0], p[1], p[2], p[3], cells.unit()), ModelFitter.Extras.NONE);
    }

    private static void requireWhole(String field, double value, int row) {
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": " + value + " is not a whole number of opportunities (row "
                    + (row + 1) + "); BG/BB counts discrete opportunities");
        }
    }
}
