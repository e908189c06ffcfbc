package dev.cxm.metrics.clv;

import java.util.OptionalInt;

import dev.cxm.core.internal.Checks;

/**
 * One rule of an {@link RfmSegmentation}: the customers whose recency, frequency and monetary scores all
 * lie in the given ranges belong to the named segment.
 *
 * @param segment the segment's name, such as {@code "Champions"}
 * @param recency the recency scores of the segment (5: bought most recently)
 * @param frequency the frequency scores (5: buys most often)
 * @param monetary the monetary scores (5: spends most); {@link ScoreRange#ANY} also matches customers
 *     without amounts
 */
public record RfmSegmentRule(String segment, ScoreRange recency, ScoreRange frequency, ScoreRange monetary) {

    /** Validates the rule. */
    public RfmSegmentRule {
        Checks.nonBlank("segment", segment);
        Checks.present("recency", recency);
        Checks.present("frequency", frequency);
        Checks.present("monetary", monetary);
    }

    /** Returns a rule on recency and frequency scores alone. */
    public static RfmSegmentRule of(String segment, ScoreRange recency, ScoreRange frequency) {
        return new RfmSegmentRule(segment, recency, frequency, ScoreRange.ANY);
    }

    /** Returns whether a customer with these scores belongs to the segment. */
    public boolean matches(int recencyScore, int frequencyScore, OptionalInt monetaryScore) {
        if (!recency.contains(recencyScore) || !frequency.contains(frequencyScore)) {
            return false;
        }
        return monetaryScore.isPresent() ? monetary.contains(monetaryScore.getAsInt()) : monetary.equals(ScoreRange.ANY);
    }
}
