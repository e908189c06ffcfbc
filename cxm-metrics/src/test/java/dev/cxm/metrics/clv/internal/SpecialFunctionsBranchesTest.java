package dev.cxm.metrics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Oracle: mpmath 1.3.0 at 50 digits from the exact double arguments, printed by
 * src/test/resources/clv/special-functions-oracle.py (run {@code python3 special-functions-oracle.py}; the rows
 * below are its output, with a tolerance class added): each function of {@link SpecialFunctions} on both sides
 * of each switch between its methods, at the thresholds themselves (the doubles on either side), and at tiny,
 * huge, integer and half-integer arguments. The tail's oracle is a z 3F2(a + 1, b + 1, 1; c + 1, 2; z), which
 * the script checks against c (2F1 - 1) / b wherever b, c are non-zero.
 *
 * <p>Tolerances, relative, are what each method promises (measured errors in brackets): {@link #EXACT} 1e-13 for
 * the power series, the logarithmic case, Euler's transformation and the terminating series (rounding only;
 * up to 4e-14 where tens of thousands of terms are summed); {@link #CONNECTION} 1e-12 for the connection formula
 * and the tail's contiguous relation (coefficients from log-gammas near 10, and the cancellation in c (F - 1) / b
 * for |b| just above 1e-3: up to 3e-13); {@link #NEAR_INTEGER} 1e-11 within 2e-3 of an integer c - a - b (the
 * interpolation and the connection formula beside it: up to 2e-12).
 */
class SpecialFunctionsBranchesTest {

    private static final double EXACT = 1e-13;
    private static final double CONNECTION = 1e-12;
    private static final double NEAR_INTEGER = 1e-11;

    @Test
    void hypergeometricOnBothSidesOfEverySwitch() {
        // a, b, c, z, 2F1(a, b; c; z), tolerance
        double[][] cases = {
                {0.7, 1.3, 2.1, 0.0, 1.0, EXACT},
                {0.7, 1.3, 2.1, 0.9, 2.2336542543517068, EXACT},
                {0.7, 1.3, 2.1, 0.9000000000000001, 2.2336542543517074, CONNECTION},
                {0.25, 0.5, 0.75, 0.95, 1.5365804066221469, EXACT},
                {0.25, 0.5, 0.75, 0.99999999, 4.4730545587082888, EXACT},
                {1.5, 0.75, 3.25, 0.97, 1.9031846990452153, EXACT},
                {0.625, 1.125, 3.75, 0.93, 1.2956776766865509, EXACT},
                {2.5, 0.5, 6.0, 0.999, 1.3788195981376352, EXACT},
                {1.25, 2.5, 6.75, 0.91, 1.8557350637969002, EXACT},
                {0.5, 0.75, 1.250999, 0.96, 2.1561353109030638, NEAR_INTEGER},
                {0.5, 0.75, 1.251001, 0.96, 2.1561309265703687, NEAR_INTEGER},
                {0.5, 0.75, 1.249001, 0.96, 2.1605278788273801, NEAR_INTEGER},
                {0.5, 0.75, 1.248999, 0.96, 2.1605322884549471, NEAR_INTEGER},
                {1.5, 0.75, 3.2505, 0.97, 1.9028442940424057, NEAR_INTEGER},
                {1.5, 0.75, 3.2498, 0.97, 1.9033209262245073, NEAR_INTEGER},
                {0.625, 1.125, 3.7509, 0.995, 1.3437131413291428, NEAR_INTEGER},
                {0.625, 1.125, 3.7491, 0.995, 1.3440159927954615, NEAR_INTEGER},
                {1.5, 2.0, 2.2, 0.95, 54.097282641747065, CONNECTION},
                {1.2, 0.9, 1.5, 0.98, 13.44761336393477, CONNECTION},
                {1.5, 2.5, 2.0, 0.97, 949.95584113643653, EXACT},
                {0.9, 1.1, 1.6, 0.99, 10.916793862782706, CONNECTION},
                {2.3, -2.3, 0.3, 0.95, 2.5212473586518951, CONNECTION},
                {1.5, -0.7, 1.1, 0.95, -0.32855117473016981, CONNECTION},
                {-0.7, 1.5, 1.1, 0.95, -0.32855117473016981, CONNECTION},
                {1.5, -0.7, 2.1, 0.95, 0.42442810299741003, CONNECTION},
                {-0.4, 0.3, 0.2, 0.97, -0.23651808493543342, CONNECTION},
                {-1.5, 0.7, 0.5, 0.95, -0.28082020861120584, CONNECTION},
                {0.7, -1.5, 0.5, 0.95, -0.28082020861120584, CONNECTION},
                {-3.0, 1.7, 2.2, 0.99, 0.064730637276785748, EXACT},
                {0.8, -2.0, 1.4, 0.999, 0.28600042857142851, EXACT},
                {0.5, 0.25, 70.0, 0.995, 1.0018007590935263, CONNECTION},
                {0.5, 0.25, 70.00000000000001, 0.995, 1.0018007590935263, EXACT},
                {0.5, 0.25, 200.0, 0.999, 1.0006273116469075, CONNECTION},
                {0.5, 0.25, 200.0, 0.9989999999999999, 1.0006273116469075, EXACT},
                {0.5, 0.5, 80.0, 0.995, 1.0031534730042267, EXACT},
        };
        for (double[] c : cases) {
            assertThat(SpecialFunctions.hypergeometric2F1(c[0], c[1], c[2], c[3]))
                    .as("2F1(%s, %s; %s; %s)", c[0], c[1], c[2], c[3]).isCloseTo(c[4], within(c[5] * Math.abs(c[4])));
        }
    }

