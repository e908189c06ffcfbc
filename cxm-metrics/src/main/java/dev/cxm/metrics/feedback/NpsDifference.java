package dev.cxm.metrics.feedback;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * How two Net Promoter Scores differ (two periods, two segments): {@code other - baseline} in NPS points,
 * its confidence interval, and the z test of "no difference". Empty when either side has no score.
 *
 * @param difference {@code other.score() - baseline.score()}, in NPS points (-200..200)
 * @param interval the confidence interval of the difference, in NPS points; its method names how it was made
 * @param zStatistic the z statistic of the test; positive when {@code other} is higher
 * @param pValue the two-sided p-value of the test
 * @param baseline the first result
 * @param other the second result
 */
public record NpsDifference(
        OptionalDouble difference,
        Optional<ConfidenceInterval> interval,
        OptionalDouble zStatistic,
        OptionalDouble pValue,
        NpsResult baseline,
        NpsResult other) {

    /**
     * Validates the comparison.
     *
     * @param difference {@code other.score() - baseline.score()}, in NPS points (-200..200)
     * @param interval the confidence interval of the difference, in NPS points; its method names how it was made
     * @param zStatistic the z statistic of the test; positive when {@code other} is higher
     * @param pValue the two-sided p-value of the test
     * @param baseline the first result
     * @param other the second result
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public NpsDifference {
        Checks.present("difference", difference);
        Checks.present("interval", interval);
        Checks.present("zStatistic", zStatistic);
        Checks.present("pValue", pValue);
        Checks.present("baseline", baseline);
        Checks.present("other", other);
    }

    /**
     * Returns whether the difference is significant at {@code alpha}: a p-value below it.
     *
     * @param alpha the significance level, strictly between 0 and 1
     * @return whether there is a p-value and it is below {@code alpha}
     * @throws IllegalArgumentException naming alpha when it is outside (0, 1)
     */
    public boolean significantAt(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha: " + alpha + " is outside (0, 1)");
        }
        return pValue.isPresent() && pValue.getAsDouble() < alpha;
    }
}
