package dev.cxm.metrics.clv;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BetaGeometricLikelihood;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Fits the BG/NBD model by maximum likelihood (see {@link BgNbdModel}): a configured fitter, immutable, with
 * value {@code equals}, {@code hashCode} and {@code toString}.
 *
 * <pre>{@code
 * ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(summary);
 * BgNbdModel model = fit.requireModel();
 * double alive = model.probabilityAlive(customer);
 * ModelFit<BgNbdModel> penalised = BgNbd.custom().l2Penalty(1e-3).build().fit(cells);
 * }</pre>
 *
 * @param options how the model is fitted
 */
public record BgNbd(FitOptions options) implements PurchaseModelFitter<BgNbdModel> {

    private static final BgNbd DEFAULTS = new BgNbd(FitOptions.ofDefaults());

    /**
     * Validates the fitter.
     *
     * @param options how the model is fitted
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public BgNbd {
        Checks.present("options", options);
    }

    /**
     * Returns the fitter with the default options ({@link FitOptions#ofDefaults()}).
     *
     * @return the fitter
     */
    public static BgNbd ofDefaults() {
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
    public static Builder from(BgNbd base) {
        return new Builder(Checks.present("base", base).options);
    }

    /**
     * Returns {@code bg-nbd}.
     *
     * @return the model's short name
     */
    @Override
    public String modelName() {
        return "bg-nbd";
    }

    /**
     * Fits the model to {@code cells}. Data where nobody repeats a purchase (or no data) do not identify the
     * model: the fit then has {@code converged == false} and says so in its problem.
     *
     * @param cells the customers, or cells of identical customers
     * @return the fit, in the cells' unit
     */
    @Override
    public ModelFit<BgNbdModel> fit(RfmCells cells) {
        Checks.present("cells", cells);
        return BetaGeometricLikelihood.fit("bg-nbd", 0, CellAccess.columns(cells), options, BgNbdModel::new);
    }

    /** Builds a {@link BgNbd}; each setter rejects a bad value at once. */
    public static final class Builder extends FitterBuilder<BgNbd, Builder> {

        private Builder(FitOptions base) {
            super(base);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public BgNbd build() {
            return new BgNbd(options());
        }
    }
}
