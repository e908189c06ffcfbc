package dev.cxm.examples.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Equal-width bars from the smallest value to the 99th percentile; the values above it go into the last bar,
 * which then reaches the largest value, so that a long tail does not squeeze every other bar into one.
 */
final class Histogram {

    /** The quantile where the last bar starts to hold the tail. */
    static final double TAIL = 0.99;

    private Histogram() {}

    static List<CxReport.Bin> of(double[] values, int bins) {
        if (values.length == 0) {
            return List.of();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double upper = sorted[(int) Math.ceil(TAIL * sorted.length) - 1];
        if (!(upper > min)) {
            return List.of(new CxReport.Bin(min, max, sorted.length));
        }
        double width = (upper - min) / bins;
        long[] counts = new long[bins];
        for (double value : sorted) {
            counts[Math.min(bins - 1, (int) ((value - min) / width))]++;
        }
        List<CxReport.Bin> result = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            result.add(new CxReport.Bin(min + i * width, i == bins - 1 ? max : min + (i + 1) * width, counts[i]));
        }
        return result;
    }
}
