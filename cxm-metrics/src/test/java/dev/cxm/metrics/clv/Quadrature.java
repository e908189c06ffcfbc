package dev.cxm.metrics.clv;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.special.Beta;

/**
 * Independent numerical integrals the tests check closed forms against: tanh-sinh (double exponential)
 * quadrature, which converges fast even with algebraic singularities at the ends of the interval, halving
 * its step until two levels agree to about 1e-13.
 */
final class Quadrature {

    private Quadrature() {}

    /** A function of a point given both as {@code x} and as its distance {@code 1 - x} from 1, exactly. */
    @FunctionalInterface
    interface OnUnitInterval {
        double apply(double x, double oneMinusX);
    }

    /** Returns the integral of {@code f} over {@code [0, 1]}. */
    static double unitInterval(OnUnitInterval f) {
        double step = 0.5;
        double previous = Double.NaN;
        for (int level = 0; level < 12; level++) {
            double sum = 0;
            for (int k = -(int) (4.5 / step); k <= (int) (4.5 / step); k++) {
                double u = k * step;
                double s = Math.PI / 2 * Math.sinh(u);
                double x = 1 / (1 + Math.exp(-2 * s));
                double oneMinusX = 1 / (1 + Math.exp(2 * s));
                if (x == 0 || oneMinusX == 0) {
                    continue;
                }
                double weight = Math.PI / 4 * Math.cosh(u) / (Math.cosh(s) * Math.cosh(s));
                double value = f.apply(x, oneMinusX);
                if (value != 0) {
                    sum += weight * value;
                }
            }
            double estimate = sum * step;
            if (Math.abs(estimate - previous) <= 1e-13 * Math.abs(estimate)) {
                return estimate;
            }
            previous = estimate;
            step /= 2;
        }
        return previous;
    }

    /** Returns the integral of {@code f} over {@code [lower, upper]}. */
    static double integrate(DoubleUnaryOperator f, double lower, double upper) {
        double width = upper - lower;
        return width * unitInterval((x, oneMinusX) -> f.applyAsDouble(x < 0.5 ? lower + width * x : upper - width * oneMinusX));
    }

    /** Returns E[g(p)] for p ~ Beta(a, b), the density taken in logs so that tiny p stay accurate. */
    static double betaExpectation(DoubleUnaryOperator g, double a, double b) {
        double logBeta = Beta.logBeta(a, b);
        return unitInterval((p, q) -> {
            double value = g.applyAsDouble(p);
            return value == 0 ? 0 : value * Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(q) - logBeta);
        });
    }

    /**
     * Returns E[(1 - exp(-lambda p t)) / p], the expected purchases in t of a BG-type customer alive now, for
     * lambda ~ Gamma(shape, rate) and p ~ Beta(a, b): the lambda integral in closed form (the Gamma Laplace
     * transform), the p integral numerically.
     */
    static double expectedWhileAlive(double shape, double rate, double a, double b, double t) {
        return betaExpectation(p -> -Math.expm1(-shape * Math.log1p(p * t / rate)) / p, a, b);
    }
}
