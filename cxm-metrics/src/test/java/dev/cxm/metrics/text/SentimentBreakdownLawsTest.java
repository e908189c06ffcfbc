package dev.cxm.metrics.text;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.ZoneId;
import java.util.List;

import org.quicktheories.core.Gen;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.metrics.time.CalendarPeriod;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for the sentiment breakdown by channel and ISO week in Berlin, over comments and call
 * transcripts (blank ones included) on two channels and dates across three weeks. The oracle of each law is the
 * same texts added to one accumulator; results compare exactly (whole-number state).
 */
class SentimentBreakdownLawsTest extends AccumulatorLaws<CustomerText, SentimentBreakdownState,
        SentimentBreakdownResult, SentimentBreakdownAccumulator> {

    private static final SentimentBreakdown BREAKDOWN = SentimentBreakdown.custom().groupBy(GroupKeys.channel())
            .per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")).minimumN(2).build();
    private static final List<String> TEXTS = List.of("The agent was not helpful at all!!", "great service :)",
            "", "   ", "Waited 40 minutes. TERRIBLE.", "ok I guess", "no problems, thanks", "kind of slow but friendly");
    private static final List<String> DAYS = List.of("2026-02-22T23:30:00Z", "2026-02-24T09:00:00Z",
            "2026-03-01T23:30:00Z", "2026-03-09T12:00:00Z");

    @Override
    protected SentimentBreakdownAccumulator newAccumulator() {
        return BREAKDOWN.accumulator();
    }

    @Override
    protected SentimentBreakdownAccumulator restore(SentimentBreakdownState state) {
        return BREAKDOWN.accumulator(state);
    }

    @Override
    protected Gen<CustomerText> values() {
        return integers().between(0, TEXTS.size() - 1).zip(integers().between(0, DAYS.size() * 4 - 1), (text, where) -> {
            Touchpoint touchpoint = where % 2 == 0 ? Texts.WEB : Texts.PHONE;
            String day = DAYS.get(where / 4);
            String id = "e" + text + "-" + where;
            return where % 4 < 2 ? CustomerText.of(Texts.call(id, day, touchpoint), TEXTS.get(text))
                    : CustomerText.of(Texts.comment(id, 7, "x", day, touchpoint), TEXTS.get(text));
        });
    }

    @Override
    protected Class<SentimentBreakdownState> stateType() {
        return SentimentBreakdownState.class;
    }
}
