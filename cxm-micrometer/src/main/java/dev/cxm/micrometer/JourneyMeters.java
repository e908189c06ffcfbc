package dev.cxm.micrometer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import dev.cxm.core.internal.Checks;
import dev.cxm.journey.track.StageTracker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * A live journey as Micrometer meters: how many customers a {@link StageTracker} has in each stage of its
 * journey map now, and how many events it ignored, so that a host's dashboard shows the stage populations
 * without code. The host tracks events as before ({@code tracker.track(event)}); the gauges read the tracker.
 *
 * <pre>{@code
 * JourneyMeters meters = JourneyMeters.custom(tracker).name("onboarding").build();
 * meters.bindTo(registry);          // or a @Bean: Spring Boot binds every MeterBinder
 * }</pre>
 *
 * <p>Meters, each tagged {@code journey} (the configured name, {@value #DEFAULT_NAME} by default):
 * <ul>
 *   <li>{@value #CUSTOMERS} (a gauge, also tagged {@code stage}): the customers whose latest placed event is in
 *       the stage ({@link StageTracker#customersByStage()}), for every stage of the map, 0 when it is empty;</li>
 *   <li>{@value #IGNORED} (a counter, also tagged {@code reason}: {@code late}, {@code duplicate},
 *       {@code unplaced}): the events the tracker ignored since it started.</li>
 * </ul>
 *
 * <p><b>Cardinality is bounded</b> by the map: {@code stages + 3} series per registry. The first reading of the
 * gauges has the tracker read every journey in its store once; later readings cost a number per stage.
 *
 * <p><b>One snapshot per scrape.</b> The stage gauges read one {@code customersByStage()} snapshot, taken by
 * the first gauge read and reused until it is {@link #maxAge()} old (1 second by default, by the configured
 * {@link Clock}), so a scrape takes the tracker's lock once, not once per stage; a gauge may lag the tracker
 * by that much. Thread-safe, as the tracker is.
 */
public final class JourneyMeters implements MeterBinder {

    /** The gauge of customers per stage. */
    public static final String CUSTOMERS = "cxm.journey.customers";
    /** The counter of ignored events. */
    public static final String IGNORED = "cxm.journey.events.ignored";
    /** The journey tag unless set. */
    public static final String DEFAULT_NAME = "journey";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,64}");
    private static final Function<StageTracker, Map<String, Long>> TRACKER_COUNTS = StageTracker::customersByStage;

    private final StageTracker tracker;
    private final String name;
    private final Duration maxAge;
    private final Clock clock;
    private final Function<StageTracker, Map<String, Long>> counts;
    /** The latest snapshot of the stage counts and when it was taken; guarded by {@code this}. */
    private Map<String, Long> snapshot = Map.of();
    private Instant takenAt = Instant.MIN;

    private JourneyMeters(Builder builder) {
        this.tracker = builder.tracker;
        this.name = builder.name;
        this.maxAge = builder.maxAge;
        this.clock = builder.clock;
        this.counts = builder.counts;
    }

    /**
     * Returns the meters of a tracker, tagged {@code journey=}{@value #DEFAULT_NAME}.
     *
     * @param tracker the tracker
     * @return the meters
     */
    public static JourneyMeters ofDefaults(StageTracker tracker) {
        return custom(tracker).build();
    }

    /**
     * Starts a configuration from the defaults of {@link #ofDefaults}.
     *
     * @param tracker the tracker
     * @return the builder
     */
    public static Builder custom(StageTracker tracker) {
        return new Builder(Checks.present("tracker", tracker));
    }

    /**
     * Starts a configuration preloaded with {@code base}'s settings.
     *
     * @param base the meters to start from
     * @return the builder
     */
    public static Builder from(JourneyMeters base) {
        Builder builder = custom(Checks.present("base", base).tracker).name(base.name).maxAge(base.maxAge)
                .clock(base.clock);
        builder.counts = base.counts;
        return builder;
    }

    /**
     * Returns how long the stage gauges reuse one snapshot of the tracker's counts.
     *
     * @return the age, at least 0
     */
    public Duration maxAge() {
        return maxAge;
    }

    /**
     * Returns the clock that ages the snapshot.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the tracker the gauges read.
     *
     * @return the tracker
     */
    public StageTracker tracker() {
        return tracker;
    }

    /**
     * Returns the value of the {@code journey} tag.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Publishes a gauge per stage of the tracker's map and the counters of ignored events on {@code registry}.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Checks.present("registry", registry);
        for (String stage : tracker.configuration().map().stageNames()) {
            Gauge.builder(CUSTOMERS, this, meters -> meters.customersByStage().getOrDefault(stage, 0L))
                    .description("The customers whose latest placed event is in the stage")
                    .tags(Tags.of("journey", name, "stage", stage)).strongReference(true).register(registry);
        }
        ignored(registry, "late", StageTracker::lateEvents);
        ignored(registry, "duplicate", StageTracker::duplicateEvents);
        ignored(registry, "unplaced", StageTracker::unplacedEvents);
    }

    /** Returns the stage counts of the current snapshot, taking a new one when it is older than the age. */
    private synchronized Map<String, Long> customersByStage() {
        Instant now = clock.instant();
        boolean fresh = !takenAt.equals(Instant.MIN) && !now.isBefore(takenAt)
                && Duration.between(takenAt, now).compareTo(maxAge) < 0;
        if (!fresh) {
            snapshot = counts.apply(tracker);
            takenAt = now;
        }
        return snapshot;
    }

    private void ignored(MeterRegistry registry, String reason, ToLongFunction<StageTracker> count) {
        FunctionCounter.builder(IGNORED, tracker, tracked -> count.applyAsLong(tracked))
                .description("Events the journey tracker ignored: late, duplicate, or placed in no stage")
                .tags(Tags.of("journey", name, "reason", reason)).register(registry);
    }

    /** Compares the tracker (by identity), the name, the snapshot age and the clock. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JourneyMeters that && tracker == that.tracker && name.equals(that.name)
                && maxAge.equals(that.maxAge) && clock.equals(that.clock) && counts == that.counts;
    }

    /** Hashes consistently with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(tracker), name, maxAge, clock);
    }

    /** Returns the configuration, such as {@code JourneyMeters[journey=onboarding, 5 stages, maxAge PT1S]}. */
    @Override
    public String toString() {
        return "JourneyMeters[journey=" + name + ", " + tracker.configuration().map().stageNames().size()
                + " stages, maxAge " + maxAge + "]";
    }

    /** Configures {@link JourneyMeters}; each setter refuses a bad value at once. */
    public static final class Builder {
        private final StageTracker tracker;
        private String name = DEFAULT_NAME;
        private Duration maxAge = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private Function<StageTracker, Map<String, Long>> counts = TRACKER_COUNTS;

        private Builder(StageTracker tracker) {
            this.tracker = tracker;
        }

        /**
         * Sets the value of the {@code journey} tag, which tells the meters of two journeys apart.
         *
         * @param value 1 to 64 characters out of {@code a-z A-Z 0-9 . _ -}
         * @return this builder
         * @throws IllegalArgumentException when the name has another character or length
         */
        public Builder name(String value) {
            Checks.present("name", value);
            if (!NAME.matcher(value).matches()) {
                throw new IllegalArgumentException("name: a name of " + value.length() + " characters that is not 1"
                        + " to 64 of a-z A-Z 0-9 . _ -");
            }
            this.name = value;
            return this;
        }

        /**
         * Sets how long the stage gauges reuse one snapshot of the tracker's counts (1 second by default): long
         * enough for one scrape to read every stage from one snapshot, short against the scrape interval.
         *
         * @param age 0 (every gauge reads anew) to 1 minute
         * @return this builder
         * @throws IllegalArgumentException when the age is negative or longer than a minute
         */
        public Builder maxAge(Duration age) {
            Checks.present("maxAge", age);
            if (age.isNegative() || age.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("maxAge: " + age + " is outside 0..PT1M");
            }
            this.maxAge = age;
            return this;
        }

        /**
         * Sets the clock that ages the snapshot ({@link Clock#systemUTC()} by default).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        /** Reads the stage counts another way than {@code customersByStage()}: for tests that count the reads. */
        Builder counts(Function<StageTracker, Map<String, Long>> reader) {
            this.counts = reader;
            return this;
        }

        /**
         * Returns the configured meters.
         *
         * @return the meters
         */
        public JourneyMeters build() {
            return new JourneyMeters(this);
        }
    }
}
