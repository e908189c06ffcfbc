package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.engage.profile.internal.InstantParts;

import org.jspecify.annotations.Nullable;

/**
 * The feedback part of a {@link CustomerProfile}: the latest NPS, CSAT and CES answers and the sentiment of the
 * scored comments. A profile update that is not a feedback response keeps this part as it is, shared with the
 * profile before. A value (a final class with value {@code equals}, as a record): the latest answers are held
 * without an {@code Optional} around them, which an update would read and make, and their instants also as
 * seconds and nanoseconds, so that an update compares a response with them without reading the answers.
 */
public final class FeedbackAnswers {

    /** The part without answers. */
    static final FeedbackAnswers NONE = new FeedbackAnswers(null, 0, 0, null, 0, 0, null, 0, 0, 0, BigDecimal.ZERO);

    private final @Nullable LatestAnswer latestNps;
    private final @Nullable LatestAnswer latestCsat;
    private final @Nullable LatestAnswer latestCes;
    /** The instants of the three answers (0 without the answer), read by {@link #plus}. */
    private final long npsSecond;
    private final int npsNano;
    private final long csatSecond;
    private final int csatNano;
    private final long cesSecond;
    private final int cesNano;
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
        this(Checks.present("latestNps", latestNps).orElse(null), secondOf(latestNps), nanoOf(latestNps),
                Checks.present("latestCsat", latestCsat).orElse(null), secondOf(latestCsat), nanoOf(latestCsat),
                Checks.present("latestCes", latestCes).orElse(null), secondOf(latestCes), nanoOf(latestCes),
                CustomerProfile.requireCount("scoredComments", scoredComments),
                Checks.present("sentimentSum", sentimentSum));
    }

    /**
     * Makes answers of valid fields, unchecked: the path of {@link #plus}, from valid answers and a response.
     * Each answer comes with its instant's seconds and nanoseconds (0 without the answer).
     */
    private FeedbackAnswers(@Nullable LatestAnswer latestNps, long npsSecond, int npsNano,
            @Nullable LatestAnswer latestCsat, long csatSecond, int csatNano, @Nullable LatestAnswer latestCes,
            long cesSecond, int cesNano, long scoredComments, BigDecimal sentimentSum) {
        this.latestNps = latestNps;
        this.npsSecond = npsSecond;
        this.npsNano = npsNano;
        this.latestCsat = latestCsat;
        this.csatSecond = csatSecond;
        this.csatNano = csatNano;
        this.latestCes = latestCes;
        this.cesSecond = cesSecond;
        this.cesNano = cesNano;
        this.scoredComments = scoredComments;
        this.sentimentSum = sentimentSum;
    }

    private static long secondOf(Optional<LatestAnswer> answer) {
        return InstantParts.secondOf(answer.map(LatestAnswer::at));
    }

    private static int nanoOf(Optional<LatestAnswer> answer) {
        return InstantParts.nanoOf(answer.map(LatestAnswer::at), 0);
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

    /** Returns the latest NPS answer, or null: {@link #latestNps()} without the {@code Optional}. */
    @Nullable LatestAnswer npsOrNull() {
        return latestNps;
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
        LatestAnswer nps = latestNps;
        long nextNpsSecond = npsSecond;
        int nextNpsNano = npsNano;
        LatestAnswer csat = latestCsat;
        long nextCsatSecond = csatSecond;
        int nextCsatNano = csatNano;
        LatestAnswer ces = latestCes;
        long nextCesSecond = cesSecond;
        int nextCesNano = cesNano;
        boolean latest = false;
        if (scale == ProfileFold.NPS && later(nps, npsSecond, npsNano, response, second, nano)) {
            nps = LatestAnswer.of(response);
            nextNpsSecond = second;
            nextNpsNano = nano;
            latest = true;
        } else if (scale == ProfileFold.CSAT && later(csat, csatSecond, csatNano, response, second, nano)) {
            csat = LatestAnswer.of(response);
            nextCsatSecond = second;
            nextCsatNano = nano;
            latest = true;
        } else if (scale == ProfileFold.CES && later(ces, cesSecond, cesNano, response, second, nano)) {
            ces = LatestAnswer.of(response);
            nextCesSecond = second;
            nextCesNano = nano;
            latest = true;
        }
        if (!scored && !latest) {
            return this;
        }
        return new FeedbackAnswers(nps, nextNpsSecond, nextNpsNano, csat, nextCsatSecond, nextCsatNano, ces,
                nextCesSecond, nextCesNano, scored ? scoredComments + 1 : scoredComments,
                scored ? sentimentSum.add(new BigDecimal(compound)) : sentimentSum);
    }

    /**
     * Returns whether a response is later than the current answer, by instant and then event id; the answer
     * itself (its event id) is read only for a response at the same instant.
     */
    private static boolean later(@Nullable LatestAnswer current, long currentSecond, int currentNano,
            FeedbackResponse response, long second, int nano) {
        if (current == null) {
            return true;
        }
        int order = EventTimeParts.compare(second, nano, currentSecond, currentNano);
        return order > 0 || order == 0 && response.eventId().compareTo(current.eventId()) > 0;
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
