package dev.cxm.metrics.churn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.PurchaseModel;
import dev.cxm.metrics.clv.rfm.RfmSummary;

/**
 * Ranks the customers of a non-contractual business who are valuable and likely gone: those whose P(alive)
 * is below a threshold the caller chooses, ordered by the value expected to be lost,
 * value * (1 - P(alive)), highest first (ties by customer id).
 *
 * <p>P(alive) comes from a fitted purchase model (BG/NBD, MBG/NBD or Pareto/NBD) and the value from the
 * caller, for example what the customer has spent so far:
 * <pre>{@code
 * PurchaseModel model = BgNbd.ofDefaults().fit(summary).model().orElseThrow();
 * List<AtRiskCustomer> atRisk = AtRiskRanking.custom(0.3).limit(100).build()
 *         .rank(summary, model, customer -> customer.totalSpend().orElse(0));
 * }</pre>
 * Any other source of P(alive) and value works through {@link #rank(Iterable, Function, ToDoubleFunction,
 * ToDoubleFunction)} or ready {@link CustomerOutlook}s.
 *
 * <p>A ranking is an immutable configuration (threshold and limit) that compares by value.
 */
public final class AtRiskRanking {

    private static final Comparator<AtRiskCustomer> ORDER = Comparator
            .comparingDouble(AtRiskCustomer::valueAtRisk).reversed()
            .thenComparing(entry -> entry.outlook().customer());

    private final double threshold;
    private final int limit;

    private AtRiskRanking(double threshold, int limit) {
        this.threshold = threshold;
        this.limit = limit;
    }

