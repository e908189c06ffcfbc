package dev.cxm.engage.profile;

import java.time.Instant;
import java.util.Optional;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.engage.profile.internal.EventOrder;
import dev.cxm.metrics.text.SentimentAnalyzer;

import org.jspecify.annotations.Nullable;

/**
 * The fold of an event into a profile: which parts of a profile an event changes (its dispatch, {@link #add},
 * with one hook per part), the order in which "first", "last" and "latest" are decided ({@link EventOrder}),
 * an event's touchpoint and answer scale. {@link ProfileCell} keeps the parts in place (what
 * {@link CustomerProfiles} keeps and {@link ProfileBuilder#rebuild} folds through); {@link ProfileBuilder#update}
 * applies the same rules to the next immutable profile in its own body, since a fold object per event there
 * would be allocated (C2 does not inline the dispatch into it) and cost 84 bytes an event.
 */
abstract class ProfileFold {

    /** The answer scales a profile keeps the latest answer of, as indexes. */
    static final int NPS = 0;
    static final int CSAT = 1;
    static final int CES = 2;

    /**
     * Folds one event in; the caller checks that it is the customer's.
     *
     * @param event the event
     * @param sentiment the analyzer that scores comments, when there is one
     */
    final void add(CustomerEvent event, Optional<SentimentAnalyzer> sentiment) {
        Instant at = event.occurredAt();
        long second = at.getEpochSecond();
        int nano = at.getNano();
        seen(at, second, nano);
        Touchpoint touchpoint = touchpointOf(event);
        if (touchpoint != null) {
            touched(touchpoint, at, second, nano);
        }
        if (event instanceof Purchase purchase) {
            purchased(purchase, second, nano);
        } else if (event instanceof FeedbackResponse response) {
            int scale = scaleOf(response);
            if (scale >= 0) {
                answered(scale, response, second, nano);
            }
            if (sentiment.isPresent() && response.comment().isPresent()) {
                commented(compound(sentiment.get(), response));
            }
        }
    }

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

    /** Counts an event at {@code at}: the event count, first and last seen. */
    abstract void seen(Instant at, long second, int nano);

    /** Counts a use of a touchpoint (and its channel) at {@code at}. */
    abstract void touched(Touchpoint touchpoint, Instant at, long second, int nano);

    /** Counts a purchase: the count, the spend, the first and last purchase. */
    abstract void purchased(Purchase purchase, long second, int nano);

    /** Keeps an answer on scale {@link #NPS}, {@link #CSAT} or {@link #CES} when it is the latest. */
    abstract void answered(int scale, FeedbackResponse response, long second, int nano);

    /** Adds a scored comment's compound sentiment. */
    abstract void commented(double compound);

    /** Returns the event's touchpoint, or null; an interaction's without the {@code Optional} it would make. */
    static @Nullable Touchpoint touchpointOf(CustomerEvent event) {
        if (event instanceof Interaction interaction) {
            return interaction.touchpoint();
        }
        Optional<Touchpoint> touchpoint = event.atTouchpoint();
        return touchpoint.isPresent() ? touchpoint.get() : null;
    }
}
