package dev.cxm.metrics.drivers;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.drivers.internal.Scatter;
import dev.cxm.metrics.drivers.internal.Variables;

/**
 * The count, means and scatter matrix of rows of an outcome and its drivers: everything key-driver analysis
 * needs for its point estimates, in a few numbers per pair of variables, whatever the number of rows. Two
 * merge exactly as their rows would (Chan, Golub and LeVeque's update), and it is the versioned state of a
 * {@link DriverAccumulator}.
 *
 * <p>Variable 0 is the outcome, variables 1 to p the drivers in order. The scatter matrix holds the sums of
 * squares and products of the deviations from the means ({@code Σ (x_i - mean_i)(x_j - mean_j)}), not raw
 * sums, so that a small variance beside a large mean keeps its digits.
 *
 * <p>As JSON: {@code {"formatVersion":1,"outcome":"nps","drivers":["wait","staff"],"count":3,
 * "means":[...],"scatter":[[...],[...],[...]]}}; format version {@value #FORMAT_VERSION}. The constructor
 * accepts only what rows can give: finite numbers, a symmetric scatter with no negative variance and no
 * correlation beyond ±1, nothing but zeros for no rows and a zero scatter for one.
 *
 * @param outcome the outcome's name
 * @param drivers the drivers' names, in order
 * @param count the rows counted, 0 or more
 * @param means the mean of each variable, outcome first
 * @param scatter the scatter matrix, {@code (p + 1) × (p + 1)}, outcome first
 */
