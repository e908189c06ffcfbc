package dev.cxm.metrics.survival;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A fitted Cox proportional-hazards model: h(t | x) = h0(t) exp(x' beta). Holds the coefficients with
 * their standard errors, intervals and tests, the partial likelihood and its likelihood-ratio test, the
 * concordance index, and the baseline cumulative hazard to predict a survival curve for any covariate
 * vector. Made by {@link CoxProportionalHazards#fit}, which returns it in a
 * {@link dev.cxm.metrics.stats.ModelFit}; immutable.
 */
public final class CoxModel {

    private final ChronoUnit unit;
    private final List<CoxCoefficient> coefficients;
    private final List<String> names;
    private final double[] beta;
    private final double[] means;
    private final double[][] covariance;
    private final double logPartialLikelihood;
    private final double nullLogPartialLikelihood;
    private final ChiSquaredTest likelihoodRatioTest;
    private final double concordance;
    private final int subjects;
    private final int events;
    private final int iterations;
    private final TieMethod ties;
    private final double level;
    private final double[] hazardTimes;
    private final double[] baselineHazard;

    CoxModel(ChronoUnit unit, List<CoxCoefficient> coefficients, double[] beta, double[] means, double[][] covariance,
            double logPartialLikelihood, double nullLogPartialLikelihood, ChiSquaredTest likelihoodRatioTest,
            double concordance, int subjects, int events, int iterations, TieMethod ties, double level, double[] hazardTimes,
            double[] baselineHazard) {
        this.unit = unit;
        this.coefficients = List.copyOf(coefficients);
        this.names = coefficients.stream().map(CoxCoefficient::name).toList();
        this.beta = beta;
        this.means = means;
        this.covariance = covariance;
        this.logPartialLikelihood = logPartialLikelihood;
        this.nullLogPartialLikelihood = nullLogPartialLikelihood;
        this.likelihoodRatioTest = likelihoodRatioTest;
        this.concordance = concordance;
        this.subjects = subjects;
        this.events = events;
        this.iterations = iterations;
        this.ties = ties;
        this.level = level;
        this.hazardTimes = hazardTimes;
        this.baselineHazard = baselineHazard;
    }

    /**
     * Returns the unit of the durations the model was fitted on, and of the times of its predicted curves.
     *
     * @return the unit
     */
    public ChronoUnit unit() {
        return unit;
    }

    /**
     * Returns one estimate per covariate, in the data's column order.
     *
     * @return the estimates
     */
    public List<CoxCoefficient> coefficients() {
        return coefficients;
    }

    /**
     * Returns the estimate of the named covariate.
     *
     * @param name the covariate
     * @return its estimate
     * @throws IllegalArgumentException naming the covariate when the model has none of that name
     */
    public CoxCoefficient coefficient(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("covariate: \"" + name + "\" is not in the model; its covariates are "
                    + names);
        }
        return coefficients.get(j);
    }

    /**
     * Returns the covariate names, in column order.
     *
     * @return the names
     */
    public List<String> covariateNames() {
        return names;
    }

    /**
     * Returns the log partial likelihood at the estimate.
     *
     * @return the log partial likelihood
     */
    public double logPartialLikelihood() {
        return logPartialLikelihood;
    }

    /**
     * Returns the log partial likelihood with every coefficient 0 (the null model).
     *
     * @return the null model's log partial likelihood
     */
    public double nullLogPartialLikelihood() {
        return nullLogPartialLikelihood;
    }

    /**
     * Returns the likelihood-ratio test of the model against the null model: 2 (ll - ll0) on p degrees of freedom.
     *
     * @return the test
     */
    public ChiSquaredTest likelihoodRatioTest() {
        return likelihoodRatioTest;
    }

    /**
     * Returns Harrell's concordance index of the linear predictor, as R reports it for the fit.
     *
     * @return the concordance, in [0, 1]
     */
    public double concordance() {
        return concordance;
    }

    /**
     * Returns how many subjects the model was fitted on.
     *
     * @return the subjects
     */
    public int subjects() {
        return subjects;
    }

    /**
     * Returns how many of them churned.
     *
     * @return the churned subjects
     */
    public int events() {
        return events;
    }

    /**
     * Returns how many Newton-Raphson iterations the fit took.
     *
     * @return the iterations
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns how tied churn times were handled in the fit and in the baseline hazard of the predictions.
     *
     * @return the tie method
     */
    public TieMethod ties() {
        return ties;
    }

    /**
     * Returns the confidence level of the coefficients' intervals.
     *
     * @return the level
     */
    public double level() {
        return level;
    }

    /**
     * Returns the covariates' means, about which the baseline hazard is given.
     *
     * @return a copy of the means, in column order
     */
    public double[] means() {
        return means.clone();
    }

    /**
     * Returns a copy of the coefficients' covariance matrix (the inverse information), in column order.
     *
     * @return the covariance matrix
     */
    public double[][] covariance() {
        double[][] copy = new double[covariance.length][];
        for (int j = 0; j < covariance.length; j++) {
            copy[j] = covariance[j].clone();
        }
        return copy;
    }

    /**
     * Returns the linear predictor (x - mean)' beta of a covariate vector given in column order.
     *
     * @param covariates one finite value per covariate
     * @return the linear predictor
     * @throws IllegalArgumentException when the number of values is wrong or one is not finite
     */
    public double linearPredictor(double... covariates) {
        if (covariates.length != beta.length) {
            throw new IllegalArgumentException("covariates: " + covariates.length + " values for the "
                    + beta.length + " covariates " + names);
        }
        double sum = 0;
        for (int j = 0; j < beta.length; j++) {
            if (!Double.isFinite(covariates[j])) {
                throw new IllegalArgumentException("covariate " + names.get(j) + ": " + covariates[j]
                        + " is not a finite number");
            }
            sum += (covariates[j] - means[j]) * beta[j];
        }
        return sum;
    }

    /**
     * Returns the hazard of a covariate vector relative to a subject at the means: exp of its linear predictor.
     *
     * @param covariates one finite value per covariate
     * @return the relative hazard
     * @throws IllegalArgumentException when the number of values is wrong or one is not finite
     */
    public double relativeHazard(double... covariates) {
        return Math.exp(linearPredictor(covariates));
    }

    /**
     * Predicts the survival curve of a subject with the given covariates (in column order), from the baseline
     * cumulative hazard under the model's tie rule (as R's {@code survfit} on a {@code coxph} fit).
     *
     * @param covariates one finite value per covariate
     * @return the predicted curve
     * @throws IllegalArgumentException when the number of values is wrong or one is not finite
     */
    public PredictedSurvival predictSurvival(double... covariates) {
        double risk = relativeHazard(covariates);
        double[] survival = new double[baselineHazard.length];
        for (int k = 0; k < survival.length; k++) {
            survival[k] = Math.exp(-baselineHazard[k] * risk);
        }
        return new PredictedSurvival(hazardTimes, survival);
    }

    /** Returns the unit, subjects, churned, coefficients, log partial likelihood and concordance. */
    @Override
    public String toString() {
        return "CoxModel[unit=" + unit + ", subjects=" + subjects + ", events=" + events + ", coefficients=" + coefficients
                + ", logPartialLikelihood=" + logPartialLikelihood + ", concordance=" + concordance + "]";
    }
}
