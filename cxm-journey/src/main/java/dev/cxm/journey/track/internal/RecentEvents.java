package dev.cxm.journey.track.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.track.StagedEvent;

/**
 * An immutable, time-ordered list of a customer's pending staged events, held as three primitive columns: the
 * recent events of a {@link dev.cxm.journey.track.CustomerJourney}, which the tracker's cells hand over without
 * a copy.
 */
public final class RecentEvents extends AbstractList<StagedEvent> implements RandomAccess {

    private final long[] times;
    private final long[] hashes;
    private final String[] stages;

    private RecentEvents(long[] times, long[] hashes, String[] stages) {
        this.times = times;
        this.hashes = hashes;
        this.stages = stages;
    }

    /**
     * Returns {@code events} as this type: itself when it is one, else a copy (checked by the caller).
     *
     * @param events staged events in order
     * @return the list
     */
    public static RecentEvents copyOf(List<StagedEvent> events) {
        if (events instanceof RecentEvents recent) {
            return recent;
        }
        int size = events.size();
        RecentEvents copy = new RecentEvents(new long[size], new long[size], new String[size]);
        for (int i = 0; i < size; i++) {
            StagedEvent event = events.get(i);
            copy.times[i] = Micros.of(event.at());
            copy.hashes[i] = event.eventHash();
            copy.stages[i] = event.stage();
        }
        return copy;
    }

    /**
     * Returns the list of these columns, which the caller hands over (they must be ordered).
     *
     * @param times the instants in microseconds
     * @param hashes the id hashes
     * @param stages the stages
     * @return the list
     */
    public static RecentEvents copyOf(long[] times, long[] hashes, String[] stages) {
        return new RecentEvents(times, hashes, stages);
    }

    @Override
    public StagedEvent get(int index) {
        Objects.checkIndex(index, times.length);
        return new StagedEvent(Micros.toInstant(times[index]), hashes[index], stages[index]);
    }

    @Override
    public int size() {
        return times.length;
    }

    /**
     * Returns the instant of event {@code index} in microseconds.
     *
     * @param index the event's position
     * @return the instant
     */
    public long time(int index) {
        return times[index];
    }

    /**
     * Returns the id hash of event {@code index}.
     *
     * @param index the event's position
     * @return the hash
     */
    public long hash(int index) {
        return hashes[index];
    }

    /**
     * Returns the stage of event {@code index}.
     *
     * @param index the event's position
     * @return the stage
     */
    public String stage(int index) {
        return stages[index];
    }
}
