package dev.cxm.metrics.feedback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Computes a feedback metric overall, per group (by a {@link GroupKey}: the channel, touchpoint, journey stage
 * hint, survey, an attribute, or a key of the host's own) and per period (day, week, month or quarter in a
 * zone) in one pass over a stream or a store query. Responses the key has no value for fall in the group
 * {@value GroupKeys#NO_VALUE}. The overall result, groups and periods whose effective sample size (Kish's,
 * equal to the number of responses without weights) is below a minimum n are flagged, never hidden.
 * Responses on another scale than the metric's are skipped and counted. A trend has at most
 * {@value #MAX_PERIODS} periods.
 *
 * <pre>{@code
 * Breakdown<NpsResult> byChannel = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
 *         .groupBy(GroupKeys.channel())
 *         .per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin"))
 *         .minimumN(50)
 *         .build()
 *         .compute(store, EventQuery.ofTypes(EventType.FEEDBACK));
 * }</pre>
 *
 * <p>Immutable and thread-safe, with value {@code equals} (the metric, key, period, zone and minimum n by
 * value; a weight function by identity). {@link #collector()} runs on parallel streams, and
 * {@link #accumulator()} counts response by response, with a mergeable, serialisable state, as inside a
 * stream engine.
 *
 * @param <R> the metric's result type
 */
public final class FeedbackBreakdown<R extends FeedbackResult> {

    /** The minimum n unless set: a common rule of thumb below which a score is too noisy to act on. */
    public static final long DEFAULT_MINIMUM_N = 30;
    /** The most periods a trend may have, from the first to the last period with a response. */
    public static final int MAX_PERIODS = 10_000;

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    private final FeedbackMetric<R> metric;
    private final Optional<GroupKey> groupBy;
    private final Optional<CalendarPeriod> period;
    private final ZoneId zone;
    private final long minimumN;
    private final Optional<ToDoubleFunction<? super FeedbackResponse>> weight;

    private FeedbackBreakdown(Builder<R> builder) {
        this.metric = builder.metric;
        this.groupBy = builder.groupBy;
        this.period = builder.period;
        this.zone = builder.zone;
        this.minimumN = builder.minimumN;
        this.weight = builder.weight;
    }

    /**
     * Returns the breakdown of {@code metric} with the defaults: overall only (no groups, no trend),
     * unweighted, minimum n {@value #DEFAULT_MINIMUM_N}.
     *
     * @param metric the metric to compute
     * @param <R> the metric's result type
     * @return the breakdown
     */
    public static <R extends FeedbackResult> FeedbackBreakdown<R> ofDefaults(FeedbackMetric<R> metric) {
        return custom(metric).build();
    }

    /**
     * Starts a configuration of a breakdown of {@code metric} from the defaults of {@link #ofDefaults}.
     *
     * @param metric the metric to compute
     * @param <R> the metric's result type
     * @return a builder holding the defaults
     */
    public static <R extends FeedbackResult> Builder<R> custom(FeedbackMetric<R> metric) {
        return new Builder<>(Checks.present("metric", metric));
    }

    /**
     * Starts a configuration from {@code base}: its metric, key, period, zone, minimum n and weights.
     *
     * @param base the configuration to start from
     * @param <R> the metric's result type
     * @return a builder holding {@code base}'s settings
     */
    public static <R extends FeedbackResult> Builder<R> from(FeedbackBreakdown<R> base) {
        Checks.present("base", base);
        Builder<R> builder = new Builder<>(base.metric);
        builder.groupBy = base.groupBy;
        builder.period = base.period;
        builder.zone = base.zone;
        builder.minimumN = base.minimumN;
        builder.weight = base.weight;
        return builder;
    }

    /**
     * Returns the metric computed.
     *
     * @return the metric
     */
    public FeedbackMetric<R> metric() {
        return metric;
    }

    /**
     * Returns the key responses are grouped by, when there are groups.
     *
     * @return the key, or empty for the overall result only
     */
    public Optional<GroupKey> groupBy() {
        return groupBy;
    }

    /**
     * Returns the length of the trend's periods, when there is a trend.
     *
     * @return the period, or empty for no trend
     */
    public Optional<CalendarPeriod> period() {
        return period;
    }

    /**
     * Returns the zone whose calendar cuts the periods; UTC unless set.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the smallest effective sample size a result needs not to be flagged.
     *
     * @return the minimum n, 0 or more
     */
    public long minimumN() {
        return minimumN;
    }

    /**
     * Returns whether responses are weighted by a function (see {@link Builder#weightedBy}).
     *
     * @return whether a weight function is set
     */
    public boolean weighted() {
        return weight.isPresent();
    }

    /**
     * Returns the breakdown of the responses of {@code responses}.
     *
     * @param responses the responses; those on another scale are counted in {@link Breakdown#otherScales()}
     * @return the breakdown
     * @throws IllegalArgumentException naming the response when one has no date in the zone or an invalid
     *     weight, or naming the dates when the trend would exceed {@value #MAX_PERIODS} periods
     */
    public Breakdown<R> compute(Stream<? extends FeedbackResponse> responses) {
        return Checks.present("responses", responses).collect(collector());
    }

    /**
     * Returns the breakdown of the feedback responses that {@code query} selects from {@code store}. Without
     * weights the store counts the responses per score itself ({@link EventStore#feedbackHistogram}: a
     * database store in SQL, without reading them), and the result equals that of {@link #compute(Stream)}
     * over the same responses; with weights the responses are read.
     *
     * @param store the store
     * @param query the query; it must select feedback events (or every type)
     * @return the breakdown
     * @throws IllegalArgumentException when the query selects no feedback, or as {@link #compute(Stream)}
     */
    public Breakdown<R> compute(EventStore store, EventQuery query) {
        Checks.present("store", store);
        Checks.present("query", query);
        if (!query.types().isEmpty() && !query.types().contains(EventType.FEEDBACK)) {
            throw new IllegalArgumentException("query: selects " + query.types() + " events; a breakdown of"
                    + " feedback needs a query that selects feedback");
        }
        if (weight.isPresent()) {
            try (Stream<FeedbackResponse> responses = store.query(query, FeedbackResponse.class)) {
                return compute(responses);
            }
        }
        // Unweighted, the metric needs only the counts per score: the store counts them (a database store in
        // SQL), and the result is the one of adding every response.
        ScoreGrouping grouping = groupBy.map(ScoreGrouping::by).orElse(ScoreGrouping.overall());
        if (period.isPresent()) {
            grouping = grouping.perDay(zone);
        }
        BreakdownAccumulator<R> counts = accumulator();
        for (ScoreCount cell : store.feedbackHistogram(query, grouping)) {
            counts.addCounted(cell);
        }
        return counts.result();
    }

    /**
     * Returns a collector of responses into the breakdown; it runs on parallel streams too.
     *
     * @return the collector
     */
    public Collector<FeedbackResponse, BreakdownAccumulator<R>, Breakdown<R>> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Returns a new, empty accumulator of this breakdown: add responses one by one, merge partial ones, and
     * read or save the state at any time. Not thread-safe.
     *
     * @return the accumulator
     */
    public BreakdownAccumulator<R> accumulator() {
        return new BreakdownAccumulator<>(this);
    }

    /**
     * Returns an accumulator that continues from {@code state}, one saved by an accumulator of an equally
     * configured breakdown.
     *
     * @param state the state to continue from
     * @return the accumulator
     * @throws IllegalArgumentException naming the field when the state was counted on another scale, by
     *     another group key, period length or zone
     */
    public BreakdownAccumulator<R> accumulator(BreakdownState state) {
        return new BreakdownAccumulator<>(this, state);
    }

    /** Returns the weight of {@code response}: 1 without weights, else the checked weight function's value. */
    double weightOf(FeedbackResponse response) {
        if (weight.isEmpty()) {
            return 1;
        }
        double value = weight.get().applyAsDouble(response);
        try {
            return ScoreDistribution.requireWeight(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (response " + response.eventId() + ")", e);
        }
    }

    /**
     * Throws unless a trend from the period that starts on {@code first} to the one that starts on
     * {@code last} has at most {@value #MAX_PERIODS} periods.
     */
    static void requireSpan(CalendarPeriod period, LocalDate first, LocalDate last) {
        long count = period.count(first, last);
        if (count > MAX_PERIODS) {
            throw new IllegalArgumentException("periods: from " + first + " to " + last + " are " + count + " "
                    + period.name().toLowerCase(Locale.ROOT) + " periods; a trend has at most " + MAX_PERIODS
                    + " (check the responses' dates, or choose a longer period)");
        }
    }

    /**
     * Compares the configuration: equal metric, group key, period, zone and minimum n, and the same weight
     * function (by identity), or none.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equally configured breakdown
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FeedbackBreakdown<?> that && metric.equals(that.metric) && groupBy.equals(that.groupBy)
                && period.equals(that.period) && zone.equals(that.zone) && minimumN == that.minimumN
                && weight.equals(that.weight);
    }

    /**
     * Hashes the configuration, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(metric, groupBy, period, zone, minimumN, weight);
    }

    /**
     * Returns the configuration, such as
     * {@code FeedbackBreakdown[NetPromoterScore[0.95 adjusted-wald], by channel, per week in Europe/Berlin,
     * minimumN 30]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "FeedbackBreakdown[" + metric + groupBy.map(key -> ", by " + key.name()).orElse("")
                + period.map(p -> ", per " + p.name().toLowerCase(Locale.ROOT) + " in " + zone).orElse("")
                + ", minimumN " + minimumN + (weight.isPresent() ? ", weighted" : "") + "]";
    }

    /**
     * Builds a {@link FeedbackBreakdown}; each setter rejects an invalid value at once.
     *
     * @param <R> the metric's result type
     */
    public static final class Builder<R extends FeedbackResult> {
        private final FeedbackMetric<R> metric;
        private Optional<GroupKey> groupBy = Optional.empty();
        private Optional<CalendarPeriod> period = Optional.empty();
        private ZoneId zone = DEFAULT_ZONE;
        private long minimumN = DEFAULT_MINIMUM_N;
        private Optional<ToDoubleFunction<? super FeedbackResponse>> weight = Optional.empty();

        private Builder(FeedbackMetric<R> metric) {
            this.metric = metric;
        }

        /**
         * Computes the metric per group of {@code key} too: a built-in of {@link GroupKeys} (such as
         * {@link GroupKeys#channel()} or {@link GroupKeys#attribute(String)}) or {@link GroupKey#of}.
         *
         * @param key the group key
         * @return this builder
         */
        public Builder<R> groupBy(GroupKey key) {
            this.groupBy = Optional.of(Checks.present("groupBy", key));
            return this;
        }

        /**
         * Computes no groups (the default), as for a builder started {@link FeedbackBreakdown#from} a
         * breakdown that has them.
         *
         * @return this builder
         */
        public Builder<R> noGroups() {
            this.groupBy = Optional.empty();
            return this;
        }

        /**
         * Computes the metric per {@code value} (day, week, ...), cut by the calendar of {@code periodZone}, too.
         *
         * @param value the period length
         * @param periodZone the zone whose calendar cuts the periods
         * @return this builder
         */
        public Builder<R> per(CalendarPeriod value, ZoneId periodZone) {
            Checks.present("period", value);
            this.zone = Checks.present("zone", periodZone);
            this.period = Optional.of(value);
            return this;
        }

        /**
         * Computes no trend (the default), as for a builder started {@link FeedbackBreakdown#from} a breakdown
         * that has one; the zone returns to UTC.
         *
         * @return this builder
         */
        public Builder<R> noPeriods() {
            this.period = Optional.empty();
            this.zone = DEFAULT_ZONE;
            return this;
        }

        /**
         * Flags the overall result, groups and periods whose effective sample size (the number of responses
         * without weights) is below {@code value}; {@value #DEFAULT_MINIMUM_N} unless set, 0 to flag none.
         *
         * @param value the minimum n
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is negative
         */
        public Builder<R> minimumN(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("minimumN: " + value + " is negative; it must be 0 or more");
            }
            this.minimumN = value;
            return this;
        }

        /**
         * Weights each response by {@code value}, such as a survey weight attribute; a weight outside 0 or
         * [{@value ScoreDistribution#MIN_WEIGHT}, {@value ScoreDistribution#MAX_WEIGHT}] makes the computation
         * throw naming the response's event id.
         *
         * @param value gives each response's weight
         * @return this builder
         */
        public Builder<R> weightedBy(ToDoubleFunction<? super FeedbackResponse> value) {
            this.weight = Optional.of(Checks.present("weight", value));
            return this;
        }

        /**
         * Weighs every response 1 (the default), as for a builder started {@link FeedbackBreakdown#from} a
         * weighted breakdown.
         *
         * @return this builder
         */
        public Builder<R> unweighted() {
            this.weight = Optional.empty();
            return this;
        }

        /**
         * Builds the breakdown.
         *
         * @return the configured breakdown
         */
        public FeedbackBreakdown<R> build() {
            return new FeedbackBreakdown<>(this);
        }
    }
}
