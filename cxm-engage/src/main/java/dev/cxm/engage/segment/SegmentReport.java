package dev.cxm.engage.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.segment.internal.SegmentEvaluator;

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
     * Counts the segments over the profiles at {@code now}. The segments are compiled once into a flat evaluator
     * that tests 64 profiles at a time, field by field, each condition shared by several segments once; the
     * pairs are counted from the distinct combinations of memberships (up to 64 segments), so that the cost
     * grows with the segments, not with their square, per profile.
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
        SegmentEvaluator evaluator = SegmentEvaluator.of(segments);
        long count = 0;
        long[] sizes = new long[n];
        long[][] both = new long[n][n];
        MaskCounts combinations = new MaskCounts();
        CustomerProfile[] block = new CustomerProfile[SegmentEvaluator.BLOCK];
        long[] masks = new long[SegmentEvaluator.BLOCK];
        int filled = 0;
        for (CustomerProfile profile : profiles) {
            count++;
            block[filled++] = Checks.present("profile", profile);
            if (filled == block.length) {
                countBlock(evaluator, block, filled, now, masks, combinations, sizes, both);
                filled = 0;
            }
        }
        countBlock(evaluator, block, filled, now, masks, combinations, sizes, both);
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
            sized.put(segments.get(i).name(), sizes[i]);
            for (int j = i + 1; j < n; j++) {
                overlaps.add(new SegmentOverlap(segments.get(i).name(), segments.get(j).name(), both[i][j]));
            }
        }
        return new SegmentReport(count, sized, overlaps);
    }

    /**
     * Evaluates a block of profiles and counts each profile's combination of memberships (up to 64 segments),
     * or, with more segments, adds each profile's pairs at once.
     */
    private static void countBlock(SegmentEvaluator evaluator, CustomerProfile[] block, int size, Instant now,
            long[] masks, MaskCounts combinations, long[] sizes, long[][] both) {
        evaluator.evaluate(block, size, now);
        int n = evaluator.segments();
        if (n <= Long.SIZE) {
            evaluator.masks(size, masks);
            for (int p = 0; p < size; p++) {
                if (masks[p] != 0) {
                    combinations.increment(masks[p]);
                }
            }
        } else {
            boolean[] in = new boolean[n];
            for (int p = 0; p < size; p++) {
                for (int i = 0; i < n; i++) {
                    in[i] = evaluator.member(i, p);
                }
                addPairs(in, 1, sizes, both);
            }
        }
        Arrays.fill(block, 0, size, null);
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