    @Test
    void hypergeometricTailOnBothSidesOfEverySwitch() {
        // a, b, c, z, c (2F1(a, b; c; z) - 1) / b (continued at b = 0 and c = 0), tolerance
        double[][] cases = {
                {0.7, 0.3, 2.0, 0.0, 0.0, EXACT},
                {0.7, 0.3, 2.0, 1e-10, 0.000000000070000000002578331, EXACT},
                {0.7, 0.3, 2.0, 0.5, 0.43894504137103625, EXACT},
                {0.7, 0.3, 2.0, 0.9, 1.0987822935760331, EXACT},
                {0.7, 0.3, 2.0, 0.9000000000000001, 1.0987822935760334, CONNECTION},
                {0.7, 0.3, 2.0, 0.999, 1.4969718716124779, CONNECTION},
                {0.7, 0.001, 2.0, 0.95, 1.0468524440162225, EXACT},
                {0.7, 0.0010000000000000002, 2.0, 0.95, 1.0468524440162225, CONNECTION},
                {0.7, 0.0, 2.0, 0.99, 1.1497396758743252, EXACT},
                {0.7, -0.001, 2.0, 0.99, 1.1489805333933717, EXACT},
                {0.7, 0.0011, 1.3, 0.999, 1.7351966811958904, CONNECTION},
                {0.7, 0.3, 0.0, 0.95, 15.800255455633436, CONNECTION},
                {0.7, 0.3, 0.49, 0.97, 6.6398853732046907, CONNECTION},
                {0.7, 0.3, 0.5, 0.97, 6.4927621383915475, CONNECTION},
                {0.7, 0.3, -0.3, 0.97, 90.716066146492501, CONNECTION},
                {1.5, -0.4, -0.5, 0.97, 323.51593005897867, CONNECTION},
                {0.7, 0.3, 0.3, 0.999, 124.8925411794166, CONNECTION},
                {0.7, 0.0, 0.0, 0.999, 124.8925411794166, EXACT},
                {2.5, 1.5, 0.2, 0.93, 55253.816486098563, CONNECTION},
                {0.5, 0.5, 90.0, 0.998, 0.50530053585241139, EXACT},
                {0.7, 0.001, 2.0, 0.5, 0.41540080095682059, EXACT},
                {0.7, 0.001, 2.0, 0.999, 1.1807531586940935, EXACT},
                {1e-06, 0.3, 2.0, 0.5, 0.00000056821018130874019, EXACT},
                {1e-06, 0.3, 2.0, 0.9, 0.0000012000222072772756, EXACT},
                {1.5, 1.5, 2.0, 0.5, 1.5432138730046899, EXACT},
                {1.5, 1.5, 2.0, 0.999999, 1697645.6259563853, CONNECTION},
        };
        for (double[] c : cases) {
            assertThat(SpecialFunctions.hypergeometric2F1Tail(c[0], c[1], c[2], c[3]))
                    .as("tail(%s, %s; %s; %s)", c[0], c[1], c[2], c[3])
                    .isCloseTo(c[4], within(c[5] * Math.abs(c[4])));
        }
        // several arguments at once: the joint series (every z at most 0.9, or |b| <= 1e-3), and one by one where
        // an argument is beyond the series' reach; each value as the scalar oracle's
        assertTails(0.7, 0.3, 2.0, new double[] {0.0, 1e-10, 0.5, 0.9}, new double[] {0.0,
                0.000000000070000000002578331, 0.43894504137103625, 1.0987822935760331}, EXACT);
        assertTails(0.7, 0.001, 2.0, new double[] {0.5, 0.95, 0.999}, new double[] {0.41540080095682059,
                1.0468524440162225, 1.1807531586940935}, EXACT);
        assertTails(0.7, 0.3, 2.0, new double[] {0.5, 0.999, 0.9}, new double[] {0.43894504137103625,
                1.4969718716124779, 1.0987822935760331}, CONNECTION);
        assertTails(1.5, 1.5, 2.0, new double[] {0.5, 0.999999}, new double[] {1.5432138730046899,
                1697645.6259563853}, CONNECTION);
        assertTails(1.5, 1.5, 2.0, new double[] {0.999999}, new double[] {1697645.6259563853}, CONNECTION);
        assertTails(1e-6, 0.3, 2.0, new double[] {0.5, 0.9}, new double[] {0.00000056821018130874019,
                0.0000012000222072772756}, EXACT);
        assertTails(0.0, 0.3, 2.0, new double[] {0.5, 0.9}, new double[] {0.0, 0.0}, EXACT);
    }

