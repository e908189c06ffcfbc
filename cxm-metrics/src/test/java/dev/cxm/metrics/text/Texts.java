package dev.cxm.metrics.text;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;

/** Small factories of events with texts for the text tests. */
final class Texts {

    static final Touchpoint WEB = Touchpoint.of("checkout", "Checkout", Channel.WEB);
    static final Touchpoint PHONE = Touchpoint.of("hotline", "Hotline", Channel.PHONE);

    private Texts() {}

    /** Returns an NPS response with a comment (none when blank) at {@code occurredAt}, rating {@code touchpoint}. */
    static FeedbackResponse comment(String id, int score, String comment, String occurredAt, Touchpoint touchpoint) {
        return new FeedbackResponse(EventId.of(id), CustomerId.of("c-" + id), Instant.parse(occurredAt), "nps",
                FeedbackScale.NPS, score, Optional.of(comment), Optional.of(touchpoint), Map.of());
    }

    /** Returns an interaction at {@code occurredAt} on {@code touchpoint}, whose transcript the caller holds. */
    static Interaction call(String id, String occurredAt, Touchpoint touchpoint) {
        return new Interaction(EventId.of(id), CustomerId.of("c-" + id), Instant.parse(occurredAt), touchpoint,
                "resolved", Duration.ofMinutes(5), Map.of());
    }

    /** Returns a valid score with the given compound (proportions made up to sum to 1). */
    static SentimentScore score(double compound, boolean truncated) {
        double positive = Math.max(0, compound) / 2;
        double negative = Math.max(0, -compound) / 2;
        return new SentimentScore(compound, positive, 1 - positive - negative, negative, false, truncated);
    }
}
