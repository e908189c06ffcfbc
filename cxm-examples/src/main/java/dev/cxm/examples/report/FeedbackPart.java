package dev.cxm.examples.report;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.EventQuery;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.metrics.time.CalendarPeriod;

/** The survey scores of the report: NPS per channel and month, per journey stage, CSAT and CES. */
final class FeedbackPart {

    static final EventQuery FEEDBACK = EventQuery.ofTypes(EventType.FEEDBACK);

    private FeedbackPart() {}

    static CxReport.Feedback analyse(ReportInput input) {
        FeedbackBreakdown<NpsResult> nps = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
                .groupBy(GroupKeys.channel()).per(CalendarPeriod.MONTH, ZoneOffset.UTC).build();
        Optional<Breakdown<NpsResult>> byStage = input.map().map(map -> {
            // The stage each respondent was in when answering: the tracker follows every event the map places,
            // and its key asks it. A scan is in time order, so no event comes late.
            StageTracker tracker = StageTracking.custom(map).tolerance(ChronoUnit.FOREVER.getDuration()).build()
                    .tracker();
            try (Stream<CustomerEvent> events = input.events().scan()) {
                events.forEach(tracker::track);
            }
            return FeedbackBreakdown.from(nps).groupBy(tracker.stageKey()).noPeriods().build()
                    .compute(input.events(), FEEDBACK);
        });
        return new CxReport.Feedback(nps.compute(input.events(), FEEDBACK), byStage,
                FeedbackBreakdown.custom(RatingScore.csat()).groupBy(GroupKeys.channel()).build()
                        .compute(input.events(), FEEDBACK),
                FeedbackBreakdown.custom(RatingScore.ces()).groupBy(GroupKeys.channel()).build()
                        .compute(input.events(), FEEDBACK));
    }
}