    @Test
    void argumentsOutsideTheUnitIntervalAreRefused() {
        // the documented domain 0 <= z < 1: 1 and the double below 0 are refused, naming z
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1(0.5, 0.5, 1.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: 1.0");
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1(0.5, 0.5, 1.5, -Double.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: ");
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1Tail(0.5, 0.5, 1.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: 1.0");
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1Tail(0.5, 0.5, 1.5, -Double.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: ");
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1Tail(0.5, 0.5, 1.5, new double[] {0.5, 1.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: 1.0");
        // b = 0: the tail's series takes z, so only the tail's own check can refuse 1 (no 2F1 call behind it)
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1Tail(0.5, 0.0, 1.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: 1.0");
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1Tail(0.5, 0.0, 1.5, new double[] {0.5, 1.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: 1.0");
        double[] belowZero = {-Double.MIN_VALUE};
        assertThatThrownBy(() -> SpecialFunctions.hypergeometric2F1Tail(0.5, 0.5, 1.5, belowZero))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z: ");
    }

    @Test
    void logAbsGammaOnBothSidesOfTheReflection() {
        // x, log |Gamma(x)|: 0.5 and the doubles beside it, tiny and large x, and negative x beside 0 and beside
        // -1 (where a remainder modulo 2 used to lose 8 digits of sin(pi x)); to 4e-16 relative, absolute near 0
        double[][] cases = {
                {0.5, 0.57236494292470009},
                {0.5000000000000001, 0.57236494292469987},
                {0.49999999999999994, 0.5723649429247002},
                {3.7, 1.4280723266653881},
                {1e-300, 690.77552789821371},
                {1e-08, 18.420680738180209},
                {171.5, 709.14316303092824},
                {-1e-08, 18.420680749724522},
                {-0.5, 1.2655121234846454},
                {-2.5, -0.056243716497674051},
                {-7.3, -7.7791016298268517},
                {-100.7, -365.61225576180533},
                {-1.0000001, 16.118095608096032},
        };
        for (double[] c : cases) {
            assertThat(SpecialFunctions.logAbsGamma(c[0])).as("log|Gamma(%s)|", c[0])
                    .isCloseTo(c[1], within(4e-16 * Math.max(1, Math.abs(c[1]))));
        }
    }

    @Test
    void digammaOnBothSidesOfTheReflectionAndTheAsymptoticSeries() {
        // x, psi(x): 0.5 and the double below (reflection), 10 and the doubles beside it (the asymptotic series
        // with and without the recurrence), psi's positive zero, tiny, negative and huge x; to the 1e-15 relative
        // the method promises (absolute where |psi| < 1)
        double[][] cases = {
                {0.5, -1.9635100260214235},
                {0.49999999999999994, -1.9635100260214238},
                {9.999999999999998, 2.2517525890667209},
                {10.0, 2.2517525890667211},
                {10.000000000000002, 2.2517525890667213},
                {1.4616321449683622, -0.000000000000000092412655217294275},
                {1e-08, -100000000.57721565},
                {-1e-08, 99999999.422784317},
                {-2.7, -1.1153471291406896},
                {100000.0, 11.512920464961895},
                {1000000000000000.0, 34.538776394910685},
                {2.0, 0.42278433509846714},
                {25.5, 3.2189424728839198},
        };
        for (double[] c : cases) {
            assertThat(SpecialFunctions.digamma(c[0])).as("psi(%s)", c[0])
                    .isCloseTo(c[1], within(1e-15 * Math.max(1, Math.abs(c[1]))));
        }
    }

    @Test
    void expm1RatioOnBothSidesOfItsSeries() {
        // y, l, expm1(y l) / y (l at y = 0): products 5e-10 and 3e-10 (the two-term series), 1.001e-9 and 0.6
        // (expm1), negative y; to 2e-16 relative (the series' error (y l)^2 / 6 is below 2e-19 there)
        double[][] cases = {
                {0.0, 2.5, 2.5},
                {5e-11, 9.99, 9.9900000024950027},
                {1e-10, 10.01, 10.010000005010005},
                {-5e-11, 9.99, 9.9899999975049977},
                {3e-10, 2.0, 2.0000000006},
                {0.3, 2.0, 2.7403960013016965},
                {-0.3, 2.0, 1.5039612130199119},
                {1e-10, 0.0, 0.0},
        };
        for (double[] c : cases) {
            assertThat(SpecialFunctions.expm1Ratio(c[0], c[1])).as("expm1Ratio(%s, %s)", c[0], c[1])
                    .isCloseTo(c[2], within(2e-16 * Math.abs(c[2])));
        }
    }

    @Test
    void gammaSignAndPoles() {
        // Oracle: Gamma(x) > 0 for x > 0, and on (-n - 1, -n) its sign is (-1)^(n + 1); its poles are 0 and the
        // negative integers (DLMF 5.2.1, 5.5.3)
        double[][] signs = {{2.5, 1}, {1.5, 1}, {Double.MIN_VALUE, 1}, {-Double.MIN_VALUE, -1}, {-1e-8, -1}, {-0.5, -1},
                {-1.5, 1}, {-2.5, -1}, {-3.5, 1}, {-1.0000001, 1}, {-0.9999999, -1}, {-1000000.5, -1}, {-1000001.5, 1}};
        for (double[] c : signs) {
            assertThat(SpecialFunctions.signGamma(c[0])).as("sign Gamma(%s)", c[0]).isEqualTo(c[1]);
        }
        for (double pole : new double[] {0.0, -0.0, -1.0, -3.0, -1e6}) {
            assertThat(SpecialFunctions.isGammaPole(pole)).as("pole at %s", pole).isTrue();
        }
        for (double x : new double[] {Double.MIN_VALUE, 1.0, 2.0, -Double.MIN_VALUE, -0.5, -2.5, -1e6 - 0.5}) {
            assertThat(SpecialFunctions.isGammaPole(x)).as("pole at %s", x).isFalse();
        }
    }

    private static void assertTails(double a, double b, double c, double[] z, double[] expected, double tolerance) {
        double[] tails = SpecialFunctions.hypergeometric2F1Tail(a, b, c, z);
        assertThat(tails).as("tails(%s, %s; %s; %s)", a, b, c, Arrays.toString(z)).hasSize(z.length);
        for (int i = 0; i < z.length; i++) {
            assertThat(tails[i]).as("tail(%s, %s; %s; %s)", a, b, c, z[i])
                    .isCloseTo(expected[i], within(tolerance * Math.abs(expected[i])));
        }
    }
}
