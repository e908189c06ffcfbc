package dev.cxm.examples.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.model.EventType;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.TimeSpan;
import dev.cxm.metrics.time.ObservationEnd;

/**
 * Runs every capability of cxm on a world and returns the {@link CxReport}: NPS per channel, journey stage and
 * month with intervals, CSAT and CES; key drivers, detractors' themes and the comments' sentiment; the funnel
 * over the map's stages, the top paths, the discovered journey and its conformance to the map; CLV (BG/NBD and
 * Gamma-Gamma, top customers, value at risk); churn rates, cohort retention and survival by group; segments,
 * linked identities and the next-best actions chosen today. Each number is a call of the library's public API
 * on the input's stores, so a host gets the same by making the same calls.
 *
 * <p>The analysis stands at the instant just after the last event ({@code asOf}): "today" of the world, so
 * that a world simulated for last year reads the same whenever it is analysed; {@code clock} only dates the
 * report.
 *
 * @param clock the clock that dates the report
 * @param driverResamples bootstrap resamples of the key-driver intervals (0 for none)
 * @param funnelWindow the conversion window of the funnel over the map's stages
 * @param horizon the horizon of the lifetime values
 * @param discountRate the discount rate per 4-week period of the lifetime values
 * @param atRiskThreshold the P(alive) below which a customer counts as at risk
 * @param churnInactivity how long without an event makes a customer churned (non-contractual churn)
 * @param top how many customers, paths, terms and quotes the lists show
 */
