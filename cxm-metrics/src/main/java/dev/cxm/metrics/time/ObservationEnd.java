package dev.cxm.metrics.time;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.TimeSpan;

/**
 * The end of an observation of a log that stops before now: just after its last event. Churn rates and
 * cohort tables count only the periods over by the end of the observation; ending it just after the last
 * event leaves out the period the log ends in, which may be unfinished, instead of reporting it as if it were
 * complete (for non-contractual churn, as if every customer still inside their inactivity window had
 * churned).
 *
 * <pre>{@code
 * Instant end = ObservationEnd.justAfterLastEvent(store).orElseGet(clock::instant);
 * ChurnReport report = ChurnRates.custom(definition).to(end).build().compute(store);
 * }</pre>
 *
 * <p>"Just after" is one nanosecond after: event instants are whole microseconds, so no event of the log
 * falls at or after the end, and an instant whose nanoseconds modulo 1,000 are 1 is recognisably such an
 * end ({@link #isJustAfterAnEvent}).
 */
public final class ObservationEnd {

    private ObservationEnd() {}

    /**
     * Returns the instant just after the last event of {@code store}, from the store's span of its events
     * ({@link TimeSpan#endExclusive()}), which a store answers without a scan.
     *
     * @param store the events
     * @return one nanosecond after the latest event; empty when the store holds none
     */
    public static Optional<Instant> justAfterLastEvent(EventStore store) {
        return Checks.present("store", store).span(EventQuery.all()).map(TimeSpan::endExclusive);
    }

    /**
     * Returns the instant just after the last of {@code events}, in any order.
     *
     * @param events the events; the stream is consumed
     * @return one nanosecond after the latest event; empty when there are none
     */
    public static Optional<Instant> justAfterLastEvent(Stream<? extends CustomerEvent> events) {
        return Checks.present("events", events).map(CustomerEvent::occurredAt).max(Instant::compareTo)
                .map(last -> last.plusNanos(1));
    }

    /**
     * Returns whether {@code end} looks like an end {@link #justAfterLastEvent} returns: one nanosecond past a
     * whole microsecond. A report can then show it as "just after" that event.
     *
     * @param end the end of an observation
     * @return whether its nanoseconds modulo 1,000 are 1
     */
    public static boolean isJustAfterAnEvent(Instant end) {
        return Checks.present("end", end).getNano() % 1_000 == 1;
    }
}
