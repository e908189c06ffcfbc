package dev.cxm.metrics.feedback;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Computes a feedback metric overall, per group (any key of the response: channel, touchpoint, segment,
 * journey stage, survey, ...; each group is named by a {@code String} key) and per period (day, week, month
 * or quarter in a zone) in one pass over a stream or a store query. The overall result, groups and periods
 * whose effective sample size (Kish's, equal to the number of responses without weights) is below a
 * minimum n are flagged, never hidden. Responses on another scale than the metric's are skipped and
 * counted. A trend has at most {@value #MAX_PERIODS} periods.
 *
 * <pre>{@code
 * Breakdown<NpsResult> byChannel = FeedbackBreakdown.of(NetPromoterScore.ofDefaults())
 *         .groupBy(r -> r.touchpoint().map(t -> t.channel().name()).orElse("none"))
 *         .per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin"))
 *         .minimumN(50)
 *         .build()
 *         .compute(store, EventQuery.ofTypes(EventType.FEEDBACK));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #collector()} runs on parallel streams.
 *
 * @param <R> the metric's result type
 */
public final class FeedbackBreakdown<R extends FeedbackResult> {

    /** The minimum n unless set: a common rule of thumb below which a score is too noisy to act on. */
    public static final long DEFAULT_MINIMUM_N = 30;
    /** The most periods a trend may have, from the first to the last period with a response. */
    public static final int MAX_PERIODS = 10_000;

    private final FeedbackMetric<R> metric;
    private final Optional<Function<? super FeedbackResponse, String>> groupBy;
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

    /** Starts a breakdown of {@code metric}: overall only, minimum n {@value #DEFAULT_MINIMUM_N}, until told more. */
    public static <R extends FeedbackResult> Builder<R> of(FeedbackMetric<R> metric) {
        return new Builder<>(Checks.present("metric", metric));
    }

    /** Returns the breakdown of the responses of {@code responses}. */
    public Breakdown<R> compute(Stream<? extends FeedbackResponse> responses) {
        return Checks.present("responses", responses).collect(collector());
    }

    /** Returns the breakdown of the feedback responses that {@code query} selects from {@code store}. */
    public Breakdown<R> compute(EventStore store, EventQuery query) {
        Checks.present("store", store);
        Checks.present("query", query);
        if (!query.types().isEmpty() && !query.types().contains(EventType.FEEDBACK)) {
            throw new IllegalArgumentException("query: selects " + query.types() + " events; a breakdown of"
                    + " feedback needs a query that selects feedback");
        }
        try (Stream<FeedbackResponse> responses = store.query(query, FeedbackResponse.class)) {
            return compute(responses);
        }
    }

    /** Returns a collector of responses into the breakdown; it runs on parallel streams too. */
    public Collector<FeedbackResponse, ?, Breakdown<R>> collector() {
        return Collector.of(Tally::new, Tally::add, Tally::merge, Tally::finish, Collector.Characteristics.UNORDERED);
    }

    /** The mutable state of one pass: accumulators overall, per period, per group and per group and period. */
    private final class Tally {
        private final FeedbackAccumulator<R> overall = metric.accumulator();
        private final Map<LocalDate, FeedbackAccumulator<R>> periods = new HashMap<>();
        private final Map<String, GroupTally> groups = new TreeMap<>();
        private long otherScales;

        void add(FeedbackResponse response) {
            FeedbackScale scale = response.scale();
            if (scale != metric.scale() && !scale.equals(metric.scale())) {
                otherScales++;
                return;
            }
            double responseWeight = weight.map(w -> w.applyAsDouble(response)).orElse(1.0);
            Optional<LocalDate> bucket = period.map(p -> p.startOf(localDate(response)));
            add(overall, response, responseWeight);
            bucket.ifPresent(start -> add(periods.computeIfAbsent(start, s -> metric.accumulator()), response,
                    responseWeight));
            if (groupBy.isPresent()) {
                String key = Objects.requireNonNull(groupBy.get().apply(response),
                        () -> "groupBy: the key of response " + response.eventId() + " is null; keys must not be null");
                GroupTally group = groups.computeIfAbsent(key, k -> new GroupTally());
                add(group.overall, response, responseWeight);
                bucket.ifPresent(start -> add(group.periods.computeIfAbsent(start, s -> metric.accumulator()),
                        response, responseWeight));
            }
        }

        private LocalDate localDate(FeedbackResponse response) {
            try {
                return LocalDate.ofInstant(response.occurredAt(), zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("occurredAt: response " + response.eventId() + " at "
                        + response.occurredAt() + " has no date in the zone " + zone + " (" + e.getMessage() + ")", e);
            }
        }

        private void add(FeedbackAccumulator<R> accumulator, FeedbackResponse response, double responseWeight) {
            if (weight.isPresent()) {
                accumulator.add(response, responseWeight);
            } else {
                accumulator.add(response);
            }
        }

        Tally merge(Tally other) {
            overall.merge(other.overall);
            mergePeriods(periods, other.periods);
            other.groups.forEach((key, group) -> {
                GroupTally mine = groups.computeIfAbsent(key, k -> new GroupTally());
                mine.overall.merge(group.overall);
                mergePeriods(mine.periods, group.periods);
            });
            otherScales += other.otherScales;
            return this;
        }

        private void mergePeriods(Map<LocalDate, FeedbackAccumulator<R>> into, Map<LocalDate, FeedbackAccumulator<R>> from) {
            from.forEach((start, accumulator) -> into.computeIfAbsent(start, s -> metric.accumulator()).merge(accumulator));
        }

        Breakdown<R> finish() {
            List<TimeBucket> range = range();
            List<GroupResult<R>> groupResults = new ArrayList<>(groups.size());
            groups.forEach((key, group) -> {
                R result = group.overall.result();
                groupResults.add(new GroupResult<>(key, belowMinimumN(result), result, trend(range, group.periods)));
            });
            R overallResult = overall.result();
            return new Breakdown<>(overallResult, belowMinimumN(overallResult), trend(range, periods), groupResults,
                    minimumN, otherScales, period);
        }

        private boolean belowMinimumN(R result) {
            return result.effectiveN() < minimumN;
        }

        private List<TimeBucket> range() {
            if (period.isEmpty() || periods.isEmpty()) {
                return List.of();
            }
            LocalDate first = periods.keySet().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = periods.keySet().stream().max(LocalDate::compareTo).orElseThrow();
            long count = period.get().count(first, last);
            if (count > MAX_PERIODS) {
                throw new IllegalArgumentException("periods: from " + first + " to " + last + " are " + count + " "
                        + period.get().name().toLowerCase(Locale.ROOT) + " periods; a trend has at most "
                        + MAX_PERIODS + " (check the responses' dates, or choose a longer period)");
            }
            List<TimeBucket> buckets = new ArrayList<>((int) count);
            for (TimeBucket bucket = new TimeBucket(period.get(), first, zone); !bucket.start().isAfter(last);
                    bucket = bucket.next()) {
                buckets.add(bucket);
            }
            return buckets;
        }

        private List<PeriodResult<R>> trend(List<TimeBucket> range, Map<LocalDate, FeedbackAccumulator<R>> byStart) {
            List<PeriodResult<R>> trend = new ArrayList<>(range.size());
            for (TimeBucket bucket : range) {
                FeedbackAccumulator<R> accumulator = byStart.get(bucket.start());
                R result = accumulator == null ? metric.result(ScoreDistribution.empty(metric.scale()))
                        : accumulator.result();
                trend.add(new PeriodResult<>(bucket, belowMinimumN(result), result));
            }
            return trend;
        }
    }

    /** One group's accumulators. */
    private final class GroupTally {
        private final FeedbackAccumulator<R> overall = metric.accumulator();
        private final Map<LocalDate, FeedbackAccumulator<R>> periods = new HashMap<>();
    }

    /**
     * Builds a {@link FeedbackBreakdown}; each setter rejects an invalid value at once.
     *
     * @param <R> the metric's result type
     */
    public static final class Builder<R extends FeedbackResult> {
        private final FeedbackMetric<R> metric;
        private Optional<Function<? super FeedbackResponse, String>> groupBy = Optional.empty();
        private Optional<CalendarPeriod> period = Optional.empty();
        private ZoneId zone = ZoneId.of("UTC");
        private long minimumN = DEFAULT_MINIMUM_N;
        private Optional<ToDoubleFunction<? super FeedbackResponse>> weight = Optional.empty();

        private Builder(FeedbackMetric<R> metric) {
            this.metric = metric;
        }

        /** Computes the metric per value of {@code key} too (a channel, a segment, a journey stage, ...). */
        public Builder<R> groupBy(Function<? super FeedbackResponse, String> key) {
            this.groupBy = Optional.of(Checks.present("groupBy", key));
            return this;
        }

        /** Computes the metric per {@code value} (day, week, ...), cut by the calendar of {@code periodZone}, too. */
        public Builder<R> per(CalendarPeriod value, ZoneId periodZone) {
            this.period = Optional.of(Checks.present("period", value));
            this.zone = Checks.present("zone", periodZone);
            return this;
        }

        /**
         * Flags the overall result, groups and periods whose effective sample size (the number of responses
         * without weights) is below {@code value}; {@value #DEFAULT_MINIMUM_N} unless set, 0 to flag none.
         *
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
         * Weights each response by {@code value} (0 or within [{@value ScoreDistribution#MIN_WEIGHT},
         * {@value ScoreDistribution#MAX_WEIGHT}]), such as a survey weight attribute; a weight outside makes
         * the computation throw naming the response's event id.
         */
        public Builder<R> weightedBy(ToDoubleFunction<? super FeedbackResponse> value) {
            this.weight = Optional.of(Checks.present("weight", value));
            return this;
        }

        /** Builds the breakdown. */
        public FeedbackBreakdown<R> build() {
            return new FeedbackBreakdown<>(this);
        }
    }
}
