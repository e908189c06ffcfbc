package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.engage.profile.internal.EventOrder;

/**
 * The feedback part of a {@link CustomerProfile}: the latest NPS, CSAT and CES answers and the sentiment of the
 * scored comments. A profile update that is not a feedback response keeps this part as it is, shared with the
 * profile before.
 *
 * @param latestNps the latest answer on the NPS scale ({@code FeedbackScale.NPS})
 * @param latestCsat the latest answer on the CSAT scale
 * @param latestCes the latest answer on the CES scale
 * @param scoredComments the number of comments scored for sentiment (zero without an analyzer)
 * @param sentimentSum the exact sum of their compound sentiment scores
 */
public record FeedbackAnswers(Optional<LatestAnswer> latestNps, Optional<LatestAnswer> latestCsat,
        Optional<LatestAnswer> latestCes, long scoredComments, BigDecimal sentimentSum) {

    /** The part without answers. */
    static final FeedbackAnswers NONE = new FeedbackAnswers(Optional.empty(), Optional.empty(), Optional.empty(), 0,
            BigDecimal.ZERO);

    /**
     * Validates the answers.
     *
     * @param latestNps the latest NPS answer
     * @param latestCsat the latest CSAT answer
     * @param latestCes the latest CES answer
     * @param scoredComments the number of comments scored; 0 or more
     * @param sentimentSum the sum of their compound scores
     * @throws IllegalArgumentException when the number of comments is negative
     */
    public FeedbackAnswers {
        Checks.present("latestNps", latestNps);
        Checks.present("latestCsat", latestCsat);
        Checks.present("latestCes", latestCes);
        CustomerProfile.requireCount("scoredComments", scoredComments);
        Checks.present("sentimentSum", sentimentSum);
    }

    /**
     * Returns the part without answers.
     *
     * @return the empty part
     */
    public static FeedbackAnswers none() {
        return NONE;
    }

    /**
     * Returns the NPS category of the latest NPS answer.
     *
     * @return promoter, passive or detractor; empty without an NPS answer
     */
    public Optional<NpsCategory> npsCategory() {
        return latestNps.map(answer -> NpsCategory.of(answer.score()));
    }

    /**
     * Returns the mean compound sentiment of the scored comments.
     *
     * @return the mean, -1 to 1; empty when no comment was scored
     */
    public OptionalDouble meanSentiment() {
        return scoredComments == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(sentimentSum.divide(BigDecimal.valueOf(scoredComments), MathContext.DECIMAL64)
                        .doubleValue());
    }

    /**
     * Returns these answers with one more response: kept as the latest on its scale when it is, and its comment's
     * sentiment added when it was scored; this part itself when neither changes it.
     *
     * @param response the response
     * @param scale its scale's index ({@link ProfileFold#NPS}, {@link ProfileFold#CSAT}, {@link ProfileFold#CES})
     *     or -1
     * @param second its instant's epoch seconds
     * @param nano its instant's nanoseconds
     * @param scored whether its comment was scored
     * @param compound the comment's compound sentiment, when scored
     * @return the answers with it
     */
    FeedbackAnswers plus(FeedbackResponse response, int scale, long second, int nano, boolean scored,
            double compound) {
        Optional<LatestAnswer> nps = scale == ProfileFold.NPS ? later(latestNps, response, second, nano) : latestNps;
        Optional<LatestAnswer> csat = scale == ProfileFold.CSAT ? later(latestCsat, response, second, nano)
                : latestCsat;
        Optional<LatestAnswer> ces = scale == ProfileFold.CES ? later(latestCes, response, second, nano) : latestCes;
        if (!scored && nps == latestNps && csat == latestCsat && ces == latestCes) {
            return this;
        }
        return new FeedbackAnswers(nps, csat, ces, scored ? scoredComments + 1 : scoredComments,
                scored ? sentimentSum.add(new BigDecimal(compound)) : sentimentSum);
    }

    private static Optional<LatestAnswer> later(Optional<LatestAnswer> current, FeedbackResponse response,
            long second, int nano) {
        return current.isPresent() && EventOrder.compare(second, nano, response.eventId(), current.get().at(),
                current.get().eventId()) <= 0 ? current : Optional.of(LatestAnswer.of(response));
    }
}
