package dev.cxm.metrics.text;

import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.Estimate;

/**
 * The sentiment of a set of texts: their valence (the mean compound score and the shares that read positive
 * and negative) and their emotional intensity (the mean absolute compound score and the share that is
 * strongly negative), each with its confidence interval. Intensity is how strongly the texts lean either way,
 * not a discrete emotion: a group with a mean intensity of 0.8 and a large strongly negative share is where
 * customers are angry or upset, not merely unhappy.
 *
 * <p>Shares are fractions (0 to 1) with Wilson intervals; means are on the compound scale with t intervals
 * (clipped to [-1, 1] and [0, 1]); a mean of one text has no interval. No texts give {@code n = 0} and empty
 * estimates. Blank texts count as neutral (compound 0) and are counted in {@code blank} too.
 *
 * @param n the number of texts
 * @param blank how many were empty or whitespace only
 * @param truncated how many were scored on their first part only
 * @param meanCompound the mean compound score, -1 to 1
 * @param positiveShare the share scoring {@code neutralBand} or more
 * @param negativeShare the share scoring {@code -neutralBand} or less
 * @param intensity the mean absolute compound score, 0 to 1
 * @param strongNegativeShare the share scoring {@code strongNegativeThreshold} or less
 * @param neutralBand the half-width of the neutral band around 0
 * @param strongNegativeThreshold the compound score at or below which a text is strongly negative
 */
public record SentimentResult(long n, long blank, long truncated, Optional<Estimate> meanCompound,
        Optional<Estimate> positiveShare, Optional<Estimate> negativeShare, Optional<Estimate> intensity,
        Optional<Estimate> strongNegativeShare, double neutralBand, double strongNegativeThreshold) {

    /**
     * Validates the result.
     *
     * @param n the number of texts
     * @param blank how many were empty or whitespace only
     * @param truncated how many were scored on their first part only
     * @param meanCompound the mean compound score, -1 to 1
     * @param positiveShare the share scoring {@code neutralBand} or more
     * @param negativeShare the share scoring {@code -neutralBand} or less
     * @param intensity the mean absolute compound score, 0 to 1
     * @param strongNegativeShare the share scoring {@code strongNegativeThreshold} or less
     * @param neutralBand the half-width of the neutral band around 0
     * @param strongNegativeThreshold the compound score at or below which a text is strongly negative
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public SentimentResult {
        if (n < 0 || blank < 0 || blank > n || truncated < 0 || truncated > n) {
            throw new IllegalArgumentException("n, blank, truncated: " + n + ", " + blank + ", " + truncated
                    + "; counts are 0 or more and blank and truncated at most n");
        }
        Checks.present("meanCompound", meanCompound);
        Checks.present("positiveShare", positiveShare);
        Checks.present("negativeShare", negativeShare);
        Checks.present("intensity", intensity);
        Checks.present("strongNegativeShare", strongNegativeShare);
        SentimentSummary.requireThresholds(neutralBand, strongNegativeThreshold);
    }
}
