package dev.cxm.metrics.clv;

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
        return BetaGeometricLikelihood.fit("bg-nbd", 0, cells, options, BgNbdModel::new);
    }
}
