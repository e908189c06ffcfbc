package dev.cxm.micrometer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dev.cxm.core.internal.Checks;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelGroupResult;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStepResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * A funnel's latest result as Micrometer gauges: the host counts the funnel where it counts it (over its store
 * on a schedule, from a stream's windows) and {@link #publish}es each new {@link FunnelResult}; every registry
 * this binder is bound to shows, per step, how many customers reached it and the conversion from the start,
 * overall and per group of the funnel's breakdown.
 *
 * <pre>{@code
 * FunnelMeters meters = FunnelMeters.custom(funnel).name("checkout").maxGroups(10).build();
 * meters.bindTo(registry);
 * meters.publish(funnel.compute(store));   // on a schedule
 * }</pre>
 *
 * <p>Gauges, each tagged {@code funnel} (the configured name), {@code step} (its number from 1),
 * {@code step_name} (the step's name) and {@code group} ({@value #OVERALL}, a group of the breakdown, or
 * {@value #OTHER}):
 * <ul>
 *   <li>{@value #CUSTOMERS}: how many customers (or attempts) reached the step, as the result counts them;</li>
 *   <li>{@value #CONVERSION}: the share of those at the first step who reached this one, 0 to 1; NaN while
 *       nobody reached the first step or nothing was published;</li>
 *   <li>{@value #FOLDED} (tagged {@code funnel} only): how many groups of the latest result were counted in
 *       {@value #OTHER}.</li>
 * </ul>
 *
 * <p><b>Cardinality is bounded.</b> At most {@link #maxGroups()} groups (20 by default), the first ones
 * published, have gauges of their own; the customers of every later group are added up in {@value #OTHER}
 * (whose conversion is that of the sums), never dropped. A group whose name in the data is {@value #OVERALL}
 * or {@value #OTHER} is added up in {@value #OTHER} too, so that it neither replaces nor doubles a reserved
 * series. So a funnel has at most
 * {@code steps × (maxGroups + 2) × 2 + 1} series per registry: 133 for three steps with the defaults.
 */
public final class FunnelMeters implements MeterBinder {

    /** The gauge of customers per step. */
    public static final String CUSTOMERS = "cxm.funnel.customers";
    /** The gauge of the conversion from the start. */
    public static final String CONVERSION = "cxm.funnel.conversion";
    /** The gauge of groups counted in {@value #OTHER}. */
    public static final String FOLDED = "cxm.funnel.groups.folded";
    /** The group of every customer. */
    public static final String OVERALL = "(all)";
    /** The group of the groups after the limit. */
    public static final String OTHER = "(other)";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,64}");

    private final Funnel funnel;
    private final String name;
    private final int maxGroups;
    private final Set<Series> admitted = new LinkedHashSet<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>(new Snapshot(Optional.empty(), Map.of(),
            0));
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /** What the gauges read: the latest result's counts per series, and the groups folded. */
    private record Snapshot(Optional<FunnelResult> result, Map<Series, long[]> reached, int folded) {}

    /** Whose counts a series shows: everyone, one group of the breakdown (by its name), or the folded groups. */
    private enum Kind { OVERALL, GROUP, OTHER }

    /**
     * One series of gauges, keyed by kind and name so that a group the data names {@value #OVERALL} or
     * {@value #OTHER} is never taken for the reserved series.
     */
    private record Series(Kind kind, String name) {
        static final Series ALL = new Series(Kind.OVERALL, OVERALL);
        static final Series FOLDED_GROUPS = new Series(Kind.OTHER, OTHER);
    }

    private FunnelMeters(Builder builder) {
        this.funnel = builder.funnel;
        this.name = builder.name;
        this.maxGroups = builder.maxGroups;
    }

    /**
     * Returns the meters of a funnel, named {@code funnel}, with at most 20 groups.
     *
     * @param funnel the funnel whose results are published
     * @return the meters
     */
    public static FunnelMeters ofDefaults(Funnel funnel) {
        return custom(funnel).build();
    }

    /**
     * Starts a configuration from the defaults of {@link #ofDefaults}.
     *
     * @param funnel the funnel whose results are published
     * @return the builder
     */
    public static Builder custom(Funnel funnel) {
        return new Builder(Checks.present("funnel", funnel));
    }

    /**
     * Starts a configuration preloaded with {@code base}'s settings (not its published results).
     *
     * @param base the meters to start from
     * @return the builder
     */
    public static Builder from(FunnelMeters base) {
        return custom(Checks.present("base", base).funnel).name(base.name).maxGroups(base.maxGroups);
    }

    /**
     * Returns the funnel.
     *
     * @return the funnel
     */
    public Funnel funnel() {
        return funnel;
    }

    /**
     * Returns the value of the {@code funnel} tag.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns how many groups have gauges of their own before the rest are added up in {@value #OTHER}.
     *
     * @return the limit
     */
    public int maxGroups() {
        return maxGroups;
    }

    /**
     * Returns the latest result published.
     *
     * @return the result, or empty before the first
     */
    public Optional<FunnelResult> latest() {
        return latest.get().result();
    }

    /**
     * Shows a new result of the funnel on every gauge; a group seen for the first time gets gauges of its own
     * while fewer than {@link #maxGroups()} have them, else it is added up in {@value #OTHER}.
     *
     * @param result a result of this meters' funnel
     * @return this binder
     * @throws IllegalArgumentException when the result counts another number of steps than the funnel has
     */
    public FunnelMeters publish(FunnelResult result) {
        Checks.present("result", result);
        int steps = funnel.steps().size();
        if (result.steps().size() != steps) {
            throw new IllegalArgumentException("result: counts " + result.steps().size() + " steps; the funnel of "
                    + name + " has " + steps);
        }
        Map<Series, long[]> reached = new HashMap<>();
        reached.put(Series.ALL, counts(result.steps()));
        int folded = 0;
        for (FunnelGroupResult group : result.groups()) {
            long[] counts = counts(group.steps());
            Series series = new Series(Kind.GROUP, group.group());
            if (admit(series)) {
                reached.put(series, counts);
            } else {
                folded++;
                long[] other = reached.computeIfAbsent(Series.FOLDED_GROUPS, ignored -> new long[steps]);
                for (int i = 0; i < steps; i++) {
                    other[i] += counts[i];
                }
            }
        }
        if (folded > 0) {
            admitOther();
        }
        latest.set(new Snapshot(Optional.of(result), Map.copyOf(reached), folded));
        return this;
    }

    private static long[] counts(List<FunnelStepResult> steps) {
        return steps.stream().mapToLong(FunnelStepResult::count).toArray();
    }

    /**
     * Returns whether a group has gauges of its own, registering them the first time; a group whose name is a
     * reserved tag value ({@value #OVERALL}, {@value #OTHER}) never has, as its gauges would be the reserved ones.
     */
    private synchronized boolean admit(Series group) {
        if (admitted.contains(group)) {
            return true;
        }
        if (group.name().equals(OVERALL) || group.name().equals(OTHER)
                || admitted.stream().filter(series -> series.kind() == Kind.GROUP).count() >= maxGroups) {
            return false;
        }
        admitted.add(group);
        registries.forEach(registry -> bindGroup(registry, group));
        return true;
    }

    private synchronized void admitOther() {
        if (admitted.add(Series.FOLDED_GROUPS)) {
            registries.forEach(registry -> bindGroup(registry, Series.FOLDED_GROUPS));
        }
    }

    /**
     * Publishes the overall gauges, those of every group seen so far and of every group seen later, and the
     * folded groups' gauge, on {@code registry}.
     *
     * @param registry the registry
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Checks.present("registry", registry);
        registries.add(registry);
        bindGroup(registry, Series.ALL);
        admitted.forEach(group -> bindGroup(registry, group));
        Gauge.builder(FOLDED, this, meters -> meters.latest.get().folded())
                .description("Groups of the funnel's latest result counted in (other)")
                .tags(Tags.of("funnel", name)).strongReference(true).register(registry);
    }

    private void bindGroup(MeterRegistry registry, Series group) {
        for (int step = 1; step <= funnel.steps().size(); step++) {
            int index = step - 1;
            Tags tags = Tags.of("funnel", name, "step", Integer.toString(step), "step_name",
                    funnel.steps().get(index).name(), "group", group.name());
            Gauge.builder(CUSTOMERS, this, meters -> meters.reached(group).map(counts -> (double) counts[index])
                            .orElse(0.0))
                    .description("Customers (or attempts) of the funnel's latest result who reached the step")
                    .tags(tags).strongReference(true).register(registry);
            Gauge.builder(CONVERSION, this, meters -> meters.reached(group)
                            .map(counts -> counts[0] == 0 ? Double.NaN : (double) counts[index] / counts[0])
                            .orElse(Double.NaN))
                    .description("The share of the funnel's first step who reached the step, 0 to 1")
                    .tags(tags).strongReference(true).register(registry);
        }
    }

    private Optional<long[]> reached(Series group) {
        return Optional.ofNullable(latest.get().reached().get(group));
    }

    /** Compares the configuration (funnel, name, group limit), not the results published. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FunnelMeters that && funnel.equals(that.funnel) && name.equals(that.name)
                && maxGroups == that.maxGroups;
    }

    /** Hashes the configuration, consistently with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(funnel, name, maxGroups);
    }

    /** Returns the configuration, such as {@code FunnelMeters[funnel=checkout, 3 steps, maxGroups 20]}. */
    @Override
    public String toString() {
        return "FunnelMeters[funnel=" + name + ", " + funnel.steps().size() + " steps, maxGroups " + maxGroups + "]";
    }

    /** Configures {@link FunnelMeters}; each setter refuses a bad value at once. */
    public static final class Builder {
        private final Funnel funnel;
        private String name = "funnel";
        private int maxGroups = 20;

        private Builder(Funnel funnel) {
            this.funnel = funnel;
        }

        /**
         * Sets the value of the {@code funnel} tag ({@code funnel} by default), which tells two funnels apart.
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
         * Gives at most {@code limit} groups of the breakdown gauges of their own (20 by default); later groups
         * are added up in {@value FunnelMeters#OTHER}.
         *
         * @param limit 1 to 1,000
         * @return this builder
         * @throws IllegalArgumentException when the limit is outside 1..1000
         */
        public Builder maxGroups(int limit) {
            if (limit < 1 || limit > 1_000) {
                throw new IllegalArgumentException("maxGroups: " + limit + " is outside 1..1000; each group is two"
                        + " time series per step");
            }
            this.maxGroups = limit;
            return this;
        }

        /**
         * Returns the configured meters.
         *
         * @return the meters
         */
        public FunnelMeters build() {
            return new FunnelMeters(this);
        }
    }
}
