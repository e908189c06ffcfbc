package dev.cxm.metrics.survival;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * One covariate's estimate in a Cox model.
 *
 * @param name the covariate
 * @param coef the coefficient: the change in log hazard per unit of the covariate
 * @param standardError its standard error, from the inverse information matrix
 * @param hazardRatio exp(coef): how many times the hazard is multiplied per unit of the covariate
 * @param z the Wald statistic coef / standardError
 * @param pValue the two-sided p-value of z
 * @param coefInterval the Wald confidence interval of coef
 * @param hazardRatioInterval the same interval for the hazard ratio (its bounds exponentiated)
 */
public record CoxCoefficient(String name, double coef, double standardError, double hazardRatio, double z,
        double pValue, ConfidenceInterval coefInterval, ConfidenceInterval hazardRatioInterval) {

    /**
     * Validates the estimate.
     *
     * @param name the covariate; non-blank
     * @param coef the coefficient, the change in log hazard per unit of the covariate; finite
     * @param standardError its standard error; finite and positive
     * @param hazardRatio exp(coef)
     * @param z the Wald statistic coef / standardError
     * @param pValue the two-sided p-value of z; in [0, 1]
     * @param coefInterval the Wald confidence interval of coef
     * @param hazardRatioInterval the same interval for the hazard ratio (its bounds exponentiated)
     * @throws IllegalArgumentException naming the covariate when coef or the standard error breaks its rule,
     *     or the p-value is outside [0, 1]
     */
    public CoxCoefficient {
        Checks.nonBlank("name", name);
        if (!Double.isFinite(coef) || !(standardError > 0) || !Double.isFinite(standardError)) {
            throw new IllegalArgumentException(name + ": coef " + coef + " with standard error " + standardError
                    + "; both must be finite, the standard error positive");
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException(name + ": pValue " + pValue + " is outside [0, 1]");
        }
        Checks.present("coefInterval", coefInterval);
        Checks.present("hazardRatioInterval", hazardRatioInterval);
    }
}
