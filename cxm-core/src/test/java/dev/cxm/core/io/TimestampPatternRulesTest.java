package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Timestamps read with a pattern. Oracle: java.time ({@code LocalDateTime.atZone} and the zone's rules) on the
 * values written by hand, and the rules of {@link TimestampFormat}'s Javadoc: a pattern is the only form read
 * (an ISO text is refused under another pattern); a year of era ({@code y}) is read in the current era unless
 * the text gives the era ({@code G}; an optional era the text leaves out is the current one); a proleptic
 * year ({@code u}) is read as written, year 0 and before too (java.time's ISO calendar: year 0 is 1 BC, year -4
 * is 5 BC); a local time in a daylight-saving gap or overlap is reported.
 */
class TimestampPatternRulesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aPatternIsTheOnlyFormRead() {
        TimestampFormat dayFirst = TimestampFormat.pattern("dd/MM/yyyy HH:mm", ZoneOffset.UTC);

        assertThat(dayFirst.parse("05/01/2026 10:30")).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 30)
                .toInstant(ZoneOffset.UTC));
        assertThatThrownBy(() -> dayFirst.parse("2026-01-05T10:30:00Z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("does not match the time pattern dd/MM/yyyy HH:mm");
        assertThat(TimestampFormat.isoFlexible(ZoneOffset.UTC).parse("2026-01-05T10:30:00Z"))
                .isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 30).toInstant(ZoneOffset.UTC));
    }

    @Test
    void aYearOfEraIsInTheCurrentEraUnlessThePatternReadsTheEra() {
        LocalDateTime day = LocalDateTime.of(2026, 1, 5, 0, 0);
        assertThat(TimestampFormat.pattern("yyyyMMdd", ZoneOffset.UTC).parse("20260105"))
                .isEqualTo(day.toInstant(ZoneOffset.UTC));
        // A quoted G is a literal, not the era: the year is still in the current era.
        assertThat(TimestampFormat.pattern("'G'yyyyMMdd", ZoneOffset.UTC).parse("G20260105"))
                .isEqualTo(day.toInstant(ZoneOffset.UTC));
        assertThat(TimestampFormat.pattern("'at' yyyy-MM-dd", ZoneOffset.UTC).parse("at 2026-01-05"))
                .isEqualTo(day.toInstant(ZoneOffset.UTC));
        assertThat(TimestampFormat.pattern("uuuu-MM-dd", ZoneOffset.UTC).parse("2026-01-05"))
                .isEqualTo(day.toInstant(ZoneOffset.UTC));
    }

    @Test
    void anEraReadFromTheTextIsKeptAndAnOptionalOneLeftOutIsTheCurrentOne() {
        TimestampFormat optionalEra = TimestampFormat.pattern("yyyy-MM-dd[ G]", ZoneOffset.UTC);
        // The eras' texts are the JDK's for Locale.ROOT, which differ between JDKs ("AD" and "BC" on JDK 17, "CE" and "BCE" on JDK 25):
        // taken from java.time in the same locale.
        DateTimeFormatter era = DateTimeFormatter.ofPattern("G", Locale.ROOT);
        String current = era.format(LocalDate.of(2026, 1, 5));
        String before = era.format(LocalDate.of(-4, 1, 5));

        assertThat(optionalEra.parse("2026-01-05")).isEqualTo(LocalDate.of(2026, 1, 5).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        assertThat(optionalEra.parse("2026-01-05 " + current)).isEqualTo(LocalDate.of(2026, 1, 5)
                .atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(optionalEra.parse("0005-01-05 " + before)).isEqualTo(LocalDate.of(-4, 1, 5).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        assertThat(TimestampFormat.pattern("yyyy-MM-dd G", ZoneOffset.UTC).parse("0005-01-05 " + before))
                .isEqualTo(LocalDate.of(-4, 1, 5).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void aProlepticYearIsReadAsWrittenYearZeroAndBeforeToo() {
        TimestampFormat proleptic = TimestampFormat.pattern("uuuu-MM-dd", ZoneOffset.UTC);

        assertThat(proleptic.parse("0000-01-05")).isEqualTo(LocalDate.of(0, 1, 5).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        assertThat(proleptic.parse("-0005-01-05")).isEqualTo(LocalDate.of(-5, 1, 5).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        // A y inside a quoted literal is not a year of era: the year is still the proleptic one.
        assertThat(TimestampFormat.pattern("'year' uuuu-MM-dd", ZoneOffset.UTC).parse("year 0000-01-05"))
                .isEqualTo(LocalDate.of(0, 1, 5).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void aLocalTimeInAGapOrOverlapIsReported() {
        // Paris in 2026: clocks go from 02:00 to 03:00 on March 29 and from 03:00 back to 02:00 on October 25.
        TimestampFormat paris = TimestampFormat.pattern("yyyy-MM-dd HH:mm", PARIS);
        AtomicInteger reported = new AtomicInteger();

        assertThat(paris.parse("2026-03-29 02:30", reported::incrementAndGet))
                .isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30).atZone(PARIS).toInstant());
        assertThat(reported).hasValue(1);
        paris.parse("2026-10-25 02:30", reported::incrementAndGet);
        assertThat(reported).hasValue(2);
        paris.parse("2026-07-01 02:30", reported::incrementAndGet);
        TimestampFormat.pattern("yyyy-MM-dd HH:mm", ZoneOffset.ofHours(1)).parse("2026-03-29 02:30",
                reported::incrementAndGet);
        assertThat(reported).hasValue(2);
    }
}
