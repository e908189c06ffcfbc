package dev.cxm.metrics.churn;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * A shifted-beta-geometric model fitted to one cohort's survivor counts.
 *
 * @param model the fitted model (alpha, beta)
 * @param logLikelihood the log-likelihood of the counts at the fit
 * @param survivors the counts it was fitted to: the cohort size, then the customers left after each period
 */
public record ShiftedBetaGeometricFit(ShiftedBetaGeometric model, double logLikelihood, List<Long> survivors) {

    /** Validates and copies the fit: survivor counts as {@link ShiftedBetaGeometric#fit(List)} takes them. */
    public ShiftedBetaGeometricFit {
        Checks.present("model", model);
        if (!(logLikelihood <= 0)) {
            throw new IllegalArgumentException("logLikelihood: " + logLikelihood + " is not a log-probability");
        }
        survivors = List.copyOf(Checks.present("survivors", survivors));
        ShiftedBetaGeometric.requireSurvivors(survivors);
    }

    /** Returns the expected survivors of the fitted cohort after 0 .. {@code periods} periods, beyond the data too. */
    public List<Double> projectSurvivors(int periods) {
        return model.projectSurvivors(survivors.get(0), periods);
    }
}
