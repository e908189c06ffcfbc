package dev.cxm.journey;

import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.internal.TypeAndTouchpointKey;

/**
 * The names paths and discovery give events (their "activities", in process-mining words). Any
 * {@link GroupKey} names them; this class holds the default, and a journey map gives its stages through
 * {@code JourneyMap.stageKey()}.
 */
public final class ActivityKeys {

    private static final GroupKey TOUCHPOINT_OR_TYPE = new TouchpointOrType();

    private ActivityKeys() {}

    /**
     * Returns the default key: the id of the event's touchpoint, or for an event without one its type in lower
     * case ({@code purchase}, {@code feedback}). Every event has a name under it.
     *
     * @return the key, named {@code touchpoint}
     */
    public static GroupKey touchpointOrType() {
        return TOUCHPOINT_OR_TYPE;
    }

    /** The default key; one instance, so configurations holding it compare equal. */
    private static final class TouchpointOrType implements TypeAndTouchpointKey {
        @Override
        public String name() {
            return "touchpoint";
        }

        @Override
        public Optional<String> valueOf(CustomerEvent event) {
            Checks.present("event", event);
            return Optional.of(event.atTouchpoint().map(t -> t.id().value())
                    .orElseGet(() -> event.eventType().name().toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return "GroupKey[touchpoint or type]";
        }
    }
}
