package dev.cxm.engage.profile.internal;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.internal.HandOver;
import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.LatestAnswer;

/**
 * Reads the fields a {@link CustomerProfile} holds as primitives and arrays (its first- and last-seen instants'
 * seconds and nanoseconds, its channels' bits and uses, its latest NPS answer) without making the
 * {@code Optional}s or the channel table its accessors make, for the loops of the segment evaluator and the decider that read a million
 * profiles. Not API.
 *
 * <p>The profile class gives this class a reader of its fields when it initialises (the hand-over of
 * {@code dev.cxm.core.internal.EventTimeParts}), so that the fields stay out of the public API.
 */
public final class ProfileParts {

    /** In a nanosecond read here: the profile has no such instant (a present one's nanosecond is 0 or more). */
    public static final int ABSENT = -1;

    /** What the profile class hands over: the fields of its profiles. */
    public interface Reader {

        /**
         * Returns the first-seen instant's epoch seconds.
         *
         * @param profile any profile
         * @return the seconds; 0 when there is no first-seen instant
         */
        long firstSeenSecond(CustomerProfile profile);

        /**
         * Returns the first-seen instant's nanoseconds.
         *
         * @param profile any profile
         * @return the nanoseconds; {@link #ABSENT} when there is no first-seen instant
         */
        int firstSeenNano(CustomerProfile profile);

        /**
         * Returns the last-seen instant's epoch seconds.
         *
         * @param profile any profile
         * @return the seconds; 0 when there is no last-seen instant
         */
        long lastSeenSecond(CustomerProfile profile);

        /**
         * Returns the last-seen instant's nanoseconds.
         *
         * @param profile any profile
         * @return the nanoseconds; {@link #ABSENT} when there is no last-seen instant
         */
        int lastSeenNano(CustomerProfile profile);

        /**
         * Returns the bits of the channels used ({@link ChannelTable#usedMask()}).
         *
         * @param profile any profile
         * @return bit {@code ordinal} set for each channel used
         */
        int channelsUsed(CustomerProfile profile);

        /**
         * Returns the channels' uses ({@link ChannelTable#uses()}), the profile's own array: not to be written.
         *
         * @param profile any profile
         * @return three slots per channel used
         */
        long[] channelUses(CustomerProfile profile);

        /**
         * Returns the latest NPS answer, as {@code profile.latestNps()} without the {@code Optional}.
         *
         * @param profile any profile
         * @return the answer, or null without one
         */
        @Nullable LatestAnswer latestNps(CustomerProfile profile);
    }

    private static final HandOver<Reader> READER = new HandOver<>("reader", CustomerProfile.class);

    private ProfileParts() {}

    /**
     * Takes the profile class's reader; called once, by that class's own initialisation.
     *
     * @param profileReader the reader of the profiles' fields
     * @throws IllegalArgumentException when {@code profileReader} is not the profile class's
     * @throws IllegalStateException when a reader was already installed
     */
    public static void install(Reader profileReader) {
        READER.install(profileReader);
    }

    /**
     * Returns the reader of the profiles' fields.
     *
     * @return the reader
     */
    public static Reader reader() {
        return READER.get();
    }

    /**
     * Returns the number of channels the profile's customer used, as {@code profile.channels().size()}.
     *
     * @param profile any profile
     * @return the count
     */
    public static int channelCount(CustomerProfile profile) {
        return Integer.bitCount(reader().channelsUsed(profile));
    }

    /**
     * Returns the profile's preferred channel, as {@code profile.preferredChannel()} without the
     * {@code Optional}.
     *
     * @param profile any profile
     * @return the channel, or null when no event had a touchpoint
     */
    public static @Nullable Channel preferredChannel(CustomerProfile profile) {
        Reader parts = reader();
        return ChannelTable.preferred(parts.channelsUsed(profile), parts.channelUses(profile));
    }
}
