package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.internal.io.IsoTimestamps;

/**
 * {@link TimestampFormat#isoFlexible} reads the common ISO-8601 forms without a formatter. The oracle is
 * java.time itself: the formatter the class documents (ISO local date, optional {@code T} or space, ISO local
 * time, optional offset; case-insensitive, strict resolver), its {@code parseBest} and
 * {@code LocalDateTime.atZone}, written out again here. For random texts in and around the common forms
 * (impossible dates, hour 24, second 60, ten fraction digits, offsets of 18 hours, lower-case letters,
 * separators missing or doubled), both give the same instant to the nanosecond, the same daylight-saving
 * report, or both refuse with the same message.
 */
class TimestampFastPathTest {

    private static final DateTimeFormatter ORACLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneOffset.ofHoursMinutes(5, 30),
            ZoneOffset.ofHours(-8), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"));
    private static final String SEPARATORS = "Tt  xT";
    private static final List<String> OFFSETS = List.of("", "", "Z", "z", "+01:00", "-05:00", "+05:30", "-00:00",
            "+00:00", "+17:59", "+18:00", "-18:00", "+19:00", "+01:60", "+1:00", "+01", "+0100", "+01:00:00", "Zz", "Z ");

    /** What the java.time reading gives: an instant and whether it reported a transition, or the refusal. */
    private record Outcome(Instant instant, boolean daylightSaving, String refusal) {}

    private static Outcome oracle(String text, ZoneId zone) {
        TemporalAccessor parsed;
        try {
            parsed = ORACLE.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
        } catch (DateTimeParseException e) {
            return new Outcome(null, false, e.getCause() != null
                    ? "is not a real date or time of day (such as February 30 or hour 24)"
                    : "is not an ISO-8601 date or date-time such as 2026-03-01T09:30:00Z");
        }
        if (parsed instanceof ZonedDateTime zoned) {
            return new Outcome(zoned.toInstant(), false, null);
        }
        if (parsed instanceof OffsetDateTime offset) {
            return new Outcome(offset.toInstant(), false, null);
        }
        if (parsed instanceof LocalDateTime local) {
            boolean transition = !zone.getRules().isFixedOffset() && zone.getRules().getTransition(local) != null;
            return new Outcome(local.atZone(zone).toInstant(), transition, null);
        }
        return new Outcome(((LocalDate) parsed).atStartOfDay(zone).toInstant(), false, null);
    }

