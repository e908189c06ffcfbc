package dev.cxm.metrics.clv;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.ModelFitter;
import dev.cxm.metrics.clv.internal.ParetoNbdLikelihood;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Fits the Pareto/NBD model by maximum likelihood (see {@link ParetoNbdModel}), with analytic gradient and
 * Hessian: a configured fitter, immutable, with value {@code equals}, {@code hashCode} and {@code toString}.
 *
 * <p>The likelihood's drop-out term is an integral usually written with a Gauss hypergeometric function
 * whose series terms grow without bound as the frequency grows (the overflow Python's lifetimes is known
 * for). Here it is computed in a form whose series has only shrinking positive terms, in log space, so a
 * customer with ten thousand purchases is as safe as one with none.
 *
 * <pre>{@code
 * ModelFit<ParetoNbdModel> fit = ParetoNbd.ofDefaults().fit(summary);
 * ParetoNbdModel model = fit.requireModel();
 * double alive = model.probabilityAlive(customer);
 * ModelFit<ParetoNbdModel> penalised = ParetoNbd.custom().l2Penalty(1e-3).build().fit(cells);
 * }</pre>
 *
 * @param options how the model is fitted
 */
public record ParetoNbd(FitOptions options) implements PurchaseModelFitter<ParetoNbdModel> {

    private static final ParetoNbd DEFAULTS = new ParetoNbd(FitOptions.ofDefaults());

    /**
     * Validates the fitter.
     *
     * @param options how the model is fitted
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public ParetoNbd {
        Checks.present("options", options);
    }

    /**
     * Returns the fitter with the default options ({@link FitOptions#ofDefaults()}).
     *
     * @return the fitter
     */
    public static ParetoNbd ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a fitter from the default options.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(FitOptions.ofDefaults());
    }

    /**
     * Starts a fitter from {@code base}.
     *
     * @param base the fitter whose options the builder starts with
     * @return the builder
     */
    public static Builder from(ParetoNbd base) {
        return new Builder(Checks.present("base", base).options);
    }

    /**
     * Returns {@code pareto-nbd}.
     *
     * @return the model's short name
     */
    @Override
    public String modelName() {
        return "pareto-nbd";
    }

    /**
     * Fits the model to {@code cells}. Data where nobody repeats a purchase (or no data) do not identify the
     * model: the fit then has {@code converged == false} and says so in its problem.
     *
     * @param cells the customers, or cells of identical customers
     * @return the fit, in the cells' unit
     */
    @Override
    public ModelFit<ParetoNbdModel> fit(RfmCells cells) {
        Checks.present("cells", cells);
        CellColumns columns = CellAccess.columns(cells);
        java.util.Optional<String> unidentified = ModelFitter.unidentifiedPurchases("pareto-nbd", columns);
        if (unidentified.isPresent()) {
            return ModelFitter.notIdentified("pareto-nbd", unidentified.get(), ModelFitter.Extras.NONE);
        }
        double rate = ModelFitter.meanRate(columns);
        double meanAge = 0;
        for (int i = 0; i < columns.size(); i++) {
            meanAge += columns.weight(i) * columns.age(i);
        }
        meanAge = Math.max(meanAge / columns.totalWeight(), 1e-6);
        return ModelFitter.fit("pareto-nbd", columns, options, new double[] {1, 1 / rate, 1, meanAge},
                ParetoNbdLikelihood::new, p -> new ParetoNbdModel(p[0], p[1], p[2], p[3], cells.unit()),
                ModelFitter.Extras.NONE);
    }

    /** Builds a {@link ParetoNbd}; each setter rejects a bad value at once. */
    public static final class Builder extends FitterBuilder<ParetoNbd, Builder> {

        private Builder(FitOptions base) {
            super(base);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public ParetoNbd build() {
            return new ParetoNbd(options());
        }
    }
}
