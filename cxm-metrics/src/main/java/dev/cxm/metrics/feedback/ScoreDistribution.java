package dev.cxm.metrics.feedback;

import java.util.Arrays;
import java.util.OptionalDouble;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackScale;

/**
 * How many responses (and how much survey weight) fell on each point of a scale: the complete, compact
 * state of every feedback metric. NPS, CSAT, CES and custom scores are all functions of it, two of them
 * merge by adding, and it serialises as a few numbers per scale point (as JSON through Jackson, say), so
 * that partial states can travel between threads, partitions and machines.
 *
 * <p>Index {@code i} of each array is the score {@code scale.min() + i}. Without survey weights every
 * response weighs 1, and {@code weights} and {@code squaredWeights} equal {@code counts}.
 *
 * <p>A survey weight is 0 or lies within [{@value #MIN_WEIGHT}, {@value #MAX_WEIGHT}], so that no sum of
 * weights or of squared weights over any number of responses can overflow or underflow. The constructor
 * accepts only states that such responses can produce (one read from JSON, say): per scale point, no
 * weight without a response; a weight sum of 0 or at least {@value #MIN_WEIGHT} and at most
 * {@code count × }{@value #MAX_WEIGHT}; and, up to a relative rounding tolerance of
 * {@value #TOLERANCE}, {@code weight² / count ≤ squaredWeight ≤ weight²} (Cauchy-Schwarz, and weights
 * being 0 or more). So Kish's effective sample size never exceeds {@code n}.
 *
 * <p>As JSON: {@code {"formatVersion":1,"scale":{...},"counts":[...],"weights":[...],"squaredWeights":[...]}};
 * format version {@value #FORMAT_VERSION}.
 *
 * @param scale the scale the scores are on
 * @param counts responses per scale point; 0 or more, one per point
 * @param weights the sum of the responses' weights per scale point; 0 or more, consistent with {@code counts}
 * @param squaredWeights the sum of the squared weights per scale point (for the effective sample size)
 */
