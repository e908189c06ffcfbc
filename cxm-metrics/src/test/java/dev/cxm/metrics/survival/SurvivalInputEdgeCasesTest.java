package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.survival.internal.Cholesky;

/**
 * Input rules of the survival data at their edges: a blank group in the first row and after another group, a
 * declared group nobody belongs to, a duration of -0.0 (the same time as 0), an event column that is the file's
 * first column with its flags in words, and the relative pivot tolerance of the factorisation that names collinear
 * columns. Expected values are the documented rules (messages by field and rule) and, for the curve, Kaplan-Meier
 * by the product formula worked by hand.
 */
class SurvivalInputEdgeCasesTest {

    @Test
    void aBlankGroupIsRefusedInTheFirstRowAndAfterAnother() {
        assertThatThrownBy(() -> SurvivalData.builder(ChronoUnit.DAYS).add(1, true, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1: the group is blank");
        assertThatThrownBy(() -> SurvivalData.builder(ChronoUnit.DAYS).add(1, true, "a").add(2, true, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row 2: the group is blank");
    }

    @Test
    void aDeclaredGroupWithoutSubjectsIsRefused() {
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS).groups("a", "b").add(1, true, "a");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group: \"b\" was declared but no subject belongs to it");
    }

    @Test
    void aDurationOfMinusZeroIsTheTimeZero() {
        // By hand: three subjects churn at -0.0, 0 and 1: one step at 0 with 2 of 3 churned, S = 1/3, then S = 0.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS).add(-0.0, true).add(0, true).add(1, true).build();

        assertThat(Double.doubleToRawLongBits(data.duration(1))).isZero();
        SurvivalCurve curve = KaplanMeier.ofDefaults().fit(data);
        assertThat(curve.timeline()).hasSize(2);
        assertThat(curve.at(0).survival()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void flagsInWordsAreReadFromTheFirstColumn() throws IOException {
        SurvivalData data = SurvivalCsv.custom(ChronoUnit.DAYS).build()
                .read(new StringReader("event,duration\ntrue,3\nFALSE,4\nTrue,5\n0,6\n"));

        assertThat(data.observed(1)).isTrue();
        assertThat(data.observed(2)).isFalse();
        assertThat(data.observed(3)).isTrue();
        assertThat(data.observed(4)).isFalse();
        assertThat(data.duration(3)).isEqualTo(5.0);
    }

    @Test
    void distinctReaderConfigurationsHashApart() {
        SurvivalCsv comma = SurvivalCsv.custom(ChronoUnit.DAYS).build();
        SurvivalCsv semicolon = SurvivalCsv.custom(ChronoUnit.DAYS).separator(';').build();

        assertThat(comma).isNotEqualTo(semicolon);
        assertThat(comma.hashCode()).isNotEqualTo(semicolon.hashCode());
        assertThat(comma).hasSameHashCodeAs(SurvivalCsv.from(comma).build());
        KaplanMeier ninety = KaplanMeier.custom().level(0.9).build();
        assertThat(ninety.hashCode()).isNotEqualTo(KaplanMeier.ofDefaults().hashCode());
        assertThat(ninety).hasSameHashCodeAs(KaplanMeier.from(ninety).build());
    }

    @Test
    void aColumnIsSingularWhenItsPivotIsATinyShareOfItsDiagonal() {
        // Column 1 of [[1e6, 1e6], [1e6, 1e6 + d]] keeps the pivot d after column 0 (closed form): with d = 1e-4
        // that is 1e-10 of its diagonal, below the relative tolerance 1e-9; with d = 1e-2 it is 1e-8, above it.
        assertThat(Cholesky.factor(new double[][] {{1e6, 1e6}, {1e6, 1e6 + 1e-4}}, Cholesky.DEFAULT_TOLERANCE)
                .firstSingular()).isEqualTo(1);
        assertThat(Cholesky.factor(new double[][] {{1e6, 1e6}, {1e6, 1e6 + 1e-2}}, Cholesky.DEFAULT_TOLERANCE)
                .firstSingular()).isEqualTo(-1);
        // The same matrices scaled down by 1e12: the rule is relative, so the answers stay.
        assertThat(Cholesky.factor(new double[][] {{1e-6, 1e-6}, {1e-6, 1e-6 + 1e-16}}, Cholesky.DEFAULT_TOLERANCE)
                .firstSingular()).isEqualTo(1);
        assertThat(Cholesky.factor(new double[][] {{1e-6, 1e-6}, {1e-6, 1e-6 + 1e-14}}, Cholesky.DEFAULT_TOLERANCE)
                .firstSingular()).isEqualTo(-1);
    }

    @Test
    void theRecordsTakeTheClosedEndsOfTheirRanges() {
        // Documented ranges: a band within [0, 1] (both ends allowed), a standard error of 0 or more, a p-value in
        // [0, 1]; a coefficient's standard error must be positive.
        OptionalDouble zero = OptionalDouble.of(0);
        SurvivalStep step = new SurvivalStep(2, 3, 1, 0, 0.5, zero, OptionalDouble.of(0), OptionalDouble.of(1));
        assertThat(step.lower()).hasValue(0.0);
        assertThat(step.upper()).hasValue(1.0);
        ConfidenceInterval coefInterval = new ConfidenceInterval(-1, 1, 0.95, "wald");
        ConfidenceInterval ratioInterval = new ConfidenceInterval(Math.exp(-1), Math.E, 0.95, "wald");
        for (double p : new double[] {0, 1}) {
            assertThat(new CoxCoefficient("x", 0, 0.5, 1, 0, p, coefInterval, ratioInterval).pValue()).isEqualTo(p);
        }
        assertThatThrownBy(() -> new CoxCoefficient("x", 0, 0, 1, 0, 1, coefInterval, ratioInterval))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x: coef 0.0 with standard error 0.0; both must be finite, the standard error positive");
        assertThat(new SurvivalPoint(1, 0).survival()).isZero();
        assertThat(new SurvivalPoint(1, 1).survival()).isEqualTo(1.0);
        for (double survival : new double[] {-0.1, 1.1, Double.NaN}) {
            assertThatThrownBy(() -> new SurvivalPoint(1, survival)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("survival: " + survival + " is outside [0, 1]; it is a probability");
        }
        assertThatThrownBy(() -> new LogRankResult(-1, 1, 0.5, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("statistic: -1.0 is not a number zero or more");
        assertThatThrownBy(() -> new LogRankResult(1, 1, 1.5, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue: 1.5 is outside [0, 1]");
    }
}
