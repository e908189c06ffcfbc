package dev.cxm.journey.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.internal.Sequences;

/**
 * How a customer's events split into sessions: by an inactivity gap (a pause longer than the gap starts a new
 * session; 30 minutes by default), or, when the host records one, by a session attribute: events with the
 * same value of the attribute form one session wherever they lie, and the events without it split by the
 * gap among themselves. Sessions are numbered from 1 in the order they start.
 *
 * <pre>{@code
 * List<Session> visits = Sessions.ofDefaults().split(timeline);
 * List<Session> bySessionId = Sessions.custom().sessionAttribute("session_id").build().split(timeline);
 * }</pre>
 *
 * @param inactivityGap the longest pause within one session; positive
 * @param sessionAttribute the attribute that names the host's sessions, if it records them
 */
public record Sessions(Duration inactivityGap, Optional<String> sessionAttribute) {

    /** The default inactivity gap: 30 minutes, as web analytics counts a visit. */
    public static final Duration DEFAULT_GAP = Duration.ofMinutes(30);

    private static final Sessions DEFAULTS = new Sessions(DEFAULT_GAP, Optional.empty());

    /**
     * Validates the configuration.
     *
     * @param inactivityGap the longest pause within one session; positive
     * @param sessionAttribute the attribute that names the host's sessions, if any; non-blank when present
     * @throws IllegalArgumentException when the gap is not positive or the attribute blank
     */
    public Sessions {
        requireGap(inactivityGap);
        Checks.present("sessionAttribute", sessionAttribute).ifPresent(name -> Checks.nonBlank("sessionAttribute", name));
    }

    private static Duration requireGap(Duration gap) {
        Checks.present("inactivityGap", gap);
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("inactivityGap: " + gap + " is not positive; a session's inactivity"
                    + " gap is more than zero");
        }
        return gap;
    }

    /**
     * Returns the defaults: a 30-minute inactivity gap, no session attribute.
     *
     * @return the defaults
     */
    public static Sessions ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the configuration to change
     * @return the builder
     */
    public static Builder from(Sessions base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Splits one customer's timeline into sessions.
     *
     * @param timeline the customer's events in time order
     * @return the sessions, in the order they start
     */
    public List<Session> split(CustomerTimeline timeline) {
        Checks.present("timeline", timeline);
        return split(timeline.customer(), timeline.events());
    }

    /**
     * Splits one customer's events, in time order, into sessions.
     *
     * @param customer the customer
     * @param events the customer's events in time order
     * @return the sessions, in the order they start
     * @throws IllegalArgumentException when an event is of another customer or out of time order
     */
    public List<Session> split(CustomerId customer, List<? extends CustomerEvent> events) {
        Checks.present("customer", customer);
        Checks.noNullElements("events", events);
        int n = events.size();
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = Micros.of(events.get(i));
        }
        int[] sessionOf = new int[n];
        int count = Sequences.sessions(events, times, Sequences.micros(inactivityGap), sessionAttribute, sessionOf);
        List<List<CustomerEvent>> grouped = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            grouped.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            grouped.get(sessionOf[i]).add(events.get(i));
        }
        List<Session> sessions = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            sessions.add(new Session(customer, s + 1, grouped.get(s)));
        }
        return List.copyOf(sessions);
    }

    /** Builds a {@link Sessions}; each setter checks its value at once. */
    public static final class Builder {
        private Duration inactivityGap;
        private Optional<String> sessionAttribute;

        private Builder(Sessions base) {
            this.inactivityGap = base.inactivityGap;
            this.sessionAttribute = base.sessionAttribute;
        }

        /**
         * Sets the longest pause within one session.
         *
         * @param value the gap; positive
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is not positive
         */
        public Builder inactivityGap(Duration value) {
            this.inactivityGap = requireGap(value);
            return this;
        }

        /**
         * Splits sessions by the host's session attribute instead (events without it still split by the gap).
         *
         * @param name the attribute's name
         * @return this builder
         * @throws IllegalArgumentException when {@code name} is blank
         */
        public Builder sessionAttribute(String name) {
            this.sessionAttribute = Optional.of(Checks.nonBlank("sessionAttribute", name));
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public Sessions build() {
            return new Sessions(inactivityGap, sessionAttribute);
        }
    }
}
