package dev.cxm.core.io;

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
import java.time.chrono.IsoEra;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.IsoTimestamps;

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
 *
 * <p>Dates are checked strictly ({@link ResolverStyle#STRICT}): {@code 2026-02-30} or a 24th hour is an
 * error, never moved to a real date. A pattern's {@code yyyy} (year of era) counts in the current era unless
 * the text gives the era ({@code G}; an optional era, {@code [ G]}, is the current one where the text has
 * none). Patterns are read in {@link Locale#ROOT}, so {@code G} matches the JDK's era names for that locale,
 * which depend on the JDK's locale data: {@code AD} and {@code BC} on JDK 17, {@code CE} and {@code BCE} on
 * JDK 25.
 *
 * <p>A local date-time that the zone's clocks skip or show twice is placed as {@link LocalDateTime#atZone}
 * does: in a gap (spring forward) it moves later by the length of the gap ({@code 02:30} on the night Berlin
 * springs from 02:00 to 03:00 becomes {@code 03:30+02:00}); in an overlap (fall back) it takes the earlier
 * offset, the summer one ({@code 02:30} on the night Berlin falls back is {@code 02:30+02:00}).
 * {@link #parse(String, Runnable)} says when that happened, so that an import can count such rows.
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
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Runnable NOTHING = () -> { };
    private static final String IMPOSSIBLE = "is not a real date or time of day (such as February 30 or hour 24)";

    private final DateTimeFormatter formatter;
    private final String expectation;
    private final ZoneId zone;
    /** Whether this is the ISO-8601 format, whose common forms are read without the formatter. */
    private final boolean iso;
    /** The zone's only offset, when it has no transitions; else null. */
    private final @Nullable ZoneOffset fixedOffset;

    private TimestampFormat(DateTimeFormatter formatter, String expectation, ZoneId zone) {
        this.formatter = formatter;
        this.expectation = expectation;
        this.zone = Checks.present("zone", zone);
        this.iso = formatter == ISO_FLEXIBLE;
        ZoneRules rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    /**
     * Returns the ISO-8601 format in its common forms, placing local times in {@code zone}.
     *
     * @param zone the zone local values are placed in
     * @return the format
     */
    public static TimestampFormat isoFlexible(ZoneId zone) {
        return new TimestampFormat(ISO_FLEXIBLE, "is not an ISO-8601 date or date-time such as 2026-03-01T09:30:00Z",
                zone);
    }

    /**
     * Returns the format of a {@link DateTimeFormatter} {@code pattern} (such as {@code yyyyMMdd}), placing
     * local times in {@code zone}.
     *
     * @param pattern the pattern
     * @param zone the zone local values are placed in
     * @return the format
     * @throws IllegalArgumentException naming the pattern when it is not a date-time pattern
     */
    public static TimestampFormat pattern(String pattern, ZoneId zone) {
        Checks.nonBlank("pattern", pattern);
        DateTimeFormatter formatter;
        try {
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern(pattern);
            if (hasYearOfEra(pattern)) {
                // A strict resolver needs the era to resolve a year of era; where the text gives none (no G, or
                // an optional one left out), the current era. An era read from the text is kept.
                builder.parseDefaulting(ChronoField.ERA, IsoEra.CE.getValue());
            }
            formatter = builder.toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pattern: \"" + pattern + "\" is not a date-time pattern: "
                    + e.getMessage(), e);
        }
        return new TimestampFormat(formatter, "does not match the time pattern " + pattern, zone);
    }

    /**
     * Returns whether the pattern has the letter {@code y} outside its quoted literals. (Only then is the era
     * defaulted: an era without a year of era would be checked against the year, refusing {@code uuuu}'s year
     * 0 and the years before it.)
     */
    private static boolean hasYearOfEra(String pattern) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'y') {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the format of {@code pattern} when present, else the ISO-8601 one, both in {@code zone}.
     *
     * @param pattern the pattern, if any
     * @param zone the zone local values are placed in
     * @return the format
     * @throws IllegalArgumentException when the pattern is not a date-time pattern
     */
    public static TimestampFormat of(Optional<String> pattern, ZoneId zone) {
        Checks.present("pattern", pattern);
        return pattern.isPresent() ? pattern(pattern.get(), zone) : isoFlexible(zone);
    }

    /**
     * Returns the zone local dates and times are placed in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Parses {@code text}, placing a local date (at its start of day) or date-time in the zone.
     *
     * @param text the timestamp
     * @return the instant
     * @throws IllegalArgumentException saying what was expected, without repeating the text (which may be
     *     personal data)
     */
    public Instant parse(String text) {
        return parse(text, NOTHING);
    }

    /**
     * Parses {@code text} as {@link #parse(String)} does, and runs {@code onDaylightSavingTransition} when the
     * text is a local date-time (no offset, no zone of its own) that falls in a daylight-saving gap or overlap
     * of this format's zone, and so was placed by the rule in the class description.
     *
     * @param text the timestamp
     * @param onDaylightSavingTransition run (on this thread, before returning) for a local time in a gap or
     *     overlap
     * @return the instant
     * @throws IllegalArgumentException saying what was expected, without repeating the text
     */
    public Instant parse(String text, Runnable onDaylightSavingTransition) {
        Checks.present("text", text);
        Checks.present("onDaylightSavingTransition", onDaylightSavingTransition);
        if (iso) {
            // The common forms without the formatter; anything else (or an impossible date) goes through it.
            Instant common = IsoTimestamps.parse(text, zone, fixedOffset, onDaylightSavingTransition);
            if (common != null) {
                return common;
            }
        }
        TemporalAccessor parsed;
        try {
            parsed = formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
        } catch (DateTimeParseException e) {
            // A cause means the text has the form but names no real date or time (February 30, hour 24).
            throw new IllegalArgumentException(e.getCause() != null ? IMPOSSIBLE : expectation, e);
        }
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            noteTransition(zone, local, onDaylightSavingTransition);
            return local.atZone(zone).toInstant();
        }
        return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
    }

    private static void noteTransition(ZoneId zone, LocalDateTime local, Runnable onTransition) {
        ZoneRules rules = zone.getRules();
        if (!rules.isFixedOffset() && rules.getTransition(local) != null) {
            onTransition.run();
        }
    }
}
