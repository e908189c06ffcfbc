package dev.cxm.metrics.clv.rfm;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;
import dev.cxm.metrics.clv.rfm.internal.CustomerIds;
import dev.cxm.metrics.clv.rfm.internal.Histories;
import dev.cxm.metrics.clv.rfm.internal.Units;

/**
 * Rows of frequency, recency, T (and mean repeat spend, when known), each with a weight: the input of every
 * model fit. A row is one customer, or a cell of identical customers whose weight is their number, so a
 * million customers with few distinct histories fit as fast as their cells ({@link #compress()}).
 *
 * <p>Rows may carry the customer's id: the rows of an {@link RfmSummary} ({@link #of(RfmSummary)}) and of a
 * summary file with an id column ({@link SummaryCsvReader}) do, so that a model that refuses a row names
 * the customer; rows added by their numbers alone are anonymous and named {@code "row N"} (counting from
 * 1). {@link #compress()} drops the ids, since a cell then stands for many customers.
 *
 * <p>Times are in {@link #unit()}. Stored column-wise, immutable, safe to share between threads.
 */
public final class RfmCells {

    static {
        CellAccess.register(cells -> cells.columns);
    }

    private final CellColumns columns;

    RfmCells(CellColumns columns) {
        this.columns = columns;
    }

    /**
     * Starts an empty set of rows whose times are in {@code unit}: {@code SECONDS} to {@code WEEKS}, or
     * {@code MONTHS} or {@code YEARS} for counts of whole calendar periods.
     *
     * @param unit the unit of every recency and T
     * @return the builder
     * @throws IllegalArgumentException for a unit below a second or beyond a year
     */
    public static Builder builder(ChronoUnit unit) {
        return new Builder(unit);
    }

    /**
     * Returns the rows of a summary: one per customer, in the summary's order, weight 1, with the customers'
     * ids.
     *
     * @param summary the summary
     * @return its cells
     */
    public static RfmCells of(RfmSummary summary) {
        Checks.present("summary", summary);
        Builder cells = builder(summary.unit());
        summary.customers().forEach(cells::add);
        return cells.build();
    }

    /**
     * Returns the unit every recency and T is in.
     *
     * @return the unit
     */
    public ChronoUnit unit() {
        return columns.unit();
    }

    /**
     * Returns the number of rows.
     *
     * @return the number of rows
     */
    public int size() {
        return columns.size();
    }

    /**
     * Returns the sum of the weights: the number of customers the rows stand for.
     *
     * @return the total weight
     */
    public double totalWeight() {
        return columns.totalWeight();
    }

    /**
     * Returns the frequency (repeat purchases) of row {@code row}.
     *
     * @param row the row, from 0
     * @return x
     */
    public int frequency(int row) {
        return columns.frequency(row);
    }

    /**
     * Returns the recency of row {@code row}, in {@link #unit()}.
     *
     * @param row the row, from 0
     * @return t_x
     */
    public double recency(int row) {
        return columns.recency(row);
    }

    /**
     * Returns T, the age, of row {@code row}, in {@link #unit()}.
     *
     * @param row the row, from 0
     * @return T
     */
    public double age(int row) {
        return columns.age(row);
    }

    /**
     * Returns the history (frequency, recency, T) of row {@code row}, in {@link #unit()}.
     *
     * @param row the row, from 0
     * @return the history
     */
    public CustomerHistory history(int row) {
        return CustomerHistory.of(frequency(row), recency(row), age(row));
    }

    /**
     * Returns the customer id of row {@code row}, when the row has one.
     *
     * @param row the row, from 0
     * @return the id, or empty for an anonymous row
     */
    public Optional<CustomerId> customerId(int row) {
        return columns.customerId(row);
    }

    /**
     * Returns the mean repeat spend of row {@code row}, when known.
     *
     * @param row the row, from 0
     * @return the mean repeat spend, or empty
     */
    public OptionalDouble monetaryValue(int row) {
        double spend = columns.monetaryValues()[row];
        return Double.isNaN(spend) ? OptionalDouble.empty() : OptionalDouble.of(spend);
    }

    /**
     * Returns the weight of row {@code row}: the number of customers it stands for.
     *
     * @param row the row, from 0
     * @return the weight
     */
    public double weight(int row) {
        return columns.weight(row);
    }

    /**
     * Returns what the rows add up to: customers, repeat customers and purchases, and the weighted means of
     * frequency, recency, T and repeat spend, finite for any rows (see {@link RfmTotals}).
     *
     * @return the totals
     * @throws IllegalArgumentException when there are no rows, or the weights add up beyond a double
     */
    public RfmTotals totals() {
        return RfmTotals.of(this);
    }

    /**
     * Returns whether some row has a repeat purchase: what every purchase model needs to be identified.
     *
     * @return whether some frequency is above 0
     */
    public boolean hasRepeatPurchases() {
        return columns.hasRepeatPurchases();
    }

    /**
     * Returns the rows with at least one repeat purchase, in order, with their ids: the customers a spend
     * model is fitted to.
     *
     * @return the repeat buyers' rows
     */
    public RfmCells repeatBuyers() {
        int[] frequency = columns.frequencies();
        int count = 0;
        for (int x : frequency) {
            count += x > 0 ? 1 : 0;
        }
        int[] rows = new int[count];
        for (int i = 0, kept = 0; i < frequency.length; i++) {
            if (frequency[i] > 0) {
                rows[kept++] = i;
            }
        }
        return new RfmCells(columns.select(rows));
    }

