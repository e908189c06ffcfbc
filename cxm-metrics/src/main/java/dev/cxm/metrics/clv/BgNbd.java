package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BetaGeometricLikelihood;

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
        return BetaGeometricLikelihood.fit("bg-nbd", 0, cells.columns(), options, BgNbdModel::new);
    }
}
