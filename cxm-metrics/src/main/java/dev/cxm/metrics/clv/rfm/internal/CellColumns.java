package dev.cxm.metrics.clv.rfm.internal;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.CustomerId;

/**
 * The storage of {@link dev.cxm.metrics.clv.rfm.RfmCells}: its rows column by column, the customer ids when
 * the rows have them, and the per-frequency indexes every likelihood sums over (the distinct frequencies,
 * each row's position among them and the weight per frequency), computed once when the columns are made.
 * The likelihoods read the arrays directly, without copies; nothing may change them.
 */
public final class CellColumns {

    private final ChronoUnit unit;
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] monetary;
    private final double[] weight;
    private final @Nullable CustomerIds ids;
    private final double totalWeight;
    private final int[] distinctFrequencies;
    private final int[] frequencyIndex;
    private final double[] weightPerFrequency;

    /**
     * Takes ownership of validated columns of equal length, times in {@code unit} and a mean repeat spend of
     * NaN where it is unknown; rows without ids.
     *
     * @param unit the unit of recency and T
     * @param frequency the frequencies
     * @param recency the recencies
     * @param age the ages (T)
     * @param monetary the mean repeat spends, NaN where unknown
     * @param weight the weights
     */
    public CellColumns(ChronoUnit unit, int[] frequency, double[] recency, double[] age, double[] monetary,
            double[] weight) {
        this(unit, frequency, recency, age, monetary, weight, null);
    }

    /**
     * As {@link #CellColumns(ChronoUnit, int[], double[], double[], double[], double[])}, with the customer id
     * of each row.
     *
     * @param unit the unit of recency and T
     * @param frequency the frequencies
     * @param recency the recencies
     * @param age the ages (T)
     * @param monetary the mean repeat spends, NaN where unknown
     * @param weight the weights
     * @param ids the customer ids, or null when the rows have none
     */
    public CellColumns(ChronoUnit unit, int[] frequency, double[] recency, double[] age, double[] monetary,
            double[] weight, @Nullable CustomerIds ids) {
        this.unit = unit;
        this.ids = ids;
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

    /** Returns the weight of row {@code row}. */
    public double weight(int row) {
        return weight[row];
    }

    /**
     * Returns the customer id of row {@code row}, when the rows have ids.
     *
     * @param row the row
     * @return the id, or empty
     */
    public Optional<CustomerId> customerId(int row) {
        return ids == null ? Optional.empty() : Optional.ofNullable(ids.get(row));
    }

    /**
     * Returns how a message names row {@code row}: {@code "customer <id>"} when it has an id, else
     * {@code "row <n>"} counting from 1.
     *
     * @param row the row
     * @return the name
     */
    public String describe(int row) {
        return customerId(row).map(id -> "customer " + id.value()).orElse("row " + (row + 1));
    }

    /**
     * Returns the customer ids, or null when the rows have none.
     *
     * @return the ids
     */
    public @Nullable CustomerIds ids() {
        return ids;
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

    /**
     * Returns the given rows, in that order, with their ids.
     *
     * @param rows the rows to keep
     * @return their columns
     */
    public CellColumns select(int[] rows) {
        int[] x = new int[rows.length];
        double[] tx = new double[rows.length];
        double[] t = new double[rows.length];
        double[] spend = new double[rows.length];
        double[] w = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            x[i] = frequency[row];
            tx[i] = recency[row];
            t[i] = age[row];
            spend[i] = monetary[row];
            w[i] = weight[row];
        }
        return new CellColumns(unit, x, tx, t, spend, w, ids == null ? null : ids.select(rows));
    }

    /** Returns every {@code step}-th row, for a quick first fit on a large data set. */
    public CellColumns everyNth(int step) {
        int count = (size() + step - 1) / step;
        int[] x = new int[count];
        double[] tx = new double[count];
        double[] t = new double[count];
        double[] spend = new double[count];
        double[] w = new double[count];
        for (int i = 0, row = 0; i < size(); i += step, row++) {
            x[row] = frequency[i];
            tx[row] = recency[i];
            t[row] = age[i];
            spend[row] = monetary[i];
            w[row] = weight[i];
        }
        return new CellColumns(unit, x, tx, t, spend, w);
    }

    /** Returns the frequency column. */
    public int[] frequencies() {
        return frequency;
    }

    /** Returns the recency column. */
    public double[] recencies() {
        return recency;
    }

    /** Returns the T column. */
    public double[] ages() {
        return age;
    }

    /** Returns the mean repeat spend column, NaN where unknown. */
    public double[] monetaryValues() {
        return monetary;
    }

    /** Returns the weight column. */
    public double[] weights() {
        return weight;
    }

    /** Returns the distinct frequencies, ascending. */
    public int[] distinctFrequencies() {
        return distinctFrequencies;
    }

    /** Returns, per row, the position of its frequency in {@link #distinctFrequencies()}. */
    public int[] frequencyIndex() {
        return frequencyIndex;
    }

    /** Returns, per distinct frequency, the sum of the weights of its rows. */
    public double[] weightPerFrequency() {
        return weightPerFrequency;
    }
}
