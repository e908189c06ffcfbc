package dev.cxm.metrics.clv.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * Maximises a {@link LogLikelihood} over positive parameters by Newton's method in log space.
 *
 * <p>The objective is the mean negative log-likelihood per customer plus an optional L2 penalty
 * {@code lambda * sum(p_i^2)} (the convention of Python's lifetimes), minimised over {@code theta = log p}.
 * Each step solves the Newton system with Hipparchus's symmetric eigendecomposition, flipping negative
 * curvature and flooring tiny curvature (so it also descends where the objective is not convex), caps the
 * step at a factor {@code e^3} per parameter, and backtracks until the objective decreases enough (Armijo).
 * Missing analytic derivatives are taken by central differences in log space.
 *
 * <p>It converges when the gradient is below the tolerance, the Hessian is positive definite and the data
 * identify every parameter: the standard error of each log parameter is at most {@value #MAX_LOG_STANDARD_ERROR}
 * (an estimate known to within a factor e^3). The standard errors come from the inverse of the observed
 * information (the Hessian of the negative log-likelihood, plus penalty, in the natural parameters). Every
 * other ending is reported with its reason: a start where the likelihood is not finite, a parameter running
 * off to zero or infinity (beyond e^{@value #FLAT_LOG_PARAMETER} along a direction the likelihood is flat in, or
 * beyond e^{@value #MAX_LOG_PARAMETER} at all), with the model's reading of such a boundary (see
 * {@link LogLikelihood#mixingPairs()}), a line search that cannot improve, too many iterations, an information
 * matrix that is not positive definite, or estimates the data do not pin down.
 */
public final class MaximumLikelihood {

    /** A parameter beyond e^25 or below e^-25 is taken to run off to infinity or zero, flat or not. */
    private static final double MAX_LOG_PARAMETER = 25;
    /** A parameter beyond e^15 or below e^-15 whose log is this uncertain is taken to run off. */
    private static final double FLAT_LOG_PARAMETER = 15;
    /** The largest standard error of a log parameter at a converged maximum (a factor e^3 of uncertainty). */
    private static final double MAX_LOG_STANDARD_ERROR = 3;
    /**
     * A parameter that has moved by more than a factor e^7 from its start along a direction the likelihood is
     * flat in is taken to run off: stopping there costs a few iterations, where following it to e^15 cost
     * dozens of slow evaluations (the Pareto/NBD integral is slowest near the boundary).
     */
    private static final double DRIFT = 7;
    /** The largest gradient at which flat curvature is blamed on identification rather than on the start. */
    private static final double NEAR_STATIONARY = 1e-4;
    private static final double MAX_STEP = 3;
    private static final int MAX_HALVINGS = 40;
    private static final double ARMIJO = 1e-4;
    private static final double GRADIENT_STEP = 1e-5;
    private static final double HESSIAN_STEP = 1e-4;

    private final LogLikelihood likelihood;
    private final int n;
    private final double weight;
    private final double penalty;
    private int evaluations;

    private MaximumLikelihood(LogLikelihood likelihood, double penalty) {
        this.likelihood = likelihood;
        this.n = likelihood.parameterNames().length;
        this.weight = likelihood.totalWeight();
        this.penalty = penalty;
    }

    /**
     * What maximisation found.
     *
     * @param parameters the maximum (or the last iterate, when it did not converge)
     * @param logLikelihood the log-likelihood there, without the penalty
     * @param standardErrors from the observed information; empty when it is not positive definite
     * @param iterations Newton iterations taken
     * @param evaluations likelihood evaluations, derivatives included
     * @param converged whether the gradient vanished at a point of positive definite information
     * @param problem why it did not converge; empty when it did
     */
    public record Result(double[] parameters, double logLikelihood, double[] standardErrors, int iterations,
            int evaluations, boolean converged, String problem) {}

    /**
     * Maximises {@code likelihood} from {@code start}.
     *
     * @param penalty the L2 penalty coefficient, 0 for plain maximum likelihood
     * @param tolerance the largest gradient (of the mean objective, in log parameters) taken as zero
     */
    public static Result maximize(LogLikelihood likelihood, double[] start, double penalty, int maxIterations,
            double tolerance) {
        return new MaximumLikelihood(likelihood, penalty).run(start, maxIterations, tolerance);
    }

    private Result run(double[] start, int maxIterations, double tolerance) {
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = Math.log(start[i]);
        }
        Point point = point(theta);
        if (!Double.isFinite(point.objective)) {
            return finish(point, 0, false, "the log-likelihood is not finite at the starting values "
                    + Arrays.toString(start));
        }
        for (int iteration = 0; ; iteration++) {
            if (!isFinite(point.gradient) || !isFinite(point.hessian)) {
                return finish(point, iteration, false, "the derivatives of the log-likelihood are not finite at "
                        + describe(point.theta));
            }
            EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(point.hessian));
            double[] curvature = eigen.getEigenvalues();
            boolean positiveDefinite = Arrays.stream(curvature).allMatch(value -> value > 0);
            if (positiveDefinite && maxAbs(point.gradient) <= tolerance) {
                return finish(point, iteration, true, "");
            }
            double[] logErrors = logStandardErrors(eigen);
            for (int i = 0; i < n; i++) {
                boolean far = Math.abs(point.theta[i]) > FLAT_LOG_PARAMETER
                        || Math.abs(point.theta[i] - Math.log(start[i])) > DRIFT;
                if (far && logErrors[i] > MAX_LOG_STANDARD_ERROR) {
                    return finish(point, iteration, false, runaway(point.theta, eigen));
                }
            }
            if (iteration >= maxIterations) {
                return finish(point, iteration, false, "no convergence after " + maxIterations
                        + " iterations (largest gradient " + maxAbs(point.gradient) + ")"
                        + unfinished(eigen, point.gradient));
            }
            double[] step = newtonStep(eigen, point.gradient);
            Point next = lineSearch(point, step);
            if (next == null) {
                if (positiveDefinite && maxAbs(point.gradient) <= Math.sqrt(tolerance) * 1e-2) {
                    // The objective cannot be improved within rounding: the point is the maximum.
                    return finish(point, iteration, true, "");
                }
                return finish(point, iteration, false, "the line search could not improve the log-likelihood at "
                        + describe(point.theta) + " (largest gradient " + maxAbs(point.gradient) + ")"
                        + unfinished(eigen, point.gradient));
            }
            point = next;
            for (int i = 0; i < n; i++) {
                if (Math.abs(point.theta[i]) > MAX_LOG_PARAMETER) {
                    EigenDecompositionSymmetric at = isFinite(point.hessian)
                            ? new EigenDecompositionSymmetric(new Array2DRowRealMatrix(point.hessian)) : null;
                    return finish(point, iteration + 1, false, at == null ? "parameter "
                            + likelihood.parameterNames()[i] + " runs off to " + (point.theta[i] > 0 ? "infinity" : "zero")
                            + ": the data do not identify it" : runaway(point.theta, at));
                }
            }
        }
    }

    private double[] newtonStep(EigenDecompositionSymmetric eigen, double[] gradient) {
        double[] values = eigen.getEigenvalues();
        double largest = Arrays.stream(values).map(Math::abs).max().orElse(1);
        double floor = Math.max(1e-8 * largest, 1e-12);
        double[] step = new double[n];
        for (int k = 0; k < n; k++) {
            RealVector direction = eigen.getEigenvector(k);
            double along = 0;
            for (int i = 0; i < n; i++) {
                along += direction.getEntry(i) * gradient[i];
            }
            double scale = -along / Math.max(Math.abs(values[k]), floor);
            for (int i = 0; i < n; i++) {
                step[i] += scale * direction.getEntry(i);
            }
        }
        double length = maxAbs(step);
        if (length > MAX_STEP) {
            for (int i = 0; i < n; i++) {
                step[i] *= MAX_STEP / length;
            }
        }
        // A descent direction whenever the gradient is not 0: dot(step, gradient) = -sum_k along_k^2 /
        // max(|lambda_k|, floor) < 0, with a margin (the floor ratio 1e-8) far above rounding; the cap only
        // scales it. So no steepest-descent fallback is needed.
        return step;
    }

    private Point lineSearch(Point from, double[] step) {
        double slope = dot(step, from.gradient);
        double size = 1;
        for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
            double[] theta = new double[n];
            for (int i = 0; i < n; i++) {
                theta[i] = from.theta[i] + size * step[i];
            }
            Point trial = point(theta);
            if (Double.isFinite(trial.objective) && trial.objective <= from.objective + ARMIJO * size * slope) {
                return trial;
            }
            size /= 2;
        }
        return null;
    }

    private Result finish(Point point, int iterations, boolean converged, String problem) {
        double[] parameters = parameters(point.theta);
        double[] errors = new double[0];
        String why = problem;
        boolean ok = converged;
        if (isFinite(point.hessian)) {
            // Observed information in the natural parameters, for the total (not mean) objective.
            double[][] information = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double h = point.hessian[i][j] - (i == j ? point.gradient[i] : 0);
                    information[i][j] = weight * h / (parameters[i] * parameters[j]);
                }
            }
            EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(information));
            double[] values = eigen.getEigenvalues();
            double largest = Arrays.stream(values).max().orElse(0);
            double smallest = Arrays.stream(values).min().orElse(0);
            if (smallest > largest * 1e-14 && smallest > 0) {
                // covariance = V diag(1 / lambda) V^T, from the decomposition already at hand
                errors = new double[n];
                for (int i = 0; i < n; i++) {
                    double variance = 0;
                    for (int k = 0; k < n; k++) {
                        double component = eigen.getEigenvector(k).getEntry(i);
                        variance += component * component / values[k];
                    }
                    errors[i] = Math.sqrt(variance);
                }
                if (ok) {
                    List<String> loose = new ArrayList<>();
                    boolean off = false;
                    for (int i = 0; i < n; i++) {
                        if (errors[i] / parameters[i] > MAX_LOG_STANDARD_ERROR) {
                            loose.add(likelihood.parameterNames()[i] + " (standard error of its log "
                                    + (float) (errors[i] / parameters[i]) + ")");
                            off |= Math.abs(point.theta[i]) > FLAT_LOG_PARAMETER;
                        }
                    }
                    if (off) {
                        ok = false;
                        why = runaway(point.theta, eigen(point.hessian));
                    } else if (!loose.isEmpty()) {
                        ok = false;
                        why = "the data do not identify " + String.join(", ", loose)
                                + ": the log-likelihood is nearly flat there, so the estimate is not reported as a fit";
                    }
                }
            } else if (ok) {
                ok = false;
                why = "the observed information matrix is singular or not positive definite: the data do not identify "
                        + weakest(eigen);
            }
        }
        double logLikelihood = -(point.objective - penaltyTerm(parameters)) * weight;
        return new Result(parameters, logLikelihood, errors, iterations, evaluations, ok, ok ? "" : why);
    }

    /**
     * Returns a note on why the iterations ended where they did: near a stationary point with almost no
     * curvature in some direction, the data do not identify the parameters along it; elsewhere the iterate
     * simply had not reached the region around a maximum where the log-likelihood is concave.
     */
    private String unfinished(EigenDecompositionSymmetric eigen, double[] gradient) {
        double[] values = eigen.getEigenvalues();
        double largest = Arrays.stream(values).map(Math::abs).max().orElse(0);
        double smallest = Arrays.stream(values).min().orElse(0);
        if (smallest > 1e-7 * largest) {
            return "";
        }
        if (maxAbs(gradient) <= NEAR_STATIONARY) {
            return "; the log-likelihood is flat along a direction of " + weakest(eigen)
                    + ", which the data do not identify";
        }
        return "; the iterations ended before reaching a region where the log-likelihood is concave (try more"
                + " iterations or other starting values)";
    }

    /** Returns the standard error of each log parameter from the Hessian in log parameters, flat as infinite. */
    private double[] logStandardErrors(EigenDecompositionSymmetric eigen) {
        double[] values = eigen.getEigenvalues();
        double largest = Arrays.stream(values).map(Math::abs).max().orElse(0);
        double[] errors = new double[n];
        for (int i = 0; i < n; i++) {
            double variance = 0;
            for (int k = 0; k < n; k++) {
                double component = eigen.getEigenvector(k).getEntry(i);
                variance += values[k] > 1e-12 * largest ? component * component / values[k]
                        : component * component > 1e-6 ? Double.POSITIVE_INFINITY : 0;
            }
            errors[i] = Math.sqrt(variance / weight);
        }
        return errors;
    }

    /**
     * Describes parameters running off to a boundary along the flattest direction: named with their values,
     * and in the model's terms when two of them are a mixing distribution's shape and rate running to infinity
     * together (the distribution collapsing to a point: no heterogeneity).
     */
    private String runaway(double[] theta, EigenDecompositionSymmetric eigen) {
        RealVector direction = flattest(eigen);
        String[] names = likelihood.parameterNames();
        List<String> moving = new ArrayList<>();
        List<String> meanings = new ArrayList<>();
        List<String> along = along(direction);
        for (int i = 0; i < n; i++) {
            if (along.contains(names[i]) || Math.abs(theta[i]) > FLAT_LOG_PARAMETER) {
                moving.add(names[i]);
            }
        }
        for (String[] pair : likelihood.mixingPairs()) {
            int shape = List.of(names).indexOf(pair[0]);
            int rate = List.of(names).indexOf(pair[1]);
            if (moving.contains(pair[0]) && moving.contains(pair[1])
                    && direction.getEntry(shape) * direction.getEntry(rate) > 0 && theta[shape] > 2 && theta[rate] > 2) {
                meanings.add(pair[0] + " and " + pair[1] + " run to infinity with a fixed ratio: " + pair[2]);
            }
        }
        StringBuilder text = new StringBuilder();
        for (String name : moving) {
            int i = List.of(names).indexOf(name);
            text.append(text.length() == 0 ? "" : ", ").append(name).append(" = ").append((float) Math.exp(theta[i]))
                    .append(Math.abs(theta[i]) > FLAT_LOG_PARAMETER ? theta[i] > 0 ? " (to infinity)" : " (to zero)" : "");
        }
        String meaning = meanings.isEmpty() ? "" : String.join("; ", meanings) + "; ";
        return meaning + "the log-likelihood is flat along a direction of " + String.join(", ", moving) + " ("
                + text + "): the data do not identify them";
    }

    private static EigenDecompositionSymmetric eigen(double[][] matrix) {
        return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(matrix));
    }

    /** Names the parameters that move along the direction of least information. */
    private String weakest(EigenDecompositionSymmetric eigen) {
        return String.join(", ", along(flattest(eigen)));
    }

    /** Returns the eigenvector of the smallest eigenvalue: the direction of least information. */
    private static RealVector flattest(EigenDecompositionSymmetric eigen) {
        double[] values = eigen.getEigenvalues();
        int k = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[k]) {
                k = i;
            }
        }
        return eigen.getEigenvector(k);
    }

    /** Returns the names of the parameters with a large part (30% of the largest) in {@code direction}. */
    private List<String> along(RealVector direction) {
        double largest = direction.getLInfNorm();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Math.abs(direction.getEntry(i)) >= 0.3 * largest) {
                names.add(likelihood.parameterNames()[i]);
            }
        }
        return names;
    }

    /** The objective and its derivatives in log parameters at {@code theta}. */
    private record Point(double[] theta, double objective, double[] gradient, double[][] hessian) {}

    private Point point(double[] theta) {
        double[] p = parameters(theta);
        int order = likelihood.analyticOrder();
        double[] packed = evaluate(p, order);
        double objective = -packed[0] / weight + penaltyTerm(p);
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        if (!Double.isFinite(objective)) {
            return new Point(theta, Double.NaN, gradient, hessian);
        }
        if (order >= 1) {
            gradient = thetaGradient(p, packed);
        } else {
            for (int i = 0; i < n; i++) {
                gradient[i] = (objective(shift(theta, i, GRADIENT_STEP)) - objective(shift(theta, i, -GRADIENT_STEP)))
                        / (2 * GRADIENT_STEP);
            }
        }
        if (order >= 2) {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double value = p[i] * p[j] * (-packed[Packed.hessian(n, i, j)] / weight + (i == j ? 2 * penalty : 0))
                            + (i == j ? gradient[i] : 0);
                    hessian[i][j] = value;
                    hessian[j][i] = value;
                }
            }
        } else if (order == 1) {
            for (int j = 0; j < n; j++) {
                double[] plus = thetaGradient(parameters(shift(theta, j, HESSIAN_STEP)),
                        evaluate(parameters(shift(theta, j, HESSIAN_STEP)), 1));
                double[] minus = thetaGradient(parameters(shift(theta, j, -HESSIAN_STEP)),
                        evaluate(parameters(shift(theta, j, -HESSIAN_STEP)), 1));
                for (int i = 0; i < n; i++) {
                    hessian[i][j] = (plus[i] - minus[i]) / (2 * HESSIAN_STEP);
                }
            }
            symmetrise(hessian);
        } else {
            for (int i = 0; i < n; i++) {
                hessian[i][i] = (objective(shift(theta, i, HESSIAN_STEP)) - 2 * objective
                        + objective(shift(theta, i, -HESSIAN_STEP))) / (HESSIAN_STEP * HESSIAN_STEP);
                for (int j = i + 1; j < n; j++) {
                    double value = (objective(shift(shift(theta, i, HESSIAN_STEP), j, HESSIAN_STEP))
                            - objective(shift(shift(theta, i, HESSIAN_STEP), j, -HESSIAN_STEP))
                            - objective(shift(shift(theta, i, -HESSIAN_STEP), j, HESSIAN_STEP))
                            + objective(shift(shift(theta, i, -HESSIAN_STEP), j, -HESSIAN_STEP)))
                            / (4 * HESSIAN_STEP * HESSIAN_STEP);
                    hessian[i][j] = value;
                    hessian[j][i] = value;
                }
            }
        }
        return new Point(theta, objective, gradient, hessian);
    }

    private double[] thetaGradient(double[] p, double[] packed) {
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            gradient[i] = p[i] * (-packed[Packed.gradient(i)] / weight + 2 * penalty * p[i]);
        }
        return gradient;
    }

    private double objective(double[] theta) {
        double[] p = parameters(theta);
        return -evaluate(p, 0)[0] / weight + penaltyTerm(p);
    }

    private double[] evaluate(double[] p, int order) {
        evaluations++;
        return likelihood.evaluate(p, order);
    }

    private double penaltyTerm(double[] p) {
        double sum = 0;
        for (double value : p) {
            sum += value * value;
        }
        return penalty * sum;
    }

    private double[] parameters(double[] theta) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(theta[i]);
        }
        return p;
    }

    private String describe(double[] theta) {
        double[] p = parameters(theta);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : ", ").append(likelihood.parameterNames()[i]).append(" = ").append((float) p[i]);
        }
        return text.toString();
    }

    private static double[] shift(double[] theta, int i, double by) {
        double[] shifted = theta.clone();
        shifted[i] += by;
        return shifted;
    }

    private static void symmetrise(double[][] matrix) {
        for (int i = 0; i < matrix.length; i++) {
            for (int j = i + 1; j < matrix.length; j++) {
                double mean = (matrix[i][j] + matrix[j][i]) / 2;
                matrix[i][j] = mean;
                matrix[j][i] = mean;
            }
        }
    }

    private static boolean isFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    private static boolean isFinite(double[][] matrix) {
        return Arrays.stream(matrix).allMatch(MaximumLikelihood::isFinite);
    }

    private static double maxAbs(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElse(0);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
