package dev.cxm.metrics.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;

/**
 * The state of a {@link SentimentAccumulator}: counts and sums of the scores counted, and the thresholds
 * they were classified by, so that a state never continues under other thresholds.
 *
 * <p>Compound scores are counted to four decimals, as VADER reports them, in whole numbers: {@code compoundSum}
 * and {@code absoluteSum} in units of 0.0001, {@code squareSum} in units of 0.00000001. Sums of whole numbers
 * are exact, so states merge in any order to exactly the same state, on any number of threads or machines.
 *
 * <p>The constructor accepts only states that scores can produce: counts within {@code n}, positives and
 * negatives apart, strong negatives among the negatives, {@code |compoundSum| <= absoluteSum <= 10,000 n},
 * {@code squareSum <= 10^8 n}, and {@code absoluteSum² <= n squareSum} (Cauchy-Schwarz).
 *
 * <p>As JSON (through {@code CxmJson.mapper()}): {@code {"formatVersion":1,"neutralBand":0.05,
 * "strongNegativeThreshold":-0.5,"n":3,"blank":0,"truncated":0,"positives":1,"negatives":2,"strongNegatives":1,
 * "compoundSum":-5000,"absoluteSum":15000,"squareSum":83000000}} (the scores 0.5, -0.3 and -0.7); format version {@value #FORMAT_VERSION}.
 *
 * @param neutralBand scores within {@code (-neutralBand, neutralBand)} are neutral
 * @param strongNegativeThreshold scores at or below it are strongly negative
 * @param n the number of texts counted
 * @param blank how many of them were empty or whitespace only
 * @param truncated how many were scored on their first part only
 * @param positives how many scored {@code neutralBand} or more
 * @param negatives how many scored {@code -neutralBand} or less
 * @param strongNegatives how many scored {@code strongNegativeThreshold} or less
 * @param compoundSum the sum of the compound scores, in units of 0.0001
 * @param absoluteSum the sum of their absolute values, in units of 0.0001
 * @param squareSum the sum of their squares, in units of 0.00000001
 */
@JsonPropertyOrder({"formatVersion", "neutralBand", "strongNegativeThreshold", "n", "blank", "truncated", "positives",
        "negatives", "strongNegatives", "compoundSum", "absoluteSum", "squareSum"})
