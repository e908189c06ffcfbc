package dev.cxm.examples.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.TimeSpan;
import dev.cxm.engage.segment.SegmentReport;
import dev.cxm.journey.conformance.ConformanceResult;
import dev.cxm.journey.discovery.DiscoveryResult;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.map.Transition;
import dev.cxm.journey.path.PathResult;
import dev.cxm.metrics.churn.AtRiskCustomer;
import dev.cxm.metrics.churn.ChurnReport;
import dev.cxm.metrics.churn.CohortTable;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.rfm.RfmTotals;
import dev.cxm.metrics.drivers.KeyDriverResult;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.CoxModel;
import dev.cxm.metrics.survival.LogRankResult;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.text.SentimentBreakdownResult;
import dev.cxm.metrics.text.ThemeComparison;

/**
 * What {@link CxAnalysis} found in a CX world: every capability's result, as immutable values. It is the one
 * source of both renderers ({@link TextReport}, {@link HtmlReport}): they lay it out and compute nothing.
 * A part whose input was missing (no journey map, no driver ratings, ...) is empty, and the overview's notes
 * say why.
 *
 * @param overview what was analysed
 * @param feedback NPS, CSAT and CES
 * @param voice key drivers, themes and sentiment of the comments
 * @param journeys funnel, paths, discovery and conformance
 * @param value customer lifetime value
 * @param retention churn, cohorts and survival
 * @param engagement segments, identities and next-best actions
 */
