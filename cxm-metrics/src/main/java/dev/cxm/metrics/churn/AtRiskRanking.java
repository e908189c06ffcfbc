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
 * List<AtRiskCustomer> atRisk = AtRiskRanking.below(0.3).limit(100)
 *         .rank(summary, model, customer -> customer.totalSpend().orElse(0));
 * }</pre>
 * Any other source of P(alive) and value works through {@link #rank(Iterable, Function, ToDoubleFunction,
 * ToDoubleFunction)} or ready {@link CustomerOutlook}s.
 */
public final class AtRiskRanking {

    private static final Comparator<AtRiskCustomer> ORDER = Comparator
            .comparingDouble(AtRiskCustomer::valueAtRisk).reversed()
            .thenComparing(entry -> entry.outlook().customer());

    private final double threshold;
    private final int limit;

    private AtRiskRanking(double threshold, int limit) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " is outside (0, 1]; it is the P(alive)"
                    + " below which a customer counts as at risk");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is below 1");
        }
        this.threshold = threshold;
        this.limit = limit;
    }

    /** Returns the ranking of every customer whose P(alive) is below {@code threshold}, in (0, 1]. */
    public static AtRiskRanking below(double threshold) {
        return new AtRiskRanking(threshold, Integer.MAX_VALUE);
    }

    /** Returns this ranking cut to its first {@code count} customers. */
    public AtRiskRanking limit(int count) {
        return new AtRiskRanking(threshold, count);
    }

    /** Ranks the customers' outlooks. */
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
}