    private static double requireThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " is outside (0, 1]; it is the P(alive)"
                    + " below which a customer counts as at risk");
        }
        return threshold;
    }

    private static int requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is below 1");
        }
        return limit;
    }

    /**
     * Returns the ranking of every customer whose P(alive) is below {@code threshold}, without a limit.
     *
     * @param threshold the P(alive) below which a customer is at risk, in (0, 1]
     * @return the ranking
     * @throws IllegalArgumentException naming the threshold when it is outside (0, 1]
     */
    public static AtRiskRanking ofDefaults(double threshold) {
        return new AtRiskRanking(requireThreshold(threshold), Integer.MAX_VALUE);
    }

    /**
     * Starts a configuration of the ranking below {@code threshold}, without a limit unless one is set.
     *
     * @param threshold the P(alive) below which a customer is at risk, in (0, 1]
     * @return the builder
     * @throws IllegalArgumentException naming the threshold when it is outside (0, 1]
     */
    public static Builder custom(double threshold) {
        return new Builder(requireThreshold(threshold), Integer.MAX_VALUE);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the ranking whose settings the builder starts with
     * @return a builder holding the settings of {@code base}
     */
    public static Builder from(AtRiskRanking base) {
        Checks.present("base", base);
        return new Builder(base.threshold, base.limit);
    }

    /**
     * Returns the P(alive) below which a customer is at risk.
     *
     * @return the threshold, in (0, 1]
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Returns how many customers the ranking keeps at most.
     *
     * @return the limit, 1 or more ({@link Integer#MAX_VALUE} for all)
     */
    public int limit() {
        return limit;
    }

    /**
     * Ranks the customers' outlooks.
     *
     * @param outlooks each customer's P(alive) and value
     * @return the customers at risk, highest value at risk first, at most {@link #limit()} of them
     */
    public List<AtRiskCustomer> rank(Iterable<CustomerOutlook> outlooks) {
        List<AtRiskCustomer> atRisk = new ArrayList<>();
        for (CustomerOutlook outlook : Checks.present("outlooks", outlooks)) {
            if (Checks.present("outlook", outlook).probabilityAlive() < threshold) {
                atRisk.add(AtRiskCustomer.of(1, outlook));
            }
        }
        atRisk.sort(ORDER);
        List<AtRiskCustomer> ranked = new ArrayList<>(Math.min(limit, atRisk.size()));
        for (int i = 0; i < atRisk.size() && i < limit; i++) {
            ranked.add(AtRiskCustomer.of(i + 1, atRisk.get(i).outlook()));
        }
        return List.copyOf(ranked);
    }

    /**
     * Ranks any kind of customer record, reading its id, P(alive) and value through the given functions.
     *
     * @param customers the customer records
     * @param id reads a record's customer id
     * @param probabilityAlive reads a record's P(alive), in [0, 1]
     * @param value reads a record's value, finite and zero or more
     * @param <T> the type of the records
     * @return the customers at risk, highest value at risk first, at most {@link #limit()} of them
     * @throws IllegalArgumentException naming the customer whose P(alive) or value is out of range
     */
    public <T> List<AtRiskCustomer> rank(Iterable<T> customers, Function<? super T, CustomerId> id,
            ToDoubleFunction<? super T> probabilityAlive, ToDoubleFunction<? super T> value) {
        Checks.present("customers", customers);
        Checks.present("id", id);
        Checks.present("probabilityAlive", probabilityAlive);
        Checks.present("value", value);
        List<CustomerOutlook> outlooks = new ArrayList<>();
        for (T customer : customers) {
            Checks.present("customer", customer);
            outlooks.add(new CustomerOutlook(id.apply(customer), probabilityAlive.applyAsDouble(customer),
                    value.applyAsDouble(customer)));
        }
        return rank(outlooks);
    }

    /**
     * Ranks the customers of {@code summary}, each with the P(alive) that {@code model} gives their history
     * and the value {@code value} gives them.
     *
     * @param summary the customers' frequency, recency and T
     * @param model a fitted purchase model in the summary's unit
     * @param value reads a customer's value, finite and zero or more
     * @return the customers at risk, highest value at risk first, at most {@link #limit()} of them
     * @throws IllegalArgumentException when the summary's time unit is not the model's: frequency,
     *     recency and T must be in the unit the model was fitted in
     */
    public List<AtRiskCustomer> rank(RfmSummary summary, PurchaseModel model,
            ToDoubleFunction<? super CustomerSummary> value) {
        Checks.present("summary", summary);
        Checks.present("model", model);
        if (summary.unit() != model.unit()) {
            throw new IllegalArgumentException("summary: its unit " + summary.unit() + " is not the model's unit "
                    + model.unit() + "; summarise in the unit the model was fitted in");
        }
        return rank(summary.customers(), CustomerSummary::customerId, model::probabilityAlive, value);
    }

    /** Compares the threshold and the limit. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AtRiskRanking that && Double.compare(threshold, that.threshold) == 0
                && limit == that.limit;
    }

    /** Hashes the threshold and the limit. */
    @Override
    public int hashCode() {
        return 31 * Double.hashCode(threshold) + limit;
    }

    /** Returns the settings, such as {@code AtRiskRanking[threshold=0.3, limit=100]}. */
    @Override
    public String toString() {
        return "AtRiskRanking[threshold=" + threshold + ", limit="
                + (limit == Integer.MAX_VALUE ? "all" : Integer.toString(limit)) + "]";
    }

    /** Builds an {@link AtRiskRanking}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private double threshold;
        private int limit;

        private Builder(double threshold, int limit) {
            this.threshold = threshold;
            this.limit = limit;
        }

        /**
         * Sets the P(alive) below which a customer is at risk.
         *
         * @param value the threshold, in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException naming the threshold when it is outside (0, 1]
         */
        public Builder threshold(double value) {
            this.threshold = requireThreshold(value);
            return this;
        }

        /**
         * Keeps only the first {@code value} customers of the ranking (default: all).
         *
         * @param value the limit, 1 or more
         * @return this builder
         * @throws IllegalArgumentException naming the limit when it is below 1
         */
        public Builder limit(int value) {
            this.limit = requireLimit(value);
            return this;
        }

        /**
         * Builds the ranking.
         *
         * @return the ranking
         */
        public AtRiskRanking build() {
            return new AtRiskRanking(threshold, limit);
        }
    }
}
