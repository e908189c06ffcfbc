package dev.cxm.core.internal.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * Rewrites events so that equal customer ids, touchpoints, scales and short repeated strings are one
 * shared instance: with millions of events at a few hundred touchpoints, each event then holds references
 * rather than copies. A purchase's or response's touchpoint is shared with its {@code Optional}: the first
 * one seen of each touchpoint is kept, and a later event holding an {@code Optional} of its own (as every
 * builder makes one) is copied to hold the kept one instead, which saves that {@code Optional} per
 * stored event (an object) even where the touchpoint inside is the shared instance already.
 *
 * <p>Not thread-safe: the owning store calls it under its write lock.
 */
public final class EventInterner {

    private final Map<Touchpoint, Optional<Touchpoint>> touchpoints = new HashMap<>();
    private final Map<FeedbackScale, FeedbackScale> scales = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();

    /** Returns {@code event} with {@code customer} (an equal, shared id) and shared parts; the same event if nothing changed. */
    public CustomerEvent intern(CustomerEvent event, CustomerId customer) {
        if (event instanceof Interaction interaction) {
            return intern(interaction, customer);
        }
        if (event instanceof Purchase purchase) {
            return intern(purchase, customer);
        }
        return intern((FeedbackResponse) event, customer);
    }

    private Interaction intern(Interaction event, CustomerId customer) {
        Touchpoint touchpoint = touchpoint(Optional.of(event.touchpoint())).orElseThrow();
        String outcome = label(event.outcome());
        if (customer == event.customerId() && touchpoint == event.touchpoint() && outcome == event.outcome()) {
            return event;
        }
        return EventCopies.copier().interaction(event, customer, touchpoint, outcome);
    }

    private Purchase intern(Purchase event, CustomerId customer) {
        Optional<Touchpoint> touchpoint = touchpoint(event.touchpoint());
        if (customer == event.customerId() && touchpoint == event.touchpoint()) {
            return event;
        }
        return EventCopies.copier().purchase(event, customer, touchpoint);
    }

    private FeedbackResponse intern(FeedbackResponse event, CustomerId customer) {
        Optional<Touchpoint> touchpoint = touchpoint(event.touchpoint());
        FeedbackScale scale = scales.computeIfAbsent(event.scale(), s -> s);
        String surveyId = label(event.surveyId());
        if (customer == event.customerId() && touchpoint == event.touchpoint() && scale == event.scale()
                && surveyId == event.surveyId()) {
            return event;
        }
        return EventCopies.copier().feedbackResponse(event, customer, touchpoint, scale, surveyId);
    }

    private Optional<Touchpoint> touchpoint(Optional<Touchpoint> touchpoint) {
        if (touchpoint.isEmpty()) {
            return Optional.empty();
        }
        return touchpoints.computeIfAbsent(touchpoint.get(), tp -> touchpoint);
    }

    private String label(String value) {
        return labels.computeIfAbsent(value, v -> v);
    }
}
