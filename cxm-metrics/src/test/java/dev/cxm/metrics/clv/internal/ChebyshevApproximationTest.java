package dev.cxm.metrics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Oracle: the function approximated, evaluated in the test (Math.exp, Math.cos, Math.sin, a polynomial by
 * Horner's rule), at the Chebyshev nodes of every size the class may choose (16, 24, 32, 48, 64), between them
 * on a fine grid and at both ends of the interval. An accepted expansion has a truncation error below its
 * tolerance times the largest value, so at every point it agrees with the function to that plus rounding
 * (we allow 4e-14 of the largest value for a 1e-14 tolerance). And by Chebyshev theory: |x| on [-1, 1] has
 * coefficients 4 / (pi (k^2 - 1)) at even k (3e-4 at k = 62), so 64 nodes cannot reach 1e-14 and nothing is
 * returned; neither for a function that is NaN or infinite at a node.
 */
class ChebyshevApproximationTest {

    private static final int[] SIZES = {16, 24, 32, 48, 64};

    @Test
    void smoothFunctionsAreApproximatedAtTheNodesBetweenThemAndAtTheEnds() {
        check("exp on [0.5, 3]", Math::exp, 0.5, 3);
        check("1000 exp(-x) on [-2, 7]", x -> -1000 * Math.exp(-x), -2, 7);
        // Even and odd about the middle of a symmetric interval: every other coefficient is zero, so the
        // tail's three last coefficients must all count (cos(6x) needs about 30 terms, sin(6x) as many).
        check("cos(6x) on [-1, 1]", x -> Math.cos(6 * x), -1, 1);
        check("sin(6x) on [-1, 1]", x -> Math.sin(6 * x), -1, 1);
        check("cos(3x) on [-2, 2]", x -> Math.cos(3 * x), -2, 2);
        // Smooth but needing many terms: the log of a shifted argument, as CustomerLifetimeValue uses it.
        check("log(x + 2) on [0, 10]", x -> Math.log(x + 2), 0, 10);
        // A polynomial of degree 12 is represented exactly by 16 nodes; degree 20 needs 24.
        check("a polynomial of degree 12", x -> polynomial(x, 12), -0.5, 2.5);
        check("a polynomial of degree 20", x -> polynomial(x, 20), -0.5, 1.5);
        check("the constant 2.5", x -> 2.5, 4, 9);
    }

    @Test
    void theZeroFunctionIsApproximatedExactly() {
        // Its tail is 0 and its largest value 0: accepted (0 <= tolerance times the smallest normal), and 0.
        // Even at tolerance 0: a tail of exactly 0 is not above 0.
        for (double tolerance : new double[] {1e-14, 0}) {
            ChebyshevApproximation zero = ChebyshevApproximation.of(x -> 0, 1, 2, tolerance).orElseThrow();
            for (double x = 1; x <= 2; x += 0.125) {
                assertThat(zero.value(x)).isZero();
            }
        }
    }

    @Test
    void nothingIsReturnedWhereSixtyFourNodesDoNotReachTheTolerance() {
        assertThat(ChebyshevApproximation.of(Math::abs, -1, 1, 1e-14)).isEmpty();
        // The same function asked for 1e-2 only is accepted (its last three coefficients add to about 7e-3 at 16 nodes).
        assertThat(ChebyshevApproximation.of(Math::abs, -1, 1, 1e-2)).isPresent();
        assertThat(ChebyshevApproximation.of(x -> x > 0.5 ? Double.NaN : x, 0, 1, 1e-14)).isEmpty();
        assertThat(ChebyshevApproximation.of(x -> 1 / (x - 1), 0, 1, 1e-14)).isEmpty();
        assertThat(ChebyshevApproximation.of(x -> Math.log(x), 0, 1, 1e-14)).isEmpty();
    }

    private static double polynomial(double x, int degree) {
        double value = 0;
        for (int k = degree; k >= 0; k--) {
            value = value * x + (k % 3 == 0 ? 1.0 : -0.5) / (k + 1);
        }
        return value;
    }

    private static void check(String what, DoubleUnaryOperator f, double lower, double upper) {
        Optional<ChebyshevApproximation> found = ChebyshevApproximation.of(f, lower, upper, 1e-14);
        assertThat(found).as(what).isPresent();
        ChebyshevApproximation approximation = found.orElseThrow();
        double largest = 0;
        for (double x = lower; x <= upper; x += (upper - lower) / 1000) {
            largest = Math.max(largest, Math.abs(f.applyAsDouble(x)));
        }
        double tolerance = 4e-14 * largest;
        for (int n : SIZES) {
            for (int k = 0; k < n; k++) {
                double x = lower + (upper - lower) * (Math.cos(Math.PI * (k + 0.5) / n) + 1) / 2;
                assertThat(approximation.value(x)).as("%s at node %d of %d", what, k, n)
                        .isCloseTo(f.applyAsDouble(x), within(tolerance));
            }
        }
        for (int i = 0; i <= 997; i++) {
            double x = i == 997 ? upper : lower + (upper - lower) * i / 997;
            assertThat(approximation.value(x)).as("%s at %s", what, x).isCloseTo(f.applyAsDouble(x),
                    within(tolerance));
        }
    }
}
