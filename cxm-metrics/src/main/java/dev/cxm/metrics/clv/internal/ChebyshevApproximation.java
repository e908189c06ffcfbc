package dev.cxm.metrics.clv.internal;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A Chebyshev expansion of a smooth function on an interval, for evaluating it millions of times: built from
 * its values at Chebyshev nodes, accepted only when the expansion's last coefficients show it has converged
 * to the requested accuracy, evaluated by Clenshaw's recurrence.
 */
public final class ChebyshevApproximation {

    private static final int[] SIZES = {16, 24, 32, 48, 64};

    private final double lower;
    private final double upper;
    private final double[] coefficients;

    private ChebyshevApproximation(double lower, double upper, double[] coefficients) {
        this.lower = lower;
        this.upper = upper;
        this.coefficients = coefficients;
    }

    /**
     * Returns the expansion of {@code f} on {@code [lower, upper]} whose truncation error is below
     * {@code tolerance} times the function's largest value at the nodes, or empty when 64 nodes do not reach it.
     */
    public static Optional<ChebyshevApproximation> of(DoubleUnaryOperator f, double lower, double upper, double tolerance) {
        for (int n : SIZES) {
            double[] values = new double[n];
            double largest = 0;
            for (int k = 0; k < n; k++) {
                double x = Math.cos(Math.PI * (k + 0.5) / n);
                values[k] = f.applyAsDouble(lower + (upper - lower) * (x + 1) / 2);
                largest = Math.max(largest, Math.abs(values[k]));
            }
            double[] coefficients = new double[n];
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += values[k] * Math.cos(Math.PI * j * (k + 0.5) / n);
                }
                coefficients[j] = 2 * sum / n;
            }
            double tail = Math.abs(coefficients[n - 1]) + Math.abs(coefficients[n - 2]) + Math.abs(coefficients[n - 3]);
            if (Double.isFinite(tail) && tail <= tolerance * Math.max(largest, Double.MIN_NORMAL)) {
                return Optional.of(new ChebyshevApproximation(lower, upper, coefficients));
            }
        }
        return Optional.empty();
    }

    /** Returns the approximation at {@code x}, which must lie in the interval. */
    public double value(double x) {
        double u = (2 * x - lower - upper) / (upper - lower);
        double twoU = 2 * u;
        double b1 = 0;
        double b2 = 0;
        for (int j = coefficients.length - 1; j >= 1; j--) {
            double b0 = twoU * b1 - b2 + coefficients[j];
            b2 = b1;
            b1 = b0;
        }
        return u * b1 - b2 + coefficients[0] / 2;
    }
}
