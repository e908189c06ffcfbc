package dev.cxm.metrics.clv;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.ParallelRows;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;

/**
 * Predicts, for every customer of a set of cells, P(alive) at the end of calibration, the expected purchases
 * over a horizon and, with a spend model, the expected spend per purchase and the discounted lifetime value;
 * with the weighted totals and the customers of highest value. What {@code cxm clv predict} prints, as one
 * library call. A configuration: immutable, with value {@code equals}, {@code hashCode} and {@code toString}.
 *
 * <pre>{@code
 * ClvPrediction prediction = ClvPrediction.custom(Duration.ofDays(364)).period(Duration.ofDays(28))
 *         .discountRate(0.01).top(20).build();
 * CustomerPredictions predictions = prediction.predict(bgNbdModel, gammaGammaModel, cells);
 * OptionalDouble total = predictions.totalValue();
 * }</pre>
 *
 * <p>Works with every {@link PurchaseModel}; for BG/BB the horizon and the period are whole numbers of its
 * opportunities. Values need a spend model whose population mean spend is finite ({@code q > 1}); with another
 * one the predictions carry spend where it is finite and no value.
 *
 * @param settings the horizon of the expected purchases and value, and the discounting of the value
 * @param top how many customers {@link CustomerPredictions#top()} lists, 0 or more
 */
public record ClvPrediction(ClvSettings settings, int top) {

    /** How many top customers are listed unless set. */
    public static final int DEFAULT_TOP = 10;

    /**
     * Validates the configuration.
     *
     * @param settings the horizon of the expected purchases and value, and the discounting of the value
     * @param top how many customers {@link CustomerPredictions#top()} lists, 0 or more
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public ClvPrediction {
        Checks.present("settings", settings);
        Checks.nonNegative("top", top);
    }

    /**
     * Returns the predictions over {@code horizon}, undiscounted ({@link ClvSettings#ofDefaults(Duration)}),
     * listing the top {@value #DEFAULT_TOP} customers.
     *
     * @param horizon how far ahead to predict, positive
     * @return the configuration
     */
    public static ClvPrediction ofDefaults(Duration horizon) {
        return new ClvPrediction(ClvSettings.ofDefaults(horizon), DEFAULT_TOP);
    }

    /**
     * Starts the predictions over {@code horizon}.
     *
     * @param horizon how far ahead to predict, positive
     * @return the builder
     */
    public static Builder custom(Duration horizon) {
        return new Builder(ofDefaults(horizon));
    }

