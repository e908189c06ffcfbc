package dev.cxm.metrics.clv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.GammaGammaLikelihood;
import dev.cxm.metrics.clv.internal.ModelFitter;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Fits the Gamma-Gamma spend model (see {@link GammaGammaModel}) by maximum likelihood on the customers
 * with repeat purchases, and checks its key assumption: that spend is independent of frequency. A configured
 * fitter, immutable, with value {@code equals}, {@code hashCode} and {@code toString}.
 *
 * <p>The fit reports the weighted Pearson correlation of frequency and mean spend among those customers
 * as the diagnostic {@code frequencySpendCorrelation}, and warns when its size reaches
 * {@value #CORRELATION_WARNING}: the model's predictions are then biased.
 *
 * <p>The model's spend is positive. A repeat buyer whose mean spend is 0 (free orders, a refund netted out)
 * is left out of the fit by default ({@link ZeroSpend#SKIP}), and the fit says how many in its warnings and
 * in the diagnostic {@code zeroSpendSkipped}; {@link ZeroSpend#REFUSE} refuses the data instead, naming the
 * customer.
 *
 * <pre>{@code
 * ModelFit<GammaGammaModel> spend = GammaGamma.ofDefaults().fit(summary);
 * ModelFit<GammaGammaModel> strict = GammaGamma.custom().zeroSpend(GammaGamma.ZeroSpend.REFUSE).build().fit(summary);
 * }</pre>
 *
 * @param options how the model is fitted
 * @param zeroSpend what to do with repeat buyers whose mean spend is 0
 */
public record GammaGamma(FitOptions options, ZeroSpend zeroSpend) {

    /** The size of correlation between frequency and spend at which the fit warns. */
    public static final double CORRELATION_WARNING = 0.3;

    private static final GammaGamma DEFAULTS = new GammaGamma(FitOptions.ofDefaults(), ZeroSpend.SKIP);

    /** What a fit does with a repeat buyer whose mean spend is 0, which the model (positive spend) cannot take. */
    public enum ZeroSpend {
        /** Leave such customers out of the fit and report how many (the default). */
        SKIP,
        /** Refuse the data with an {@link IllegalArgumentException} naming the first such customer. */
        REFUSE
    }

    /**
     * Validates the fitter.
     *
     * @param options how the model is fitted
     * @param zeroSpend what to do with repeat buyers whose mean spend is 0
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public GammaGamma {
        Checks.present("options", options);
        Checks.present("zeroSpend", zeroSpend);
    }

    /**
     * Returns the fitter with the default options: {@link FitOptions#ofDefaults()}, zero spends skipped.
     *
     * @return the fitter
     */
    public static GammaGamma ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a fitter from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a fitter from {@code base}.
     *
     * @param base the fitter whose settings the builder starts with
     * @return the builder
     */
    public static Builder from(GammaGamma base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns {@code gamma-gamma}.
     *
     * @return the model's short name
     */
    public String modelName() {
        return "gamma-gamma";
    }

    /**
     * Fits the model to the customers of {@code summary} (see {@link #fit(RfmCells)}).
     *
     * @param summary the customers
     * @return the fit
     * @throws IllegalArgumentException as {@link #fit(RfmCells)}, naming the customer
     */
    public ModelFit<GammaGammaModel> fit(RfmSummary summary) {
        return fit(RfmCells.of(Checks.present("summary", summary)));
    }

    /**
     * Fits the model to the rows of {@code cells} with a frequency above 0; rows without repeat purchases
     * carry no spend information and are passed over, and so, by default, are repeat buyers with a spend of
     * 0 (see {@link ZeroSpend}). Data without a repeat buyer of positive spend do not identify the model: the
     * fit then has {@code converged == false} and says why.
     *
     * @param cells the customers, or cells of identical customers
     * @return the fit
     * @throws IllegalArgumentException when a repeat buyer has no spend at all, or (with
     *     {@link ZeroSpend#REFUSE}) a spend of 0, naming the customer (or the row of anonymous cells)
     */
    public ModelFit<GammaGammaModel> fit(RfmCells cells) {
        Checks.present("cells", cells);
        CellColumns columns = CellAccess.columns(cells);
        double skipped = 0;
        int buyers = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.frequency(i) == 0) {
                continue;
            }
            double spend = columns.monetaryValues()[i];
            if (Double.isNaN(spend)) {
                throw new IllegalArgumentException("monetaryValue: the repeat buyer " + columns.describe(i)
                        + " has no spend; the Gamma-Gamma model needs the spend of every repeat buyer");
            }
            if (spend > 0) {
                buyers++;
            } else if (zeroSpend == ZeroSpend.REFUSE) {
                throw new IllegalArgumentException("monetaryValue: 0 is not positive (" + columns.describe(i)
                        + "); the Gamma-Gamma model needs positive spend (ZeroSpend.SKIP leaves such customers out)");
            } else {
                skipped += columns.weight(i);
            }
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        if (skipped > 0) {
            warnings.add(String.format(Locale.ROOT, "%s repeat buyer%s with a mean spend of 0 left out of the fit;"
                    + " the Gamma-Gamma model takes positive spend", count(skipped), skipped == 1 ? "" : "s"));
            diagnostics.put("zeroSpendSkipped", skipped);
        }
        if (buyers == 0) {
            return ModelFitter.notIdentified(modelName(), skipped > 0
                    ? "no repeat buyer has a positive spend, so there is no spend to fit the Gamma-Gamma model on"
                    : "no customer made a repeat purchase, so there is no spend to fit the Gamma-Gamma model on",
                    new ModelFitter.Extras(warnings, diagnostics));
        }
        CellColumns positive = positiveSpenders(columns, buyers);
        double correlation = correlation(positive);
        diagnostics.put("frequencySpendCorrelation", correlation);
        if (Math.abs(correlation) >= CORRELATION_WARNING) {
            warnings.add(String.format(Locale.ROOT, "frequency and spend correlate (r = %.3f): the"
                    + " Gamma-Gamma model assumes they are independent, so its spend predictions are biased",
                    correlation));
        }
        double meanSpend = 0;
        for (int i = 0; i < positive.size(); i++) {
            meanSpend += positive.weight(i) * positive.monetaryValues()[i];
        }
        meanSpend /= positive.totalWeight();
        // Start at p = 1 with the population mean spend p v / (q - 1) equal to the sample mean.
        ModelFit<GammaGammaModel> fit = ModelFitter.fit(modelName(), positive, options,
                new double[] {1, 2, meanSpend}, GammaGammaLikelihood::new, p -> new GammaGammaModel(p[0], p[1], p[2]),
                new ModelFitter.Extras(warnings, diagnostics));
        if (!fit.converged() || fit.parameters().get("q") > 1) {
            return fit;
        }
        List<String> all = new ArrayList<>(fit.warnings());
        all.add(String.format(Locale.ROOT, "q = %.4g is at most 1: the population mean spend p v / (q - 1) is"
                + " infinite, so customers without repeat purchases have no expected spend and there is no lifetime"
                + " value (CustomerLifetimeValue refuses this model)", fit.parameters().get("q")));
        Map<String, Double> withQ = new LinkedHashMap<>(fit.diagnostics());
        withQ.put("q", fit.parameters().get("q"));
        return new ModelFit<>(fit.name(), fit.model(), fit.parameters(), fit.standardErrors(), fit.logLikelihood(),
                fit.iterations(), true, fit.problem(), all, withQ);
    }

    private static String count(double weight) {
        return weight == Math.rint(weight) ? String.format(Locale.ROOT, "%,d", (long) weight)
                : String.format(Locale.ROOT, "%.6g", weight);
    }

    /** Returns the repeat buyers with a positive spend, in order. */
    private static CellColumns positiveSpenders(CellColumns columns, int count) {
        int[] rows = new int[count];
        for (int i = 0, kept = 0; i < columns.size(); i++) {
            if (columns.frequency(i) > 0 && columns.monetaryValues()[i] > 0) {
                rows[kept++] = i;
            }
        }
        return columns.select(rows);
    }

    /** Returns the weighted Pearson correlation of frequency and mean spend; 0 when either is constant. */
    private static double correlation(CellColumns buyers) {
        double[] spend = buyers.monetaryValues();
        double w = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < buyers.size(); i++) {
            w += buyers.weight(i);
            sx += buyers.weight(i) * buyers.frequency(i);
            sy += buyers.weight(i) * spend[i];
        }
        double mx = sx / w;
        double my = sy / w;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < buyers.size(); i++) {
            double dx = buyers.frequency(i) - mx;
            double dy = spend[i] - my;
            sxx += buyers.weight(i) * dx * dx;
            syy += buyers.weight(i) * dy * dy;
            sxy += buyers.weight(i) * dx * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }

    /** Builds a {@link GammaGamma}; each setter rejects a bad value at once. */
    public static final class Builder extends FitterBuilder<GammaGamma, Builder> {
        private ZeroSpend zeroSpend;

        private Builder(GammaGamma base) {
            super(base.options);
            this.zeroSpend = base.zeroSpend;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets what a fit does with repeat buyers whose mean spend is 0; {@link ZeroSpend#SKIP} unless set.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder zeroSpend(ZeroSpend value) {
            this.zeroSpend = Checks.present("zeroSpend", value);
            return this;
        }

        @Override
        public GammaGamma build() {
            return new GammaGamma(options(), zeroSpend);
        }
    }
}
