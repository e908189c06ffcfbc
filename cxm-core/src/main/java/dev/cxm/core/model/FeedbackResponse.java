package dev.cxm.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A customer's answer to a survey question on a score scale, such as an NPS rating.
 *
 * @param eventId the event's id
 * @param customerId the customer who answered
 * @param occurredAt when the answer was given; truncated to microseconds ({@link CustomerEvent#PRECISION})
 * @param surveyId the survey (or question) answered
 * @param scale the answer scale
 * @param score the answer; on {@code scale}
 * @param comment the free-text comment, when given (a blank one counts as none); personal data, never
 *     echoed in messages
 * @param touchpoint the touchpoint the answer rates, when it rates one
 * @param attributes host attributes
 */
public record FeedbackResponse(
        EventId eventId,
        CustomerId customerId,
        Instant occurredAt,
        String surveyId,
        FeedbackScale scale,
        int score,
        Optional<String> comment,
        Optional<Touchpoint> touchpoint,
        Map<String, String> attributes) implements CustomerEvent {

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
     * @param comment the free-text comment, when given (a blank one counts as none)
     * @param touchpoint the touchpoint the answer rates, when it rates one
     * @param attributes host attributes
     * @throws IllegalArgumentException when the score is off the scale, the survey id blank or too long, or an
     *     attribute key blank
     * @throws NullPointerException when a component is null
     */
    public FeedbackResponse {
        Checks.eventIdentity(eventId, customerId, occurredAt);
        occurredAt = CustomerEvent.atPrecision(occurredAt);
        Checks.identifier("surveyId", surveyId);
        Checks.present("scale", scale);
        scale.requireOnScale(score);
        comment = Checks.present("comment", comment).filter(text -> !text.isBlank());
        Checks.present("touchpoint", touchpoint);
        attributes = Checks.attributes("attributes", attributes);
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
