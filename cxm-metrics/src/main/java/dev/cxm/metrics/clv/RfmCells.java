package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;

/**
 * Rows of frequency, recency, T (and mean repeat spend, when known), each with a weight: the input of every
 * model fit. A row is one customer, or a cell of identical customers whose weight is their number, so a
 * million customers with few distinct histories fit as fast as their cells ({@link #compress()}).
 *
 * <p>Times are in {@link #unit()}. Stored column-wise, immutable, safe to share between threads.
 */
public final class RfmCells {

    private final ChronoUnit unit;
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] monetary;
    private final double[] weight;
    private final double totalWeight;
    private final int[] distinctFrequencies;
    private final int[] frequencyIndex;
    private final double[] weightPerFrequency;

    private RfmCells(ChronoUnit unit, int[] frequency, double[] recency, double[] age, double[] monetary,
            double[] weight) {
        this.unit = unit;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.weight = weight;
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        this.totalWeight = sum;
        int maximum = 0;
        for (int x : frequency) {
            maximum = Math.max(maximum, x);
        }
        int[] slotOf;
        if (maximum <= 4L * frequency.length + 1024) {
            slotOf = new int[maximum + 1];
            Arrays.fill(slotOf, -1);
            for (int x : frequency) {
                slotOf[x] = 0;
            }
            int slots = 0;
            for (int x = 0; x <= maximum; x++) {
                if (slotOf[x] == 0) {
                    slotOf[x] = slots++;
                }
            }
            distinctFrequencies = new int[slots];
            for (int x = 0; x <= maximum; x++) {
                if (slotOf[x] >= 0) {
                    distinctFrequencies[slotOf[x]] = x;
                }
            }
            frequencyIndex = new int[frequency.length];
            for (int i = 0; i < frequency.length; i++) {
                frequencyIndex[i] = slotOf[frequency[i]];
            }
        } else {
            distinctFrequencies = Arrays.stream(frequency).distinct().sorted().toArray();
            frequencyIndex = new int[frequency.length];
            for (int i = 0; i < frequency.length; i++) {
                frequencyIndex[i] = Arrays.binarySearch(distinctFrequencies, frequency[i]);
            }
        }
        weightPerFrequency = new double[distinctFrequencies.length];
        for (int i = 0; i < frequency.length; i++) {
            weightPerFrequency[frequencyIndex[i]] += weight[i];
        }
    }

    /**
     * Starts an empty set of rows whose times are in {@code unit}: {@code SECONDS} to {@code WEEKS}, or
     * {@code MONTHS} or {@code YEARS} for counts of whole calendar periods.
     *
     * @throws IllegalArgumentException for a unit below a second or beyond a year
     */
    public static Builder builder(ChronoUnit unit) {
        return new Builder(unit);
    }

    /** Returns the rows of a summary: one per customer, weight 1. */
    public static RfmCells of(RfmSummary summary) {
        return summary.cells();
    }

    /** Returns the unit every recency and T is in. */
    public ChronoUnit unit() {
        return unit;
    }

    /** Returns the number of rows. */
    public int size() {
        return frequency.length;
    }

    /** Returns the sum of the weights: the number of customers the rows stand for. */
    public double totalWeight() {
        return totalWeight;
    }

    /** Returns the frequency (repeat purchases) of row {@code row}. */
    public int frequency(int row) {
        return frequency[row];
    }

    /** Returns the recency of row {@code row}, in {@link #unit()}. */
    public double recency(int row) {
        return recency[row];
    }

    /** Returns T, the age, of row {@code row}, in {@link #unit()}. */
    public double age(int row) {
        return age[row];
    }

    /** Returns the mean repeat spend of row {@code row}, when known. */
    public OptionalDouble monetaryValue(int row) {
        return Double.isNaN(monetary[row]) ? OptionalDouble.empty() : OptionalDouble.of(monetary[row]);
    }

    /** Returns the weight of row {@code row}. */
    public double weight(int row) {
        return weight[row];
    }

    /** Returns whether some row has a repeat purchase: what every purchase model needs to be identified. */
    public boolean hasRepeatPurchases() {
        for (int x : frequency) {
            if (x > 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns the rows with at least one repeat purchase, in order: the customers a spend model is fitted to. */
    public RfmCells repeatBuyers() {
        Builder buyers = builder(unit);
        for (int i = 0; i < size(); i++) {
            if (frequency[i] > 0) {
                buyers.append(frequency[i], recency[i], age[i], monetary[i], weight[i]);
            }
        }
        return buyers.build();
    }

    /**
     * Returns the same data with identical rows (same frequency, recency, T and spend) merged into one whose
     * weight is their sum; fits and their log-likelihoods are unchanged, and faster when histories repeat.
     */
    public RfmCells compress() {
        Map<Key, Integer> cells = new HashMap<>();
        Builder builder = builder(unit);
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

    /** Returns every {@code step}-th row, for a quick first fit on a large data set. */
    RfmCells everyNth(int step) {
        Builder builder = builder(unit);
        for (int i = 0; i < size(); i += step) {
            builder.append(frequency[i], recency[i], age[i], monetary[i], weight[i]);
        }
        return builder.build();
    }

    int[] frequencies() {
        return frequency;
    }

    double[] recencies() {
        return recency;
    }

    double[] ages() {
        return age;
    }

    double[] monetaryValues() {
        return monetary;
    }

    double[] weights() {
        return weight;
    }

    /** Returns the distinct frequencies, ascending. */
    int[] distinctFrequencies() {
        return distinctFrequencies;
    }

    /** Returns, per row, the position of its frequency in {@link #distinctFrequencies()}. */
    int[] frequencyIndex() {
        return frequencyIndex;
    }

    /** Returns, per distinct frequency, the sum of the weights of its rows. */
    double[] weightPerFrequency() {
        return weightPerFrequency;
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

        private Builder(ChronoUnit unit) {
            this.unit = TimeUnits.requireModelUnit("unit", Checks.present("unit", unit));
        }

        /** Adds one customer without spend. */
        public Builder add(int frequency, double recency, double age) {
            return add(frequency, recency, age, OptionalDouble.empty(), 1);
        }

        /**
         * Adds a row of {@code weight} identical customers.
         *
         * @param monetaryValue the mean repeat spend, when known; only for a frequency above 0
         * @throws IllegalArgumentException naming the field when the history is impossible (recency above T,
         *     say) or the weight is not positive
         */
        public Builder add(int frequency, double recency, double age, OptionalDouble monetaryValue, double weight) {
            int row = size + 1;
            CustomerSummary.requireHistory(frequency, recency, age, () -> " (row " + row + ")");
            Checks.present("monetaryValue", monetaryValue);
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight: " + weight + " is not a positive number (row " + row + ")"
                        + "; a row stands for a positive number of customers");
            }
            double spend = Double.NaN;
            if (monetaryValue.isPresent()) {
                spend = Arguments.nonNegative("monetaryValue", monetaryValue.getAsDouble());
                if (frequency == 0) {
                    throw new IllegalArgumentException("monetaryValue: " + spend + " is given without repeat"
                            + " purchases (row " + row + "); the mean repeat spend needs one");
                }
            }
            return append(frequency, recency, age, spend, weight);
        }

        /** Adds a customer's summary with its spend, weight 1. */
        public Builder add(CustomerSummary customer) {
            return append(customer.frequency(), customer.recency(), customer.age(),
                    customer.monetaryValue().orElse(Double.NaN), 1);
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

        /** Builds the rows. */
        public RfmCells build() {
            return new RfmCells(unit, Arrays.copyOf(frequency, size), Arrays.copyOf(recency, size),
                    Arrays.copyOf(age, size), Arrays.copyOf(monetary, size), Arrays.copyOf(weight, size));
        }
    }
}
