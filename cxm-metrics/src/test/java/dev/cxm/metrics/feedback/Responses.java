package dev.cxm.metrics.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;

/** Small factories of feedback responses for the feedback tests. */
final class Responses {

    static final Touchpoint WEB = Touchpoint.of("checkout", "Checkout", Channel.WEB);
    static final Touchpoint PHONE = Touchpoint.of("hotline", "Hotline", Channel.PHONE);

    private Responses() {}

    /** Returns a response on {@code scale} at {@code occurredAt} rating {@code touchpoint}. */
    static FeedbackResponse response(String id, FeedbackScale scale, int score, String occurredAt, Touchpoint touchpoint) {
        return new FeedbackResponse(EventId.of(id), CustomerId.of("c-" + id), Instant.parse(occurredAt), "survey", scale,
                score, Optional.empty(), Optional.of(touchpoint), Map.of());
    }

    /** Returns an NPS response with a "segment" attribute. */
    static FeedbackResponse nps(String id, int score, String occurredAt, Touchpoint touchpoint, String segment) {
        return new FeedbackResponse(EventId.of(id), CustomerId.of("c-" + id), Instant.parse(occurredAt), "nps",
                FeedbackScale.NPS, score, Optional.empty(), Optional.of(touchpoint), Map.of("segment", segment));
    }
}
