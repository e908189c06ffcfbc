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

import org.jspecify.annotations.Nullable;

/**
 * An immutable map of channel to use, held as a bit per channel used and two arrays with one slot per channel
 * used (in {@link Channel}'s order), so that a profile update copies arrays as short as the customer's channels
 * and keeps the array of last uses when the event is not the latest on its channel. Iterates in
 * {@link Channel}'s order; equal to any map with the same entries.
 */
public final class ChannelTable extends AbstractMap<Channel, ChannelUse> {

    private static final Channel[] CHANNELS = Channel.values();
    private static final ChannelTable EMPTY = new ChannelTable(0, new long[0], new Instant[0]);

    /** Bit {@code ordinal} set for each channel used. */
    private final int used;
    /** Per channel used, in ordinal order: its count, at least 1. */
    private final long[] counts;
    /** Per channel used, in ordinal order: its latest use. */
    private final Instant[] lastUsed;

    private ChannelTable(int used, long[] counts, Instant[] lastUsed) {
        this.used = used;
        this.counts = counts;
        this.lastUsed = lastUsed;
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
     * used).
     *
     * @param counts the number of events per channel
     * @param lastUsed the latest instant per channel, null where the count is 0
     * @return the table
     */
    public static ChannelTable of(long[] counts, Instant[] lastUsed) {
        int used = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                used |= 1 << i;
            }
        }
        if (used == 0) {
            return EMPTY;
        }
        int size = Integer.bitCount(used);
        long[] denseCounts = new long[size];
        Instant[] denseLast = new Instant[size];
        int slot = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                denseCounts[slot] = counts[i];
                denseLast[slot] = lastUsed[i];
                slot++;
            }
        }
        return new ChannelTable(used, denseCounts, denseLast);
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
        long[] counts = new long[CHANNELS.length];
        Instant[] lastUsed = new Instant[CHANNELS.length];
        for (Map.Entry<Channel, ChannelUse> entry : map.entrySet()) {
            counts[entry.getKey().ordinal()] = entry.getValue().count();
            lastUsed[entry.getKey().ordinal()] = entry.getValue().lastUsed();
        }
        return of(counts, lastUsed);
    }

    /** Returns the slot of channel ordinal {@code i} in the dense arrays: the number of channels used before it. */
    private int slotOf(int i) {
        return Integer.bitCount(used & ((1 << i) - 1));
    }

    /**
     * Returns this table with one more event on {@code channel} at {@code at}.
     *
     * @param channel the channel
     * @param at the event's instant
     * @return the new table
     */
    public ChannelTable plus(Channel channel, Instant at) {
        return with(channel.ordinal(), 1, at);
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
            if ((other.used >>> i & 1) != 0) {
                int theirs = other.slotOf(i);
                table = table.with(i, other.counts[theirs], other.lastUsed[theirs]);
            }
        }
        return table;
    }

    /** Returns this table with {@code more} uses of channel ordinal {@code i}, the latest at or before {@code at}. */
    private ChannelTable with(int i, long more, Instant at) {
        int slot = slotOf(i);
        if ((used >>> i & 1) != 0) {
            long[] newCounts = counts.clone();
            newCounts[slot] += more;
            Instant[] newLast = lastUsed;
            if (at.isAfter(lastUsed[slot])) {
                newLast = lastUsed.clone();
                newLast[slot] = at;
            }
            return new ChannelTable(used, newCounts, newLast);
        }
        int size = counts.length;
        long[] newCounts = new long[size + 1];
        Instant[] newLast = new Instant[size + 1];
        System.arraycopy(counts, 0, newCounts, 0, slot);
        System.arraycopy(lastUsed, 0, newLast, 0, slot);
        newCounts[slot] = more;
        newLast[slot] = at;
        System.arraycopy(counts, slot, newCounts, slot + 1, size - slot);
        System.arraycopy(lastUsed, slot, newLast, slot + 1, size - slot);
        return new ChannelTable(used | 1 << i, newCounts, newLast);
    }

    /**
     * Returns the channel used most; of channels used equally often, the one used last, then the first in
     * {@link Channel}'s order: {@code CustomerProfile.preferredChannel()} without an entry per channel.
     *
     * @return the preferred channel, or null when no channel was used
     */
    public @Nullable Channel preferred() {
        int best = -1;
        for (int slot = 0; slot < counts.length; slot++) {
            if (best < 0 || counts[slot] > counts[best]
                    || counts[slot] == counts[best] && lastUsed[slot].isAfter(lastUsed[best])) {
                best = slot;
            }
        }
        if (best < 0) {
            return null;
        }
        int remaining = used;
        for (int slot = 0; slot < best; slot++) {
            remaining &= remaining - 1;
        }
        return CHANNELS[Integer.numberOfTrailingZeros(remaining)];
    }

    /**
     * Returns the channels used as a bit set: bit {@code channel.ordinal()} set when the count is above 0; what a
     * compiled segment condition reads instead of looking each channel up.
     *
     * @return the bits of the channels used
     */
    public int usedMask() {
        return used;
    }

    @Override
    public ChannelUse get(Object key) {
        if (key instanceof Channel channel && (used >>> channel.ordinal() & 1) != 0) {
            int slot = slotOf(channel.ordinal());
            return new ChannelUse(counts[slot], lastUsed[slot]);
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Channel channel && (used >>> channel.ordinal() & 1) != 0;
    }

    @Override
    public int size() {
        return counts.length;
    }

    @Override
    public Set<Map.Entry<Channel, ChannelUse>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Channel, ChannelUse>> iterator() {
                return new Iterator<>() {
                    private int remaining = used;
                    private int slot;

                    @Override
                    public boolean hasNext() {
                        return remaining != 0;
                    }

                    @Override
                    public Map.Entry<Channel, ChannelUse> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = Integer.numberOfTrailingZeros(remaining);
                        remaining &= remaining - 1;
                        int at = slot++;
                        return Map.entry(CHANNELS[i], new ChannelUse(counts[at], lastUsed[at]));
                    }
                };
            }

            @Override
            public int size() {
                return counts.length;
            }
        };
    }
}
