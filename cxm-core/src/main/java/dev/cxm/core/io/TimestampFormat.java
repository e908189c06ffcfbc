package dev.cxm.core.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * How a timestamp cell is read as an {@link Instant}: ISO-8601 in its common forms (a date, optionally
 * followed by {@code T} or a space and a time, optionally with an offset or {@code Z}), or a
 * {@link DateTimeFormatter} pattern; a date or date-time without an offset is placed in the zone. The CSV
 * importer and the command line read times through it.
 *
 * <pre>{@code
 * Instant at = TimestampFormat.isoFlexible(ZoneOffset.UTC).parse("2026-03-01 09:30");
 * Instant day = TimestampFormat.pattern("yyyyMMdd", ZoneId.of("Europe/Paris")).parse("20260301");
 * }</pre>
 */
public final class TimestampFormat {

    /** A date, optionally followed ('T' or ' ') by a time and optionally an offset or 'Z'. */
    private static final DateTimeFormatter ISO_FLEXIBLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final DateTimeFormatter formatter;
    private final String expectation;
    private final ZoneId zone;

    private TimestampFormat(DateTimeFormatter formatter, String expectation, ZoneId zone) {
        this.formatter = formatter;
        this.expectation = expectation;
        this.zone = Checks.present("zone", zone);
    }

    /** Returns the ISO-8601 format in its common forms, placing local times in {@code zone}. */
    public static TimestampFormat isoFlexible(ZoneId zone) {
        return new TimestampFormat(ISO_FLEXIBLE, "is not an ISO-8601 date or date-time such as 2026-03-01T09:30:00Z",
                zone);
    }

    /**
     * Returns the format of a {@link DateTimeFormatter} {@code pattern} (such as {@code yyyyMMdd}), placing
     * local times in {@code zone}.
     *
     * @throws IllegalArgumentException naming the pattern when it is not a date-time pattern
     */
    public static TimestampFormat pattern(String pattern, ZoneId zone) {
        Checks.nonBlank("pattern", pattern);
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pattern: \"" + pattern + "\" is not a date-time pattern: "
                    + e.getMessage(), e);
        }
        return new TimestampFormat(formatter, "does not match the time pattern " + pattern, zone);
    }

    /** Returns the format of {@code pattern} when present, else the ISO-8601 one, both in {@code zone}. */
    public static TimestampFormat of(Optional<String> pattern, ZoneId zone) {
        Checks.present("pattern", pattern);
        return pattern.isPresent() ? pattern(pattern.get(), zone) : isoFlexible(zone);
    }

    /** Returns the zone local dates and times are placed in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Parses {@code text}, placing a local date (at its start of day) or date-time in the zone.
     *
     * @throws IllegalArgumentException saying what was expected, without repeating the text (which may be
     *     personal data)
     */
    public Instant parse(String text) {
        Checks.present("text", text);
        try {
            TemporalAccessor parsed = formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from,
                    LocalDateTime::from, LocalDate::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            if (parsed instanceof LocalDateTime local) {
                return local.atZone(zone).toInstant();
            }
            return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(expectation, e);
        }
    }
}
