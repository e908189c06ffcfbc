package dev.cxm.metrics.feedback;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.quicktheories.core.Gen;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.metrics.time.CalendarPeriod;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for {@link BreakdownAccumulator}: NPS by channel and ISO week in Berlin, over
 * responses spread over five weeks on two channels (one without a touchpoint, so in "(none)"), with some on
 * the CSAT scale that must only be counted as skipped. The oracle of each law is the same responses added to
 * one accumulator; the breakdowns compare exactly (unweighted counts).
 */
class BreakdownAccumulatorLawsTest
        extends AccumulatorLaws<FeedbackResponse, BreakdownState, Breakdown<NpsResult>, BreakdownAccumulator<NpsResult>> {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final FeedbackBreakdown<NpsResult> BREAKDOWN = FeedbackBreakdown.custom(NetPromoterScore.ofDefaults())
            .groupBy(GroupKeys.channel()).per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")).minimumN(5).build();

    @Override
    protected BreakdownAccumulator<NpsResult> newAccumulator() {
        return BREAKDOWN.accumulator();
    }

    @Override
    protected BreakdownAccumulator<NpsResult> restore(BreakdownState state) {
        return BREAKDOWN.accumulator(state);
    }

    @Override
    protected Gen<FeedbackResponse> values() {
        return integers().between(-1, 10).zip(integers().between(0, 2), integers().between(0, 5 * 7 * 24),
                (score, channel, hour) -> {
                    boolean csat = score < 0;
                    FeedbackResponse.Builder builder = FeedbackResponse.builder(CustomerId.of("c" + hour),
                            START.plus(hour, ChronoUnit.HOURS), "s", csat ? FeedbackScale.CSAT : FeedbackScale.NPS,
                            csat ? 4 : score);
                    if (channel > 0) {
                        builder.touchpoint(Touchpoint.of("t" + channel, "T", channel == 1 ? Channel.WEB : Channel.PHONE));
                    }
                    return builder.build();
                });
    }

    @Override
    protected Class<BreakdownState> stateType() {
        return BreakdownState.class;
    }
}