@JsonPropertyOrder({"formatVersion", "outcome", "drivers", "count", "means", "scatter"})
public record DriverMoments(String outcome, List<String> drivers, long count, double[] means, double[][] scatter)
        implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /** The relative rounding tolerance of the check that no correlation exceeds ±1. */
    private static final double TOLERANCE = 1e-9;

    /**
     * Validates the moments and copies the arrays, so that the record is immutable.
     *
     * @param outcome the outcome's name; not blank
     * @param drivers the drivers' names; at least one, distinct, not blank, not the outcome
     * @param count the rows counted, 0 or more
     * @param means the mean of each variable, outcome first; finite
     * @param scatter the scatter matrix, outcome first; finite and symmetric
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public DriverMoments {
        drivers = Variables.requireNames(outcome, drivers);
        int q = drivers.size() + 1;
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " is negative; it must be 0 or more");
        }
        means = Checks.present("means", means).clone();
        if (means.length != q) {
            throw new IllegalArgumentException("means: " + means.length + " values for " + q + " variables (the"
                    + " outcome and " + drivers.size() + " drivers); there must be one per variable");
        }
        Checks.present("scatter", scatter);
        if (scatter.length != q) {
            throw new IllegalArgumentException("scatter: " + scatter.length + " rows for " + q + " variables; the"
                    + " matrix must be square, one row and column per variable");
        }
        double[][] copy = new double[q][];
        for (int i = 0; i < q; i++) {
            copy[i] = Checks.present("scatter", scatter[i]).clone();
            if (copy[i].length != q) {
                throw new IllegalArgumentException("scatter: row " + i + " has " + copy[i].length + " values for " + q
                        + " variables; the matrix must be square");
            }
        }
        scatter = copy;
        requireConsistent(outcome, drivers, count, means, scatter);
    }

    private static void requireConsistent(String outcome, List<String> drivers, long count, double[] means,
            double[][] scatter) {
        int q = means.length;
        for (int i = 0; i < q; i++) {
            String variable = Variables.describe(outcome, drivers, i);
            if (!Double.isFinite(means[i])) {
                throw new IllegalArgumentException("means: the mean of " + variable + " is not a finite number");
            }
            if (!(scatter[i][i] >= 0) || Double.isInfinite(scatter[i][i])) {
                throw new IllegalArgumentException("scatter: the sum of squares of " + variable + " is not a finite"
                        + " number of 0 or more");
            }
            if (count == 0 && means[i] != 0) {
                throw new IllegalArgumentException("means: the mean of " + variable + " is not 0 although no rows"
                        + " were counted");
            }
            for (int j = 0; j < q; j++) {
                double value = scatter[i][j];
                if (!Double.isFinite(value) || value != scatter[j][i]) {
                    throw new IllegalArgumentException("scatter: the entries (" + i + ", " + j + ") and (" + j + ", "
                            + i + ") are not the same finite number; the matrix is symmetric");
                }
                if (count <= 1 && value != 0) {
                    throw new IllegalArgumentException("scatter: entry (" + i + ", " + j + ") is not 0 although "
                            + count + " rows were counted; deviations need two rows");
                }
            }
        }
        for (int i = 0; i < q; i++) {
            for (int j = i + 1; j < q; j++) {
                double bound = scatter[i][i] * scatter[j][j];
                if (scatter[i][j] * scatter[i][j] > bound * (1 + TOLERANCE) + Double.MIN_NORMAL) {
                    throw new IllegalArgumentException("scatter: entry (" + i + ", " + j + ") exceeds the square root"
                            + " of the product of the sums of squares; no rows give a correlation beyond ±1");
                }
            }
        }
    }

    /**
     * Reads moments written in any format version up to {@link #FORMAT_VERSION}: Jackson's entry point (public, so
     * that the package needs no opening to Jackson).
     *
     * @param formatVersion the version of the JSON form
     * @param outcome the outcome's name
     * @param drivers the drivers' names
     * @param count the rows counted
     * @param means the means
     * @param scatter the scatter matrix
     * @return the moments
     * @throws IllegalArgumentException when the version is unknown or the numbers are inconsistent
     */
    @JsonCreator
    public static DriverMoments fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("outcome") String outcome, @JsonProperty("drivers") List<String> drivers,
            @JsonProperty("count") long count, @JsonProperty("means") double[] means,
            @JsonProperty("scatter") double[][] scatter) {
        AccumulatorState.requireReadable("DriverMoments", formatVersion, FORMAT_VERSION);
        return new DriverMoments(outcome, drivers, count, means, scatter);
    }

    /**
     * Returns the moments of no rows.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names
     * @return the empty moments
     * @throws IllegalArgumentException when a name is blank or repeated
     */
    public static DriverMoments empty(String outcome, List<String> drivers) {
        int q = Variables.requireNames(outcome, drivers).size() + 1;
        return new DriverMoments(outcome, drivers, 0, new double[q], new double[q][q]);
    }

    /** Builds moments from the upper triangle of a scatter matrix. */
    static DriverMoments ofTriangle(String outcome, List<String> drivers, long count, double[] means, double[] upper) {
        return new DriverMoments(outcome, drivers, count, means, Scatter.square(upper, means.length));
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Returns a copy of the means, outcome first.
     *
     * @return the means
     */
    @Override
    public double[] means() {
        return means.clone();
    }

    /**
     * Returns a copy of the scatter matrix, outcome first.
     *
     * @return the scatter matrix
     */
    @Override
    public double[][] scatter() {
        double[][] copy = new double[scatter.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = scatter[i].clone();
        }
        return copy;
    }

    /** Returns the upper triangle of the scatter matrix, row by row. */
    double[] upperTriangle() {
        int q = means.length;
        double[] upper = new double[Scatter.triangle(q)];
        int k = 0;
        for (int i = 0; i < q; i++) {
            for (int j = i; j < q; j++) {
                upper[k++] = scatter[i][j];
            }
        }
        return upper;
    }

    /**
     * Returns the correlation matrix, outcome first; a variable without variance has correlation 0 with every
     * other.
     *
     * @return the {@code (p + 1) × (p + 1)} correlation matrix
     */
    public double[][] correlations() {
        return Scatter.correlations(upperTriangle(), means.length);
    }

    /**
     * Returns the moments of both samples together; both inputs are unchanged.
     *
     * @param other moments of the same outcome and drivers
     * @return the merged moments
     * @throws IllegalArgumentException when {@code other} has another outcome or other drivers
     */
    public DriverMoments merge(DriverMoments other) {
        requireSameVariables(other);
        double[] mergedMeans = means.clone();
        double[] upper = upperTriangle();
        Scatter.merge(count, mergedMeans, upper, other.count, other.means, other.upperTriangle());
        return ofTriangle(outcome, drivers, Math.addExact(count, other.count), mergedMeans, upper);
    }

    /** Throws unless {@code other} counts the same outcome and drivers, in the same order. */
    void requireSameVariables(DriverMoments other) {
        Checks.present("other", other);
        if (!outcome.equals(other.outcome) || !drivers.equals(other.drivers)) {
            throw new IllegalArgumentException("other: counts the outcome " + other.outcome + " with the drivers "
                    + other.drivers + ", not " + outcome + " with " + drivers + "; only moments of the same variables"
                    + " merge");
        }
    }

    /** Compares the names, the count and the array contents. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DriverMoments that && outcome.equals(that.outcome) && drivers.equals(that.drivers)
                && count == that.count && Arrays.equals(means, that.means) && Arrays.deepEquals(scatter, that.scatter);
    }

    /** Hashes the names, the count and the array contents. */
    @Override
    public int hashCode() {
        return Objects.hash(outcome, drivers, count, Arrays.hashCode(means), Arrays.deepHashCode(scatter));
    }

    /** Returns the names and the count, such as {@code DriverMoments[nps ~ [wait, staff], count=3]}. */
    @Override
    public String toString() {
        return "DriverMoments[" + outcome + " ~ " + drivers + ", count=" + count + "]";
    }
}
