package dev.cxm.metrics.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.time.CalendarPeriod;

/** The indexer against java.time: the local date of the instant in the zone, truncated to its period. */
class PeriodIndexerTest {

    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
            "UTC", "Pacific/Apia"};

    @Test
    void agreesWithJavaTimeForInstantsInAnyOrderOverThreeCenturies() {
        qt().withFixedSeed(71).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
            for (CalendarPeriod period : CalendarPeriod.values()) {
                PeriodIndexer indexer = new PeriodIndexer(period, zone);
                for (int i = 0; i < 300; i++) {
                    long seconds = random.nextLong(-3_800_000_000L, 5_600_000_000L);
                    Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
                    LocalDate date = instant.atZone(zone).toLocalDate();
                    LocalDate start = switch (period) {
                        case DAY -> date;
                        case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        case MONTH -> date.withDayOfMonth(1);
                        // Independent of IsoFields: months 1-3, 4-6, 7-9 and 10-12.
                        case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
                    };
                    int index = indexer.indexOf(instant);
                    assertThat(indexer.startDate(index)).as("%s in %s", instant, zone).isEqualTo(start);
                    assertThat(indexer.start(index)).isEqualTo(start.atStartOfDay(zone).toInstant());
                }
            }
        });
    }
}
