package dev.cxm.engage.profile;

import java.time.Instant;
import java.util.Comparator;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;

/**
 * A customer's latest answer on one scale (NPS, CSAT or CES): which response, to which survey, the score and
 * when. Of two answers at one instant the one with the greater event id is the latest, so that the choice never
 * depends on arrival order.
 *
 * @param eventId the response's event id
 * @param surveyId the survey answered
 * @param score the score given
 * @param at when it was given
 */
public record LatestAnswer(EventId eventId, String surveyId, int score, Instant at) {

    /** Orders answers by instant, then event id. */
    static final Comparator<LatestAnswer> ORDER = Comparator.comparing(LatestAnswer::at)
            .thenComparing(LatestAnswer::eventId);

    /**
     * Validates the answer.
     *
     * @param eventId the response's event id
     * @param surveyId the survey answered; non-blank
     * @param score the score given
     * @param at when it was given
     */
    public LatestAnswer {
        Checks.present("eventId", eventId);
        Checks.nonBlank("surveyId", surveyId);
        Checks.present("at", at);
    }

    /**
     * Returns the answer of a response.
     *
     * @param response the response
     * @return its answer
     */
    static LatestAnswer of(FeedbackResponse response) {
        return new LatestAnswer(response.eventId(), response.surveyId(), response.score(), response.occurredAt());
    }
}
