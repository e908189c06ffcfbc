package dev.cxm.metrics.churn;

import java.util.Set;
import java.util.function.Predicate;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;

/**
 * The activity of {@link CohortRetention.Builder#activityTypes}: events of the given types. A value, so that
 * two configurations counting the same types are equal.
 *
 * @param types the event types that count as activity; not empty
 */
record EventTypeActivity(Set<EventType> types) implements Predicate<CustomerEvent> {

    EventTypeActivity {
        types = Set.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types: none were given; name at least one event type that counts"
                    + " as activity");
        }
    }

    @Override
    public boolean test(CustomerEvent event) {
        return types.contains(event.eventType());
    }
}
