package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.engage.profile.internal.EventOrder;

import org.jspecify.annotations.Nullable;

/**
 * The feedback part of a {@link CustomerProfile}: the latest NPS, CSAT and CES answers and the sentiment of the
 * scored comments. A profile update that is not a feedback response keeps this part as it is, shared with the
 * profile before. A value (a final class with value {@code equals}, as a record): the latest answers are held
 * without an {@code Optional} around them, which an update would read and make.
 */
public final class FeedbackAnswers {

    /** The part without answers. */
    static final FeedbackAnswers NONE = new FeedbackAnswers((LatestAnswer) null, null, null, 0, BigDecimal.ZERO);

    private final @Nullable LatestAnswer latestNps;
    private final @Nullable LatestAnswer latestCsat;
    private final @Nullable LatestAnswer latestCes;
    private final long scoredComments;
    private final BigDecimal sentimentSum;

    /**
     * Validates the answers.
     *
     * @param latestNps the latest answer on the NPS scale ({@code FeedbackScale.NPS})
     * @param latestCsat the latest answer on the CSAT scale
     * @param latestCes the latest answer on the CES scale
     * @param scoredComments the number of comments scored for sentiment (zero without an analyzer); 0 or more
     * @param sentimentSum the exact sum of their compound sentiment scores
     * @throws IllegalArgumentException when the number of comments is negative
     */
    public FeedbackAnswers(Optional<LatestAnswer> latestNps, Optional<LatestAnswer> latestCsat,
            Optional<LatestAnswer> latestCes, long scoredComments, BigDecimal sentimentSum) {
        this(Checks.present("latestNps", latestNps).orElse(null), Checks.present("latestCsat", latestCsat).orElse(null),
                Checks.present("latestCes", latestCes).orElse(null),
                CustomerProfile.requireCount("scoredComments", scoredComments),
                Checks.present("sentimentSum", sentimentSum));
    }

    /** Makes answers of valid fields, unchecked: the path of {@link #plus}, from valid answers and a response. */
    private FeedbackAnswers(@Nullable LatestAnswer latestNps, @Nullable LatestAnswer latestCsat,
            @Nullable LatestAnswer latestCes, long scoredComments, BigDecimal sentimentSum) {
        this.latestNps = latestNps;
        this.latestCsat = latestCsat;
        this.latestCes = latestCes;
        this.scoredComments = scoredComments;
        this.sentimentSum = sentimentSum;
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
     * Returns the latest answer on the NPS scale ({@code FeedbackScale.NPS}).
     *
     * @return the answer; empty without one
     */
    public Optional<LatestAnswer> latestNps() {
        return Optional.ofNullable(latestNps);
    }

    /**
     * Returns the latest answer on the CSAT scale.
     *
     * @return the answer; empty without one
     */
    public Optional<LatestAnswer> latestCsat() {
        return Optional.ofNullable(latestCsat);
    }

    /**
     * Returns the latest answer on the CES scale.
     *
     * @return the answer; empty without one
     */
    public Optional<LatestAnswer> latestCes() {
        return Optional.ofNullable(latestCes);
    }

    /**
     * Returns the number of comments scored for sentiment (zero without an analyzer).
     *
     * @return the count
     */
    public long scoredComments() {
        return scoredComments;
    }

    /**
     * Returns the exact sum of the scored comments' compound sentiment scores.
     *
     * @return the sum
     */
    public BigDecimal sentimentSum() {
        return sentimentSum;
    }

    /**
     * Returns the NPS category of the latest NPS answer.
     *
     * @return promoter, passive or detractor; empty without an NPS answer
     */
    public Optional<NpsCategory> npsCategory() {
        return latestNps == null ? Optional.empty() : Optional.of(NpsCategory.of(latestNps.score()));
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
        LatestAnswer nps = scale == ProfileFold.NPS ? later(latestNps, response, second, nano) : latestNps;
        LatestAnswer csat = scale == ProfileFold.CSAT ? later(latestCsat, response, second, nano) : latestCsat;
        LatestAnswer ces = scale == ProfileFold.CES ? later(latestCes, response, second, nano) : latestCes;
        if (!scored && nps == latestNps && csat == latestCsat && ces == latestCes) {
            return this;
        }
        return new FeedbackAnswers(nps, csat, ces, scored ? scoredComments + 1 : scoredComments,
                scored ? sentimentSum.add(new BigDecimal(compound)) : sentimentSum);
    }

    private static @Nullable LatestAnswer later(@Nullable LatestAnswer current, FeedbackResponse response,
            long second, int nano) {
        return current != null && EventOrder.compare(second, nano, response.eventId(), current.at(),
                current.eventId()) <= 0 ? current : LatestAnswer.of(response);
    }

    /**
     * Returns whether {@code other} holds equal answers and sentiment.
     *
     * @param other the object to compare with
     * @return whether both are the same answers
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || other instanceof FeedbackAnswers that && Objects.equals(latestNps, that.latestNps)
                && Objects.equals(latestCsat, that.latestCsat) && Objects.equals(latestCes, that.latestCes)
                && scoredComments == that.scoredComments && sentimentSum.equals(that.sentimentSum);
    }

    /**
     * Returns a hash of the fields, consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(latestNps(), latestCsat(), latestCes(), scoredComments, sentimentSum);
    }

    /**
     * Returns the fields as a record would, such as {@code FeedbackAnswers[latestNps=Optional.empty, ...]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "FeedbackAnswers[latestNps=" + latestNps() + ", latestCsat=" + latestCsat() + ", latestCes="
                + latestCes() + ", scoredComments=" + scoredComments + ", sentimentSum=" + sentimentSum + "]";
    }
}
