package dev.cxm.metrics.drivers;

import java.util.Arrays;

import dev.cxm.core.internal.Checks;

/**
 * One respondent's outcome and driver ratings: the value a {@link DriverAccumulator} adds.
 *
 * @param outcome the outcome, such as the likelihood to recommend; finite
 * @param drivers the driver ratings, in the accumulator's driver order; each finite
 */
public record DriverRow(double outcome, double[] drivers) {

    /**
     * Validates the row and copies the ratings, so that the record is immutable.
     *
     * @param outcome the outcome; finite
     * @param drivers the driver ratings; each finite
     * @throws IllegalArgumentException naming the position of a value that is not finite (never the value)
     */
    public DriverRow {
        if (!Double.isFinite(outcome)) {
            throw new IllegalArgumentException("outcome: not a finite number; every value must be one");
        }
        drivers = Checks.present("drivers", drivers).clone();
        for (int j = 0; j < drivers.length; j++) {
            if (!Double.isFinite(drivers[j])) {
                throw new IllegalArgumentException("drivers: the rating at position " + j + " (counting from 0) is"
                        + " not a finite number; every value must be one");
            }
        }
    }

    /**
     * Returns the row of an outcome and its driver ratings.
     *
     * @param outcome the outcome
     * @param drivers the driver ratings, in the accumulator's driver order
     * @return the row
     * @throws IllegalArgumentException naming the position of a value that is not finite
     */
    public static DriverRow of(double outcome, double... drivers) {
        return new DriverRow(outcome, drivers);
    }

    /**
     * Returns a copy of the driver ratings.
     *
     * @return the ratings
     */
    @Override
    public double[] drivers() {
        return drivers.clone();
    }

    /** Compares the outcome and the ratings. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DriverRow that && Double.compare(outcome, that.outcome) == 0
                && Arrays.equals(drivers, that.drivers);
    }

    /** Hashes the outcome and the ratings. */
    @Override
    public int hashCode() {
        return 31 * Double.hashCode(outcome) + Arrays.hashCode(drivers);
    }

    /** Returns the number of ratings only: a row's values are a respondent's answers. */
    @Override
    public String toString() {
        return "DriverRow[" + drivers.length + " drivers]";
    }
}
