package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * The predictions of a {@link ClvPrediction} for every customer of a set of cells, held column by column
 * (a million customers cost a few arrays, not a million objects): per customer through {@link #get(int)},
 * the weighted totals, and the customers with the highest value.
 */
public final class CustomerPredictions {

    private final ClvSettings settings;
    private final Optional<String> purchaseModel;
    private final RfmCells customers;
    private final double @Nullable [] probabilityAlive;
    private final double @Nullable [] expectedPurchases;
    private final double @Nullable [] expectedSpend;
    private final double @Nullable [] value;
    private final List<CustomerPrediction> top;

    /**
     * Takes the columns (NaN where a prediction is absent; null for a column no model gave) and ranks the top
     * customers.
     */
    CustomerPredictions(ClvSettings settings, Optional<String> purchaseModel, RfmCells customers,
            double @Nullable [] probabilityAlive, double @Nullable [] expectedPurchases,
            double @Nullable [] expectedSpend, double @Nullable [] value, int top) {
        this.settings = settings;
        this.purchaseModel = purchaseModel;
        this.customers = customers;
        this.probabilityAlive = probabilityAlive;
        this.expectedPurchases = expectedPurchases;
        this.expectedSpend = expectedSpend;
        this.value = value;
        this.top = rank(top);
    }

    /**
     * Returns the terms the predictions were made under: the horizon of the expected purchases and value, and
     * the discounting of the value.
     *
     * @return the settings
     */
    public ClvSettings settings() {
        return settings;
    }

    /**
     * Returns the name of the purchase model, when one was used ({@code bg-nbd}, ...).
     *
     * @return the model's name, or empty for spend alone
     */
    public Optional<String> purchaseModel() {
        return purchaseModel;
    }

    /**
     * Returns the unit of the customers' histories.
     *
     * @return the unit
     */
    public ChronoUnit unit() {
        return customers.unit();
    }

    /**
     * Returns the number of rows predicted.
     *
     * @return the number of rows
     */
    public int size() {
        return customers.size();
    }

    /**
     * Returns whether the predictions include lifetime values.
     *
     * @return whether {@link CustomerPrediction#value()} is given
     */
    public boolean hasValue() {
        return value != null;
    }

    /**
     * Returns the predictions of row {@code row}.
     *
     * @param row the row, from 0
     * @return its predictions
     */
    public CustomerPrediction get(int row) {
        Checks.nonNegative("row", row);
        if (row >= size()) {
            throw new IllegalArgumentException("row: " + row + " is beyond the " + size() + " rows predicted");
        }
        return new CustomerPrediction(row, customers.customerId(row), customers.history(row),
                customers.monetaryValue(row), customers.weight(row), of(probabilityAlive, row),
                of(expectedPurchases, row), of(expectedSpend, row), of(value, row));
    }

    /**
     * Returns the expected purchases over the horizon of all customers (rows weighted), when every row has them.
     *
     * @return the total, or empty
     */
    public OptionalDouble totalExpectedPurchases() {
        return total(expectedPurchases);
    }

    /**
     * Returns the lifetime value of all customers (rows weighted), when every row has one.
     *
     * @return the total, or empty
     */
    public OptionalDouble totalValue() {
        return total(value);
    }

    /**
     * Returns the customers with the highest value (or, without values, the most expected purchases, or
     * without those the highest expected spend), highest first, ties in row order; as many as the
     * {@link ClvPrediction} asked for.
     *
     * @return the top customers
     */
    public List<CustomerPrediction> top() {
        return top;
    }

    private List<CustomerPrediction> rank(int count) {
        if (count == 0 || size() == 0) {
            return List.of();
        }
        double[] keys = new double[size()];
        for (int i = 0; i < keys.length; i++) {
            double key = value != null && !Double.isNaN(value[i]) ? value[i]
                    : expectedPurchases != null && !Double.isNaN(expectedPurchases[i]) ? expectedPurchases[i]
                    : expectedSpend != null && !Double.isNaN(expectedSpend[i]) ? expectedSpend[i] : 0;
            keys[i] = key;
        }
        // The worst kept row at the head: lowest key, and among equal keys the latest row.
        PriorityQueue<Integer> kept = new PriorityQueue<>(Math.min(count, keys.length) + 1,
                (a, b) -> keys[a] != keys[b] ? Double.compare(keys[a], keys[b]) : Integer.compare(b, a));
        for (int i = 0; i < keys.length; i++) {
            if (kept.size() < count) {
                kept.add(i);
            } else if (keys[i] > keys[kept.peek()]) {
                kept.poll();
                kept.add(i);
            }
        }
        List<CustomerPrediction> ranked = new ArrayList<>(kept.size());
        while (!kept.isEmpty()) {
            ranked.add(get(kept.poll()));
        }
        java.util.Collections.reverse(ranked);
        return List.copyOf(ranked);
    }

    private OptionalDouble total(double @Nullable [] column) {
        if (column == null) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int i = 0; i < column.length; i++) {
            if (Double.isNaN(column[i])) {
                return OptionalDouble.empty();
            }
            sum += customers.weight(i) * column[i];
        }
        return OptionalDouble.of(sum);
    }

    private static OptionalDouble of(double @Nullable [] column, int row) {
        return column == null || Double.isNaN(column[row]) ? OptionalDouble.empty() : OptionalDouble.of(column[row]);
    }
}
