package dev.cxm.journey.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.model.CustomerEvent;

/** Splits one customer's events, in time order, into sessions; the rule {@code Sessions} documents. */
public final class Sequences {

    private Sequences() {}

    /**
     * Numbers each event's session from 0, in the order the sessions start.
     *
     * @param events one customer's events in time order
     * @param times their instants in microseconds
     * @param gapMicros the inactivity gap: a longer pause starts a new session
     * @param attribute the session attribute, if sessions come from the host
     * @param sessionOf where each event's session number is written; at least {@code events.size()} long
     * @return how many sessions there are
     */
    public static int sessions(List<? extends CustomerEvent> events, long[] times, long gapMicros,
            Optional<String> attribute, int[] sessionOf) {
        int n = events.size();
        int sessions = 0;
        long lastWithout = Long.MIN_VALUE;
        int sessionWithout = -1;
        Map<String, Integer> byValue = attribute.isEmpty() ? Map.of() : new HashMap<>();
        for (int i = 0; i < n; i++) {
            String value = attribute.isEmpty() ? null : events.get(i).attributes().get(attribute.get());
            if (value != null) {
                Integer session = byValue.get(value);
                if (session == null) {
                    session = sessions++;
                    byValue.put(value, session);
                }
                sessionOf[i] = session;
            } else {
                if (sessionWithout < 0 || times[i] - lastWithout > gapMicros) {
                    sessionWithout = sessions++;
                }
                lastWithout = times[i];
                sessionOf[i] = sessionWithout;
            }
        }
        return sessions;
    }

    /**
     * Returns a duration in microseconds, saturated at {@link Long#MAX_VALUE}.
     *
     * @param duration a duration of zero or more
     * @return the microseconds
     */
    public static long micros(Duration duration) {
        try {
            return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