    /**
     * Returns the same data with identical rows (same frequency, recency, T and spend) merged into one whose
     * weight is their sum; fits and their log-likelihoods are unchanged, and faster when histories repeat. The
     * merged rows are anonymous.
     *
     * @return the compressed cells
     */
    public RfmCells compress() {
        int[] frequency = columns.frequencies();
        double[] recency = columns.recencies();
        double[] age = columns.ages();
        double[] monetary = columns.monetaryValues();
        double[] weight = columns.weights();
        Map<Key, Integer> cells = new HashMap<>();
        Builder builder = builder(unit());
        double[] weights = new double[size()];
        int count = 0;
        for (int i = 0; i < size(); i++) {
            Key key = new Key(frequency[i], recency[i], age[i], monetary[i]);
            Integer cell = cells.get(key);
            if (cell == null) {
                cells.put(key, count);
                builder.append(frequency[i], recency[i], age[i], monetary[i], 1);
                weights[count++] = weight[i];
            } else {
                weights[cell] += weight[i];
            }
        }
        System.arraycopy(weights, 0, builder.weight, 0, count);
        return builder.build();
    }

    private record Key(int frequency, double recency, double age, double monetary) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && frequency == key.frequency
                    && Double.compare(recency, key.recency) == 0 && Double.compare(age, key.age) == 0
                    && Double.compare(monetary, key.monetary) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(frequency, recency, age, monetary);
        }
    }

    /** Builds {@link RfmCells}; each {@code add} validates its row at once. */
    public static final class Builder {
        private final ChronoUnit unit;
        private int size;
        private int[] frequency = new int[16];
        private double[] recency = new double[16];
        private double[] age = new double[16];
        private double[] monetary = new double[16];
        private double[] weight = new double[16];
        private CustomerId[] ids;

        private Builder(ChronoUnit unit) {
            this.unit = Units.requireModelUnit("unit", Checks.present("unit", unit));
        }

        /**
         * Adds one anonymous customer without spend.
         *
         * @param frequency x
         * @param recency t_x, in the unit
         * @param age T, in the unit
         * @return this builder
         * @throws IllegalArgumentException naming the field when the history is impossible
         */
        public Builder add(int frequency, double recency, double age) {
            return add(frequency, recency, age, OptionalDouble.empty(), 1);
        }

        /**
         * Adds an anonymous row of {@code weight} identical customers.
         *
         * @param frequency x
         * @param recency t_x, in the unit
         * @param age T, in the unit
         * @param monetaryValue the mean repeat spend, when known; only for a frequency above 0
         * @param weight the number of customers the row stands for, above 0
         * @return this builder
         * @throws IllegalArgumentException naming the field when the history is impossible (recency above T,
         *     say) or the weight is not positive
         */
        public Builder add(int frequency, double recency, double age, OptionalDouble monetaryValue, double weight) {
            int row = size + 1;
            Histories.require(frequency, recency, age, () -> " (row " + row + ")");
            Checks.present("monetaryValue", monetaryValue);
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight: " + weight + " is not a positive number (row " + row + ")"
                        + "; a row stands for a positive number of customers");
            }
            double spend = Double.NaN;
            if (monetaryValue.isPresent()) {
                spend = Checks.nonNegative("monetaryValue", monetaryValue.getAsDouble());
                if (frequency == 0) {
                    throw new IllegalArgumentException("monetaryValue: " + spend + " is given without repeat"
                            + " purchases (row " + row + "); the mean repeat spend needs one");
                }
            }
            return append(frequency, recency, age, spend, weight);
        }

        /**
         * Adds a customer's summary with its id and spend, weight 1.
         *
         * @param customer the customer, whose times must be in the builder's unit
         * @return this builder
         */
        public Builder add(CustomerSummary customer) {
            Checks.present("customer", customer);
            int row = size;
            append(customer.frequency(), customer.recency(), customer.age(), customer.monetaryValue()
                    .orElse(Double.NaN),
                    1);
            if (ids == null) {
                ids = new CustomerId[frequency.length];
            } else if (ids.length < frequency.length) {
                ids = Arrays.copyOf(ids, frequency.length);
            }
            ids[row] = customer.customerId();
            return this;
        }

        private Builder append(int x, double tx, double t, double spend, double w) {
            if (size == frequency.length) {
                int capacity = Math.max(16, size + (size >> 1));
                frequency = Arrays.copyOf(frequency, capacity);
                recency = Arrays.copyOf(recency, capacity);
                age = Arrays.copyOf(age, capacity);
                monetary = Arrays.copyOf(monetary, capacity);
                weight = Arrays.copyOf(weight, capacity);
            }
            frequency[size] = x;
            recency[size] = tx;
            age[size] = t;
            monetary[size] = spend;
            weight[size] = w;
            size++;
            return this;
        }

        /**
         * Builds the rows.
         *
         * @return the cells
         */
        public RfmCells build() {
            return new RfmCells(new CellColumns(unit, Arrays.copyOf(frequency, size), Arrays.copyOf(recency, size),
                    Arrays.copyOf(age, size), Arrays.copyOf(monetary, size), Arrays.copyOf(weight, size),
                    ids == null ? null : CustomerIds.of(Arrays.copyOf(ids, size))));
        }
    }
}
