package dev.cxm.micrometer;

import java.util.Objects;
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
 * Thread-safe, as the tracker is.
 */
public final class JourneyMeters implements MeterBinder {

    /** The gauge of customers per stage. */
    public static final String CUSTOMERS = "cxm.journey.customers";
    /** The counter of ignored events. */
    public static final String IGNORED = "cxm.journey.events.ignored";
    /** The journey tag unless set. */
    public static final String DEFAULT_NAME = "journey";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,64}");

    private final StageTracker tracker;
    private final String name;

    private JourneyMeters(Builder builder) {
        this.tracker = builder.tracker;
        this.name = builder.name;
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
        return custom(Checks.present("base", base).tracker).name(base.name);
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
            Gauge.builder(CUSTOMERS, tracker, tracked -> tracked.customersByStage().getOrDefault(stage, 0L))
                    .description("The customers whose latest placed event is in the stage")
                    .tags(Tags.of("journey", name, "stage", stage)).strongReference(true).register(registry);
        }
        ignored(registry, "late", StageTracker::lateEvents);
        ignored(registry, "duplicate", StageTracker::duplicateEvents);
        ignored(registry, "unplaced", StageTracker::unplacedEvents);
    }

    private void ignored(MeterRegistry registry, String reason, ToLongFunction<StageTracker> count) {
        FunctionCounter.builder(IGNORED, tracker, tracked -> count.applyAsLong(tracked))
                .description("Events the journey tracker ignored: late, duplicate, or placed in no stage")
                .tags(Tags.of("journey", name, "reason", reason)).register(registry);
    }

    /** Compares the tracker (by identity) and the name. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JourneyMeters that && tracker == that.tracker && name.equals(that.name);
    }

    /** Hashes consistently with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(tracker), name);
    }

    /** Returns the configuration, such as {@code JourneyMeters[journey=onboarding, 5 stages]}. */
    @Override
    public String toString() {
        return "JourneyMeters[journey=" + name + ", " + tracker.configuration().map().stageNames().size() + " stages]";
    }

    /** Configures {@link JourneyMeters}; each setter refuses a bad value at once. */
    public static final class Builder {
        private final StageTracker tracker;
        private String name = DEFAULT_NAME;

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
         * Returns the configured meters.
         *
         * @return the meters
         */
        public JourneyMeters build() {
            return new JourneyMeters(this);
        }
    }
}
