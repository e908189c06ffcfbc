package dev.cxm.metrics.drivers;

import java.util.List;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.drivers.internal.Scatter;
import dev.cxm.metrics.drivers.internal.Variables;

/**
 * Counts rows of an outcome and its drivers into their {@link DriverMoments} in one pass, in memory that does
 * not grow with the rows ({@code (p + 1)(p + 2) / 2 + p + 1} doubles), so that any number of survey responses
 * can stream through it, in parallel parts that merge. {@link KeyDrivers#compute(DriverMoments)} then gives
 * the importances (without bootstrap intervals, which resample rows the accumulator does not keep).
 *
 * <pre>{@code
 * DriverAccumulator accumulator = DriverAccumulator.of("recommend", "wait", "staff", "price");
 * accumulator.add(9, 3, 5, 2).add(6, 1, 4, 2);                 // a respondent per call
 * KeyDriverResult result = KeyDrivers.ofDefaults().compute(accumulator.result());
 * }</pre>
 *
 * <p>Each row updates the means and the scatter matrix by Welford's method, and two accumulators merge by
 * Chan, Golub and LeVeque's; both keep centred sums, so rounding stays small whatever the ratings' scale.
 * Results of different orders of adding and merging agree to rounding, not bit for bit. Not thread-safe.
 */
public final class DriverAccumulator
        implements Accumulator<DriverRow, DriverMoments, DriverMoments, DriverAccumulator> {

    private final String outcome;
    private final List<String> drivers;
    private long count;
    private final double[] means;
    private final double[] upper;
    private final double[] row;
    private final double[] work;

    private DriverAccumulator(DriverMoments start) {
        this.outcome = start.outcome();
        this.drivers = start.drivers();
        this.count = start.count();
        this.means = start.means();
        this.upper = start.upperTriangle();
        this.row = new double[means.length];
        this.work = new double[means.length];
    }

    /**
     * Returns an empty accumulator of an outcome and its drivers.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names, in the order rows give their ratings
     * @return the accumulator
     * @throws IllegalArgumentException when a name is blank or repeated, or there is no driver
     */
    public static DriverAccumulator of(String outcome, String... drivers) {
        return of(outcome, List.of(Checks.present("drivers", drivers)));
    }

    /**
     * Returns an empty accumulator of an outcome and its drivers.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names, in the order rows give their ratings
     * @return the accumulator
     * @throws IllegalArgumentException when a name is blank or repeated, or there is no driver
     */
    public static DriverAccumulator of(String outcome, List<String> drivers) {
        return new DriverAccumulator(DriverMoments.empty(outcome, drivers));
    }

    /**
     * Returns an accumulator that continues from saved moments.
     *
     * @param state moments an accumulator wrote, possibly read back from JSON
     * @return the accumulator
     */
    public static DriverAccumulator restore(DriverMoments state) {
        return new DriverAccumulator(Checks.present("state", state));
    }

    /**
     * Adds one row.
     *
     * @param value the row; its ratings in this accumulator's driver order
     * @return this accumulator
     * @throws IllegalArgumentException when the row has another number of ratings; nothing is added then
     */
    @Override
    public DriverAccumulator add(DriverRow value) {
        Checks.present("value", value);
        return add(value.outcome(), value.drivers());
    }

    /**
     * Adds one row.
     *
     * @param outcomeValue the outcome
     * @param ratings the driver ratings, in this accumulator's driver order
     * @return this accumulator
     * @throws IllegalArgumentException naming the column of a value that is not finite (never the value), or
     *     when the number of ratings is not the number of drivers; nothing is added then
     */
    public DriverAccumulator add(double outcomeValue, double... ratings) {
        Checks.present("ratings", ratings);
        if (ratings.length != drivers.size()) {
            throw new IllegalArgumentException("ratings: " + ratings.length + " for " + drivers.size() + " drivers "
                    + drivers + "; a row has one rating per driver");
        }
        if (!Double.isFinite(outcomeValue)) {
            throw new IllegalArgumentException("outcome " + outcome + ": not a finite number; every value must be one");
        }
        for (int j = 0; j < ratings.length; j++) {
            if (!Double.isFinite(ratings[j])) {
                throw new IllegalArgumentException("driver " + drivers.get(j) + ": not a finite number; every value"
                        + " must be one");
            }
        }
        row[0] = outcomeValue;
        System.arraycopy(ratings, 0, row, 1, ratings.length);
        Scatter.add(row, count, means, upper, work);
        count++;
        return this;
    }

    /**
     * Adds everything {@code other} has counted; {@code other} is unchanged.
     *
     * @param other an accumulator of the same outcome and drivers
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator or counts other variables
     */
    @Override
    public DriverAccumulator merge(DriverAccumulator other) {
        Accumulators.requireOther(this, other);
        DriverMoments theirs = other.state();
        state().requireSameVariables(theirs);
        Scatter.merge(count, means, upper, theirs.count(), theirs.means(), theirs.upperTriangle());
        count = Math.addExact(count, theirs.count());
        return this;
    }

    /**
     * Returns the moments counted so far.
     *
     * @return the moments, an immutable snapshot
     */
    @Override
    public DriverMoments state() {
        return DriverMoments.ofTriangle(outcome, drivers, count, means.clone(), upper);
    }

    /**
     * Returns the moments counted so far, the same as {@link #state()}: pass them to
     * {@link KeyDrivers#compute(DriverMoments)}.
     *
     * @return the moments
     */
    @Override
    public DriverMoments result() {
        return state();
    }
}