public record CxReport(Overview overview, Feedback feedback, Voice voice, Journeys journeys, Value value,
        Retention retention, Engagement engagement) {

    /**
     * Checks that every part is there.
     *
     * @param overview what was analysed
     * @param feedback NPS, CSAT and CES
     * @param voice key drivers, themes and sentiment of the comments
     * @param journeys funnel, paths, discovery and conformance
     * @param value customer lifetime value
     * @param retention churn, cohorts and survival
     * @param engagement segments, identities and next-best actions
     */
    public CxReport {
        Values.present("overview", overview);
        Values.present("feedback", feedback);
        Values.present("voice", voice);
        Values.present("journeys", journeys);
        Values.present("value", value);
        Values.present("retention", retention);
        Values.present("engagement", engagement);
    }

    /**
     * What was analysed.
     *
     * @param source where the events came from (a folder, a file or a store's URL)
     * @param generatedAt when the report was made, by the analysis' clock
     * @param asOf the instant the analysis stands at: just after the last event ("today" of the world)
     * @param span the first and last event
     * @param customers distinct customers with an event
     * @param events events read
     * @param interactions interactions among them
     * @param purchases purchases among them
     * @param responses feedback responses among them
     * @param notes what was skipped and why (a missing optional file, a model that did not converge)
     */
    public record Overview(String source, Instant generatedAt, Instant asOf, Optional<TimeSpan> span, long customers,
            long events, long interactions, long purchases, long responses, List<String> notes) {

        /**
         * Copies the notes.
         *
         * @param source where the events came from
         * @param generatedAt when the report was made
         * @param asOf the instant the analysis stands at
         * @param span the first and last event
         * @param customers distinct customers
         * @param events events read
         * @param interactions interactions
         * @param purchases purchases
         * @param responses feedback responses
         * @param notes what was skipped and why
         */
        public Overview {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The survey scores: NPS overall, per channel and per month (the trend), per journey stage; CSAT; CES.
     *
     * @param nps NPS overall, per channel (groups) and per month (periods), with adjusted-Wald intervals
     * @param npsByStage NPS by the journey stage each respondent was in when answering, when there is a map
     * @param csat CSAT (top-two-box share) overall and per channel
     * @param ces CES (mean effort) overall and per channel
     */
    public record Feedback(Breakdown<NpsResult> nps, Optional<Breakdown<NpsResult>> npsByStage,
            Breakdown<RatingResult> csat, Breakdown<RatingResult> ces) {
    }

    /**
     * The voice of the customer: what drives the recommendation, what detractors talk about, how they sound.
     *
     * @param drivers the key-driver analysis of the driver ratings, when there are any
     * @param detractorThemes the terms that distinguish detractors' comments from the other respondents'
     * @param sentiment the sentiment of the NPS comments, overall and per category (detractor, passive, promoter)
     * @param detractorQuotes the most negative detractor comments, in their own words, each text once
     */
    public record Voice(Optional<KeyDriverResult> drivers, Optional<ThemeComparison> detractorThemes,
            SentimentBreakdownResult sentiment, List<Quote> detractorQuotes) {

        /**
         * Copies the quotes.
         *
         * @param drivers the key-driver analysis
         * @param detractorThemes the themes of detractors' comments
         * @param sentiment the sentiment of the comments
         * @param detractorQuotes the most negative detractor comments
         */
        public Voice {
            detractorQuotes = List.copyOf(detractorQuotes);
        }
    }

    /**
     * One comment, as its customer wrote it, and how many detractors wrote the same words.
     *
     * @param customer the first who wrote it (of the most negative answers)
     * @param score their NPS answer
     * @param channel the channel of the survey's touchpoint, or {@code (none)}
     * @param compound the comment's VADER compound score
     * @param text the comment
     * @param writers how many detractors wrote exactly this comment
     */
    public record Quote(CustomerId customer, int score, String channel, double compound, String text, int writers) {
    }

    /**
     * Journeys: the funnel over the designed map's stages, the most frequent paths, the journey discovered from
     * the events and how it conforms to the design.
     *
     * @param map the designed map's stages and allowed transitions, when there is a map
     * @param funnel the funnel whose steps are the map's stages in order
     * @param paths the most frequent paths (stages with a map, else touchpoints) with their Sankey edges
     * @param discovery the directly-follows graph of the events (stages with a map, else touchpoints)
     * @param conformance each customer's journey against the map, totalled
     */
    public record Journeys(Optional<DesignedMap> map, Optional<FunnelResult> funnel, PathResult paths,
            DiscoveryResult discovery, Optional<ConformanceResult> conformance) {
    }

    /**
     * The designed journey, as the charts draw it.
     *
     * @param stages the stages in their designed order
     * @param transitions the moves the design allows
     * @param finalStages the stages a journey may end in
     */
    public record DesignedMap(List<String> stages, List<Transition> transitions, List<String> finalStages) {

        /**
         * Copies the lists.
         *
         * @param stages the stages
         * @param transitions the allowed moves
         * @param finalStages the final stages
         */
        public DesignedMap {
            stages = List.copyOf(stages);
            transitions = List.copyOf(transitions);
            finalStages = List.copyOf(finalStages);
        }
    }

    /**
     * Customer lifetime value: the RFM summary of the purchases, the BG/NBD and Gamma-Gamma fits, and what
     * they predict.
     *
     * @param calibrationEnd the end of the calibration period (exclusive): the day after the last purchase
     * @param totals the RFM summary's totals, in weeks
     * @param totalSpend the spend of every purchase summarised
     * @param currency the currency of the purchases, when they have one
     * @param purchases the BG/NBD fit
     * @param spend the Gamma-Gamma fit of the repeat buyers' spend, when the purchase fit converged
     * @param outlook the predictions, when both fits converged
     */
    public record Value(Instant calibrationEnd, RfmTotals totals, double totalSpend, Optional<String> currency,
            ModelFit<BgNbdModel> purchases, Optional<ModelFit<GammaGammaModel>> spend, Optional<Outlook> outlook) {
    }

    /**
     * What the fitted CLV models predict for the customers.
     *
     * @param horizon the horizon of the lifetime values
     * @param discountRate the discount rate per 4-week period
     * @param customers customers valued
     * @param totalValue the sum of their discounted lifetime values
     * @param valueAtRisk the sum of CLV x (1 - P(alive)): the value of the customers who may be gone
     * @param atRiskThreshold the P(alive) below which a customer counts as at risk
     * @param customersAtRisk customers with a P(alive) below the threshold
     * @param meanProbabilityAlive the mean P(alive)
     * @param top the customers of highest lifetime value
     * @param atRisk the at-risk customers with the most value at risk
     * @param distribution the lifetime values' histogram
     */
    public record Outlook(Duration horizon, double discountRate, long customers, double totalValue, double valueAtRisk,
            double atRiskThreshold, long customersAtRisk, double meanProbabilityAlive, List<ValuedCustomer> top,
            List<AtRiskCustomer> atRisk, List<Bin> distribution) {

        /**
         * Copies the lists.
         *
         * @param horizon the horizon
         * @param discountRate the discount rate
         * @param customers customers valued
         * @param totalValue the total lifetime value
         * @param valueAtRisk the total value at risk
         * @param atRiskThreshold the P(alive) threshold
         * @param customersAtRisk customers at risk
         * @param meanProbabilityAlive the mean P(alive)
         * @param top the most valuable customers
         * @param atRisk the customers with most value at risk
         * @param distribution the histogram
         */
        public Outlook {
            top = List.copyOf(top);
            atRisk = List.copyOf(atRisk);
            distribution = List.copyOf(distribution);
        }
    }

    /**
     * One customer's predictions.
     *
     * @param customer the customer
     * @param frequency their repeat purchases
     * @param probabilityAlive P(alive) at the end of calibration
     * @param expectedPurchases the purchases expected over the horizon
     * @param value the discounted lifetime value over the horizon
     */
    public record ValuedCustomer(CustomerId customer, int frequency, double probabilityAlive, double expectedPurchases,
            double value) {
    }

    /**
     * One bar of a histogram: the values in {@code [from, to)} (the last bar's {@code to} included).
     *
     * @param from the lower edge
     * @param to the upper edge
     * @param count the values in it
     */
    public record Bin(double from, double to, long count) {
    }

    /**
     * Churn and retention: churn rates per month, the cohort table and survival by group.
     *
     * @param inactivity how long without an event makes a customer churned
     * @param churn non-contractual churn per month (a customer is gone after the inactivity)
     * @param cohorts the monthly cohort retention table
     * @param survival Kaplan-Meier curves per group of the subjects file, when there is one
     */
    public record Retention(Duration inactivity, ChurnReport churn, CohortTable cohorts, Optional<Survival> survival) {
    }

    /**
     * Survival of the subjects file: a Kaplan-Meier curve per group, the log-rank test and a Cox model.
     *
     * @param groupColumn the column the groups come from
     * @param curves one curve per group, in the file's order of groups
     * @param logRank the test of equal churn hazards across the groups (empty with a single group)
     * @param cox the Cox model of the covariates (empty without covariates)
     */
    public record Survival(String groupColumn, Map<String, SurvivalCurve> curves, Optional<LogRankResult> logRank,
            Optional<ModelFit<CoxModel>> cox) {

        /**
         * Copies the curves, keeping their order.
         *
         * @param groupColumn the group column
         * @param curves the curves
         * @param logRank the log-rank test
         * @param cox the Cox model
         */
        public Survival {
            curves = Values.orderedCopy(curves);
        }
    }

    /**
     * Acting on it: the profiles, the customers known under several ids, the segments and the next-best actions.
     *
     * @param profiles the customer profiles built from the events and records
     * @param linkedGroups groups of customer records that share an identity (one customer under several ids)
     * @param linkedRecords the records in those groups
     * @param segments the segments' sizes and overlaps, when there are definitions
     * @param actions the actions chosen today, when there is a catalogue
     */
    public record Engagement(long profiles, long linkedGroups, long linkedRecords, Optional<SegmentReport> segments,
            Optional<Actions> actions) {
    }

    /**
     * The next-best actions chosen for every profile at one instant.
     *
     * @param at the instant of the decisions
     * @param decided the profiles decided for
     * @param chosen per action of the catalogue (in its order), how many customers it was chosen for
     * @param noAction how many customers no action was eligible for
     * @param value the total value of the chosen actions
     * @param meanValue per action, the mean value of its choices (empty when never chosen)
     */
    public record Actions(Instant at, long decided, Map<String, Long> chosen, long noAction, double value,
            Map<String, OptionalDouble> meanValue) {

        /**
         * Copies the maps, keeping their order.
         *
         * @param at the instant
         * @param decided the profiles decided for
         * @param chosen per action, its choices
         * @param noAction the customers without an action
         * @param value the total value
         * @param meanValue per action, its mean value
         */
        public Actions {
            chosen = Values.orderedCopy(chosen);
            meanValue = Values.orderedCopy(meanValue);
        }
    }
}
