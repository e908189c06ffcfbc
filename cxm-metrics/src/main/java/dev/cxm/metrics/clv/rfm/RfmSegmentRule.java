package dev.cxm.metrics.clv.rfm;

import java.util.OptionalInt;

import dev.cxm.core.internal.Checks;

/**
 * One rule of an {@link RfmSegmentation}: the customers whose recency, frequency and monetary scores all
 * lie in the given ranges belong to the named segment.
 *
 * @param segment the segment's name, such as {@code "Champions"}
 * @param recency the recency scores of the segment (5: bought most recently)
 * @param frequency the frequency scores (5: buys most often)
 * @param monetary the monetary scores (5: spends most); {@link RfmScoreRange#ANY} also matches customers
 *     without amounts
 */
public record RfmSegmentRule(String segment, RfmScoreRange recency, RfmScoreRange frequency, RfmScoreRange monetary) {

    /**
     * Validates the rule.
     *
     * @param segment the segment's name, such as {@code "Champions"}
     * @param recency the recency scores of the segment (5: bought most recently)
     * @param frequency the frequency scores (5: buys most often)
     * @param monetary the monetary scores (5: spends most); {@link RfmScoreRange#ANY} also matches customers without
     *     amounts
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public RfmSegmentRule {
        Checks.nonBlank("segment", segment);
        Checks.present("recency", recency);
        Checks.present("frequency", frequency);
        Checks.present("monetary", monetary);
    }

    /**
     * Returns a rule on recency and frequency scores alone; it matches any monetary score, and customers
     * without amounts.
     *
     * @param segment the segment's name
     * @param recency the recency scores of the segment
     * @param frequency the frequency scores of the segment
     * @return the rule
     */
    public static RfmSegmentRule of(String segment, RfmScoreRange recency, RfmScoreRange frequency) {
        return new RfmSegmentRule(segment, recency, frequency, RfmScoreRange.ANY);
    }

    /**
     * Returns whether a customer with these scores belongs to the segment.
     *
     * @param recencyScore 1 to 5
     * @param frequencyScore 1 to 5
     * @param monetaryScore 1 to 5, or empty without amounts
     * @return whether every score lies in the rule's range
     */
    public boolean matches(int recencyScore, int frequencyScore, OptionalInt monetaryScore) {
        if (!recency.contains(recencyScore) || !frequency.contains(frequencyScore)) {
            return false;
        }
        return monetaryScore.isPresent() ? monetary.contains(monetaryScore.getAsInt())
                : monetary.equals(RfmScoreRange.ANY);
    }
}
