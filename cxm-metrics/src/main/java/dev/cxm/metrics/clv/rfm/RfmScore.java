package dev.cxm.metrics.clv.rfm;

import java.util.OptionalInt;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * A customer's RFM quintile scores and the segment they put the customer in.
 *
 * @param customerId the customer
 * @param recencyScore 1 to 5; 5 for the fifth of customers whose last purchase is most recent
 * @param frequencyScore 1 to 5; 5 for the fifth with the most repeat purchases
 * @param monetaryScore 1 to 5; 5 for the fifth with the highest calibration spend; empty without amounts
 * @param segment the name of the first segment rule the scores match
 */
public record RfmScore(CustomerId customerId, int recencyScore, int frequencyScore, OptionalInt monetaryScore,
        String segment) {

    /**
     * Validates the scores.
     *
     * @param customerId the customer
     * @param recencyScore 1 to 5; 5 for the fifth of customers whose last purchase is most recent
     * @param frequencyScore 1 to 5; 5 for the fifth with the most repeat purchases
     * @param monetaryScore 1 to 5; 5 for the fifth with the highest calibration spend; empty without amounts
     * @param segment the name of the first segment rule the scores match
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public RfmScore {
        Checks.present("customerId", customerId);
        RfmScoreRange.only(recencyScore);
        RfmScoreRange.only(frequencyScore);
        Checks.present("monetaryScore", monetaryScore);
        monetaryScore.ifPresent(RfmScoreRange::only);
        Checks.nonBlank("segment", segment);
    }
}
