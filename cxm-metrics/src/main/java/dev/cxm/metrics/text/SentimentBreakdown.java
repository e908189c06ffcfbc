package dev.cxm.metrics.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Scores texts and summarises their sentiment overall, per group (by a {@link GroupKey} of the text's event:
 * the channel, touchpoint, journey stage hint, survey, an attribute, or a key of the host's own) and per period
 * (day, week, month or quarter in a zone), in one pass, as {@link FeedbackBreakdown} does for scores. Texts
 * whose event has no value for the key fall in the group {@value GroupKeys#NO_VALUE}. Results with fewer texts
 * than the minimum n are flagged, never hidden; a trend has at most {@value FeedbackBreakdown#MAX_PERIODS}
 * periods, from the first to the last with a text, empty ones included.
 *
 * <pre>{@code
 * SentimentBreakdownResult weekly = SentimentBreakdown.custom()
 *         .groupBy(GroupKeys.channel())
 *         .per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin"))
 *         .build()
 *         .computeComments(store, EventQuery.ofTypes(EventType.FEEDBACK));
 * }</pre>
 *
 * <p>Immutable and thread-safe, with value {@code equals} (the analyzer by its own {@code equals}). The
 * {@link #accumulator()} scores and counts text by text, with a mergeable, serialisable state; the texts are
 * scored once, in {@code add}, so a parallel stream scores them in parallel.
 */
public final class SentimentBreakdown {

    /** The minimum n unless set, as for feedback breakdowns. */
    public static final long DEFAULT_MINIMUM_N = FeedbackBreakdown.DEFAULT_MINIMUM_N;

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    private final SentimentAnalyzer analyzer;
    private final SentimentSummary summary;
    private final Optional<GroupKey> groupBy;
    private final Optional<CalendarPeriod> period;
    private final ZoneId zone;
    private final long minimumN;

    private SentimentBreakdown(Builder builder) {
        this.analyzer = builder.analyzer;
        this.summary = builder.summary;
        this.groupBy = builder.groupBy;
        this.period = builder.period;
        this.zone = builder.zone;
        this.minimumN = builder.minimumN;
    }

    /**
     * Returns the breakdown with the defaults: {@link VaderSentiment#ofDefaults()}, {@link
     * SentimentSummary#ofDefaults()}, overall only, minimum n {@value #DEFAULT_MINIMUM_N}.
     *
     * @return the breakdown
     */
    public static SentimentBreakdown ofDefaults() {
        return custom().build();
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the breakdown whose settings the builder starts with
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(SentimentBreakdown base) {
        Checks.present("base", base);
        Builder builder = new Builder();
        builder.analyzer = base.analyzer;
        builder.summary = base.summary;
        builder.groupBy = base.groupBy;
        builder.period = base.period;
        builder.zone = base.zone;
        builder.minimumN = base.minimumN;
        return builder;
    }

    /**
     * Returns the analyzer that scores the texts.
     *
     * @return the analyzer
     */
    public SentimentAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * Returns the summary of each group and period.
     *
     * @return the summary
     */
    public SentimentSummary summary() {
        return summary;
    }

    /**
     * Returns the key texts are grouped by, when there are groups.
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
     * Returns the number of texts a result needs not to be flagged.
     *
     * @return the minimum n, 0 or more
     */
    public long minimumN() {
        return minimumN;
    }

    /**
     * Returns the breakdown of {@code texts}.
     *
     * @param texts the texts with their events
     * @return the breakdown
     * @throws IllegalArgumentException naming the event when one has no date in the zone, or naming the dates
     *     when the trend would exceed {@value FeedbackBreakdown#MAX_PERIODS} periods
     */
    public SentimentBreakdownResult compute(Stream<? extends CustomerText> texts) {
        return Checks.present("texts", texts).collect(collector());
    }

    /**
     * Returns the breakdown of the comments of {@code responses}; responses without a comment are skipped.
     *
     * @param responses the feedback responses
     * @return the breakdown
     * @throws IllegalArgumentException as {@link #compute(Stream)}
     */
    public SentimentBreakdownResult computeComments(Stream<? extends FeedbackResponse> responses) {
        return compute(Checks.present("responses", responses).flatMap(r -> CustomerText.commentOf(r).stream()));
    }

    /**
     * Returns the breakdown of the comments of the feedback responses {@code query} selects from {@code store}.
     *
     * @param store the store
     * @param query the query; it must select feedback events (or every type)
     * @return the breakdown
     * @throws IllegalArgumentException when the query selects no feedback, or as {@link #compute(Stream)}
     */
    public SentimentBreakdownResult computeComments(EventStore store, EventQuery query) {
        Checks.present("store", store);
        Checks.present("query", query);
        if (!query.types().isEmpty() && !query.types().contains(EventType.FEEDBACK)) {
            throw new IllegalArgumentException("query: selects " + query.types() + " events; the comments of"
                    + " feedback need a query that selects feedback");
        }
        try (Stream<FeedbackResponse> responses = store.query(query, FeedbackResponse.class)) {
            return computeComments(responses);
        }
    }

    /**
     * Returns a collector of texts into the breakdown; it runs on parallel streams too.
     *
     * @return the collector
     */
    public Collector<CustomerText, SentimentBreakdownAccumulator, SentimentBreakdownResult> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Returns a new, empty accumulator. Not thread-safe.
     *
     * @return the accumulator
     */
    public SentimentBreakdownAccumulator accumulator() {
        return new SentimentBreakdownAccumulator(this);
    }

    /**
     * Returns an accumulator that continues from {@code state}, one saved under an equal configuration.
     *
     * @param state the state to continue from
     * @return the accumulator
     * @throws IllegalArgumentException naming the field when the state was counted by other thresholds, another
     *     group key, period length or zone
     */
    public SentimentBreakdownAccumulator accumulator(SentimentBreakdownState state) {
        return new SentimentBreakdownAccumulator(this, state);
    }

    /** Throws unless a trend from the period starting {@code first} to the one starting {@code last} fits. */
    static void requireSpan(CalendarPeriod period, LocalDate first, LocalDate last) {
        long count = period.count(first, last);
        if (count > FeedbackBreakdown.MAX_PERIODS) {
            throw new IllegalArgumentException("periods: from " + first + " to " + last + " are " + count + " "
                    + period.name().toLowerCase(Locale.ROOT) + " periods; a trend has at most "
                    + FeedbackBreakdown.MAX_PERIODS + " (check the events' dates, or choose a longer period)");
        }
    }

    /**
     * Compares the configuration.
     *
     * @param other the object to compare with
     * @return whether {@code other} has an equal analyzer, summary, key, period, zone and minimum n
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SentimentBreakdown that && analyzer.equals(that.analyzer)
                && summary.equals(that.summary) && groupBy.equals(that.groupBy) && period.equals(that.period)
                && zone.equals(that.zone) && minimumN == that.minimumN;
    }

    /**
     * Hashes the configuration, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(analyzer, summary, groupBy, period, zone, minimumN);
    }

    /**
     * Returns the configuration, such as {@code SentimentBreakdown[VaderSentiment[...], SentimentSummary[...], by
     * channel, per week in Europe/Berlin, minimumN 30]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "SentimentBreakdown[" + analyzer + ", " + summary + groupBy.map(key -> ", by " + key.name()).orElse("")
                + period.map(p -> ", per " + p.name().toLowerCase(Locale.ROOT) + " in " + zone).orElse("")
                + ", minimumN " + minimumN + "]";
    }

    /** Builds a {@link SentimentBreakdown}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private SentimentAnalyzer analyzer = VaderSentiment.ofDefaults();
        private SentimentSummary summary = SentimentSummary.ofDefaults();
        private Optional<GroupKey> groupBy = Optional.empty();
        private Optional<CalendarPeriod> period = Optional.empty();
        private ZoneId zone = DEFAULT_ZONE;
        private long minimumN = DEFAULT_MINIMUM_N;

        private Builder() {}

        /**
         * Scores the texts with {@code value} ({@link VaderSentiment#ofDefaults()} unless set).
         *
         * @param value the analyzer
         * @return this builder
         */
        public Builder analyzer(SentimentAnalyzer value) {
            this.analyzer = Checks.present("analyzer", value);
            return this;
        }

        /**
         * Summarises each group and period with {@code value} ({@link SentimentSummary#ofDefaults()} unless set).
         *
         * @param value the summary
         * @return this builder
         */
        public Builder summary(SentimentSummary value) {
            this.summary = Checks.present("summary", value);
            return this;
        }

        /**
         * Summarises per group of {@code key} too.
         *
         * @param key the group key
         * @return this builder
         */
        public Builder groupBy(GroupKey key) {
            this.groupBy = Optional.of(Checks.present("groupBy", key));
            return this;
        }

        /**
         * Summarises no groups (the default).
         *
         * @return this builder
         */
        public Builder noGroups() {
            this.groupBy = Optional.empty();
            return this;
        }

        /**
         * Summarises per {@code value} (day, week, ...), cut by the calendar of {@code periodZone}, too.
         *
         * @param value the period length
         * @param periodZone the zone whose calendar cuts the periods
         * @return this builder
         */
        public Builder per(CalendarPeriod value, ZoneId periodZone) {
            Checks.present("period", value);
            this.zone = Checks.present("zone", periodZone);
            this.period = Optional.of(value);
            return this;
        }

        /**
         * Summarises no trend (the default); the zone returns to UTC.
         *
         * @return this builder
         */
        public Builder noPeriods() {
            this.period = Optional.empty();
            this.zone = DEFAULT_ZONE;
            return this;
        }

        /**
         * Flags results of fewer texts than {@code value}; {@value #DEFAULT_MINIMUM_N} unless set, 0 to flag none.
         *
         * @param value the minimum n
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is negative
         */
        public Builder minimumN(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("minimumN: " + value + " is negative; it must be 0 or more");
            }
            this.minimumN = value;
            return this;
        }

        /**
         * Builds the breakdown.
         *
         * @return the configured breakdown
         */
        public SentimentBreakdown build() {
            return new SentimentBreakdown(this);
        }
    }
}
