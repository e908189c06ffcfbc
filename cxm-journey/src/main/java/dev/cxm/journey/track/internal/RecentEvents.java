package dev.cxm.journey.track.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.track.StagedEvent;

/**
 * An immutable, time-ordered list of a customer's pending staged events, held as three primitive columns.
 * A view of {@code [from, to)} of a buffer that later views may extend: appending to the newest view writes
 * in place (older views never read past their own end), dropping from the front moves {@code from}, and
 * anything else copies. So a tracker that receives a customer's events in order adds each in constant
 * amortised time and allocates one small view.
 */
public final class RecentEvents extends AbstractList<StagedEvent> implements RandomAccess {

    /** The columns; {@code used} is how far any view has written. */
    private static final class Buffer {
        final long[] times;
        final long[] hashes;
        final String[] stages;
        int used;

        Buffer(int capacity) {
            this(capacity, new long[capacity], new long[capacity], new String[capacity]);
        }

        Buffer(int unused, long[] times, long[] hashes, String[] stages) {
            this.times = times;
            this.hashes = hashes;
            this.stages = stages;
        }
    }

    private final Buffer buffer;
    private final int from;
    private final int to;

    private RecentEvents(Buffer buffer, int from, int to) {
        this.buffer = buffer;
        this.from = from;
        this.to = to;
    }

    /**
     * Returns the list of one event.
     *
     * @param time its instant in microseconds
     * @param hash its id's hash
     * @param stage its stage
     * @return the list
     */
    public static RecentEvents of(long time, long hash, String stage) {
        Buffer buffer = new Buffer(4);
        buffer.times[0] = time;
        buffer.hashes[0] = hash;
        buffer.stages[0] = stage;
        buffer.used = 1;
        return new RecentEvents(buffer, 0, 1);
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
        Buffer buffer = new Buffer(Math.max(4, events.size()));
        for (int i = 0; i < events.size(); i++) {
            StagedEvent event = events.get(i);
            buffer.times[i] = Micros.of(event.at());
            buffer.hashes[i] = event.eventHash();
            buffer.stages[i] = event.stage();
        }
        buffer.used = events.size();
        return new RecentEvents(buffer, 0, events.size());
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
        Buffer buffer = new Buffer(0, times, hashes, stages);
        buffer.used = times.length;
        return new RecentEvents(buffer, 0, times.length);
    }

    @Override
    public StagedEvent get(int index) {
        int at = from + java.util.Objects.checkIndex(index, to - from);
        return new StagedEvent(Micros.toInstant(buffer.times[at]), buffer.hashes[at], buffer.stages[at]);
    }

    @Override
    public int size() {
        return to - from;
    }

    /** Returns the instant of event {@code index} in microseconds. */
    public long time(int index) {
        return buffer.times[from + index];
    }

    /** Returns the id hash of event {@code index}. */
    public long hash(int index) {
        return buffer.hashes[from + index];
    }

    /** Returns the stage of event {@code index}. */
    public String stage(int index) {
        return buffer.stages[from + index];
    }

    /** Returns the position at which an event of {@code time} and {@code hash} belongs: after every smaller one. */
    public int positionOf(long time, long hash) {
        int size = size();
        if (size > 0) {
            long last = time(size - 1);
            if (time > last || (time == last && hash > hash(size - 1))) {
                return size;
            }
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            long t = time(mid);
            if (t < time || (t == time && hash(mid) < hash)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Returns whether the list holds an event of {@code time} and {@code hash}. */
    public boolean contains(long time, long hash) {
        int position = positionOf(time, hash);
        return position < size() && time(position) == time && hash(position) == hash;
    }

    /** Returns the list with the event inserted at {@code position}; in place when it goes at the end. */
    public RecentEvents insert(int position, long time, long hash, String stage) {
        if (position == size()) {
            synchronized (buffer) {
                if (buffer.used == to && to < buffer.times.length) {
                    buffer.times[to] = time;
                    buffer.hashes[to] = hash;
                    buffer.stages[to] = stage;
                    buffer.used++;
                    return new RecentEvents(buffer, from, to + 1);
                }
            }
        }
        int size = size();
        Buffer copy = new Buffer(Math.max(4, (size + 1) * 2));
        System.arraycopy(buffer.times, from, copy.times, 0, position);
        System.arraycopy(buffer.hashes, from, copy.hashes, 0, position);
        System.arraycopy(buffer.stages, from, copy.stages, 0, position);
        copy.times[position] = time;
        copy.hashes[position] = hash;
        copy.stages[position] = stage;
        System.arraycopy(buffer.times, from + position, copy.times, position + 1, size - position);
        System.arraycopy(buffer.hashes, from + position, copy.hashes, position + 1, size - position);
        System.arraycopy(buffer.stages, from + position, copy.stages, position + 1, size - position);
        copy.used = size + 1;
        return new RecentEvents(copy, 0, size + 1);
    }

    /** Returns the list without its first {@code count} events. */
    public RecentEvents dropFirst(int count) {
        return count == 0 ? this : new RecentEvents(buffer, from + count, to);
    }
}