public record CxAnalysis(Clock clock, int driverResamples, Duration funnelWindow, Duration horizon,
        double discountRate, double atRiskThreshold, Duration churnInactivity, int top) {

    /** The parts of the analysis, in the order they run (for progress). */
    static final List<String> PARTS = List.of("feedback", "voice", "journeys", "value", "retention", "engagement");

    /**
     * Validates the settings.
     *
     * @param clock the clock
     * @param driverResamples bootstrap resamples; 0, or 100 or more
     * @param funnelWindow the funnel window; positive
     * @param horizon the CLV horizon; positive
     * @param discountRate the discount rate; 0 or more
     * @param atRiskThreshold the P(alive) threshold; in (0, 1)
     * @param churnInactivity the inactivity; positive
     * @param top the list length; 1 or more
     * @throws IllegalArgumentException naming the setting when a value breaks its rule
     */
    public CxAnalysis {
        Values.present("clock", clock);
        if (driverResamples != 0 && driverResamples < 100) {
            throw new IllegalArgumentException("driverResamples: " + driverResamples + " is neither 0 nor 100 or"
                    + " more");
        }
        positive("funnelWindow", funnelWindow);
        positive("horizon", horizon);
        positive("churnInactivity", churnInactivity);
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discountRate: " + discountRate + " is not a finite number 0 or more");
        }
        if (!(atRiskThreshold > 0 && atRiskThreshold < 1)) {
            throw new IllegalArgumentException("atRiskThreshold: " + atRiskThreshold + " is outside (0, 1)");
        }
        if (top < 1) {
            throw new IllegalArgumentException("top: " + top + " is not 1 or more");
        }
    }

    private static void positive(String field, Duration value) {
        Values.present(field, value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": " + value + " is not positive");
        }
    }

    /**
     * Returns the defaults: the system clock, 200 bootstrap resamples, a 30-day funnel window, a 52-week horizon
     * discounted at 1% per 4 weeks, at risk below P(alive) 0.5, churned after 90 days without an event, lists of
     * 10.
     *
     * @return the defaults
     */
    public static CxAnalysis ofDefaults() {
        return new CxAnalysis(Clock.systemUTC(), 200, Duration.ofDays(30), Duration.ofDays(364), 0.01, 0.5,
                Duration.ofDays(90), 10);
    }

    /**
     * Returns a builder preloaded with the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return from(ofDefaults());
    }

    /**
     * Returns a builder preloaded with {@code base}.
     *
     * @param base the settings to start from
     * @return the builder
     */
    public static Builder from(CxAnalysis base) {
        return new Builder(base);
    }

    /**
     * Analyses {@code input}.
     *
     * @param input the events and what lies beside them
     * @return the report
     */
    public CxReport analyse(ReportInput input) {
        return analyse(input, Progress.none());
    }

    /**
     * Analyses {@code input}, telling {@code progress} which part runs.
     *
     * @param input the events and what lies beside them
     * @param progress what hears of the parts
     * @return the report
     * @throws IllegalArgumentException when the store holds no event
     */
    public CxReport analyse(ReportInput input, Progress progress) {
        Instant asOf = ObservationEnd.justAfterLastEvent(input.events())
                .orElseThrow(() -> new IllegalArgumentException(input.source() + " holds no event"));
        List<String> notes = new ArrayList<>(input.notes());
        try (Progress.Task task = progress.start("Analysing", PARTS.size())) {
            task.advance(0, PARTS.get(0));
            CxReport.Feedback feedback = FeedbackPart.analyse(input);
            task.advance(1, PARTS.get(1));
            CxReport.Voice voice = VoicePart.analyse(this, input);
            task.advance(2, PARTS.get(2));
            CxReport.Journeys journeys = JourneyPart.analyse(this, input, asOf);
            task.advance(3, PARTS.get(3));
            ValuePart.Fitted value = ValuePart.analyse(this, input, notes);
            task.advance(4, PARTS.get(4));
            CxReport.Retention retention = RetentionPart.analyse(this, input, asOf, notes);
            task.advance(5, PARTS.get(5));
            CxReport.Engagement engagement = EngagementPart.analyse(this, input, value, asOf, notes);
            task.advance(6, "done");
            return new CxReport(overview(input, asOf, notes), feedback, voice, journeys, value.section(), retention,
                    engagement);
        }
    }

    private CxReport.Overview overview(ReportInput input, Instant asOf, List<String> notes) {
        Optional<TimeSpan> span = input.events().span(EventQuery.all());
        long customers;
        try (var timelines = input.events().timelines(EventQuery.all())) {
            customers = timelines.count();
        }
        return new CxReport.Overview(input.source(), clock.instant(), asOf, span, customers,
                input.events().count(), input.events().count(EventQuery.ofTypes(EventType.INTERACTION)),
                input.events().count(EventQuery.ofTypes(EventType.PURCHASE)),
                input.events().count(EventQuery.ofTypes(EventType.FEEDBACK)), notes);
    }

    /** Builds a {@link CxAnalysis}; each setter refuses a bad value at once, as the record does. */
    public static final class Builder {
        private CxAnalysis value;

        private Builder(CxAnalysis base) {
            this.value = base;
        }

        /**
         * Sets the clock that dates the report.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            value = new CxAnalysis(clock, value.driverResamples, value.funnelWindow, value.horizon,
                    value.discountRate, value.atRiskThreshold, value.churnInactivity, value.top);
            return this;
        }

        /**
         * Sets the bootstrap resamples of the key-driver intervals.
         *
         * @param resamples 0 for none, else 100 or more
         * @return this builder
         */
        public Builder driverResamples(int resamples) {
            value = new CxAnalysis(value.clock, resamples, value.funnelWindow, value.horizon, value.discountRate,
                    value.atRiskThreshold, value.churnInactivity, value.top);
            return this;
        }

        /**
         * Sets the conversion window of the funnel.
         *
         * @param window a positive duration
         * @return this builder
         */
        public Builder funnelWindow(Duration window) {
            value = new CxAnalysis(value.clock, value.driverResamples, window, value.horizon, value.discountRate,
                    value.atRiskThreshold, value.churnInactivity, value.top);
            return this;
        }

        /**
         * Sets the horizon of the lifetime values.
         *
         * @param horizon a positive duration
         * @return this builder
         */
        public Builder horizon(Duration horizon) {
            value = new CxAnalysis(value.clock, value.driverResamples, value.funnelWindow, horizon,
                    value.discountRate, value.atRiskThreshold, value.churnInactivity, value.top);
            return this;
        }

        /**
         * Sets how many customers, paths, terms and quotes the lists show.
         *
         * @param top 1 or more
         * @return this builder
         */
        public Builder top(int top) {
            value = new CxAnalysis(value.clock, value.driverResamples, value.funnelWindow, value.horizon,
                    value.discountRate, value.atRiskThreshold, value.churnInactivity, top);
            return this;
        }

        /**
         * Returns the settings.
         *
         * @return the analysis
         */
        public CxAnalysis build() {
            return value;
        }
    }
}
