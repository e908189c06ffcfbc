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
    private static final double SERIES_LIMIT = 0.9;
    private static final int MAX_TERMS = 2_000_000;
    /** Within this of an integer, c - a - b is treated by interpolation around the logarithmic case. */
    private static final double NEAR_INTEGER = 1e-3;
    /** The spacing in c of the interpolation nodes around an integer c - a - b. */
    private static final double NODE_SPACING = 4e-3;
    private static final double EULER_GAMMA = 0.57721566490153286061;

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
     * function overflows. Where {@code c - a - b} is an integer the connection formula is 0/0 and the
     * logarithmic case (DLMF 15.8.10) is used; within {@value #NEAR_INTEGER} of an integer, a polynomial in
     * {@code c} through the logarithmic value and the connection formula at
     * {@code c - a - b = m ± h, m ± 2h} ({@code h =} {@value #NODE_SPACING}).
     */
    public static double hypergeometric2F1(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("z: " + z + " is outside [0, 1)");
        }
        if (z <= SERIES_LIMIT || seriesIsFast(a, b, c, z) || isGammaPole(a) || isGammaPole(b)) {
            return 1 + tail(a * b / c * z, a, b, c, z);
        }
        double m = c - a - b;
        double nearest = Math.rint(m);
        if (nearest < 0) {
            // Euler's transformation turns the function that diverges at z = 1 into one that is bounded there.
            return Math.exp(m * Math.log(1 - z)) * hypergeometric2F1(c - a, c - b, c, z);
        }
        double offset = m - nearest;
        if (offset == 0) {
            return logarithmicCase(a, b, (int) nearest, z);
        }
        if (Math.abs(offset) < NEAR_INTEGER) {
            // F is analytic in c: interpolate at the offset through the nodes 0, +-h, +-2h around the integer.
            double[] nodes = {-2 * NODE_SPACING, -NODE_SPACING, 0, NODE_SPACING, 2 * NODE_SPACING};
            double sum = 0;
            for (int j = 0; j < nodes.length; j++) {
                double value = nodes[j] == 0 ? logarithmicCase(a, b, (int) nearest, z)
                        : connection(a, b, c - offset + nodes[j], z);
                double weight = 1;
                for (int i = 0; i < nodes.length; i++) {
                    if (i != j) {
                        weight *= (offset - nodes[i]) / (nodes[j] - nodes[i]);
                    }
                }
                sum += weight * value;
            }
            return sum;
        }
        return connection(a, b, c, z);
    }

    /**
     * Returns {@code c (2F1(a, b; c; z) - 1) / b}, continued in {@code b} at {@code b = 0} and in {@code c}
     * at {@code c = 0} (where {@code 2F1} has a pole that the factor c cancels), for {@code 0 <= z < 1} and
     * {@code c > -1}: the part of a hypergeometric function that vanishes with {@code b}, without
     * cancellation. Its series is {@code sum over k >= 1 of (a)_k (b + 1)_(k-1) / ((c + 1)_(k-1) k!) z^k},
     * as {@code (c)_k = c (c + 1)_(k-1)}.
     */
    public static double hypergeometric2F1Tail(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("z: " + z + " is outside [0, 1)");
        }
        if (Math.abs(b) <= 1e-3 || z <= SERIES_LIMIT || seriesIsFast(a, b, c, z)) {
            return tail(a * z, a, b, c, z);
        }
        if (Math.abs(c) < 0.5) {
            // Gauss's contiguous relation c [F(a, b; c; z) - F(a, b; c + 1; z)] = z a b / (c + 1) F(a + 1, b + 1; c + 2; z)
            return c * (hypergeometric2F1(a, b, c + 1, z) - 1) / b
                    + z * a / (c + 1) * hypergeometric2F1(a + 1, b + 1, c + 2, z);
        }
        return c * (hypergeometric2F1(a, b, c, z) - 1) / b;
    }

    /**
     * Returns {@link #hypergeometric2F1Tail} at several arguments at once: one pass of the series whose
     * coefficients are shared, so k terms cost k divisions however many arguments there are. Arguments where
     * the series would be slow are evaluated one by one.
     */
    public static double[] hypergeometric2F1Tail(double a, double b, double c, double[] z) {
        double[] sums = new double[z.length];
        double largest = 0;
        boolean joint = true;
        for (double value : z) {
            if (value < 0 || value >= 1) {
                throw new IllegalArgumentException("z: " + value + " is outside [0, 1)");
            }
            largest = Math.max(largest, value);
            joint &= Math.abs(b) <= 1e-3 || value <= SERIES_LIMIT || seriesIsFast(a, b, c, value);
        }
        if (!joint) {
            for (int i = 0; i < z.length; i++) {
                sums[i] = hypergeometric2F1Tail(a, b, c, z[i]);
            }
            return sums;
        }
        double[] powers = z.clone();
        double coefficient = a;
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

    /**
     * Returns the digamma function {@code psi(x)} to about 1e-15 relative (Hipparchus's is good to about
     * 1e-9): by the recurrence up to {@code x >= 10}, the asymptotic series there, and reflection below 0.5.
     */
    public static double digamma(double x) {
        if (x < 0.5) {
            // pi cot(pi x) has period 1: taken at the exact remainder x - rint(x), in [-1/2, 1/2]
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * (x - Math.rint(x)));
        }
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double inverse2 = 1 / (x * x);
        double series = inverse2 * (1.0 / 12 - inverse2 * (1.0 / 120 - inverse2 * (1.0 / 252 - inverse2
                * (1.0 / 240 - inverse2 * (1.0 / 132 - inverse2 * (691.0 / 32760 - inverse2 / 12))))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    /**
     * Returns the sign of {@code Gamma(x)}: +1, or -1 where an odd number of poles lies between 0 and x; 0 at a
     * pole ({@link #isGammaPole}), where Gamma has no sign.
     */
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

    /**
     * Returns sin(pi x) from the exact remainder of x about its nearest integer n,
     * {@code sin(pi x) = (-1)^n sin(pi (x - n))}, so that it keeps its relative accuracy beside every integer
     * (where a remainder modulo 2 would round away the digits that matter).
     */
    private static double sinPi(double x) {
        double nearest = Math.rint(x);
        double sign = nearest % 2 == 0 ? 1 : -1;
        return sign * Math.sin(Math.PI * (x - nearest));
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

    /**
     * Returns {@code 2F1(a, b; a + b + m; z)} for integer {@code m >= 0} (the caller has applied Euler's
     * transformation to a negative m), neither a nor b a non-positive integer, so that neither are a + m and
     * b + m: DLMF 15.8.10 (Abramowitz &amp; Stegun 15.3.11).
     */
    private static double logarithmicCase(double a, double b, int m, double z) {
        double w = 1 - z;
        double c = a + b + m;
        double logW = Math.log(w);
        double finite = 0;
        if (m > 0) {
            // Gamma(m) Gamma(c) / (Gamma(a + m) Gamma(b + m)) sum_{k < m} (a)_k (b)_k / (k! (1 - m)_k) w^k
            double scale = Math.exp(Gamma.logGamma(m) + logAbsGamma(c) - logAbsGamma(a + m) - logAbsGamma(b + m))
                    * signGamma(c) * signGamma(a + m) * signGamma(b + m);
            double term = 1;
            double sum = 1;
            for (int k = 0; k < m - 1; k++) {
                term *= (a + k) * (b + k) / ((k + 1) * (1.0 - m + k)) * w;
                sum += term;
            }
            finite = scale * sum;
        }
        // - (-w)^m Gamma(c) / (Gamma(a) Gamma(b)) sum_n (a + m)_n (b + m)_n / (n! (n + m)!) w^n
        //   * [ln w - psi(n + 1) - psi(n + m + 1) + psi(a + n + m) + psi(b + n + m)]
        double logScale = logAbsGamma(c) - logAbsGamma(a) - logAbsGamma(b) + m * logW - Gamma.logGamma(m + 1.0);
        double sign = signGamma(c) * signGamma(a) * signGamma(b) * (m % 2 == 0 ? -1 : 1);
        double harmonicN = 0;
        double harmonicNM = 0;
        for (int j = 1; j <= m; j++) {
            harmonicNM += 1.0 / j;
        }
        double psiA = digamma(a + m);
        double psiB = digamma(b + m);
        double coefficient = 1;
        double sum = 0;
        for (int n = 0; n < MAX_TERMS; n++) {
            double bracket = logW + 2 * EULER_GAMMA - harmonicN - harmonicNM + psiA + psiB;
            double term = coefficient * bracket;
            sum += term;
            double ratio = (a + m + n) * (b + m + n) / ((n + 1.0) * (n + m + 1.0)) * w;
            if (Math.abs(term) <= EPSILON * Math.abs(sum) && Math.abs(ratio) < 1 && n > 0 || coefficient == 0) {
                break;
            }
            coefficient *= ratio;
            psiA += 1 / (a + m + n);
            psiB += 1 / (b + m + n);
            harmonicN += 1.0 / (n + 1);
            harmonicNM += 1.0 / (n + m + 1);
        }
        return finite + sign * Math.exp(logScale) * sum;
    }

    /** DLMF 15.8.4 for c - a - b not an integer, neither a nor b a non-positive integer. */
    private static double connection(double a, double b, double c, double z) {
        double m = c - a - b;
        double w = 1 - z;
        double first = 0;
        if (!isGammaPole(c - a) && !isGammaPole(c - b)) {
            double logCoefficient = logAbsGamma(c) + logAbsGamma(m) - logAbsGamma(c - a) - logAbsGamma(c - b);
            double sign = signGamma(c) * signGamma(m) * signGamma(c - a) * signGamma(c - b);
            first = sign * Math.exp(logCoefficient) * (1 + tail(a * b / (1 - m) * w, a, b, 1 - m, w));
        }
        double logCoefficient = logAbsGamma(c) + logAbsGamma(-m) - logAbsGamma(a) - logAbsGamma(b) + m * Math.log(w);
        double sign = signGamma(c) * signGamma(-m) * signGamma(a) * signGamma(b);
        double second = sign * Math.exp(logCoefficient)
                * (1 + tail((c - a) * (c - b) / (1 + m) * w, c - a, c - b, 1 + m, w));
        return first + second;
    }
}
