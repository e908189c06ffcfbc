package dev.cxm.metrics.survival;

/**
 * One step of a Kaplan-Meier curve: a time at which subjects churned or were censored, and the estimate
 * just after it.
 *
 * @param time the duration at which the step happens
 * @param atRisk subjects still followed just before {@code time}
 * @param events subjects that churned at {@code time}
 * @param censored subjects whose follow-up ended at {@code time} without churn
 * @param survival the Kaplan-Meier estimate of S(time), the probability of lasting beyond {@code time}
 * @param standardError Greenwood's standard error of {@code survival}
 * @param lower the lower bound of the log-log confidence band at {@code time}
 * @param upper the upper bound of the log-log confidence band at {@code time}
 */
public record SurvivalStep(double time, int atRisk, int events, int censored, double survival,
        double standardError, double lower, double upper) {

    /** Validates the step's counts and probabilities. */
    public SurvivalStep {
        if (atRisk < events + censored || events < 0 || censored < 0) {
            throw new IllegalArgumentException("atRisk: " + atRisk + " is below events " + events + " plus censored "
                    + censored + "; the subjects who leave at a time were at risk before it");
        }
        if (!(lower >= 0 && lower <= survival && survival <= upper && upper <= 1)) {
            throw new IllegalArgumentException("survival: " + survival + " with band [" + lower + ", " + upper
                    + "] breaks 0 <= lower <= survival <= upper <= 1");
        }
    }
}
