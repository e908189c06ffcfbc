package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BetaGeometricLikelihood;

/**
 * Fits the MBG/NBD model by maximum likelihood (see {@link MbgNbdModel}).
 *
 * <pre>{@code
 * ModelFit<MbgNbdModel> fit = MbgNbd.fit(summary.cells());
 * MbgNbdModel model = fit.requireModel();
 * double alive = model.probabilityAlive(customer);
 * }</pre>
 */
public final class MbgNbd {

    private MbgNbd() {}

    /** Fits the model to {@code cells} with the default options. */
    public static ModelFit<MbgNbdModel> fit(RfmCells cells) {
        return fit(cells, FitOptions.defaults());
    }

    /** Fits the model to the customers of {@code summary}. */
    public static ModelFit<MbgNbdModel> fit(RfmSummary summary) {
        return fit(summary.cells(), FitOptions.defaults());
    }

    /**
     * Fits the model to {@code cells}.
     *
     * @throws IllegalArgumentException when there are no rows, or nobody repeats a purchase (the model is
     *     then not identified)
     */
    public static ModelFit<MbgNbdModel> fit(RfmCells cells, FitOptions options) {
        Checks.present("cells", cells);
        Checks.present("options", options);
        return BetaGeometricLikelihood.fit("mbg-nbd", 1, cells.columns(), options, MbgNbdModel::new);
    }
}
