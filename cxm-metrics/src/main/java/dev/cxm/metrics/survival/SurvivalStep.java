package dev.cxm.metrics.survival;

import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;

/**
 * One step of a Kaplan-Meier curve: a time at which subjects churned or were censored, and the estimate
 * just after it.
 *
 * <p>Where the estimate has fallen to 0 (every subject still at risk churned), Greenwood's sum is infinite:
 * the standard error and the band are then undefined and empty, as R's survival package reports them
 * ({@code NaN} and {@code NA}); everywhere else they are present.
 *
 * @param time the duration at which the step happens; finite, zero or more
 * @param atRisk subjects still followed just before {@code time}
 * @param events subjects that churned at {@code time}
 * @param censored subjects whose follow-up ended at {@code time} without churn
 * @param survival the Kaplan-Meier estimate of S(time), the probability of lasting beyond {@code time}
 * @param standardError Greenwood's standard error of {@code survival}; empty where {@code survival} is 0
 * @param lower the lower bound of the log-log confidence band at {@code time}; empty where {@code survival} is 0
 * @param upper the upper bound of the log-log confidence band at {@code time}; empty where {@code survival} is 0
 */
public record SurvivalStep(double time, int atRisk, int events, int censored, double survival,
        OptionalDouble standardError, OptionalDouble lower, OptionalDouble upper) {

    /**
     * Validates the step's time, counts and probabilities.
     *
     * @param time the duration at which the step happens, in the unit of the data; finite, zero or more
     * @param atRisk subjects still followed just before {@code time}; at least {@code events + censored}
     * @param events subjects that churned at {@code time}; zero or more
     * @param censored subjects whose follow-up ended at {@code time} without churn; zero or more
     * @param survival the Kaplan-Meier estimate of S(time); in [0, 1]
     * @param standardError Greenwood's standard error; present, finite and zero or more exactly when
     *     {@code survival} is above 0
     * @param lower the lower bound of the band; present exactly when {@code survival} is above 0, and then
     *     between 0 and {@code survival}
     * @param upper the upper bound of the band; present exactly when {@code survival} is above 0, and then
     *     between {@code survival} and 1
     * @throws IllegalArgumentException when a value breaks its rule
     */
    public SurvivalStep {
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("time: " + time + " is not a finite number zero or more");
        }
        if (atRisk < events + censored || events < 0 || censored < 0) {
            throw new IllegalArgumentException("atRisk: " + atRisk + " is below events " + events + " plus censored "
                    + censored + "; the subjects who leave at a time were at risk before it");
        }
        if (!(survival >= 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival: " + survival + " is outside [0, 1]; it is a probability");
        }
        Checks.present("standardError", standardError);
        Checks.present("lower", lower);
        Checks.present("upper", upper);
        boolean defined = survival > 0;
        if (standardError.isPresent() != defined || lower.isPresent() != defined || upper.isPresent() != defined) {
            throw new IllegalArgumentException("survival: " + survival + " with standard error " + standardError
                    + " and band " + lower + " .. " + upper + "; they are present exactly when survival is above 0");
        }
        if (defined) {
            double se = standardError.getAsDouble();
            double low = lower.getAsDouble();
            double high = upper.getAsDouble();
            if (!(se >= 0) || Double.isInfinite(se)) {
                throw new IllegalArgumentException("standardError: " + se + " is not a finite number zero or more");
            }
            if (!(low >= 0 && low <= survival && survival <= high && high <= 1)) {
                throw new IllegalArgumentException("survival: " + survival + " with band [" + low + ", " + high
                        + "] breaks 0 <= lower <= survival <= upper <= 1");
            }
        }
    }
}
