package dev.cxm.engage.profile.internal;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.ChannelUse;

/**
 * An immutable map of channel to use, held as two small arrays indexed by the channel's ordinal, so that a
 * profile update copies two arrays of nine slots instead of rebuilding a map. Iterates in {@link Channel}'s
 * order; equal to any map with the same entries.
 */
public final class ChannelTable extends AbstractMap<Channel, ChannelUse> {

    private static final Channel[] CHANNELS = Channel.values();
    private static final ChannelTable EMPTY = new ChannelTable(new long[CHANNELS.length],
            new Instant[CHANNELS.length], 0);

    private final long[] counts;
    private final Instant[] lastUsed;
    private final int size;

    private ChannelTable(long[] counts, Instant[] lastUsed, int size) {
        this.counts = counts;
        this.lastUsed = lastUsed;
        this.size = size;
    }

    /**
     * Returns the table without channels.
     *
     * @return the empty table
     */
    public static ChannelTable empty() {
        return EMPTY;
    }

    /**
     * Returns the table of per-channel columns indexed by the channel's ordinal (a count of 0 for a channel not
     * used), copied.
     *
     * @param counts the number of events per channel
     * @param lastUsed the latest instant per channel, null where the count is 0
     * @return the table
     */
    public static ChannelTable of(long[] counts, Instant[] lastUsed) {
        int size = 0;
        for (long count : counts) {
            if (count > 0) {
                size++;
            }
        }
        return size == 0 ? EMPTY : new ChannelTable(counts.clone(), lastUsed.clone(), size);
    }

    /**
     * Returns {@code map} as a table: itself when it is one, else a copy.
     *
     * @param map the uses by channel
     * @return the table
     */
    public static ChannelTable copyOf(Map<Channel, ChannelUse> map) {
        if (map instanceof ChannelTable table) {
            return table;
        }
        ChannelTable table = EMPTY;
        for (Map.Entry<Channel, ChannelUse> entry : map.entrySet()) {
            table = table.with(entry.getKey(), entry.getValue().count(), entry.getValue().lastUsed());
        }
        return table;
    }

    /**
     * Returns this table with one more event on {@code channel} at {@code at}.
     *
     * @param channel the channel
     * @param at the event's instant
     * @return the new table
     */
    public ChannelTable plus(Channel channel, Instant at) {
        int i = channel.ordinal();
        Instant last = lastUsed[i];
        return with(channel, counts[i] + 1, last == null || at.isAfter(last) ? at : last);
    }

    /**
     * Returns the uses of both tables: counts added, the later last use.
     *
     * @param other the other table
     * @return the combined table
     */
    public ChannelTable plus(ChannelTable other) {
        ChannelTable table = this;
        for (int i = 0; i < CHANNELS.length; i++) {
            if (other.counts[i] > 0) {
                Instant last = lastUsed[i];
                Instant theirs = other.lastUsed[i];
                table = table.with(CHANNELS[i], counts[i] + other.counts[i],
                        last == null || theirs.isAfter(last) ? theirs : last);
            }
        }
        return table;
    }

    private ChannelTable with(Channel channel, long count, Instant last) {
        int i = channel.ordinal();
        long[] newCounts = counts.clone();
        Instant[] newLast = lastUsed.clone();
        int newSize = counts[i] == 0 ? size + 1 : size;
        newCounts[i] = count;
        newLast[i] = last;
        return new ChannelTable(newCounts, newLast, newSize);
    }

    /**
     * Returns the channels used as a bit set: bit {@code channel.ordinal()} set when the count is above 0; what a
     * compiled segment condition reads instead of looking each channel up.
     *
     * @return the bits of the channels used
     */
    public int usedMask() {
        int mask = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    @Override
    public ChannelUse get(Object key) {
        if (key instanceof Channel channel && counts[channel.ordinal()] > 0) {
            return new ChannelUse(counts[channel.ordinal()], lastUsed[channel.ordinal()]);
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Channel channel && counts[channel.ordinal()] > 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<Channel, ChannelUse>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Channel, ChannelUse>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < CHANNELS.length && counts[i] == 0) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < CHANNELS.length;
                    }

                    @Override
                    public Map.Entry<Channel, ChannelUse> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = next;
                        next = advance(i + 1);
                        return Map.entry(CHANNELS[i], new ChannelUse(counts[i], lastUsed[i]));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
