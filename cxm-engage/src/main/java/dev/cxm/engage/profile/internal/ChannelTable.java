package dev.cxm.engage.profile.internal;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.ChannelUse;

import org.jspecify.annotations.Nullable;

/**
 * An immutable map of channel to use, held as a bit per channel used and one array with three slots per channel
 * used (in {@link Channel}'s order): its count, and its latest use as epoch seconds and nanoseconds. A profile
 * update copies an array as short as the customer's channels, and reading a channel's use (the preferred
 * channel, a decision's channel) reads that one array, not an instant object per channel. Iterates in
 * {@link Channel}'s order; equal to any map with the same entries.
 */
public final class ChannelTable extends AbstractMap<Channel, ChannelUse> {

    private static final Channel[] CHANNELS = Channel.values();
    private static final ChannelTable EMPTY = new ChannelTable(0, new long[0]);

    /** Bit {@code ordinal} set for each channel used. */
    private final int used;
    /** Per channel used, in ordinal order: its count (at least 1), its latest use's epoch seconds and nanoseconds. */
    private final long[] uses;

    private ChannelTable(int used, long[] uses) {
        this.used = used;
        this.uses = uses;
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
     * Returns the table of per-channel columns indexed by the channel's ordinal: at {@code 3 * ordinal} the count
     * (0 for a channel not used), then the latest use's epoch seconds and nanoseconds.
     *
     * @param columns three longs per channel of {@link Channel}, in ordinal order
     * @return the table
     */
    public static ChannelTable of(long[] columns) {
        int used = 0;
        for (int i = 0; i < CHANNELS.length; i++) {
            if (columns[3 * i] > 0) {
                used |= 1 << i;
            }
        }
        if (used == 0) {
            return EMPTY;
        }
        long[] dense = new long[3 * Integer.bitCount(used)];
        int slot = 0;
        for (int i = 0; i < CHANNELS.length; i++) {
            if (columns[3 * i] > 0) {
                System.arraycopy(columns, 3 * i, dense, 3 * slot, 3);
                slot++;
            }
        }
        return new ChannelTable(used, dense);
    }

    /**
     * Returns the table of a map, or the map itself when it is a table.
     *
     * @param map the channels' uses
     * @return the table
     */
    public static ChannelTable copyOf(Map<Channel, ChannelUse> map) {
        if (map instanceof ChannelTable table) {
            return table;
        }
        long[] columns = new long[3 * CHANNELS.length];
        for (Map.Entry<Channel, ChannelUse> entry : map.entrySet()) {
            int c = 3 * entry.getKey().ordinal();
            columns[c] = entry.getValue().count();
            columns[c + 1] = entry.getValue().lastUsed().getEpochSecond();
            columns[c + 2] = entry.getValue().lastUsed().getNano();
        }
        return of(columns);
    }

    /** Returns the first index in {@link #uses} of channel {@code i}'s slot, whether used or not. */
    private int slotOf(int i) {
        return 3 * Integer.bitCount(used & ((1 << i) - 1));
    }

    /**
     * Returns this table with one more use of {@code channel} at {@code at}.
     *
     * @param channel the channel
     * @param at the instant of the use
     * @return the new table
     */
    public ChannelTable plus(Channel channel, Instant at) {
        return with(channel.ordinal(), 1, at.getEpochSecond(), at.getNano());
    }

    /**
     * Returns the table of both tables' uses: counts added, the later last use.
     *
     * @param other the other table
     * @return the sum
     */
    public ChannelTable plus(ChannelTable other) {
        ChannelTable table = this;
        for (int i = 0; i < CHANNELS.length; i++) {
            if ((other.used >>> i & 1) != 0) {
                int theirs = other.slotOf(i);
                table = table.with(i, other.uses[theirs], other.uses[theirs + 1], other.uses[theirs + 2]);
            }
        }
        return table;
    }

    private ChannelTable with(int i, long more, long second, long nano) {
        return new ChannelTable(used | 1 << i, withUse(used, uses, i, more, second, nano));
    }

    /**
     * Returns the array of uses of the table of {@code used} and {@code uses} with {@code more} uses of channel
     * {@code i} added, the last at the instant of {@code second} and {@code nano} when that is later than the
     * channel's: a new array, {@code uses} is not written. What a holder of the table's two fields (a
     * profile, which then needs no table object of its own) calls; its mask becomes {@code used | 1 << i}.
     *
     * @param used the table's bits of channels used
     * @param uses the table's uses ({@link #uses()})
     * @param i the channel's ordinal
     * @param more the number of uses to add; 1 or more
     * @param second the last use's epoch seconds
     * @param nano its nanoseconds
     * @return the new array of uses
     */
    public static long[] withUse(int used, long[] uses, int i, long more, long second, long nano) {
        int slot = 3 * Integer.bitCount(used & ((1 << i) - 1));
        if ((used >>> i & 1) != 0) {
            long[] newUses = uses.clone();
            newUses[slot] += more;
            if (EventOrder.before(uses[slot + 1], uses[slot + 2], second, nano)) {
                newUses[slot + 1] = second;
                newUses[slot + 2] = nano;
            }
            return newUses;
        }
        long[] newUses = new long[uses.length + 3];
        System.arraycopy(uses, 0, newUses, 0, slot);
        newUses[slot] = more;
        newUses[slot + 1] = second;
        newUses[slot + 2] = nano;
        System.arraycopy(uses, slot, newUses, slot + 3, uses.length - slot);
        return newUses;
    }

    /**
     * Returns the table of the two fields a holder keeps ({@link #usedMask()} and {@link #uses()}), sharing the
     * array: the holder never writes it.
     *
     * @param used the bits of channels used
     * @param uses the uses, three slots per channel used
     * @return the table
     */
    public static ChannelTable view(int used, long[] uses) {
        return used == 0 ? EMPTY : new ChannelTable(used, uses);
    }

    /**
     * Returns the uses, three slots per channel used in ordinal order (count, last use's epoch seconds and
     * nanoseconds): the table's own array, for a holder that keeps it and never writes it.
     *
     * @return the array
     */
    public long[] uses() {
        return uses;
    }

    /**
     * Returns the channels used as bits by ordinal, for readers that test many profiles' channels at once.
     *
     * @return bit {@code ordinal} set for each channel used
     */
    public int usedMask() {
        return used;
    }

    /**
     * Returns the channel used most; of channels used equally often, the one used last, then the first in
     * {@link Channel}'s order: {@code CustomerProfile.preferredChannel()} without an entry per channel.
     *
     * @return the preferred channel, or null when no channel was used
     */
    public @Nullable Channel preferred() {
        return preferred(used, uses);
    }

    /**
     * Returns the preferred channel ({@link #preferred()}) of the table of {@code used} and {@code uses}.
     *
     * @param used the table's bits of channels used
     * @param uses the table's uses
     * @return the preferred channel, or null when no channel was used
     */
    public static @Nullable Channel preferred(int used, long[] uses) {
        int best = -1;
        for (int slot = 0; slot < uses.length; slot += 3) {
            if (best < 0 || uses[slot] > uses[best] || uses[slot] == uses[best]
                    && EventOrder.before(uses[best + 1], uses[best + 2], uses[slot + 1], uses[slot + 2])) {
                best = slot;
            }
        }
        if (best < 0) {
            return null;
        }
        int remaining = used;
        for (int slot = 0; slot < best; slot += 3) {
            remaining &= remaining - 1;
        }
        return CHANNELS[Integer.numberOfTrailingZeros(remaining)];
    }

    private ChannelUse useAt(int slot) {
        return new ChannelUse(uses[slot], Instant.ofEpochSecond(uses[slot + 1], uses[slot + 2]));
    }

    @Override
    public @Nullable ChannelUse get(Object key) {
        if (key instanceof Channel channel && (used >>> channel.ordinal() & 1) != 0) {
            return useAt(slotOf(channel.ordinal()));
        }
        return null;
    }

    /** Compares two tables by their arrays, any other map as {@link AbstractMap} does. */
    @Override
    public boolean equals(@Nullable Object other) {
        if (other instanceof ChannelTable that) {
            return used == that.used && Arrays.equals(uses, that.uses);
        }
        return super.equals(other);
    }

    /** Returns the hash of {@link AbstractMap}: the sum of the entries' hashes. */
    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Channel channel && (used >>> channel.ordinal() & 1) != 0;
    }

    @Override
    public int size() {
        return uses.length / 3;
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
                        ChannelUse use = useAt(slot);
                        slot += 3;
                        return Map.entry(CHANNELS[i], use);
                    }
                };
            }

            @Override
            public int size() {
                return uses.length / 3;
            }
        };
    }
}
