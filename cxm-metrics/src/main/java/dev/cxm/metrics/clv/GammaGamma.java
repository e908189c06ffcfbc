package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.GammaGammaLikelihood;
import dev.cxm.metrics.clv.internal.ModelFitter;

/**
 * Fits the Gamma-Gamma spend model (see {@link GammaGammaModel}) by maximum likelihood on the customers
 * with repeat purchases, and checks its key assumption: that spend is independent of frequency.
 *
 * <p>The fit reports the weighted Pearson correlation of frequency and mean spend among those customers
 * as the diagnostic {@code frequencySpendCorrelation}, and warns when its size reaches
 * {@value #CORRELATION_WARNING}: the model's predictions are then biased.
 */
public final class GammaGamma {

    /** The size of correlation between frequency and spend at which the fit warns. */
    public static final double CORRELATION_WARNING = 0.3;

    private GammaGamma() {}

    /** Fits the model with the default options. */
    public static ModelFit<GammaGammaModel> fit(RfmCells cells) {
        return fit(cells, FitOptions.defaults());
    }

    /**
     * Fits the model to the rows of {@code cells} with a frequency above 0; rows without repeat purchases
     * carry no spend information and are skipped.
     *
     * @throws IllegalArgumentException when a repeat buyer has no spend, or a spend of 0 (the model's spend is
     *     positive), or no row has repeat purchases
     */
    public static ModelFit<GammaGammaModel> fit(RfmCells cells, FitOptions options) {
        Checks.present("cells", cells);
        Checks.present("options", options);
        RfmCells buyers = repeatBuyers(cells);
        double correlation = correlation(buyers);
        List<String> warnings = Math.abs(correlation) >= CORRELATION_WARNING
                ? List.of(String.format(java.util.Locale.ROOT, "frequency and spend correlate (r = %.3f): the"
                        + " Gamma-Gamma model assumes they are independent, so its spend predictions are biased",
                        correlation))
                : List.of();
        double meanSpend = 0;
        for (int i = 0; i < buyers.size(); i++) {
            meanSpend += buyers.weight(i) * buyers.monetaryValue(i).getAsDouble();
        }
        meanSpend /= buyers.totalWeight();
        // Start at p = 1 with the population mean spend p v / (q - 1) equal to the sample mean.
        ModelFit<GammaGammaModel> fit = ModelFitter.fit("gamma-gamma", buyers.columns(), options,
                new double[] {1, 2, meanSpend}, GammaGammaLikelihood::new, p -> new GammaGammaModel(p[0], p[1], p[2]),
                new ModelFitter.Extras(warnings, Map.of("frequencySpendCorrelation", correlation)));
        if (!fit.converged() || fit.parameters().get("q") > 1) {
            return fit;
        }
        List<String> all = new java.util.ArrayList<>(fit.warnings());
        all.add(String.format(java.util.Locale.ROOT, "q = %.4g is at most 1: the population mean spend p v / (q - 1) is"
                + " infinite, so customers without repeat purchases have no expected spend and there is no lifetime"
                + " value (CustomerLifetimeValue refuses this model)", fit.parameters().get("q")));
        Map<String, Double> diagnostics = new java.util.LinkedHashMap<>(fit.diagnostics());
        diagnostics.put("q", fit.parameters().get("q"));
        return new ModelFit<>(fit.name(), fit.model(), fit.parameters(), fit.standardErrors(), fit.logLikelihood(),
                fit.iterations(), true, fit.problem(), all, diagnostics);
    }

    private static RfmCells repeatBuyers(RfmCells cells) {
        for (int i = 0; i < cells.size(); i++) {
            OptionalDouble spend = cells.monetaryValue(i);
            if (cells.frequency(i) > 0 && spend.isEmpty()) {
                throw new IllegalArgumentException("monetaryValue: row " + (i + 1) + " has " + cells.frequency(i)
                        + " repeat purchases but no spend; the Gamma-Gamma model needs the spend of every repeat buyer");
            }
            if (cells.frequency(i) > 0 && !(spend.getAsDouble() > 0)) {
                throw new IllegalArgumentException("monetaryValue: " + spend.getAsDouble() + " is not positive (row "
                        + (i + 1) + "); the Gamma-Gamma model needs positive spend");
            }
        }
        RfmCells buyers = cells.repeatBuyers();
        if (buyers.size() == 0) {
            throw new IllegalArgumentException("frequency: no customer made a repeat purchase, so there is no spend"
                    + " to fit the Gamma-Gamma model on");
        }
        return buyers;
    }

    /** Returns the weighted Pearson correlation of frequency and mean spend; 0 when either is constant. */
    private static double correlation(RfmCells buyers) {
        double w = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < buyers.size(); i++) {
            w += buyers.weight(i);
            sx += buyers.weight(i) * buyers.frequency(i);
            sy += buyers.weight(i) * buyers.monetaryValue(i).getAsDouble();
        }
        double mx = sx / w;
        double my = sy / w;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < buyers.size(); i++) {
            double dx = buyers.frequency(i) - mx;
            double dy = buyers.monetaryValue(i).getAsDouble() - my;
            sxx += buyers.weight(i) * dx * dx;
            syy += buyers.weight(i) * dy * dy;
            sxy += buyers.weight(i) * dx * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }
}
