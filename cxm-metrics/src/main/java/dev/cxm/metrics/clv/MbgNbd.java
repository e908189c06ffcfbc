package dev.cxm.metrics.clv;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BetaGeometricLikelihood;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Fits the MBG/NBD model by maximum likelihood (see {@link MbgNbdModel}): a configured fitter, immutable, with
 * value {@code equals}, {@code hashCode} and {@code toString}.
 *
 * <pre>{@code
 * ModelFit<MbgNbdModel> fit = MbgNbd.ofDefaults().fit(summary);
 * MbgNbdModel model = fit.requireModel();
 * double alive = model.probabilityAlive(customer);
 * ModelFit<MbgNbdModel> penalised = MbgNbd.custom().l2Penalty(1e-3).build().fit(cells);
 * }</pre>
 *
 * @param options how the model is fitted
 */
public record MbgNbd(FitOptions options) implements PurchaseModelFitter<MbgNbdModel> {

    private static final MbgNbd DEFAULTS = new MbgNbd(FitOptions.ofDefaults());

    /**
     * Validates the fitter.
     *
     * @param options how the model is fitted
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public MbgNbd {
        Checks.present("options", options);
    }

    /**
     * Returns the fitter with the default options ({@link FitOptions#ofDefaults()}).
     *
     * @return the fitter
     */
    public static MbgNbd ofDefaults() {
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
    public static Builder from(MbgNbd base) {
        return new Builder(Checks.present("base", base).options);
    }

    /**
     * Returns {@code mbg-nbd}.
     *
     * @return the model's short name
     */
    @Override
    public String modelName() {
        return "mbg-nbd";
    }

    /**
     * Fits the model to {@code cells}. Data where nobody repeats a purchase (or no data) do not identify the
     * model: the fit then has {@code converged == false} and says so in its problem.
     *
     * @param cells the customers, or cells of identical customers
     * @return the fit, in the cells' unit
     */
    @Override
    public ModelFit<MbgNbdModel> fit(RfmCells cells) {
        Checks.present("cells", cells);
        return BetaGeometricLikelihood.fit("mbg-nbd", 1, CellAccess.columns(cells), options, MbgNbdModel::new);
    }

    /** Builds a {@link MbgNbd}; each setter rejects a bad value at once. */
    public static final class Builder extends FitterBuilder<MbgNbd, Builder> {

        private Builder(FitOptions base) {
            super(base);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public MbgNbd build() {
            return new MbgNbd(options());
        }
    }
}
