package dev.cxm.metrics.clv.rfm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>{@link #ofDefaults()} holds the usual ten segments on the recency-frequency grid, with the fallback
 * {@code "Other"} (which they never leave to it):
 * <pre>
 *            F=1             F=2                  F=3                  F=4              F=5
 *   R=5      New Customers   Potential Loyalists  Potential Loyalists  Champions        Champions
 *   R=4      Promising       Potential Loyalists  Potential Loyalists  Loyal Customers  Loyal Customers
 *   R=3      About to Sleep  About to Sleep       Need Attention       Loyal Customers  Loyal Customers
 *   R=1, 2   Hibernating     Hibernating          At Risk              At Risk          Can't Lose Them
 * </pre>
 *
 * <pre>{@code
 * RfmSegmentation own = RfmSegmentation.custom()
 *         .rules(List.of(RfmSegmentRule.of("Best", RfmScoreRange.only(5), RfmScoreRange.of(4, 5))))
 *         .fallback("Rest")
 *         .build();
 * Map<String, Long> sizes = own.segmentSizes(own.score(summary));
 * }</pre>
 *
 * <p>Immutable, with value {@code equals}, {@code hashCode} and {@code toString}.
 */
public final class RfmSegmentation {

    private static final List<RfmSegmentRule> STANDARD = List.of(
            RfmSegmentRule.of("Champions", RfmScoreRange.only(5), RfmScoreRange.of(4, 5)),
            RfmSegmentRule.of("Loyal Customers", RfmScoreRange.of(3, 4), RfmScoreRange.of(4, 5)),
            RfmSegmentRule.of("Potential Loyalists", RfmScoreRange.of(4, 5), RfmScoreRange.of(2, 3)),
            RfmSegmentRule.of("New Customers", RfmScoreRange.only(5), RfmScoreRange.only(1)),
            RfmSegmentRule.of("Promising", RfmScoreRange.only(4), RfmScoreRange.only(1)),
            RfmSegmentRule.of("Need Attention", RfmScoreRange.only(3), RfmScoreRange.only(3)),
            RfmSegmentRule.of("About to Sleep", RfmScoreRange.only(3), RfmScoreRange.of(1, 2)),
            RfmSegmentRule.of("At Risk", RfmScoreRange.of(1, 2), RfmScoreRange.of(3, 4)),
            RfmSegmentRule.of("Can't Lose Them", RfmScoreRange.of(1, 2), RfmScoreRange.only(5)),
            RfmSegmentRule.of("Hibernating", RfmScoreRange.of(1, 2), RfmScoreRange.of(1, 2)));

    private final List<RfmSegmentRule> rules;
    private final String fallback;

    private static final RfmSegmentation DEFAULTS = new RfmSegmentation(STANDARD, "Other");

    private RfmSegmentation(List<RfmSegmentRule> rules, String fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = Checks.nonBlank("fallback", fallback);
    }

    /**
     * Returns the usual ten segments (Champions, Loyal Customers, ..., Hibernating), which cover every
     * score, with the fallback {@code "Other"}.
     *
     * @return the standard segmentation
     */
    public static RfmSegmentation ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a segmentation from the defaults: replace the rules or the fallback.
     *
     * @return a builder holding the standard rules and fallback
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a segmentation from {@code base}.
     *
     * @param base the segmentation whose rules and fallback the builder starts with
     * @return the builder
     */
    public static Builder from(RfmSegmentation base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns the rules, in the order they are tried.
     *
     * @return the rules
     */
    public List<RfmSegmentRule> rules() {
        return rules;
    }

    /**
     * Returns the segment of customers no rule matches.
     *
     * @return the fallback segment's name
     */
    public String fallback() {
        return fallback;
    }

    /**
     * Returns the name of the first segment whose rule the scores match, else the fallback.
     *
     * @param recencyScore 1 to 5
     * @param frequencyScore 1 to 5
     * @param monetaryScore 1 to 5, or empty without amounts
     * @return the segment's name
     */
    public String segmentOf(int recencyScore, int frequencyScore, OptionalInt monetaryScore) {
        for (RfmSegmentRule rule : rules) {
            if (rule.matches(recencyScore, frequencyScore, monetaryScore)) {
                return rule.segment();
            }
        }
        return fallback;
    }

    /**
     * Scores every customer of {@code summary} against the others, in the summary's order.
     *
     * @param summary the customers
     * @return one score per customer
     */
    public List<RfmScore> score(RfmSummary summary) {
        return score(summary.customers());
    }

    /**
     * Scores every customer against the others, in the given order; the monetary score needs every
     * customer's total spend.
     *
     * @param customers the customers
     * @return one score per customer
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

    /**
     * Returns the number of customers per segment, in rule order (then the fallback), empty segments included.
     *
     * @param scores the scores of {@link #score}
     * @return the sizes by segment name
     */
    public Map<String, Long> segmentSizes(List<RfmScore> scores) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        rules.forEach(rule -> sizes.put(rule.segment(), 0L));
        sizes.put(fallback, 0L);
        scores.forEach(score -> sizes.merge(score.segment(), 1L, Long::sum));
        return sizes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RfmSegmentation segmentation && rules.equals(segmentation.rules)
                && fallback.equals(segmentation.fallback);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rules, fallback);
    }

    @Override
    public String toString() {
        return "RfmSegmentation[rules=" + rules + ", fallback=" + fallback + "]";
    }

    /** Builds an {@link RfmSegmentation}; each setter checks its value at once. */
    public static final class Builder {
        private List<RfmSegmentRule> rules;
        private String fallback;

        private Builder(RfmSegmentation base) {
            this.rules = base.rules;
            this.fallback = base.fallback;
        }

        /**
         * Sets the rules, tried in order; the first match names a customer's segment.
         *
         * @param value the rules, none null
         * @return this builder
         */
        public Builder rules(List<RfmSegmentRule> value) {
            Checks.present("rules", value).forEach(rule -> Checks.present("rules entry", rule));
            this.rules = List.copyOf(value);
            return this;
        }

        /**
         * Sets the segment of customers no rule matches; {@code "Other"} unless set.
         *
         * @param value a non-blank name
         * @return this builder
         */
        public Builder fallback(String value) {
            this.fallback = Checks.nonBlank("fallback", value);
            return this;
        }

        /**
         * Returns the segmentation.
         *
         * @return the segmentation
         */
        public RfmSegmentation build() {
            return new RfmSegmentation(rules, fallback);
        }
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
