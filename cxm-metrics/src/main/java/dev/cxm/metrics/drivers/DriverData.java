package dev.cxm.metrics.drivers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.drivers.internal.Scatter;
import dev.cxm.metrics.drivers.internal.Variables;

/**
 * The rows of an outcome and its drivers, as numbers by column name: the input of
 * {@link KeyDrivers#compute(DriverData)}, which needs the rows themselves (not only their moments) for its
 * bootstrap intervals. Built column by column, row by row, or read from a CSV file by {@link DriverCsv}.
 *
 * <pre>{@code
 * DriverData byColumns = DriverData.byColumns("recommend", recommend)
 *         .driver("wait", wait).driver("staff", staff).driver("price", price).build();
 * DriverData byRows = DriverData.byRows("recommend", "wait", "staff", "price")
 *         .add(9, 3, 5, 2).add(6, 1, 4, 2).build();
 * }</pre>
 *
 * <p>The values live in one {@code double[]}, row after row (8 bytes per value: 100,000 respondents with 10
 * drivers take 8.8 MB). Every value is finite; a message about one names its column and row (counting from
 * 1), never the value. Immutable.
 */
public final class DriverData {

    /** The most values one array holds. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private final String outcome;
    private final List<String> drivers;
    private final int rows;
    private final double[] values;

    /** Takes {@code values} (row-major, outcome first in each row) without copying. */
    DriverData(String outcome, List<String> drivers, int rows, double[] values) {
        this.drivers = Variables.requireNames(outcome, drivers);
        this.outcome = outcome;
        this.rows = rows;
        this.values = values;
    }

    /**
     * Starts data from the outcome's column; add each driver's column of the same length.
     *
     * @param outcome the outcome's name
     * @param values the outcome of each row; finite
     * @return a builder
     * @throws IllegalArgumentException when the name is blank or a value is not finite
     */
    public static ColumnBuilder byColumns(String outcome, double[] values) {
        return new ColumnBuilder(outcome, values);
    }

    /**
     * Starts data of an outcome and drivers to be added row by row.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names, in the order rows give their ratings
     * @return a builder
     * @throws IllegalArgumentException when a name is blank or repeated, or there is no driver
     */
    public static RowBuilder byRows(String outcome, String... drivers) {
        return byRows(outcome, List.of(Checks.present("drivers", drivers)));
    }

    /**
     * Starts data of an outcome and drivers to be added row by row.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names, in the order rows give their ratings
     * @return a builder
     * @throws IllegalArgumentException when a name is blank or repeated, or there is no driver
     */
    public static RowBuilder byRows(String outcome, List<String> drivers) {
        return new RowBuilder(outcome, drivers);
    }

    /**
     * Returns the outcome's name.
     *
     * @return the name
     */
    public String outcome() {
        return outcome;
    }

    /**
     * Returns the drivers' names, in order.
     *
     * @return the names
     */
    public List<String> drivers() {
        return drivers;
    }

    /**
     * Returns the number of rows.
     *
     * @return the rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns a copy of the outcome's column.
     *
     * @return the outcome of each row
     */
    public double[] outcomeValues() {
        return column(0);
    }

    /**
     * Returns a copy of a driver's column.
     *
     * @param driver the driver's name
     * @return the driver's rating in each row
     * @throws IllegalArgumentException when there is no such driver
     */
    public double[] driverValues(String driver) {
        int index = drivers.indexOf(Checks.present("driver", driver));
        if (index < 0) {
            throw new IllegalArgumentException("driver: \"" + driver + "\" is not one of the drivers " + drivers);
        }
        return column(index + 1);
    }

    private double[] column(int variable) {
        int q = drivers.size() + 1;
        double[] column = new double[rows];
        for (int r = 0; r < rows; r++) {
            column[r] = values[r * q + variable];
        }
        return column;
    }

    /**
     * Returns the count, means and scatter matrix of the rows, computed in two passes (means, then the
     * products of deviations from them).
     *
     * @return the moments
     */
    public DriverMoments moments() {
        int q = drivers.size() + 1;
        double[] means = new double[q];
        double[] upper = new double[Scatter.triangle(q)];
        Scatter.compute(values, q, rows, null, means, upper);
        return DriverMoments.ofTriangle(outcome, drivers, rows, means, upper);
    }

    /** Returns the values, row-major, without copying: for the bootstrap, which only reads them. */
    double[] rowMajorValues() {
        return values;
    }

    /** Compares the names and every value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DriverData that && outcome.equals(that.outcome) && drivers.equals(that.drivers)
                && rows == that.rows && Arrays.equals(values, that.values);
    }

    /** Hashes the names and every value. */
    @Override
    public int hashCode() {
        return Objects.hash(outcome, drivers, rows, Arrays.hashCode(values));
    }

