package dev.cxm.metrics.clv;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BgBbLikelihood;
import dev.cxm.metrics.clv.internal.ModelFitter;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Fits the BG/BB model (see {@link BgBbModel}) by maximum likelihood: a configured fitter, immutable, with
 * value {@code equals}, {@code hashCode} and {@code toString}. Identical histories are merged into weighted
 * cells first (discrete data have few distinct ones), so a fit costs the same for a thousand customers or a
 * million.
 *
 * <pre>{@code
 * ModelFit<BgBbModel> fit = BgBb.ofDefaults().fit(donations);     // recency and T in whole years
 * BgBbModel model = fit.requireModel();
 * double aliveNow = model.probabilityAlive(CustomerHistory.of(2, 4, 6));
 * double aliveNextYear = model.probabilityAliveAtNextOpportunity(CustomerHistory.of(2, 4, 6));
 * }</pre>
 *
 * @param options how the model is fitted
 */
public record BgBb(FitOptions options) implements PurchaseModelFitter<BgBbModel> {

    private static final BgBb DEFAULTS = new BgBb(FitOptions.ofDefaults());

    /**
     * Validates the fitter.
     *
     * @param options how the model is fitted
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public BgBb {
        Checks.present("options", options);
    }

    /**
     * Returns the fitter with the default options ({@link FitOptions#ofDefaults()}).
     *
     * @return the fitter
     */
    public static BgBb ofDefaults() {
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
    public static Builder from(BgBb base) {
        return new Builder(Checks.present("base", base).options);
    }

    /**
     * Returns {@code bg-bb}.
     *
     * @return the model's short name
     */
    @Override
    public String modelName() {
        return "bg-bb";
    }

    /**
     * Fits the model to {@code cells}, whose recency and T count whole opportunities. Data where nobody
     * repeats (or no data) do not identify the model: the fit then has {@code converged == false} and says so
     * in its problem.
     *
     * @param cells the customers, or cells of identical customers, in whole opportunities
     * @return the fit, in the cells' unit
     * @throws IllegalArgumentException when a recency or T is not a whole number, or a frequency exceeds its
     *     recency, naming the customer (or the row of anonymous cells)
     */
    @Override
    public ModelFit<BgBbModel> fit(RfmCells cells) {
        Checks.present("cells", cells);
        CellColumns columns = CellAccess.columns(cells);
        for (int i = 0; i < columns.size(); i++) {
            int row = i;
            requireWhole("recency", columns.recency(i), columns, i);
            requireWhole("T", columns.age(i), columns, i);
            BgBbModel.requireTransactionsFit(columns.frequency(i), (int) columns.recency(i),
                    () -> " (" + columns.describe(row) + ")");
        }
        java.util.Optional<String> unidentified = ModelFitter.unidentifiedPurchases("bg-bb", columns);
        if (unidentified.isPresent()) {
            return ModelFitter.notIdentified("bg-bb", unidentified.get(), ModelFitter.Extras.NONE);
        }
        return ModelFitter.fit("bg-bb", CellAccess.columns(cells.compress()), options, new double[] {1, 1, 1, 1},
                BgBbLikelihood::new, p -> new BgBbModel(p[0], p[1], p[2], p[3], cells.unit()), ModelFitter.Extras.NONE);
    }

    private static void requireWhole(String field, double value, CellColumns columns, int row) {
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": not a whole number of opportunities (" + columns.describe(row)
                    + "); BG/BB counts discrete opportunities");
        }
    }

    /** Builds a {@link BgBb}; each setter rejects a bad value at once. */
    public static final class Builder extends FitterBuilder<BgBb, Builder> {

        private Builder(FitOptions base) {
            super(base);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public BgBb build() {
            return new BgBb(options());
        }
    }
}