    /**
     * Starts predictions from {@code base}.
     *
     * @param base the configuration the builder starts with
     * @return the builder
     */
    public static Builder from(ClvPrediction base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Predicts P(alive) and the expected purchases over the horizon of every row of {@code customers}.
     *
     * @param purchases the fitted purchase model
     * @param customers the customers, in the model's unit
     * @return the predictions
     * @throws IllegalArgumentException when the units differ, or (BG/BB) the horizon is not a whole number of
     *     opportunities
     */
    public CustomerPredictions predict(PurchaseModel purchases, RfmCells customers) {
        return predict(purchases, Optional.empty(), customers);
    }

    /**
     * Predicts P(alive), the expected purchases and spend, and the discounted lifetime value over the horizon
     * of every row of {@code customers}; without values when {@code spend}'s population mean spend is
     * infinite.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model
     * @param customers the customers, in the purchase model's unit; every repeat buyer with a spend
     * @return the predictions
     * @throws IllegalArgumentException when the units differ, a repeat buyer has no spend, or (BG/BB) the
     *     horizon or period is not a whole number of opportunities
     */
    public CustomerPredictions predict(PurchaseModel purchases, GammaGammaModel spend, RfmCells customers) {
        return predict(purchases, Optional.of(Checks.present("spend", spend)), customers);
    }

    /**
     * Predicts the expected spend per purchase of every row of {@code customers} under the spend model alone.
     *
     * @param spend the fitted spend model
     * @param customers the customers; every repeat buyer with a spend
     * @return the predictions, with spend only
     * @throws IllegalArgumentException when a repeat buyer has no spend
     */
    public CustomerPredictions predictSpend(GammaGammaModel spend, RfmCells customers) {
        Checks.present("spend", spend);
        Checks.present("customers", customers);
        return new CustomerPredictions(settings, Optional.empty(), customers, null, null,
                spendOf(spend, customers), null, top);
    }

    private CustomerPredictions predict(PurchaseModel purchases, Optional<GammaGammaModel> spend, RfmCells customers) {
        Checks.present("purchases", purchases);
        Checks.present("customers", customers);
        if (customers.unit() != purchases.unit()) {
            throw new IllegalArgumentException("customers: their unit " + customers.unit() + " is not the "
                    + purchases.name() + " model's " + purchases.unit() + "; fit and predict in one unit");
        }
        double horizon = TimeUnits.inUnits(settings.horizon(), purchases.unit());
        int n = customers.size();
        double[] alive = new double[n];
        double[] expected = new double[n];
        ParallelRows.forEach(n, i -> {
            alive[i] = purchases.probabilityAlive(customers.history(i));
            expected[i] = purchases.conditionalExpectedPurchases(horizon, customers.history(i));
        });
        double[] perPurchase = spend.map(model -> spendOf(model, customers)).orElse(null);
        double[] value = spend.filter(model -> model.hasFiniteSpend(0))
                .map(model -> CustomerLifetimeValue.of(purchases, model, settings).values(customers)).orElse(null);
        return new CustomerPredictions(settings, Optional.of(purchases.name()), customers, alive, expected, perPurchase,
                value, top);
    }

    /** Returns each row's expected spend per purchase; NaN where the model's expectation is infinite. */
    private static double[] spendOf(GammaGammaModel model, RfmCells customers) {
        double[] spend = new double[customers.size()];
        Arrays.fill(spend, Double.NaN);
        for (int i = 0; i < spend.length; i++) {
            int x = customers.frequency(i);
            if (x > 0 && customers.monetaryValue(i).isEmpty()) {
                String who = CellAccess.columns(customers).describe(i);
                throw new IllegalArgumentException("monetaryValue: the repeat buyer " + who
                        + " has no spend; expected spend needs the mean repeat spend of every repeat buyer");
            }
            if (model.hasFiniteSpend(x)) {
                spend[i] = model.expectedAverageSpend(x, x == 0 ? 0 : customers.monetaryValue(i).getAsDouble());
            }
        }
        return spend;
    }

    /** Builds a {@link ClvPrediction}; each setter rejects a bad value at once. */
    public static final class Builder {
        private ClvSettings.Builder settings;
        private int top;

        private Builder(ClvPrediction base) {
            this.settings = ClvSettings.from(base.settings);
            this.top = base.top;
        }

        /**
         * Sets the length of one discounting period of the value; the whole horizon unless set.
         *
         * @param value positive, with the horizon a whole number of at most {@link ClvSettings#MAX_PERIODS} of them
         * @return this builder
         */
        public Builder period(Duration value) {
            settings.period(value);
            return this;
        }

        /**
         * Sets the discount rate per period of the value; 0 unless set.
         *
         * @param value finite, 0 or more
         * @return this builder
         */
        public Builder discountRate(double value) {
            settings.discountRate(value);
            return this;
        }

        /**
         * Sets the horizon, period and discount rate at once.
         *
         * @param value the terms
         * @return this builder
         */
        public Builder settings(ClvSettings value) {
            this.settings = ClvSettings.from(Checks.present("settings", value));
            return this;
        }

        /**
         * Sets how many customers {@link CustomerPredictions#top()} lists; {@value ClvPrediction#DEFAULT_TOP}
         * unless set.
         *
         * @param value 0 or more
         * @return this builder
         */
        public Builder top(int value) {
            this.top = Checks.nonNegative("top", value);
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @return the configuration
         */
        public ClvPrediction build() {
            return new ClvPrediction(settings.build(), top);
        }
    }
}
