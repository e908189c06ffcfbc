package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TimestampFormatTest {

    @Test
    void readsTheCommonIsoFormsAndPlacesLocalTimesInTheZone() {
        // Oracle: the instants written out by hand from ISO-8601 (Paris is UTC+1 on 1 March 2026).
        TimestampFormat utc = TimestampFormat.isoFlexible(ZoneOffset.UTC);
        assertThat(utc.parse("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(utc.parse("2026-03-01T09:30")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(utc.parse("2026-03-01 09:30:15")).isEqualTo(Instant.parse("2026-03-01T09:30:15Z"));
        assertThat(utc.parse("2026-03-01t09:30:00z")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(utc.parse("2026-03-01T09:30:00+02:00")).isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
        TimestampFormat paris = TimestampFormat.isoFlexible(ZoneId.of("Europe/Paris"));
        assertThat(paris.parse("2026-03-01")).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(paris.parse("2026-03-01T09:30:00Z")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(paris.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void readsAPatternAndSaysWhatWasExpectedWithoutRepeatingTheText() {
        // Oracle: 20260301 in the pattern yyyyMMdd is 1 March 2026, at midnight in the zone.
        TimestampFormat compact = TimestampFormat.of(Optional.of("yyyyMMdd"), ZoneId.of("Europe/Paris"));
        assertThat(compact.parse("20260301")).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThatThrownBy(() -> compact.parse("bob@example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("does not match the time pattern yyyyMMdd");
        assertThatThrownBy(() -> TimestampFormat.isoFlexible(ZoneOffset.UTC).parse("bob@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("bob")
                .hasMessageContaining("is not an ISO-8601 date or date-time");
        assertThatThrownBy(() -> TimestampFormat.pattern("yyyy-MM-dd{", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pattern: \"yyyy-MM-dd{\"");
        assertThatThrownBy(() -> TimestampFormat.isoFlexible(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("zone");
    }

    @Test
    void impossibleDatesAndTimesAreRejectedNotMoved() {
        // Issue 9, item 3. Oracle: the calendar (February 2026 has 28 days, 2024 is a leap year, 2025 is not).
        TimestampFormat iso = TimestampFormat.isoFlexible(ZoneOffset.UTC);
        for (String impossible : new String[] {"2026-02-30", "2025-02-29", "2026-04-31T10:00:00Z", "2026-01-01T24:00"}) {
            assertThatThrownBy(() -> iso.parse(impossible)).as(impossible).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("is not a real date or time of day (such as February 30 or hour 24)");
        }
        assertThat(iso.parse("2024-02-29")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        TimestampFormat european = TimestampFormat.pattern("dd/MM/yyyy HH:mm", ZoneOffset.UTC);
        assertThatThrownBy(() -> european.parse("30/02/2026 10:00")).isInstanceOf(IllegalArgumentException.class);
        assertThat(european.parse("28/02/2026 10:00")).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        // A pattern with a proleptic year (u) reads as one with a year of era (y), also beside a quoted 'y'.
        assertThat(TimestampFormat.pattern("uuuuMMdd", ZoneOffset.UTC).parse("20260301"))
                .isEqualTo(TimestampFormat.pattern("'y:'yyyyMMdd", ZoneOffset.UTC).parse("y:20260301"))
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void localTimesInAGapMoveLaterAndInAnOverlapTakeTheEarlierOffsetAndAreReported() {
        // Issue 9, item 6. Oracle: the tz database; New York springs from 02:00 EST (-05:00) to 03:00 EDT (-04:00)
        // on 2026-03-08 and falls back from 02:00 EDT to 01:00 EST on 2026-11-01.
        TimestampFormat newYork = TimestampFormat.isoFlexible(ZoneId.of("America/New_York"));
        int[] reported = {0};
        Runnable count = () -> reported[0]++;

        assertThat(newYork.parse("2026-03-08 02:30", count)).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(newYork.parse("2026-11-01 01:30", count)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(reported[0]).isEqualTo(2);
        assertThat(newYork.parse("2026-11-01 03:30", count)).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
        assertThat(newYork.parse("2026-11-01T01:30:00-05:00", count)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(newYork.parse("2026-03-08", count)).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(TimestampFormat.isoFlexible(ZoneOffset.ofHours(2)).parse("2026-11-01 01:30", count))
                .isEqualTo(Instant.parse("2026-10-31T23:30:00Z"));
        assertThat(reported[0]).isEqualTo(2);
    }
}
