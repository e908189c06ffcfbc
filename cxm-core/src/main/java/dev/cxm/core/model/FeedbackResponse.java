package dev.cxm.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A customer's answer to a survey question on a score scale, such as an NPS rating.
 *
 * <p>An immutable value with the equality of a record of its components (in the order of its constructor's
 * parameters). It is a final class rather than a record so that it holds its instant as two primitives, not
 * as an {@link Instant} object of its own: 24 bytes less per event held in memory ({@code docs/PERFORMANCE.md}).
 */
public final class FeedbackResponse extends EventBase implements CustomerEvent {

    private final String surveyId;
    private final FeedbackScale scale;
    private final int score;
    private final Optional<String> comment;
    private final Optional<Touchpoint> touchpoint;
    private final Map<String, String> attributes;

    /**
     * Validates the response (a score off its scale is rejected) and truncates its instant to
     * {@link CustomerEvent#PRECISION}.
     *
     * @param eventId the event's id
     * @param customerId the customer who answered
     * @param occurredAt when the answer was given; truncated to microseconds
     * @param surveyId the survey (or question) answered
     * @param scale the answer scale
     * @param score the answer; on {@code scale}
     * @param comment the free-text comment, when given (a blank one counts as none); personal data, never
     *     echoed in messages
     * @param touchpoint the touchpoint the answer rates, when it rates one
     * @param attributes host attributes
     * @throws IllegalArgumentException when the score is off the scale, the survey id blank or too long, or an
     *     attribute key blank
     * @throws NullPointerException when a component is null
     */
    public FeedbackResponse(EventId eventId, CustomerId customerId, Instant occurredAt, String surveyId,
            FeedbackScale scale, int score, Optional<String> comment, Optional<Touchpoint> touchpoint,
            Map<String, String> attributes) {
        super(eventId, customerId, occurredAt);
        Checks.identifier("surveyId", surveyId);
        Checks.present("scale", scale);
        scale.requireOnScale(score);
        this.surveyId = surveyId;
        this.scale = scale;
        this.score = score;
        this.comment = Checks.present("comment", comment).filter(text -> !text.isBlank());
        this.touchpoint = Checks.present("touchpoint", touchpoint);
        this.attributes = Checks.attributes("attributes", attributes);
    }

    /** A copy of {@code source} with equal, shared parts; for {@link EventBase}'s copier, which checks nothing. */
    FeedbackResponse(FeedbackResponse source, CustomerId customerId, Optional<Touchpoint> touchpoint,
            FeedbackScale scale, String surveyId) {
        super(source, customerId);
        this.surveyId = surveyId;
        this.scale = scale;
        this.score = source.score;
        this.comment = source.comment;
        this.touchpoint = touchpoint;
        this.attributes = source.attributes;
    }

    /**
     * Returns the survey (or question) answered.
     *
     * @return the survey id; non-blank, at most 256 characters
     */
    public String surveyId() {
        return surveyId;
    }

    /**
     * Returns the answer scale.
     *
     * @return the scale
     */
    public FeedbackScale scale() {
        return scale;
    }

    /**
     * Returns the answer.
     *
     * @return the score, on {@link #scale()}
     */
    public int score() {
        return score;
    }

    /**
     * Returns the free-text comment; personal data, never echoed in messages.
     *
     * @return the comment, non-blank; empty when none (or a blank one) was given
     */
    public Optional<String> comment() {
        return comment;
    }

    /**
     * Returns the touchpoint the answer rates.
     *
     * @return the touchpoint, or empty when it rates none
     */
    public Optional<Touchpoint> touchpoint() {
        return touchpoint;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * Starts a response of {@code customerId} to {@code surveyId} at {@code occurredAt}.
     *
     * @param customerId the customer who answered
     * @param occurredAt when the answer was given; truncated to microseconds when the event is built
     * @param surveyId the survey (or question) answered; non-blank, at most 256 characters
     * @param scale the answer scale
     * @param score the answer; on {@code scale}
     * @return a builder without comment, touchpoint or attributes
     * @throws IllegalArgumentException when the score is off the scale or the survey id blank or too long
     */
    public static Builder builder(CustomerId customerId, Instant occurredAt, String surveyId, FeedbackScale scale,
            int score) {
        return new Builder(customerId, occurredAt, surveyId, scale, score);
    }

    @Override
    public EventType eventType() {
        return EventType.FEEDBACK;
    }

    @Override
    public Optional<Touchpoint> atTouchpoint() {
        return touchpoint;
    }

    /**
     * Returns whether {@code other} is a response with equal components, as a record compares.
     *
     * @param other any object
     * @return whether it is an equal response
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof FeedbackResponse that
                && sameBase(that) && score == that.score
                && surveyId.equals(that.surveyId) && scale.equals(that.scale) && comment.equals(that.comment)
                && touchpoint.equals(that.touchpoint) && attributes.equals(that.attributes);
    }

    /**
     * Returns the hash a record of these components returns (the instant's as {@link Instant#hashCode()}).
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int hash = baseHash();
        hash = hash * 31 + surveyId.hashCode();
        hash = hash * 31 + scale.hashCode();
        hash = hash * 31 + Integer.hashCode(score);
        hash = hash * 31 + comment.hashCode();
        hash = hash * 31 + touchpoint.hashCode();
        return hash * 31 + attributes.hashCode();
    }

    /**
     * Returns the components as a record shows them: {@code FeedbackResponse[eventId=..., ...]}.
     *
     * @return the text; it holds the comment, which is personal data
     */
    @Override
    public String toString() {
        return "FeedbackResponse[eventId=" + eventId() + ", customerId=" + customerId() + ", occurredAt=" + occurredAt()
                + ", surveyId=" + surveyId + ", scale=" + scale + ", score=" + score + ", comment=" + comment
                + ", touchpoint=" + touchpoint + ", attributes=" + attributes + "]";
    }

    /** Builds a {@link FeedbackResponse}. */
    public static final class Builder extends EventBuilder<Builder, FeedbackResponse> {
        private final String surveyId;
        private final FeedbackScale scale;
        private final int score;
        private Optional<String> comment = Optional.empty();
        private Optional<Touchpoint> touchpoint = Optional.empty();

        private Builder(CustomerId customerId, Instant occurredAt, String surveyId, FeedbackScale scale, int score) {
            super(customerId, occurredAt);
            this.surveyId = Checks.identifier("surveyId", surveyId);
            this.scale = Checks.present("scale", scale);
            this.score = scale.requireOnScale(score);
        }

        /**
         * Sets the free-text comment.
         *
         * @param value the customer's comment, personal data never echoed in messages; a blank one counts as none
         * @return this builder
         */
        public Builder comment(String value) {
            this.comment = Optional.of(value);
            return this;
        }

        /**
         * Sets the touchpoint the answer rates.
         *
         * @param value the rated touchpoint
         * @return this builder
         */
        public Builder touchpoint(Touchpoint value) {
            this.touchpoint = Optional.of(value);
            return this;
        }

        @Override
        public FeedbackResponse build() {
            return new FeedbackResponse(eventIdOrRandom(), customerId, occurredAt, surveyId, scale, score, comment,
                    touchpoint, attributes);
        }
    }
}
