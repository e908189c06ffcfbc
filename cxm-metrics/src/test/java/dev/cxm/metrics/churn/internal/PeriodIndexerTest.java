package dev.cxm.metrics.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
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

    /** The indexer's table margin around an instant outside it (PeriodIndexer.MARGIN_SECONDS). */
    private static final long MARGIN_SECONDS = 4L * 366 * 86_400;

    @Test
    void aTransitionAtEitherEdgeOfTheTableTakesItsNewOffset() {
        // Oracle: java.time's local date of the transition instant (and of the second before it). The first query
        // places the transition exactly at the table's upper bound, or as the table's first entry. Sao Paulo's
        // summer time ended at local midnight, so there the two offsets give different days.
        int crossings = 0;
        for (String name : new String[] {"America/Sao_Paulo", "Europe/Berlin", "Asia/Beirut"}) {
            ZoneId zone = ZoneId.of(name);
            ZoneRules rules = zone.getRules();
            for (ZoneOffsetTransition t = rules.nextTransition(Instant.parse("1990-01-01T00:00:00Z"));
                    t != null && t.getInstant().isBefore(Instant.parse("2020-01-01T00:00:00Z"));
                    t = rules.nextTransition(t.getInstant())) {
                long at = t.toEpochSecond();
                for (long first : new long[] {at - MARGIN_SECONDS, at + MARGIN_SECONDS - 1}) {
                    PeriodIndexer indexer = new PeriodIndexer(CalendarPeriod.DAY, zone);
                    indexer.indexOf(Instant.ofEpochSecond(first));
                    LocalDate date = t.getInstant().atZone(zone).toLocalDate();
                    assertThat(indexer.startDate(indexer.indexOf(t.getInstant()))).as("%s in %s", t, zone)
                            .isEqualTo(date);
                    if (!t.getDateTimeBefore().toLocalDate().equals(date)) {
                        crossings++;
                    }
                }
            }
        }
        assertThat(crossings).as("transitions whose two offsets fall on different days").isPositive();
    }

    @Test
    void numbersLocalDatesIncludingTheLastDayOfA400YearEra() {
        // Oracle: java.time's year and month of the date (12 * year + month - 1) and the truncation by hand.
        for (String text : new String[] {"2000-02-29", "1600-02-29", "2000-03-01", "1999-12-31", "1970-01-01",
                "1969-12-31", "2400-02-29", "2024-02-29"}) {
            LocalDate date = LocalDate.parse(text);
            int month = 12 * date.getYear() + date.getMonthValue() - 1;
            assertThat(new PeriodIndexer(CalendarPeriod.MONTH, ZoneId.of("UTC")).indexOf(date)).as(text)
                    .isEqualTo(month);
            assertThat(new PeriodIndexer(CalendarPeriod.QUARTER, ZoneId.of("UTC")).indexOf(date))
                    .isEqualTo(Math.floorDiv(month, 3));
            assertThat(new PeriodIndexer(CalendarPeriod.DAY, ZoneId.of("UTC")).indexOf(date))
                    .isEqualTo((int) date.toEpochDay());
            PeriodIndexer months = new PeriodIndexer(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
            assertThat(months.indexOf(date.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant())).isEqualTo(month);
        }
    }
}