public record SentimentTally(double neutralBand, double strongNegativeThreshold, long n, long blank, long truncated,
        long positives, long negatives, long strongNegatives, long compoundSum, long absoluteSum, long squareSum)
        implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;
    /** The units of one compound score in {@link #compoundSum()} and {@link #absoluteSum()}. */
    public static final long SCALE = 10_000;

    /**
     * Validates the state.
     *
     * @param neutralBand scores within {@code (-neutralBand, neutralBand)} are neutral
     * @param strongNegativeThreshold scores at or below it are strongly negative
     * @param n the number of texts counted
     * @param blank how many of them were empty or whitespace only
     * @param truncated how many were scored on their first part only
     * @param positives how many scored {@code neutralBand} or more
     * @param negatives how many scored {@code -neutralBand} or less
     * @param strongNegatives how many scored {@code strongNegativeThreshold} or less
     * @param compoundSum the sum of the compound scores, in units of 0.0001
     * @param absoluteSum the sum of their absolute values, in units of 0.0001
     * @param squareSum the sum of their squares, in units of 0.00000001
     * @throws IllegalArgumentException naming the field and the rule when the state is not one scores produce
     */
    public SentimentTally {
        SentimentSummary.requireThresholds(neutralBand, strongNegativeThreshold);
        requireCount("n", n, Long.MAX_VALUE);
        requireCount("blank", blank, n);
        requireCount("truncated", truncated, n);
        requireCount("positives", positives, n);
        requireCount("negatives", negatives, n - positives);
        requireCount("strongNegatives", strongNegatives, negatives);
        if (absoluteSum < Math.abs(compoundSum) || compareProducts(n, SCALE, absoluteSum, 1) < 0) {
            throw new IllegalArgumentException("absoluteSum: " + absoluteSum + " with compoundSum " + compoundSum
                    + " and n " + n + "; it must lie within [|compoundSum|, " + SCALE + " n]");
        }
        if (squareSum < 0 || compareProducts(n, SCALE * SCALE, squareSum, 1) < 0
                || compareProducts(absoluteSum, absoluteSum, n, squareSum) > 0) {
            throw new IllegalArgumentException("squareSum: " + squareSum + " with absoluteSum " + absoluteSum
                    + " and n " + n + "; it must lie within [absoluteSum² / n, " + SCALE * SCALE + " n]");
        }
    }

    /**
     * Returns the empty state of the given thresholds.
     *
     * @param neutralBand scores within {@code (-neutralBand, neutralBand)} are neutral
     * @param strongNegativeThreshold scores at or below it are strongly negative
     * @return the state of no texts
     */
    public static SentimentTally empty(double neutralBand, double strongNegativeThreshold) {
        return new SentimentTally(neutralBand, strongNegativeThreshold, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Reads a state written in any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param neutralBand the neutral band
     * @param strongNegativeThreshold the strong-negative threshold
     * @param n the number of texts
     * @param blank the blank texts
     * @param truncated the truncated texts
     * @param positives the positive texts
     * @param negatives the negative texts
     * @param strongNegatives the strongly negative texts
     * @param compoundSum the sum of compound scores, in units of 0.0001
     * @param absoluteSum the sum of their absolute values, in units of 0.0001
     * @param squareSum the sum of their squares, in units of 0.00000001
     * @return the state
     * @throws IllegalArgumentException when the version is unknown or the state is inconsistent
     */
    @JsonCreator
    public static SentimentTally fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("neutralBand") double neutralBand,
            @JsonProperty("strongNegativeThreshold") double strongNegativeThreshold, @JsonProperty("n") long n,
            @JsonProperty("blank") long blank, @JsonProperty("truncated") long truncated,
            @JsonProperty("positives") long positives, @JsonProperty("negatives") long negatives,
            @JsonProperty("strongNegatives") long strongNegatives, @JsonProperty("compoundSum") long compoundSum,
            @JsonProperty("absoluteSum") long absoluteSum, @JsonProperty("squareSum") long squareSum) {
        AccumulatorState.requireReadable("SentimentTally", formatVersion, FORMAT_VERSION);
        return new SentimentTally(neutralBand, strongNegativeThreshold, n, blank, truncated, positives, negatives,
                strongNegatives, compoundSum, absoluteSum, squareSum);
    }

    /**
     * Returns the version of this state's format.
     *
     * @return {@value #FORMAT_VERSION}
     */
    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Returns the state of the texts of this one and {@code other} together.
     *
     * @param other a state of the same thresholds
     * @return the sum
     * @throws IllegalArgumentException when the thresholds differ or a count would overflow
     */
    public SentimentTally plus(SentimentTally other) {
        requireSameThresholds(other);
        try {
            return new SentimentTally(neutralBand, strongNegativeThreshold, Math.addExact(n, other.n),
                    Math.addExact(blank, other.blank), Math.addExact(truncated, other.truncated),
                    Math.addExact(positives, other.positives), Math.addExact(negatives, other.negatives),
                    Math.addExact(strongNegatives, other.strongNegatives), Math.addExact(compoundSum, other.compoundSum),
                    Math.addExact(absoluteSum, other.absoluteSum), Math.addExact(squareSum, other.squareSum));
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("n: " + n + " and " + other.n + " texts are too many to count together;"
                    + " a sum would overflow", overflow);
        }
    }

    /**
     * Throws unless {@code other} was classified by the same thresholds.
     *
     * @param other the other state
     * @throws IllegalArgumentException naming the thresholds when they differ
     */
    void requireSameThresholds(SentimentTally other) {
        if (neutralBand != other.neutralBand || strongNegativeThreshold != other.strongNegativeThreshold) {
            throw new IllegalArgumentException("neutralBand, strongNegativeThreshold: " + other.neutralBand + ", "
                    + other.strongNegativeThreshold + " differ from " + neutralBand + ", " + strongNegativeThreshold
                    + "; only texts classified by the same thresholds count together");
        }
    }

    /** Compares the exact products {@code a b} and {@code c d} of numbers of 0 or more, without overflow. */
    private static int compareProducts(long a, long b, long c, long d) {
        int high = Long.compare(Math.multiplyHigh(a, b), Math.multiplyHigh(c, d));
        return high != 0 ? high : Long.compareUnsigned(a * b, c * d);
    }

    private static void requireCount(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " is outside [0, " + max + "]");
        }
    }
}
