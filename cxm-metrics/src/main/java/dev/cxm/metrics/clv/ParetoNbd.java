package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.ModelFitter;
import dev.cxm.metrics.clv.internal.ParetoNbdLikelihood;

/**
 * Fits the Pareto/NBD model by maximum likelihood (see {@link ParetoNbdModel}), with analytic gradient and
 * Hessian.
 *
 * <p>The likelihood's drop-out term is an integral usually written with a Gauss hypergeometric function
 * whose series terms grow without bound as the frequency grows (the overflow Python's lifetimes is known
 * for). Here it is computed in a form whose series has only shrinking positive terms, in log space, so a
 * customer with ten thousand purchases is as safe as one with none.
 *
 * <pre>{@code
 * ModelFit<ParetoNbdModel> fit = ParetoNbd.fit(summary.cells());
 * }</pre>
 */
public final class ParetoNbd {

    private ParetoNbd() {}

    /** Fits the model to {@code cells} with the default options. */
    public static ModelFit<ParetoNbdModel> fit(RfmCells cells) {
        return fit(cells, FitOptions.defaults());
    }

    /** Fits the model to the customers of {@code summary}. */
    public static ModelFit<ParetoNbdModel> fit(RfmSummary summary) {
        return fit(summary.cells(), FitOptions.defaults());
    }

    /**
     * Fits the model to {@code cells}.
     *
     * @throws IllegalArgumentException when there are no rows, or nobody repeats a purchase
     */
    public static ModelFit<ParetoNbdModel> fit(RfmCells cells, FitOptions options) {
        Checks.present("cells", cells);
        Checks.present("options", options);
        ModelFitter.requireRepeatPurchases("pareto-nbd", cells.columns());
        double rate = ModelFitter.meanRate(cells.columns());
        double meanAge = 0;
        for (int i = 0; i < cells.size(); i++) {
            meanAge += cells.weight(i) * cells.age(i);
        }
        meanAge = Math.max(meanAge / cells.totalWeight(), 1e-6);
        return ModelFitter.fit("pareto-nbd", cells.columns(), options, new double[] {1, 1 / rate, 1, meanAge},
                ParetoNbdLikelihood::new, p -> new ParetoNbdModel(p[0], p[1], p[2], p[3], cells.unit()),
                ModelFitter.Extras.NONE);
    }
}
