package dev.cxm.core.internal.io;

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

/** Reads a timestamp cell as an {@link Instant}: ISO-8601 in its common forms, or a given pattern. */
final class TimestampParser {

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

    TimestampParser(Optional<String> pattern, ZoneId zone) {
        this.formatter = pattern.map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT)).orElse(ISO_FLEXIBLE);
        this.expectation = pattern.map(p -> "does not match the time pattern " + p)
                .orElse("is not an ISO-8601 date or date-time such as 2026-03-01T09:30:00Z");
        this.zone = zone;
    }

    /** Parses {@code text}, placing a local date or date-time in the zone. */
    Instant parse(String text) {
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
