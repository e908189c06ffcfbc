package dev.cxm.metrics.churn;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.quicktheories.core.Gen;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for cohort retention: monthly recurring cohorts in Europe/Berlin, observed until
 * 2032, over interactions of up to 40 customers spread over ten years (so that some customers are active
 * over more than 64 months and leave the table's 64-period window), some at the very same instants and some
 * after the end. The oracle of each law is the same events added to one accumulator; tables compare exactly,
 * since they hold counts and shares of counts.
 */
class CohortAccumulatorLawsTest
        extends AccumulatorLaws<CustomerEvent, CohortActivity, CohortTable, CohortAccumulator> {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final CohortRetention RETENTION = CohortRetention.custom()
            .period(dev.cxm.metrics.time.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"))
            .basis(CohortBasis.RECURRING).until(Instant.parse("2032-01-01T00:00:00Z")).build();

    @Override
    protected CohortAccumulator newAccumulator() {
        return RETENTION.accumulator();
    }

    @Override
    protected CohortAccumulator restore(CohortActivity state) {
        return RETENTION.accumulator(state);
    }

    @Override
    protected Gen<CustomerEvent> values() {
        // Days 0..3,652 from 2024-01-01, every 7th at the same midnight as others; the last two years lie after
        // the end of observation.
        return integers().between(1, 40).zip(integers().between(0, 3_652), (customer, day) ->
                Interaction.builder(CustomerId.of("c" + customer),
                        START.plus(Duration.ofDays(day)).plus(Duration.ofHours(day % 7 == 0 ? 0 : day % 24)),
                        EventLogs.APP).build());
    }

    @Override
    protected Class<CohortActivity> stateType() {
        return CohortActivity.class;
    }
}
