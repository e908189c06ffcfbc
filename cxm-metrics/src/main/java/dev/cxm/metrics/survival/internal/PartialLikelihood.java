package dev.cxm.metrics.survival.internal;

/**
 * Cox's partial log-likelihood with its gradient and information matrix (minus the Hessian), with ties
 * handled by Efron's or Breslow's approximation, as R's {@code coxph} computes them.
 *
 * <p>The subjects are held in ascending duration order, with covariates centred at their means; one pass
 * from the longest duration down accumulates the risk-set sums S0 = sum w, S1 = sum w x and
 * S2 = sum w x x' (w = exp(x'beta)), so an evaluation costs O(n p^2). For d tied churns at a time with sums
 * D0, D1, D2 over the churned subjects, Efron's approximation subtracts the share l/d of them from the risk
 * set for the l-th churn, l = 0..d-1; Breslow's subtracts nothing.
 */
public final class PartialLikelihood {

    /** What one evaluation returns: the log-likelihood, its gradient and the information matrix. */
    public record Evaluation(double logLikelihood, double[] gradient, double[][] information) {}

    private final int n;
    private final int p;
    private final double[] x;
    private final boolean[] observed;
    private final TimeOrder order;
    private final boolean efron;

    /**
     * Prepares the likelihood of subjects already in duration order.
     *
     * @param x the centred covariates, row-major in {@code order}'s subject order
     * @param observed the event flags in the same order
     * @param order the blocks of equal duration (positions refer to the order of {@code x})
     * @param efron Efron's tie approximation when true, Breslow's when false
     */
    public PartialLikelihood(double[] x, boolean[] observed, int p, TimeOrder order, boolean efron) {
        this.n = observed.length;
        this.p = p;
        this.x = x;
        this.observed = observed;
        this.order = order;
        this.efron = efron;
    }

    /** Returns the linear predictors x'beta of the subjects, in the held order. */
    public double[] linearPredictors(double[] beta) {
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                sum += x[row + j] * beta[j];
            }
            eta[i] = sum;
        }
        return eta;
    }

    /** Evaluates the log-likelihood, gradient and information at {@code beta}. */
    public Evaluation evaluate(double[] beta) {
        double[] eta = linearPredictors(beta);
        double shift = Double.NEGATIVE_INFINITY;
        for (double e : eta) {
            shift = Math.max(shift, e);
        }
        double logLikelihood = 0;
        double[] gradient = new double[p];
        double[][] information = new double[p][p];
        double s0 = 0;
        double[] s1 = new double[p];
        double[] s2 = new double[p * p];
        double[] d1 = new double[p];
        double[] d2 = new double[p * p];
        double[] mean = new double[p];
        for (int b = order.blockCount() - 1; b >= 0; b--) {
            int start = order.blockStart(b);
            int end = order.blockEnd(b);
            double d0 = 0;
            int deaths = 0;
            for (int i = start; i < end; i++) {
                double w = Math.exp(eta[i] - shift);
                int row = i * p;
                s0 += w;
                addOuter(w, row, s1, s2);
                if (observed[i]) {
                    deaths++;
                    d0 += w;
                    addOuter(w, row, d1, d2);
                    logLikelihood += eta[i];
                    for (int j = 0; j < p; j++) {
                        gradient[j] += x[row + j];
                    }
                }
            }
            if (deaths == 0) {
                continue;
            }
            for (int l = 0; l < deaths; l++) {
                double share = efron ? (double) l / deaths : 0;
                double denominator = s0 - share * d0;
                logLikelihood -= Math.log(denominator) + shift;
                for (int j = 0; j < p; j++) {
                    mean[j] = (s1[j] - share * d1[j]) / denominator;
                    gradient[j] -= mean[j];
                }
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k <= j; k++) {
                        information[j][k] += (s2[j * p + k] - share * d2[j * p + k]) / denominator - mean[j] * mean[k];
                    }
                }
            }
            java.util.Arrays.fill(d1, 0);
            java.util.Arrays.fill(d2, 0);
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                information[k][j] = information[j][k];
            }
        }
        return new Evaluation(logLikelihood, gradient, information);
    }

    /**
     * Returns the baseline cumulative hazard at the centred means after each distinct churn time, under the
     * same tie rule: the increment at a time is sum over l of 1 / (S0 - l/d D0) (Efron) or d / S0 (Breslow).
     *
     * @return for each block with churns, in time order: {@code [time, cumulative hazard]}
     */
    public double[][] baselineCumulativeHazard(double[] beta) {
        double[] eta = linearPredictors(beta);
        double shift = Double.NEGATIVE_INFINITY;
        for (double e : eta) {
            shift = Math.max(shift, e);
        }
        double[] increments = new double[order.blockCount()];
        boolean[] churnAt = new boolean[order.blockCount()];
        int churnTimes = 0;
        double s0 = 0;
        for (int b = order.blockCount() - 1; b >= 0; b--) {
            double d0 = 0;
            int deaths = 0;
            for (int i = order.blockStart(b); i < order.blockEnd(b); i++) {
                double w = Math.exp(eta[i] - shift);
                s0 += w;
                if (observed[i]) {
                    deaths++;
                    d0 += w;
                }
            }
            double increment = 0;
            for (int l = 0; l < deaths; l++) {
                double share = efron ? (double) l / deaths : 0;
                increment += 1 / (s0 - share * d0);
            }
            increments[b] = increment * Math.exp(-shift);
            churnAt[b] = deaths > 0;
            churnTimes += deaths > 0 ? 1 : 0;
        }
        double[][] cumulative = new double[2][churnTimes];
        double total = 0;
        int next = 0;
        for (int b = 0; b < order.blockCount(); b++) {
            if (churnAt[b]) {
                total += increments[b];
                cumulative[0][next] = order.time(b);
                cumulative[1][next] = total;
                next++;
            }
        }
        return cumulative;
    }

    private void addOuter(double w, int row, double[] sum1, double[] sum2) {
        for (int j = 0; j < p; j++) {
            double wx = w * x[row + j];
            sum1[j] += wx;
            int base = j * p;
            for (int k = 0; k <= j; k++) {
                sum2[base + k] += wx * x[row + k];
            }
        }
    }
}
