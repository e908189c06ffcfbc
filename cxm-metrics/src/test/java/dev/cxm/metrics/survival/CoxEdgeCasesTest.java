package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ModelFit;

/**
 * Cox fits at the edges the main test does not reach: a covariate that differs for one subject only (added
 * first), a constant covariate between two varying ones, collinearity among three covariates, the iteration
 * limit of 1, and the configuration's bounds. The one coefficient is checked against its score equation
 * solved by bisection in the test (a brute-force oracle); the rest are the documented rules.
 */
class CoxEdgeCasesTest {

    /**
     * Six subjects churn at 1..6; only the one churning at 3 has the flag. Without ties the partial likelihood
     * is L(b) = [1 / (e^b + 5)] [1 / (e^b + 4)] [e^b / (e^b + 3)] (the later risk sets lack the flagged subject),
     * whose score is 1 - e^b / (e^b + 5) - e^b / (e^b + 4) - e^b / (e^b + 3).
     */
    private static SurvivalData rareFlag() {
        // The flagged subject is added first: the rows' order is not the time order.
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, "flag").add(3, true,
                SurvivalData.DEFAULT_GROUP, 1);
        for (int day : new int[] {1, 2, 4, 5, 6}) {
            builder.add(day, true, SurvivalData.DEFAULT_GROUP, 0);
        }
        return builder.build();
    }

    private static double score(double b) {
        double e = Math.exp(b);
        return 1 - e / (e + 5) - e / (e + 4) - e / (e + 3);
    }

    @Test
    void aCovariateThatDiffersForOneSubjectOnlyIsEstimated() {
        // Oracle: the root of the score equation above, by bisection on [-10, 10] (the score decreases in b).
        double low = -10;
        double high = 10;
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            if (score(mid) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }

        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(rareFlag());

        assertThat(fit.converged()).as("%s", fit.problem()).isTrue();
        assertThat(fit.requireModel().coefficient("flag").coef()).isCloseTo(low, within(1e-6));
    }

    @Test
    void oneIterationIsAllTheLimitOfOneAllows() {
        // Newton's method from 0 needs more than one step on these data (the root is not 0, and the first step
        // overshoots or falls short of it); with a limit of 1 the fit stops after exactly one.
        ModelFit<CoxModel> fit = CoxProportionalHazards.custom().maxIterations(1).build().fit(rareFlag());

        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(1);
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("no convergence in 1 iterations; the coefficient of flag is still moving"));
    }

    @Test
    void aConstantCovariateBetweenVaryingOnesIsNamedAsConstant() {
        // Rule: a covariate with one value for every subject cannot be estimated; the problem names it and the
        // value, whatever its column (here the middle one of three).
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "age", "plan", "tenure")
                .add(1, true, SurvivalData.DEFAULT_GROUP, 30, 5, 2)
                .add(2, false, SurvivalData.DEFAULT_GROUP, 40, 5, 7)
                .add(3, true, SurvivalData.DEFAULT_GROUP, 35, 5, 1)
                .add(4, true, SurvivalData.DEFAULT_GROUP, 50, 5, 9)
                .build();

        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(data);

        assertThat(fit.converged()).isFalse();
        assertThat(fit.problem()).contains("covariate plan: every subject has the value 5.0; a constant covariate"
                + " cannot be estimated, drop it");
    }

    @Test
    void aCovariateThatIsTheSumOfTwoOthersIsNamedAsCollinear() {
        // Oracle: total = a + b on every row, so total is a linear combination of [a, b].
        double[][] rows = {{1, 0}, {0, 1}, {2, 1}, {1, 3}, {4, 0}, {2, 2}};
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, "a", "b", "total");
        for (int i = 0; i < rows.length; i++) {
            builder.add(i + 1, i % 3 != 2, SurvivalData.DEFAULT_GROUP, rows[i][0], rows[i][1], rows[i][0] + rows[i][1]);
        }

        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(builder.build());

        assertThat(fit.converged()).isFalse();
        assertThat(fit.problem()).contains("covariate total: it is a linear combination of [a, b]; collinear covariates"
                + " cannot be estimated, drop one of them");
    }

    @Test
    void theToleranceMayBeItsDocumentedMaximumButNotMore() {
        // Rule (Javadoc of tolerance()): the tolerance lies in (0, 0.01].
        assertThat(CoxProportionalHazards.custom().tolerance(0.01).build().tolerance()).isEqualTo(0.01);
        assertThatThrownBy(() -> CoxProportionalHazards.custom().tolerance(Math.nextUp(0.01)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance: " + Math.nextUp(0.01) + " is outside (0, 0.01]");
        assertThatThrownBy(() -> CoxProportionalHazards.custom().tolerance(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tolerance: 0.0 is outside (0, 0.01]");
    }

    @Test
    void distinctConfigurationsHashApart() {
        // Brute force: 2 tie methods x 3 levels x 3 limits are 18 distinct configurations; a host keying a map
        // by configuration needs their hashes spread (a few collisions allowed).
        Set<Integer> hashes = new HashSet<>();
        for (TieMethod ties : TieMethod.values()) {
            for (double level : new double[] {0.9, 0.95, 0.99}) {
                for (int limit : new int[] {5, 20, 50}) {
                    hashes.add(CoxProportionalHazards.custom().ties(ties).level(level).maxIterations(limit).build()
                            .hashCode());
                }
            }
        }

        assertThat(hashes).hasSizeGreaterThan(15);
    }
}
