package dev.cxm.engage.profile;

import java.util.Optional;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.engage.profile.internal.EventOrder;
import dev.cxm.metrics.text.SentimentAnalyzer;

import org.jspecify.annotations.Nullable;

/**
 * The rules of folding an event into a profile that {@link ProfileCell#add} (the live cell, which
 * {@link CustomerProfiles} keeps and {@link ProfileBuilder#rebuild} folds through) and
 * {@link ProfileBuilder#update} (the next immutable profile) share: an event's touchpoint, its answer scale and
 * its comment's sentiment; the order of "first", "last" and "latest" is {@link EventOrder}'s. The update applies
 * them in its own body rather than through a fold object: C2 does not inline a fold's dispatch into it, and the
 * object would be allocated per event (84 bytes an event, measured).
 */
final class ProfileFold {

    /** The answer scales a profile keeps the latest answer of, as indexes. */
    static final int NPS = 0;
    static final int CSAT = 1;
    static final int CES = 2;

    private ProfileFold() {}

    /**
     * Returns the index of a response's scale among those a profile keeps the latest answer of, or -1.
     *
     * @param response the response
     * @return {@link #NPS}, {@link #CSAT}, {@link #CES} or -1
     */
    static int scaleOf(FeedbackResponse response) {
        FeedbackScale scale = response.scale();
        if (scale.equals(FeedbackScale.NPS)) {
            return NPS;
        }
        if (scale.equals(FeedbackScale.CSAT)) {
            return CSAT;
        }
        return scale.equals(FeedbackScale.CES) ? CES : -1;
    }

    /** Returns the compound sentiment of a response's comment, which the caller checked is present. */
    static double compound(SentimentAnalyzer sentiment, FeedbackResponse response) {
        return sentiment.score(response.comment().orElseThrow()).compound();
    }

    /** Returns the event's touchpoint, or null; an interaction's without the {@code Optional} it would make. */
    static @Nullable Touchpoint touchpointOf(CustomerEvent event) {
        if (event instanceof Interaction interaction) {
            return interaction.touchpoint();
        }
        Optional<Touchpoint> touchpoint = event.atTouchpoint();
        return touchpoint.isPresent() ? touchpoint.get() : null;
    }
}
