package dev.cxm.engage.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.engage.profile.CustomerProfile;

/**
 * The size of each segment and the overlap of each pair, over a set of profiles at one instant.
 *
 * <pre>{@code
 * SegmentReport report = SegmentReport.of(segments, profiles.all(), clock.instant());
 * long detractors = report.sizes().get("detractors");
 * }</pre>
 *
 * @param profiles the number of profiles evaluated
 * @param sizes each segment's number of members, in the order of the segments
 * @param overlaps for each pair of segments (first before second in their order), the members they share
 */
public record SegmentReport(long profiles, Map<String, Long> sizes, List<SegmentOverlap> overlaps) {

    /** How many profiles are tested together, segment by segment. */
    private static final int BLOCK = 32;

    /**
     * Validates the report.
     *
     * @param profiles the number of profiles, 0 or more
     * @param sizes each segment's size
     * @param overlaps each pair's overlap
     */
    public SegmentReport {
        if (profiles < 0) {
            throw new IllegalArgumentException("profiles: " + profiles + " is negative");
        }
        sizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("sizes", sizes)));
        overlaps = List.copyOf(Checks.present("overlaps", overlaps));
    }

    /**
     * Counts the segments over the profiles at {@code now}. Each profile is tested once per segment; the pairs
     * are counted from the distinct combinations of memberships (up to 64 segments), so that the cost grows
     * with the segments, not with their square, per profile.
     *
     * @param segments the segments
     * @param profiles the profiles
     * @param now the instant durations since are measured to
     * @return the report
     */
    public static SegmentReport of(List<Segment> segments, Iterable<CustomerProfile> profiles, Instant now) {
        Checks.noNullElements("segments", segments);
        Checks.present("profiles", profiles);
        Checks.present("now", now);
        int n = segments.size();
        Segment[] array = segments.toArray(new Segment[0]);
        long count = 0;
        long[] sizes = new long[n];
        long[][] both = new long[n][n];
        MaskCounts combinations = new MaskCounts();
        CustomerProfile[] block = new CustomerProfile[BLOCK];
        int filled = 0;
        for (CustomerProfile profile : profiles) {
            count++;
            if (n <= Long.SIZE) {
                block[filled++] = profile;
                if (filled == BLOCK) {
                    countBlock(array, block, filled, now, combinations);
                    filled = 0;
                }
            } else {
                boolean[] in = new boolean[n];
                for (int i = 0; i < n; i++) {
                    in[i] = array[i].contains(profile, now);
                }
                addPairs(in, 1, sizes, both);
            }
        }
        countBlock(array, block, filled, now, combinations);
        combinations.forEach((mask, times) -> {
            boolean[] in = new boolean[n];
            for (int i = 0; i < n; i++) {
                in[i] = (mask >>> i & 1) != 0;
            }
            addPairs(in, times, sizes, both);
        });
        Map<String, Long> sized = new LinkedHashMap<>();
        List<SegmentOverlap> overlaps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sized.put(array[i].name(), sizes[i]);
            for (int j = i + 1; j < n; j++) {
                overlaps.add(new SegmentOverlap(array[i].name(), array[j].name(), both[i][j]));
            }
        }
        return new SegmentReport(count, sized, overlaps);
    }

    /**
     * Tests a block of profiles segment by segment (not profile by profile), and counts each profile's
     * combination of memberships. The profiles of a block are independent, so the processor fetches their
     * memory for the first segments at once instead of one profile after the other; the later segments find it
     * in cache.
     */
    private static void countBlock(Segment[] segments, CustomerProfile[] block, int size, Instant now,
            MaskCounts combinations) {
        long[] masks = new long[size];
        for (int i = 0; i < segments.length; i++) {
            Segment segment = segments[i];
            for (int p = 0; p < size; p++) {
                if (segment.contains(block[p], now)) {
                    masks[p] |= 1L << i;
                }
            }
        }
        for (int p = 0; p < size; p++) {
            if (masks[p] != 0) {
                combinations.increment(masks[p]);
            }
            block[p] = null;
        }
    }

    /**
     * How many profiles had each non-zero combination of memberships: an open-addressing table of primitive
     * keys and counts, so that counting a profile neither boxes its mask nor walks a tree of colliding masks.
     */
    private static final class MaskCounts {
        private long[] masks = new long[64];
        private long[] counts = new long[64];
        private int size;

        void increment(long mask) {
            int slot = slotOf(masks, mask);
            if (masks[slot] == 0) {
                masks[slot] = mask;
                if (++size * 2 > masks.length) {
                    grow();
                    slot = slotOf(masks, mask);
                }
            }
            counts[slot]++;
        }

        void forEach(java.util.function.BiConsumer<Long, Long> action) {
            for (int i = 0; i < masks.length; i++) {
                if (masks[i] != 0) {
                    action.accept(masks[i], counts[i]);
                }
            }
        }

        private static int slotOf(long[] table, long mask) {
            // The finaliser of MurmurHash3 spreads masks that differ in few bits over the whole table.
            long h = mask;
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            int slot = (int) h & (table.length - 1);
            while (table[slot] != 0 && table[slot] != mask) {
                slot = (slot + 1) & (table.length - 1);
            }
            return slot;
        }

        private void grow() {
            long[] oldMasks = masks;
            long[] oldCounts = counts;
            masks = new long[oldMasks.length * 2];
            counts = new long[oldMasks.length * 2];
            for (int i = 0; i < oldMasks.length; i++) {
                if (oldMasks[i] != 0) {
                    int slot = slotOf(masks, oldMasks[i]);
                    masks[slot] = oldMasks[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }
    }

    private static void addPairs(boolean[] in, long times, long[] sizes, long[][] both) {
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                sizes[i] += times;
                for (int j = i + 1; j < in.length; j++) {
                    if (in[j]) {
                        both[i][j] += times;
                    }
                }
            }
        }
    }
}
