package dev.cxm.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.track.Sessions;

/**
 * Splits a customer's timeline into cases, as paths and discovery read them: the whole timeline, or each of
 * its sessions; an event repeated in the timeline (the same id at the same instant) is kept once.
 */
public final class Cases {

    private Cases() {}

    /**
     * Returns the cases of one timeline.
     *
     * @param timeline the customer's events in time order
     * @param sessions how to split it into sessions, or empty for one case per customer
     * @return the cases, each a list of events in time order
     */
    public static List<List<CustomerEvent>> of(CustomerTimeline timeline, Optional<Sessions> sessions) {
        List<CustomerEvent> events = distinct(timeline.events());
        if (sessions.isEmpty()) {
            return List.of(events);
        }
        int n = events.size();
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = Micros.of(events.get(i));
        }
        int[] sessionOf = new int[n];
        int count = Sequences.sessions(events, times, Sequences.micros(sessions.get().inactivityGap()),
                sessions.get().sessionAttribute(), sessionOf);
        List<List<CustomerEvent>> cases = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            cases.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            cases.get(sessionOf[i]).add(events.get(i));
        }
        return cases;
    }

    /**
     * Returns the events with any repeat (the same id at the same instant as an earlier one) left out.
     *
     * @param events events in time order
     * @return the events, each once; {@code events} itself when nothing repeats
     */
    public static List<CustomerEvent> distinct(List<CustomerEvent> events) {
        List<CustomerEvent> kept = null;
        int runStart = 0;
        for (int i = 0; i < events.size(); i++) {
            CustomerEvent event = events.get(i);
            if (i > 0 && !event.occurredAt().equals(events.get(i - 1).occurredAt())) {
                runStart = i;
            }
            boolean repeat = false;
            for (int k = runStart; k < i && !repeat; k++) {
                repeat = events.get(k).eventId().equals(event.eventId());
            }
            if (repeat && kept == null) {
                kept = new ArrayList<>(events.subList(0, i));
            } else if (!repeat && kept != null) {
                kept.add(event);
            }
        }
        return kept == null ? events : kept;
    }
}