@JsonPropertyOrder({"formatVersion", "scale", "counts", "weights", "squaredWeights"})
public record ScoreDistribution(FeedbackScale scale, long[] counts, double[] weights, double[] squaredWeights)
        implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /** The smallest positive survey weight accepted. */
    public static final double MIN_WEIGHT = 1e-100;
    /** The largest survey weight accepted. */
    public static final double MAX_WEIGHT = 1e100;
    /** The relative rounding tolerance of the checks that relate a point's sums to each other. */
    static final double TOLERANCE = 1e-6;

    /**
     * Validates the state and copies the arrays, so that the record is immutable.
     *
     * @param scale the scale the scores are on
     * @param counts responses per scale point; 0 or more, one per point
     * @param weights the sum of the responses' weights per scale point; 0 or more, consistent with {@code counts}
     * @param squaredWeights the sum of the squared weights per scale point (for the effective sample size)
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public ScoreDistribution {
        Checks.present("scale", scale);
        counts = requireLength("counts", Checks.present("counts", counts).clone(), counts.length, scale);
        weights = requireLength("weights", Checks.present("weights", weights).clone(), weights.length, scale);
        squaredWeights = requireLength("squaredWeights", Checks.present("squaredWeights", squaredWeights).clone(),
                squaredWeights.length, scale);
        for (int i = 0; i < counts.length; i++) {
            int score = scale.min() + i;
            if (counts[i] < 0) {
                throw new IllegalArgumentException("counts: " + counts[i] + " responses at score " + score
                        + " is negative");
            }
            requireWeightSum("weights", weights[i], score);
            requireWeightSum("squaredWeights", squaredWeights[i], score);
            requireConsistent(counts[i], weights[i], squaredWeights[i], score);
        }
    }

    /**
     * Returns {@code weight} when it is a valid survey weight: 0, or within [{@link #MIN_WEIGHT},
     * {@link #MAX_WEIGHT}].
     *
     * @param weight the weight to check
     * @return {@code weight}
     * @throws IllegalArgumentException naming the weight and the rule otherwise
     */
    public static double requireWeight(double weight) {
        if (weight == 0 || (weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
            return weight;
        }
        String what = Double.isNaN(weight) || Double.isInfinite(weight) ? "not finite"
                : weight < 0 ? "negative" : weight > 0 && weight < MIN_WEIGHT ? "too small" : "too large";
        throw new IllegalArgumentException("weight: " + weight + " is " + what + "; a survey weight is 0 or within ["
                + MIN_WEIGHT + ", " + MAX_WEIGHT + "]");
    }

    /** Rejects sums of one scale point that no responses with valid weights can add up to. */
    private static void requireConsistent(long count, double weight, double squared, int score) {
        String at = " at score " + score;
        if (count == 0) {
            if (weight != 0 || squared != 0) {
                throw new IllegalArgumentException("weights: " + weight + " and squaredWeights: " + squared + at
                        + " must be 0 where counts is 0; there is no weight without a response");
            }
            return;
        }
        if (weight > 0 && weight < MIN_WEIGHT * (1 - TOLERANCE) || weight > count * MAX_WEIGHT * (1 + TOLERANCE)) {
            throw new IllegalArgumentException("weights: " + weight + at + " cannot be the sum of " + count
                    + " weights that are each 0 or within [" + MIN_WEIGHT + ", " + MAX_WEIGHT + "]");
        }
        double weightSquared = weight * weight;
        if (squared > weightSquared * (1 + TOLERANCE) || squared * count < weightSquared * (1 - TOLERANCE)) {
            throw new IllegalArgumentException("squaredWeights: " + squared + at + " cannot be the sum of the squares of "
                    + count + " weights adding up to " + weight + "; it must lie within [weight^2 / count, weight^2]");
        }
    }

    private static <T> T requireLength(String field, T array, int length, FeedbackScale scale) {
        if (length != scale.points()) {
            throw new IllegalArgumentException(field + ": " + length + " entries for the " + scale.points()
                    + " points of the scale " + scale + "; there must be one per point");
        }
        return array;
    }

    private static void requireWeightSum(String field, double value, int score) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " at score " + score
                    + " is not a finite number of 0 or more");
        }
    }

    /**
     * Reads a state written in any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param scale the scale
     * @param counts responses per scale point
     * @param weights the weight sums per scale point
     * @param squaredWeights the squared-weight sums per scale point
     * @return the state
     * @throws IllegalArgumentException when the version is unknown or the sums are inconsistent
     */
    @JsonCreator
    static ScoreDistribution fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("scale") FeedbackScale scale, @JsonProperty("counts") long[] counts,
            @JsonProperty("weights") double[] weights, @JsonProperty("squaredWeights") double[] squaredWeights) {
        AccumulatorState.requireReadable("ScoreDistribution", formatVersion, FORMAT_VERSION);
        return new ScoreDistribution(scale, counts, weights, squaredWeights);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Returns the state of no responses on {@code scale}.
     *
     * @param scale the scale
     * @return the empty state
     */
    public static ScoreDistribution empty(FeedbackScale scale) {
        int points = Checks.present("scale", scale).points();
        return new ScoreDistribution(scale, new long[points], new double[points], new double[points]);
    }

    /**
     * Returns the state of {@code count} unweighted responses that all gave {@code score}: one cell of a
     * store's feedback histogram ({@code EventStore.feedbackHistogram}).
     *
     * @param scale the scale
     * @param score the score, on the scale
     * @param count the number of responses, 0 or more
     * @return the state
     * @throws IllegalArgumentException when the score is off the scale or the count negative
     */
    public static ScoreDistribution ofCount(FeedbackScale scale, int score, long count) {
        int points = Checks.present("scale", scale).points();
        int index = scale.requireOnScale(score) - scale.min();
        long[] counts = new long[points];
        double[] weights = new double[points];
        counts[index] = count;
        weights[index] = count;
        return new ScoreDistribution(scale, counts, weights, weights);
    }

    /**
     * Returns a copy of the responses per scale point.
     *
     * @return the counts, one per scale point
     */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Returns a copy of the weight sums per scale point.
     *
     * @return the weight sums, one per scale point
     */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Returns a copy of the squared-weight sums per scale point.
     *
     * @return the squared-weight sums, one per scale point
     */
    @Override
    public double[] squaredWeights() {
        return squaredWeights.clone();
    }

    /**
     * Returns the number of responses.
     *
     * @return the count, 0 or more
     */
    public long n() {
        return count(scale.min(), scale.max());
    }

    /**
     * Returns the number of responses with a score in {@code [from, to]} (both on the scale).
     *
     * @param from the lowest score counted
     * @param to the highest score counted
     * @return the count
     * @throws IllegalArgumentException naming the score when one is off the scale, or when {@code to < from}
     */
    public long count(int from, int to) {
        long sum = 0;
        for (int i = index(from, to, "from"); i <= to - scale.min(); i++) {
            sum += counts[i];
        }
        return sum;
    }

    /**
     * Returns the weight of the responses with a score in {@code [from, to]} (both on the scale).
     *
     * @param from the lowest score counted
     * @param to the highest score counted
     * @return the weight sum
     * @throws IllegalArgumentException as {@link #count} does
     */
    public double weight(int from, int to) {
        return sum(weights, from, to);
    }

    /**
     * Returns the squared weight of the responses with a score in {@code [from, to]} (both on the scale).
     *
     * @param from the lowest score counted
     * @param to the highest score counted
     * @return the squared-weight sum
     * @throws IllegalArgumentException as {@link #count} does
     */
    public double squaredWeight(int from, int to) {
        return sum(squaredWeights, from, to);
    }

    /**
     * Returns the sum of all weights; equal to {@link #n()} without survey weights.
     *
     * @return the total weight
     */
    public double totalWeight() {
        return weight(scale.min(), scale.max());
    }

    /**
     * Returns Kish's effective sample size {@code (Σw)² / Σw²}: the number of unweighted responses that would
     * estimate a share as precisely as these weighted ones. Equal to {@link #n()} without survey weights,
     * 0 when there is no weight.
     *
     * @return the effective sample size, from 0 to {@link #n()}
     */
    public double effectiveN() {
        double total = totalWeight();
        double squared = squaredWeight(scale.min(), scale.max());
        // Never above n in exact arithmetic (Cauchy-Schwarz); the min takes off rounding.
        return squared > 0 ? Math.min(n(), total * total / squared) : 0;
    }

    /**
     * Returns the weight of the responses in {@code [from, to]} expressed as a count out of
     * {@link #effectiveN()}: {@code effectiveN × share}. Without survey weights it is exactly the count.
     *
     * @param from the lowest score counted
     * @param to the highest score counted
     * @return the effective count
     * @throws IllegalArgumentException as {@link #count} does
     */
    public double effectiveCount(int from, int to) {
        double total = totalWeight();
        return total > 0 ? weight(from, to) * effectiveN() / total : 0;
    }

    /**
     * Returns the weighted share of responses in {@code [from, to]} ({@code weight / totalWeight}), when
     * there is any weight.
     *
     * @param from the lowest score counted
     * @param to the highest score counted
     * @return the share, 0..1, or empty without weight
     * @throws IllegalArgumentException as {@link #count} does
     */
    public OptionalDouble share(int from, int to) {
        double total = totalWeight();
        return total > 0 ? OptionalDouble.of(weight(from, to) / total) : OptionalDouble.empty();
    }

    /**
     * Returns the weighted mean score, when there is any weight.
     *
     * @return the mean on the scale, or empty without weight
     */
    public OptionalDouble mean() {
        double total = totalWeight();
        if (!(total > 0)) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (scale.min() + i);
        }
        // Rounding must not carry the mean off the scale.
        return OptionalDouble.of(Math.max(scale.min(), Math.min(scale.max(), sum / total)));
    }

    /**
     * Returns the weighted sum of squared deviations from {@code centre} divided by the total weight
     * ({@code Σ w (x - centre)² / Σ w}), or 0 when there is no weight.
     *
     * @param centre the point deviations are measured from
     * @return the weighted mean squared deviation, 0 or more
     */
    public double meanSquaredDeviation(double centre) {
        double total = totalWeight();
        if (!(total > 0)) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            double deviation = scale.min() + i - centre;
            sum += weights[i] * deviation * deviation;
        }
        return sum / total;
    }

    /**
     * Returns the state of both samples together.
     *
     * @param other the other state
     * @return the merged state; both inputs are unchanged
     * @throws IllegalArgumentException when {@code other} is on another scale
     */
    public ScoreDistribution merge(ScoreDistribution other) {
        requireScale(scale, other.scale);
        long[] mergedCounts = counts.clone();
        double[] mergedWeights = weights.clone();
        double[] mergedSquared = squaredWeights.clone();
        for (int i = 0; i < mergedCounts.length; i++) {
            mergedCounts[i] = addCounts(mergedCounts[i], other.counts[i], scale.min() + i);
            mergedWeights[i] += other.weights[i];
            mergedSquared[i] += other.squaredWeights[i];
        }
        return new ScoreDistribution(scale, mergedCounts, mergedWeights, mergedSquared);
    }

    /** Throws unless {@code actual} is {@code expected}: states, accumulators and metrics of a scale go together. */
    static void requireScale(FeedbackScale expected, FeedbackScale actual) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("scale: " + actual + " is not " + expected
                    + "; only states on the same scale merge");
        }
    }

    /**
     * Returns {@code a + b}, two counts of responses at {@code score}.
     *
     * @throws IllegalArgumentException when the sum overflows
     */
    static long addCounts(long a, long b, int score) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("counts: " + a + " + " + b + " responses at score " + score
                    + " overflows a long", e);
        }
    }

    /** Returns whether every response weighs 1, as without survey weights. */
    boolean hasUnitWeights() {
        for (int i = 0; i < counts.length; i++) {
            if (weights[i] != counts[i] || squaredWeights[i] != counts[i]) {
                return false;
            }
        }
        return true;
    }

    private double sum(double[] values, int from, int to) {
        double sum = 0;
        for (int i = index(from, to, "from"); i <= to - scale.min(); i++) {
            sum += values[i];
        }
        return sum;
    }

    private int index(int from, int to, String field) {
        scale.requireOnScale(from);
        scale.requireOnScale(to);
        if (to < from) {
            throw new IllegalArgumentException(field + ": " + from + " is above to " + to);
        }
        return from - scale.min();
    }

    /** Compares the scale and the array contents. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreDistribution that && scale.equals(that.scale)
                && Arrays.equals(counts, that.counts) && Arrays.equals(weights, that.weights)
                && Arrays.equals(squaredWeights, that.squaredWeights);
    }

    /** Hashes the scale and the array contents. */
    @Override
    public int hashCode() {
        return 31 * (31 * (31 * scale.hashCode() + Arrays.hashCode(counts)) + Arrays.hashCode(weights))
                + Arrays.hashCode(squaredWeights);
    }

    /** Returns the scale and the counts per point, such as {@code nps:0..10 [0, 1, 0, ...]}. */
    @Override
    public String toString() {
        return scale + " " + Arrays.toString(counts);
    }
}
