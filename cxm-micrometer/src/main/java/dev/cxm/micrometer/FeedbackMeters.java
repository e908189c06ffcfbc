package dev.cxm.micrometer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.FeedbackRecorder;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.metrics.stats.ConfidenceInterval;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Live feedback scores as Micrometer gauges: the host {@link #record}s each response as it arrives (from any
 * number of threads), and every registry this binder is bound to shows, per metric and group, the score, the
 * number of responses and the interval's bounds, computed by the metric's own {@link FeedbackRecorder}.
 *
 * <pre>{@code
 * FeedbackMeters meters = FeedbackMeters.custom().groupBy(GroupKeys.channel()).window(Duration.ofHours(1)).build();
 * meters.bindTo(registry);          // or a @Bean: Spring Boot binds every MeterBinder
 * meters.record(response);          // where responses arrive
 * }</pre>
 *
 * <p>Meters, each tagged {@code metric} (the scale's name: {@code nps}, {@code csat}, {@code ces}), {@code key}
 * (the group key's name, {@code channel}), {@code group} (its value, {@code web}) and {@code window}:
 * <ul>
 *   <li>{@value #SCORE}: the headline score (NPS -100..100, CSAT's top-box share in percent, CES's mean);
 *       NaN while the window has no response;</li>
 *   <li>{@value #RESPONSES}: the number of responses in the window;</li>
 *   <li>{@value #LOWER} and {@value #UPPER}: the bounds of the score's confidence interval, NaN when there
 *       is none;</li>
 *   <li>{@value #FOLDED} (a counter tagged {@code metric} and {@code key}): the responses counted in the group
 *       {@value #OTHER} because the group limit was reached.</li>
 * </ul>
 *
 * <p><b>Cardinality is bounded.</b> Each metric publishes at most {@link #maxGroups()} groups (50 by default),
 * the first ones seen; responses of any later group are counted in the one group {@value #OTHER} and in the
 * {@value #FOLDED} counter, never dropped. So a metric has at most {@code maxGroups + 1} series of each
 * gauge per registry: with the defaults, 3 metrics × 51 groups × 4 gauges = 612 series at most.
 *
 * <p><b>Windows.</b> Without a window (the default) the gauges count every response since the binder was made,
 * tag {@code window="all"}. With {@link Builder#window(Duration)} they count the responses of the current
 * tumbling window (aligned to the epoch in the binder's clock, tag {@code window} the ISO duration such as
 * {@code PT1H}); at the start of a window they begin again from no response.
 *
 * <p>A response on a scale none of the metrics counts is ignored. Thread-safe.
 */
public final class FeedbackMeters implements MeterBinder {

    /** The gauge of the headline score. */
    public static final String SCORE = "cxm.feedback.score";
    /** The gauge of the number of responses. */
    public static final String RESPONSES = "cxm.feedback.responses";
    /** The gauge of the interval's lower bound. */
    public static final String LOWER = "cxm.feedback.score.lower";
    /** The gauge of the interval's upper bound. */
    public static final String UPPER = "cxm.feedback.score.upper";
    /** The counter of responses folded into {@value #OTHER}. */
    public static final String FOLDED = "cxm.feedback.folded";
    /** The group of responses whose own group came after the limit. */
    public static final String OTHER = "(other)";
    /** The window tag without a window. */
    public static final String ALL_TIME = "all";

    private final List<FeedbackMetric<?>> metrics;
    private final GroupKey groupBy;
    private final int maxGroups;
    private final Optional<Duration> window;
    private final Clock clock;
    private final List<Series<?>> series;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    private FeedbackMeters(Builder builder) {
        this.metrics = List.copyOf(builder.metrics);
        this.groupBy = builder.groupBy;
        this.maxGroups = builder.maxGroups;
        this.window = builder.window;
        this.clock = builder.clock;
        List<Series<?>> all = new ArrayList<>();
        for (FeedbackMetric<?> metric : metrics) {
            all.add(new Series<>(metric));
        }
        this.series = List.copyOf(all);
    }

    /**
     * Returns meters of NPS, CSAT and CES by channel, every response since now, at most 50 groups each.
     *
     * @return the meters
     */
    public static FeedbackMeters ofDefaults() {
        return custom().build();
    }

    /**
     * Starts a configuration from the defaults of {@link #ofDefaults()}.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Returns the metrics published.
     *
     * @return the metrics, one per scale
     */
    public List<FeedbackMetric<?>> metrics() {
        return metrics;
    }

    /**
     * Returns the key responses are grouped by.
     *
     * @return the key
     */
    public GroupKey groupBy() {
        return groupBy;
    }

    /**
     * Returns how many groups each metric publishes before it folds the rest into {@value #OTHER}.
     *
     * @return the limit
     */
    public int maxGroups() {
        return maxGroups;
    }

    /**
     * Returns the length of the tumbling window the gauges count; empty when they count every response.
     *
     * @return the window, or empty
     */
    public Optional<Duration> window() {
        return window;
    }

    /**
     * Counts a response in its metric's group; a response on a scale no metric counts is ignored.
     *
     * @param response the response
     * @return this binder
     */
    public FeedbackMeters record(FeedbackResponse response) {
        Checks.present("response", response);
        for (Series<?> one : series) {
            if (one.metric.scale().equals(response.scale())) {
                one.record(response);
            }
        }
        return this;
    }

    /**
     * Returns the current result of a group, as its gauges show it.
     *
     * @param metric one of {@link #metrics()}
     * @param group the group, or {@value #OTHER}
     * @return the result; empty when the group has not been seen
     * @throws IllegalArgumentException when the metric is not published here
     */
    public Optional<FeedbackResult> result(FeedbackMetric<?> metric, String group) {
        Checks.present("group", group);
        return seriesOf(metric).result(group);
    }

    /**
     * Publishes the gauges of every group seen so far, and of every group seen later, on {@code registry}.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Checks.present("registry", registry);
        registries.add(registry);
        for (Series<?> one : series) {
            one.bindTo(registry);
        }
    }

    private Series<?> seriesOf(FeedbackMetric<?> metric) {
        for (Series<?> one : series) {
            if (one.metric.equals(metric)) {
                return one;
            }
        }
        throw new IllegalArgumentException("metric: " + metric + " is not one of the metrics published here");
    }

    private long windowStart() {
        if (window.isEmpty()) {
            return 0;
        }
        long length = window.get().toMillis();
        return Math.floorDiv(clock.millis(), length) * length;
    }

    private String windowTag() {
        return window.map(Duration::toString).orElse(ALL_TIME);
    }

    /** One metric's groups and their meters. */
    private final class Series<R extends FeedbackResult> {
        private final FeedbackMetric<R> metric;
        private final Map<String, Group<R>> groups = new ConcurrentHashMap<>();
        private final AtomicLong folded = new AtomicLong();

        Series(FeedbackMetric<R> metric) {
            this.metric = metric;
        }

        void record(FeedbackResponse response) {
            String name = groupBy.groupOf(response);
            Group<R> group = groups.get(name);
            if (group == null) {
                group = admit(name);
            }
            group.current().add(response);
        }

        /** Returns the group of {@code name}, or {@value #OTHER} past the limit; registers new meters. */
        private synchronized Group<R> admit(String name) {
            Group<R> group = groups.get(name);
            if (group != null) {
                return group;
            }
            boolean full = groups.size() - (groups.containsKey(OTHER) ? 1 : 0) >= maxGroups;
            if (full && !name.equals(OTHER)) {
                folded.incrementAndGet();
                return groups.computeIfAbsent(OTHER, this::newGroup);
            }
            return groups.computeIfAbsent(name, this::newGroup);
        }

        private Group<R> newGroup(String name) {
            Group<R> group = new Group<>(metric);
            registries.forEach(registry -> group.bindTo(registry, tags(name)));
            return group;
        }

        void bindTo(MeterRegistry registry) {
            folded(registry);
            groups.forEach((name, group) -> group.bindTo(registry, tags(name)));
        }

        Optional<FeedbackResult> result(String name) {
            return Optional.ofNullable(groups.get(name)).map(Group::result);
        }

        private FunctionCounter folded(MeterRegistry registry) {
            return FunctionCounter.builder(FOLDED, folded, AtomicLong::doubleValue)
                    .description("Responses counted in the group (other) because the group limit was reached")
                    .tags(Tags.of("metric", metric.scale().name(), "key", groupBy.name()))
                    .register(registry);
        }

        private Tags tags(String group) {
            return Tags.of("metric", metric.scale().name(), "key", groupBy.name(), "group", group,
                    "window", windowTag());
        }
    }

    /** One group's recorder in the current window, and its gauges. */
    private final class Group<R extends FeedbackResult> {
        private final FeedbackMetric<R> metric;
        private final AtomicReference<Slot<R>> slot;

        Group(FeedbackMetric<R> metric) {
            this.metric = metric;
            this.slot = new AtomicReference<>(new Slot<>(windowStart(), metric.recorder()));
        }

        /** Returns the recorder of the current window, starting a new one when the window has moved on. */
        FeedbackRecorder<R> current() {
            long start = windowStart();
            while (true) {
                Slot<R> now = slot.get();
                if (now.start >= start) {
                    return now.recorder;
                }
                Slot<R> next = new Slot<>(start, metric.recorder());
                if (slot.compareAndSet(now, next)) {
                    return next.recorder;
                }
            }
        }

        R result() {
            Slot<R> now = slot.get();
            return now.start >= windowStart() ? now.recorder.result() : metric.recorder().result();
        }

        void bindTo(MeterRegistry registry, Tags tags) {
            gauge(registry, SCORE, "The feedback score of the group in the window", tags,
                    result -> result.score().orElse(Double.NaN));
            gauge(registry, RESPONSES, "The number of responses of the group in the window", tags,
                    result -> result.n());
            gauge(registry, LOWER, "The lower bound of the score's confidence interval", tags,
                    result -> result.interval().map(ConfidenceInterval::lower).orElse(Double.NaN));
            gauge(registry, UPPER, "The upper bound of the score's confidence interval", tags,
                    result -> result.interval().map(ConfidenceInterval::upper).orElse(Double.NaN));
        }

        private void gauge(MeterRegistry registry, String name, String description, Tags tags,
                ToDoubleFunction<R> value) {
            Gauge.builder(name, this, group -> value.applyAsDouble(group.result()))
                    .description(description).tags(tags).strongReference(true).register(registry);
        }
    }

    private record Slot<R extends FeedbackResult>(long start, FeedbackRecorder<R> recorder) {}

    /** Configures {@link FeedbackMeters}; each setter refuses a bad value at once. */
    public static final class Builder {
        private List<FeedbackMetric<?>> metrics = List.of(NetPromoterScore.ofDefaults(), RatingScore.csat(),
                RatingScore.ces());
        private GroupKey groupBy = GroupKeys.channel();
        private int maxGroups = 50;
        private Optional<Duration> window = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Publishes these metrics (NPS, CSAT and CES by default), each on its own scale.
         *
         * @param values the metrics, at least one, no two on the same scale
         * @return this builder
         * @throws IllegalArgumentException when there is none, or two share a scale
         */
        public Builder metrics(List<? extends FeedbackMetric<?>> values) {
            Checks.noNullElements("metrics", values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("metrics: none given; publish at least one");
            }
            if (values.stream().map(FeedbackMetric::scale).distinct().count() != values.size()) {
                throw new IllegalArgumentException("metrics: two count the same scale; a scale's responses go to"
                        + " one metric");
            }
            this.metrics = List.copyOf(values);
            return this;
        }

        /**
         * Groups responses by {@code key} ({@code GroupKeys.channel()} by default).
         *
         * @param key the key
         * @return this builder
         */
        public Builder groupBy(GroupKey key) {
            this.groupBy = Checks.present("groupBy", key);
            return this;
        }

        /**
         * Publishes at most {@code limit} groups per metric (50 by default); later groups fold into
         * {@value FeedbackMeters#OTHER}.
         *
         * @param limit 1 to 1,000
         * @return this builder
         * @throws IllegalArgumentException when the limit is outside 1..1000
         */
        public Builder maxGroups(int limit) {
            if (limit < 1 || limit > 1_000) {
                throw new IllegalArgumentException("maxGroups: " + limit + " is outside 1..1000; each group is"
                        + " four time series per metric");
            }
            this.maxGroups = limit;
            return this;
        }

        /**
         * Counts the responses of the current tumbling window of {@code length} instead of every response.
         *
         * @param length a positive whole number of milliseconds
         * @return this builder
         * @throws IllegalArgumentException when the length is not positive
         */
        public Builder window(Duration length) {
            Checks.present("window", length);
            if (length.toMillis() <= 0) {
                throw new IllegalArgumentException("window: " + length + " is not a positive number of milliseconds");
            }
            this.window = Optional.of(length);
            return this;
        }

        /**
         * Counts every response since the binder was made (the default).
         *
         * @return this builder
         */
        public Builder allTime() {
            this.window = Optional.empty();
            return this;
        }

        /**
         * Takes the time of the windows from {@code value} (the system clock in UTC by default).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        /**
         * Returns the meters, with no response yet.
         *
         * @return the meters
         */
        public FeedbackMeters build() {
            return new FeedbackMeters(this);
        }
    }
}
