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
}
