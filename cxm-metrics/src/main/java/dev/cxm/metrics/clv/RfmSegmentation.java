package dev.cxm.metrics.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import dev.cxm.core.internal.Checks;

/**
 * Scores customers into recency, frequency and monetary quintiles and names their segment by rules that are
 * data: an ordered list of {@link RfmSegmentRule}s, the first match winning, and a fallback name.
 *
 * <p>A score is {@code 1 + floor(5 * worse / n)}, where {@code worse} counts the customers with a strictly
 * worse value and {@code n} all customers, so equal values always share a score. Recency here is the time
 * since the last purchase ({@code T - recency}; shorter is better), frequency the number of repeat
 * purchases, monetary the total calibration spend.
 *
 * <p>{@link #standard()} holds the usual ten segments on the recency-frequency grid:
 * <pre>
 *            F=1             F=2                  F=3                  F=4              F=5
 *   R=5      New Customers   Potential Loyalists  Potential Loyalists  Champions        Champions
 *   R=4      Promising       Potential Loyalists  Potential Loyalists  Loyal Customers  Loyal Customers
 *   R=3      About to Sleep  About to Sleep       Need Attention       Loyal Customers  Loyal Customers
 *   R=1, 2   Hibernating     Hibernating          At Risk              At Risk          Can't Lose Them
 * </pre>
 */
public final class RfmSegmentation {

    private static final List<RfmSegmentRule> STANDARD = List.of(
            RfmSegmentRule.of("Champions", ScoreRange.only(5), ScoreRange.of(4, 5)),
            RfmSegmentRule.of("Loyal Customers", ScoreRange.of(3, 4), ScoreRange.of(4, 5)),
            RfmSegmentRule.of("Potential Loyalists", ScoreRange.of(4, 5), ScoreRange.of(2, 3)),
            RfmSegmentRule.of("New Customers", ScoreRange.only(5), ScoreRange.only(1)),
            RfmSegmentRule.of("Promising", ScoreRange.only(4), ScoreRange.only(1)),
            RfmSegmentRule.of("Need Attention", ScoreRange.only(3), ScoreRange.only(3)),
            RfmSegmentRule.of("About to Sleep", ScoreRange.only(3), ScoreRange.of(1, 2)),
            RfmSegmentRule.of("At Risk", ScoreRange.of(1, 2), ScoreRange.of(3, 4)),
            RfmSegmentRule.of("Can't Lose Them", ScoreRange.of(1, 2), ScoreRange.only(5)),
            RfmSegmentRule.of("Hibernating", ScoreRange.of(1, 2), ScoreRange.of(1, 2)));

    private final List<RfmSegmentRule> rules;
    private final String fallback;

    private RfmSegmentation(List<RfmSegmentRule> rules, String fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = Checks.nonBlank("fallback", fallback);
    }

    /** Returns the usual ten segments (Champions, Loyal Customers, ..., Hibernating); they cover every score. */
    public static RfmSegmentation standard() {
        return new RfmSegmentation(STANDARD, "Other");
    }

    /**
     * Returns a segmentation by the caller's rules, tried in order; a customer no rule matches is put in
     * {@code fallback}.
     */
    public static RfmSegmentation of(List<RfmSegmentRule> rules, String fallback) {
        Checks.present("rules", rules);
        return new RfmSegmentation(rules, fallback);
    }

    /** Returns the rules, in the order they are tried. */
    public List<RfmSegmentRule> rules() {
        return rules;
    }

    /** Returns the segment of customers no rule matches. */
    public String fallback() {
        return fallback;
    }

    /** Returns the name of the first segment whose rule the scores match, else the fallback. */
    public String segmentOf(int recencyScore, int frequencyScore, OptionalInt monetaryScore) {
        for (RfmSegmentRule rule : rules) {
            if (rule.matches(recencyScore, frequencyScore, monetaryScore)) {
                return rule.segment();
            }
        }
        return fallback;
    }

    /** Scores every customer of {@code summary} against the others, in the summary's order. */
    public List<RfmScore> score(RfmSummary summary) {
        return score(summary.customers());
    }

    /**
     * Scores every customer against the others, in the given order; the monetary score needs every
     * customer's total spend.
     */
    public List<RfmScore> score(List<CustomerSummary> customers) {
        Checks.present("customers", customers);
        int n = customers.size();
        double[] sinceLast = new double[n];
        double[] frequency = new double[n];
        double[] spend = new double[n];
        boolean withSpend = !customers.isEmpty() && customers.stream().allMatch(c -> c.totalSpend().isPresent());
        for (int i = 0; i < n; i++) {
            CustomerSummary customer = customers.get(i);
            sinceLast[i] = -(customer.age() - customer.recency());
            frequency[i] = customer.frequency();
            spend[i] = customer.totalSpend().orElse(0);
        }
        Quintiles recency = new Quintiles(sinceLast);
        Quintiles frequent = new Quintiles(frequency);
        Quintiles monetary = new Quintiles(spend);
        List<RfmScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = recency.score(sinceLast[i]);
            int f = frequent.score(frequency[i]);
            OptionalInt m = withSpend ? OptionalInt.of(monetary.score(spend[i])) : OptionalInt.empty();
            scores.add(new RfmScore(customers.get(i).customerId(), r, f, m, segmentOf(r, f, m)));
        }
        return scores;
    }

    /** Returns the number of customers per segment, in rule order (then the fallback), empty segments included. */
    public Map<String, Long> segmentSizes(List<RfmScore> scores) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        rules.forEach(rule -> sizes.put(rule.segment(), 0L));
        sizes.put(fallback, 0L);
        scores.forEach(score -> sizes.merge(score.segment(), 1L, Long::sum));
        return sizes;
    }

    /** Quintile scores of values where higher is better. */
    private static final class Quintiles {
        private final double[] sorted;

        Quintiles(double[] values) {
            sorted = values.clone();
            Arrays.sort(sorted);
        }

        int score(double value) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] < value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return 1 + (int) (5L * low / sorted.length);
        }
    }
}
