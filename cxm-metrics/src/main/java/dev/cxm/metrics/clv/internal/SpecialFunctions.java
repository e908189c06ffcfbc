package dev.cxm.metrics.clv.internal;

import org.hipparchus.special.Gamma;

/**
 * Special functions the CLV models need beyond Hipparchus's: the Gauss hypergeometric function on
 * {@code [0, 1)} computed without overflow, log-gamma of negative arguments, and ratios that are 0/0 at a
 * parameter value where the models have a removable singularity.
 */
public final class SpecialFunctions {

    /** Relative size of the last series term kept. */
    private static final double EPSILON = 1e-17;
    /** Arguments above this use the connection formula around {@code z = 1} unless the series is fast. */
    private static final double SERIES_LIMIT = 0.75;
    private static final int MAX_TERMS = 2_000_000;

    private SpecialFunctions() {}

    /**
     * Returns {@code expm1(y * l) / y}, continued to {@code l} at {@code y = 0}.
     */
    public static double expm1Ratio(double y, double l) {
        double product = y * l;
        if (Math.abs(product) < 1e-9) {
            return l * (1 + product / 2);
        }
        return Math.expm1(product) / y;
    }

    /**
     * Returns the Gauss hypergeometric function {@code 2F1(a, b; c; z)} for {@code 0 <= z < 1} and
     * {@code c} not a non-positive integer: by its power series where that converges fast, otherwise by the
     * connection formula in {@code 1 - z} (DLMF 15.8.4), with coefficients in log space so that no gamma
     * function overflows.
     */
    public static double hypergeometric2F1(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("z: " + z + " is outside [0, 1)");
        }
        if (z <= SERIES_LIMIT || seriesIsFast(a, b, c, z)) {
            return 1 + tail(a * b / c * z, a, b, c, z);
        }
        double m = c - a - b;
        double nearest = Math.rint(m);
        double gap = 1e-6 * Math.max(1, Math.abs(m));
        if (Math.abs(m - nearest) < gap) {
            // The formula is 0/0 at integer c - a - b; the function is analytic in c, so the mean of two
            // points beside it is the value at it up to O(gap^2).
            double shift = nearest + gap - m;
            return (connection(a, b, c + shift, z) + connection(a, b, c + shift - 2 * gap, z)) / 2;
        }
        return connection(a, b, c, z);
    }

    /**
     * Returns {@code (2F1(a, b; c; z) - 1) / b}, continued in {@code b} at {@code b = 0}, for
     * {@code 0 <= z < 1}: the part of a hypergeometric function that vanishes with {@code b}, without
     * cancellation.
     */
    public static double hypergeometric2F1MinusOneOverB(double a, double b, double c, double z) {
        if (Math.abs(b) > 1e-3 && !(z <= SERIES_LIMIT || seriesIsFast(a, b, c, z))) {
            return (hypergeometric2F1(a, b, c, z) - 1) / b;
        }
        // sum over k >= 1 of (a)_k (b + 1)_(k-1) / ((c)_k k!) z^k
        return tail(a / c * z, a, b, c, z);
    }

    /**
     * Returns {@code (2F1(a, b; c; z_i) - 1) / b} for several arguments at once: one pass of the series
     * whose coefficients are shared, so k terms cost k divisions however many arguments there are.
     * Arguments where the series would be slow are evaluated one by one.
     */
    public static double[] hypergeometric2F1MinusOneOverB(double a, double b, double c, double[] z) {
        double[] sums = new double[z.length];
        double largest = 0;
        boolean joint = true;
        for (double value : z) {
            if (value < 0 || value >= 1) {
                throw new IllegalArgumentException("z: " + value + " is outside [0, 1)");
            }
            largest = Math.max(largest, value);
            joint &= value <= SERIES_LIMIT || seriesIsFast(a, b, c, value);
        }
        if (!joint || Math.abs(b) > 1e-3 && largest > SERIES_LIMIT && !seriesIsFast(a, b, c, largest)) {
            for (int i = 0; i < z.length; i++) {
                sums[i] = hypergeometric2F1MinusOneOverB(a, b, c, z[i]);
            }
            return sums;
        }
        double[] powers = z.clone();
        double coefficient = a / c;
        for (int i = 0; i < z.length; i++) {
            sums[i] = coefficient * powers[i];
        }
        for (int k = 1; k < MAX_TERMS && coefficient != 0; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1));
            coefficient *= ratio;
            boolean done = Math.abs(ratio * largest) < 1;
            for (int i = 0; i < z.length; i++) {
                powers[i] *= z[i];
                double term = coefficient * powers[i];
                sums[i] += term;
                done &= Math.abs(term) <= EPSILON * Math.abs(sums[i]);
            }
            if (done) {
                break;
            }
        }
        return sums;
    }

    /**
     * Returns {@code log|Gamma(x)|} for any real {@code x} that is not a non-positive integer, by reflection
     * below 0.5.
     */
    public static double logAbsGamma(double x) {
        if (x > 0.5) {
            return Gamma.logGamma(x);
        }
        return Math.log(Math.PI) - Math.log(Math.abs(sinPi(x))) - Gamma.logGamma(1 - x);
    }

    /** Returns the sign of {@code Gamma(x)}: +1, or -1 where an odd number of poles lies between 0 and x. */
    public static double signGamma(double x) {
        if (x > 0) {
            return 1;
        }
        return Math.signum(sinPi(x));
    }

    /** Returns whether {@code x} is 0 or a negative integer, where 1/Gamma vanishes. */
    public static boolean isGammaPole(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    private static double sinPi(double x) {
        double reduced = x - 2 * Math.floor(x / 2);
        return Math.sin(Math.PI * reduced);
    }

    /** Whether the power series converges in a few hundred terms although z is near 1. */
    private static boolean seriesIsFast(double a, double b, double c, double z) {
        // Past k ~ |a| + |b| the term ratio is about z (a + k)(b + k) / ((c + k)(k + 1)), well below 1 while
        // c dominates; a large c (many repeat purchases) makes the series fast at any z.
        return c > 40 * (1 + Math.abs(a) + Math.abs(b)) && z < 0.999;
    }

    /**
     * Returns the sum over k >= 1 of the terms that start at {@code first} (the k = 1 term) and go on by the
     * hypergeometric ratio {@code (a + k)(b + k) / ((c + k)(k + 1)) z}; it stops once a term is negligible
     * and the terms are shrinking.
     */
    private static double tail(double first, double a, double b, double c, double z) {
        double term = first;
        double sum = first;
        for (int k = 1; k < MAX_TERMS && term != 0; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (Math.abs(term) <= EPSILON * Math.abs(sum) && Math.abs(ratio) < 1) {
                break;
            }
        }
        return sum;
    }

    private static double connection(double a, double b, double c, double z) {
        double m = c - a - b;
        double w = 1 - z;
        double first = 0;
        if (!isGammaPole(c - a) && !isGammaPole(c - b)) {
            double logCoefficient = logAbsGamma(c) + logAbsGamma(m) - logAbsGamma(c - a) - logAbsGamma(c - b);
            double sign = signGamma(c) * signGamma(m) * signGamma(c - a) * signGamma(c - b);
            first = sign * Math.exp(logCoefficient) * (1 + tail(a * b / (1 - m) * w, a, b, 1 - m, w));
        }
        double second = 0;
        if (!isGammaPole(a) && !isGammaPole(b)) {
            double logCoefficient = logAbsGamma(c) + logAbsGamma(-m) - logAbsGamma(a) - logAbsGamma(b) + m * Math.log(w);
            double sign = signGamma(c) * signGamma(-m) * signGamma(a) * signGamma(b);
            second = sign * Math.exp(logCoefficient) * (1 + tail((c - a) * (c - b) / (1 + m) * w, c - a, c - b, 1 + m, w));
        }
        return first + second;
    }
}