    /** Returns the names and the number of rows, never a value. */
    @Override
    public String toString() {
        return "DriverData[" + outcome + " ~ " + drivers + ", rows=" + rows + "]";
    }

    /** Throws naming the variable and row when {@code value} is not finite. */
    static void requireFinite(String variable, long row, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(variable + ": the value in row " + row + " is not a finite number;"
                    + " every value must be one");
        }
    }

    /** Returns the capacity of an array of rows of {@code q} values that holds {@code needed} rows. */
    static int grow(int current, int needed, int q) {
        long wanted = Math.max(needed, Math.max(16, (long) current * 2));
        long limit = MAX_VALUES / q;
        if (needed > limit) {
            throw new IllegalArgumentException("rows: more than " + limit + " rows of " + q + " values do not fit"
                    + " one array; count them through a DriverAccumulator instead (without bootstrap intervals)");
        }
        return (int) Math.min(wanted, limit);
    }

    /** Builds {@link DriverData} column by column; each call checks its column at once. */
    public static final class ColumnBuilder {
        private final String outcome;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();

        private ColumnBuilder(String outcome, double[] values) {
            this.outcome = Checks.nonBlank("outcome", outcome);
            double[] copy = Checks.present("values", values).clone();
            for (int r = 0; r < copy.length; r++) {
                requireFinite("outcome " + outcome, r + 1L, copy[r]);
            }
            columns.add(copy);
        }

        /**
         * Adds a driver's column.
         *
         * @param name the driver's name; not blank, not yet used
         * @param values the driver's rating in each row, as many as the outcome has; finite
         * @return this builder
         * @throws IllegalArgumentException naming the driver and the rule when the column is refused; the
         *     builder is then unchanged
         */
        public ColumnBuilder driver(String name, double[] values) {
            List<String> extended = new ArrayList<>(names);
            extended.add(name);
            Variables.requireNames(outcome, extended);
            double[] copy = Checks.present("values", values).clone();
            int rows = columns.get(0).length;
            if (copy.length != rows) {
                throw new IllegalArgumentException("driver " + name + ": " + copy.length + " values, the outcome has "
                        + rows + "; every column has one value per row");
            }
            for (int r = 0; r < copy.length; r++) {
                requireFinite("driver " + name, r + 1L, copy[r]);
            }
            names.add(name);
            columns.add(copy);
            return this;
        }

        /**
         * Builds the data.
         *
         * @return the data
         * @throws IllegalArgumentException when no driver was added, or the rows do not fit one array
         */
        public DriverData build() {
            List<String> drivers = Variables.requireNames(outcome, names);
            int q = columns.size();
            int rows = columns.get(0).length;
            if (rows > MAX_VALUES / q) {
                grow(0, rows, q);
            }
            double[] values = new double[rows * q];
            for (int v = 0; v < q; v++) {
                double[] column = columns.get(v);
                for (int r = 0; r < rows; r++) {
                    values[r * q + v] = column[r];
                }
            }
            return new DriverData(outcome, drivers, rows, values);
        }
    }

    /** Builds {@link DriverData} row by row; each row is checked as it is added. */
    public static final class RowBuilder {
        private final String outcome;
        private final List<String> drivers;
        private final int q;
        private double[] values = new double[0];
        private int rows;

        private RowBuilder(String outcome, List<String> drivers) {
            this.drivers = Variables.requireNames(outcome, drivers);
            this.outcome = outcome;
            this.q = this.drivers.size() + 1;
        }

        /**
         * Adds one row.
         *
         * @param outcomeValue the outcome; finite
         * @param ratings the driver ratings, one per driver in order; finite
         * @return this builder
         * @throws IllegalArgumentException naming the column and row of a value that is not finite, or when
         *     the number of ratings is not the number of drivers; nothing is added then
         */
        public RowBuilder add(double outcomeValue, double... ratings) {
            Checks.present("ratings", ratings);
            long row = rows + 1L;
            if (ratings.length != drivers.size()) {
                throw new IllegalArgumentException("row " + row + ": " + ratings.length + " ratings for "
                        + drivers.size() + " drivers " + drivers + "; a row has one rating per driver");
            }
            requireFinite("outcome " + outcome, row, outcomeValue);
            for (int j = 0; j < ratings.length; j++) {
                requireFinite("driver " + drivers.get(j), row, ratings[j]);
            }
            int at = rows * q;
            if (at + q > values.length) {
                values = Arrays.copyOf(values, grow(values.length / q, rows + 1, q) * q);
            }
            values[at] = outcomeValue;
            System.arraycopy(ratings, 0, values, at + 1, ratings.length);
            rows++;
            return this;
        }

        /**
         * Builds the data of the rows added so far.
         *
         * @return the data
         */
        public DriverData build() {
            return new DriverData(outcome, drivers, rows, Arrays.copyOf(values, rows * q));
        }
    }
}