    private static Outcome tested(String text, ZoneId zone) {
        boolean[] reported = {false};
        try {
            Instant instant = TimestampFormat.isoFlexible(zone).parse(text, () -> reported[0] = true);
            return new Outcome(instant, reported[0], null);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, reported[0], e.getMessage());
        }
    }

    private static String two(int value) {
        return value < 10 && value >= 0 ? "0" + value : Integer.toString(value);
    }

    /** A timestamp in or near the common forms, its parts drawn around their limits. */
    private static String timestamp(long seed) {
        Random random = new Random(seed);
        int year = random.nextInt(8) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(50);
        StringBuilder text = new StringBuilder();
        text.append(random.nextInt(30) == 0 ? Integer.toString(year) : String.format(Locale.ROOT, "%04d", year));
        text.append('-').append(two(random.nextInt(14))).append('-').append(two(random.nextInt(33)));
        if (random.nextInt(6) == 0) {
            return text.toString();
        }
        char separator = SEPARATORS.charAt(random.nextInt(SEPARATORS.length()));
        text.append(separator);
        if (random.nextInt(40) == 0) {
            text.append(separator);
        }
        text.append(two(random.nextInt(25))).append(':').append(two(random.nextInt(61)));
        if (random.nextInt(5) > 0) {
            text.append(':').append(two(random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.');
                int digits = random.nextInt(11);
                for (int i = 0; i < digits; i++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
        }
        text.append(OFFSETS.get(random.nextInt(OFFSETS.size())));
        return text.toString();
    }

    @Test
    void commonFormsReadExactlyAsJavaTimeReadsThem() {
        qt().withExamples(5_000).forAll(longs().all(), integers().between(0, ZONES.size() - 1))
                .checkAssert((seed, zone) -> {
                    String text = timestamp(seed);
                    ZoneId in = ZONES.get(zone);
                    assertThat(tested(text, in)).as("%s in %s", text, in).isEqualTo(oracle(text, in));
                });
    }

    @Test
    void everySecondOfFourCenturiesReadsAsJavaTimeReadsIt() {
        // Instants drawn from 1900 to 2300 (a whole leap cycle, its 100- and 400-year rules included), written as
        // Instant.toString writes them and read back; local forms placed in each zone as java.time places them.
        qt().withExamples(5_000).forAll(longs().between(-2_208_988_800L, 10_413_792_000L),
                integers().between(0, 999_999_999), integers().between(0, ZONES.size() - 1))
                .checkAssert((second, nano, zone) -> {
                    Instant instant = Instant.ofEpochSecond(second, nano);
                    ZoneId in = ZONES.get(zone);
                    String utc = instant.toString();
                    String local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
                    assertThat(tested(utc, in).instant()).as(utc).isEqualTo(instant);
                    assertThat(tested(local, in)).as("%s in %s", local, in).isEqualTo(oracle(local, in));
                    assertThat(tested(local.substring(0, 10), in)).isEqualTo(oracle(local.substring(0, 10), in));
                });
    }

    @Test
    void theCommonFormsAreReadWithoutTheFormatter() {
        // The shortcut answers for the forms an export usually has (null would mean: ask the formatter).
        for (String text : List.of("2026-03-01T09:30:00Z", "2026-03-01T09:30:00.123Z", "2026-03-01T10:30:00+01:00",
                "2026-03-01 09:30:00", "2026-03-01T09:30", "2026-03-01")) {
            assertThat(IsoTimestamps.parse(text, ZoneOffset.UTC, ZoneOffset.UTC, () -> { })).as(text)
                    .isEqualTo(oracle(text, ZoneOffset.UTC).instant());
            assertThat(IsoTimestamps.parse(text, ZoneId.of("Europe/Berlin"), null, () -> { })).as(text)
                    .isEqualTo(oracle(text, ZoneId.of("Europe/Berlin")).instant());
        }
    }

    @Test
    void yearsWhoseCenturyOrYearOfCenturyIsZeroAreReadWithoutTheFormatter() {
        // IsoTimestamps reads every year 0000 to 9999 itself (its Javadoc); the years whose two halves are 00
        // are its edges. Expected: a value (not null, which would mean "ask the formatter"), java.time's.
        for (String year : List.of("0000", "0001", "0050", "0099", "0100", "1900", "2000", "2100", "9900", "9999")) {
            for (String text : List.of(year + "-03-01", year + "-02-28T23:59:59.5Z", year + "-12-31 10:00+01:00")) {
                assertThat(IsoTimestamps.parse(text, ZoneOffset.UTC, ZoneOffset.UTC, () -> { })).as(text)
                        .isNotNull().isEqualTo(oracle(text, ZoneOffset.UTC).instant());
            }
            String instant = year + "-06-15T12:00:00Z";
            char[] chars = instant.toCharArray();
            assertThat(IsoTimestamps.parseInstant(chars, 0, chars.length)).as(instant)
                    .isEqualTo(oracle(instant, ZoneOffset.UTC).instant());
        }
    }

    @Test
    void offsetsOfZeroToSeventeenHoursAndZeroToFiftyNineMinutesAreReadWithoutTheFormatter() {
        // IsoTimestamps reads offsets below 18 hours itself (its Javadoc): their edges must give a value, not null.
        for (String offset : List.of("+00:00", "-00:00", "+00:30", "-00:59", "+01:00", "+05:59", "+17:00", "-17:59",
                "+17:59", "Z", "z")) {
            String text = "2026-06-15T12:00:00" + offset;
            assertThat(IsoTimestamps.parse(text, ZoneOffset.UTC, ZoneOffset.UTC, () -> { })).as(text)
                    .isNotNull().isEqualTo(oracle(text, ZoneOffset.UTC).instant());
        }
        // The longest common form, 35 characters (nine fraction digits and an offset), and the first and last
        // days of January and December.
        for (String text : List.of("2026-01-31T23:59:59.123456789+01:00", "2026-01-01T00:00:00.000000001-17:59",
                "2026-12-31T23:59:59.999999999Z", "2026-01-01")) {
            assertThat(IsoTimestamps.parse(text, ZoneOffset.UTC, ZoneOffset.UTC, () -> { })).as(text)
                    .isNotNull().isEqualTo(oracle(text, ZoneOffset.UTC).instant());
        }
    }

    @Test
    void aTimestampInsideALargerArrayIsReadAsItsOwnText() {
        // A CSV cell or a JSON string is read where it lies in the reader's buffer: the characters around it are
        // not the timestamp's. Expected: a value (not null), java.time's value of the text alone.
        for (String text : List.of("2026-03-01", "2026-03-01T09:30", "2026-03-01 09:30:15.5", "2026-03-01T09:30:00Z",
                "2026-03-01T09:30:00.123456789+05:30")) {
            for (int offset : new int[] {1, 7, 40}) {
                char[] chars = ("9".repeat(offset) + text + "9,T:Z").toCharArray();
                assertThat(IsoTimestamps.parse(chars, offset, offset + text.length(), ZoneOffset.UTC, ZoneOffset.UTC,
                        () -> { })).as("%s at %d", text, offset).isNotNull()
                        .isEqualTo(oracle(text, ZoneOffset.UTC).instant());
                // A text too short to be an instant, at the very end of the characters, is none (null).
                char[] shortAtEnd = ("9".repeat(offset) + "2026Z").toCharArray();
                assertThat(IsoTimestamps.parseInstant(shortAtEnd, offset, shortAtEnd.length)).isNull();
                if (text.endsWith("Z")) {
                    assertThat(IsoTimestamps.parseInstant(chars, offset, offset + text.length()))
                            .as("%s at %d", text, offset).isEqualTo(oracle(text, ZoneOffset.UTC).instant());
                }
            }
        }
    }

    @Test
    void theEdgesOfTheFastFormsAgreeWithJavaTime() {
        // Each text sits on a boundary of the forms read without the formatter; expected: what java.time gives.
        List<String> edges = List.of("0000-01-01", "9999-12-31T23:59:59.999999999Z", "2000-02-29", "1900-02-29",
                "2100-02-29T00:00", "2024-02-29 23:59:59", "2026-01-01T24:00", "2026-01-01T23:60",
                "2026-01-01T23:59:60Z", "2026-01-01T10:00:00.", "2026-01-01T10:00:00.1234567890Z",
                "2026-01-01T10:00.5", "2026-01-0110:00", "2026-01-01T 10:00", "+2026-01-01", "2026-1-01",
                "2026-01-01T10:00:00+18:00", "2026-01-01T10:00:00-18:00", "2026-01-01T10:00:00+17:59",
                "2026-01-01t10:00:00z", "2026-03-29 02:30", "2026-10-25 02:30", "\u0662\u0660\u0662\u0666-01-01");
        for (String text : edges) {
            for (ZoneId zone : ZONES) {
                assertThat(tested(text, zone)).as("%s in %s", text, zone).isEqualTo(oracle(text, zone));
            }
        }
    }
}
