package dev.cxm.metrics.churn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * Ranks the customers of a non-contractual business who are valuable and likely gone: those whose P(alive)
 * is below a threshold the caller chooses, ordered by the value expected to be lost,
 * value * (1 - P(alive)), highest first (ties by customer id).
 *
 * <p>P(alive) and value come from the caller, typically from a fitted BG/NBD or Pareto/NBD model and a
 * lifetime-value estimate:
 * <pre>{@code
 * List<AtRiskCustomer> atRisk = AtRiskRanking.below(0.3).limit(100)
 *         .rank(summaries, CustomerSummary::customer, model::probabilityAlive, clv::value);
 * }</pre>
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
}
