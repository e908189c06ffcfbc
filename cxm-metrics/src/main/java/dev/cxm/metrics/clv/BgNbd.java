package dev.cxm.metrics.clv;

import dev.cxm.core.internal.Checks;

/**
 * Fits the BG/NBD model by maximum likelihood (see {@link BgNbdModel}).
 *
 * <pre>{@code
 * ModelFit<BgNbdModel> fit = BgNbd.fit(summary.cells());
 * BgNbdModel model = fit.requireModel();
 * double alive = model.probabilityAlive(customer);
 * }</pre>
 */
public final class BgNbd {

    private BgNbd() {}

    /** Fits the model to {@code cells} with the default options. */
    public static ModelFit<BgNbdModel> fit(RfmCells cells) {
        return fit(cells, FitOptions.defaults());
    }

    /** Fits the model to the customers of {@code summary}. */
    public static ModelFit<BgNbdModel> fit(RfmSummary summary) {
        return fit(summary.cells(), FitOptions.defaults());
    }

    /**
     * Fits the model to {@code cells}.
     *
     * @throws IllegalArgumentException when there are no rows, or nobody repeats a purchase (the model is
     *     then not identified)
     */
    public static ModelFit<BgNbdModel> fit(RfmCells cells, FitOptions options) {
        Checks.present("cells", cells);
        Checks.present("options", options);
        ModelFitter.requireRepeatPurchases("bg-nbd", cells);
        double rate = ModelFitter.meanRate(cells);
        return ModelFitter.fit("bg-nbd", cells, options, new double[] {1, 1 / rate, 1, 1},
                rows -> new BetaGeometricLikelihood(rows, 0),
                p -> new BgNbdModel(p[0], p[1], p[2], p[3], cells.unit()), ModelFitter.Extras.NONE);
    }
}
