package dev.cxm.examples.embed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Purchase;
import dev.cxm.metrics.clv.rfm.RfmSummarizer;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.feedback.RatingScore;

/**
 * Metrics on a parallel stream: every accumulator merges, so {@code Accumulators.collector} (or a calculator's
 * own {@code collector()}) counts each part of the stream on its own thread and merges the parts, with the
 * result of one thread.
 */
public final class ParallelMetrics {

    /** The metrics of one stream of events. */
    public record Metrics(Breakdown<NpsResult> npsByChannel, RatingResult csat, RfmSummary rfm) {}

    private ParallelMetrics() {}

    /**
     * Computes NPS per channel, CSAT and the RFM summary of {@code events}, each on a parallel stream.
     *
     * @param events the events, in any order
     * @param calibrationEnd the end of the RFM summary's calibration, exclusive
     * @return the metrics
     */
    public static Metrics compute(List<CustomerEvent> events, Instant calibrationEnd) {
        Breakdown<NpsResult> nps = responses(events, FeedbackScale.NPS).collect(FeedbackBreakdown
                .custom(NetPromoterScore.ofDefaults()).groupBy(GroupKeys.channel()).build().collector());
        RatingResult csat = responses(events, FeedbackScale.CSAT)
                .collect(Accumulators.collector(() -> RatingScore.csat().accumulator()));
        RfmSummaryOptions options = RfmSummaryOptions.custom(calibrationEnd, ChronoUnit.WEEKS).continuousTime().build();
        RfmSummary rfm = events.parallelStream().filter(Purchase.class::isInstance).map(Purchase.class::cast)
                .collect(Accumulators.collector(() -> RfmSummarizer.of(options)));
        return new Metrics(nps, csat, rfm);
    }

    private static java.util.stream.Stream<FeedbackResponse> responses(List<CustomerEvent> events,
            FeedbackScale scale) {
        return events.parallelStream().filter(FeedbackResponse.class::isInstance).map(FeedbackResponse.class::cast)
                .filter(response -> response.scale().equals(scale));
    }

    /**
     * Computes the metrics of a simulated world's events and prints them.
     *
     * @param args none
     * @throws Exception when the world cannot be written or read
     */
    public static void main(String[] args) throws Exception {
        List<CustomerEvent> events = ExampleData.eventsInTimeOrder(ExampleData.world(3_000));
        Metrics metrics = compute(events, Instant.parse("2026-07-01T00:00:00Z"));
        System.out.printf(Locale.ROOT, "NPS %+.1f overall%n", metrics.npsByChannel().overall().score().getAsDouble());
        metrics.npsByChannel().groups().forEach(group -> System.out.printf(Locale.ROOT, "  %-12s %+6.1f (n = %d)%n",
                group.group(), group.result().score().getAsDouble(), group.result().n()));
        System.out.printf(Locale.ROOT, "CSAT %.1f%% good (n = %d); %d buying customers%n",
                metrics.csat().score().getAsDouble(), metrics.csat().n(), metrics.rfm().customers().size());
    }
}
