package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.Estimate;

/**
 * Compares two feedback results field by field: counts, scales and names exactly, every double within a
 * relative {@value #RELATIVE} (of the larger magnitude, at least 1). For weighted data only: sums of
 * weights are floating-point sums whose last bits depend on the order of the additions, which merging,
 * reordering and concurrent recording change; the tolerance is far above that rounding (about 1e-14 for
 * the sizes the tests use) and far below any difference a wrong count or a lost response makes.
 */
final class CloseResults {

    static final double RELATIVE = 1e-9;

    private CloseResults() {}

    /** Asserts that {@code actual} is {@code expected} up to the rounding of weighted sums. */
    static void assertClose(FeedbackResult expected, FeedbackResult actual) {
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(actual.scale()).isEqualTo(expected.scale());
        assertThat(actual.n()).as("n").isEqualTo(expected.n());
        close("totalWeight", expected.totalWeight(), actual.totalWeight());
        close("effectiveN", expected.effectiveN(), actual.effectiveN());
        close("score", expected.score(), actual.score());
        close("interval", expected.interval(), actual.interval());
        if (expected instanceof NpsResult e && actual instanceof NpsResult a) {
            assertThat(new long[] {a.promoters(), a.passives(), a.detractors()}).as("counts")
                    .containsExactly(e.promoters(), e.passives(), e.detractors());
            close("promoterShare", e.promoterShare(), a.promoterShare());
            close("passiveShare", e.passiveShare(), a.passiveShare());
            close("detractorShare", e.detractorShare(), a.detractorShare());
        } else if (expected instanceof RatingResult e && actual instanceof RatingResult a) {
            assertThat(a.reported()).isEqualTo(e.reported());
            assertThat(a.good()).isEqualTo(e.good());
            assertThat(a.bad()).isEqualTo(e.bad());
            assertThat(new long[] {a.goodCount(), a.badCount()}).as("good and bad counts")
                    .containsExactly(e.goodCount(), e.badCount());
            estimate("goodShare", e.goodShare(), a.goodShare());
            estimate("badShare", e.badShare(), a.badShare());
            estimate("mean", e.mean(), a.mean());
        } else {
            throw new AssertionError("no comparison for " + expected.getClass());
        }
    }

    private static void estimate(String field, Optional<Estimate> expected, Optional<Estimate> actual) {
        assertThat(actual.isPresent()).as(field + " present").isEqualTo(expected.isPresent());
        expected.ifPresent(e -> {
            close(field, e.value(), actual.get().value());
            close(field + ".interval", e.interval(), actual.get().interval());
        });
    }

    private static void close(String field, Optional<ConfidenceInterval> expected, Optional<ConfidenceInterval> actual) {
        assertThat(actual.isPresent()).as(field + " present").isEqualTo(expected.isPresent());
        expected.ifPresent(e -> {
            ConfidenceInterval a = actual.get();
            assertThat(a.method()).as(field + ".method").isEqualTo(e.method());
            assertThat(a.level()).as(field + ".level").isEqualTo(e.level());
            close(field + ".lower", e.lower(), a.lower());
            close(field + ".upper", e.upper(), a.upper());
        });
    }

    private static void close(String field, OptionalDouble expected, OptionalDouble actual) {
        assertThat(actual.isPresent()).as(field + " present").isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            close(field, expected.getAsDouble(), actual.getAsDouble());
        }
    }

    static void close(String field, double expected, double actual) {
        double scale = Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", field, actual, expected)
                .isLessThanOrEqualTo(RELATIVE * scale);
    }
}
