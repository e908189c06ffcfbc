package dev.cxm.examples.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.Estimate;

/** How the report writes numbers, the same in text and HTML: fixed decimals in the root locale, "-" for none. */
final class Numbers {

    static final String NONE = "-";

    private Numbers() {}

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String fixed(OptionalDouble value, int decimals) {
        return value.isPresent() ? fixed(value.getAsDouble(), decimals) : NONE;
    }

    /** An instant to the minute, in UTC: {@code 2025-12-31 14:05 UTC}. */
    static String instant(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(instant.atOffset(java.time.ZoneOffset.UTC));
    }

    /** A day of an instant, in UTC: {@code 2025-12-31}. */
    static String day(java.time.Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String money(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String percent(double share) {
        return fixed(100 * share, 1) + "%";
    }

    static String percent(OptionalDouble share) {
        return share.isPresent() ? percent(share.getAsDouble()) : NONE;
    }

    /** An NPS with its sign: {@code +23.4}. */
    static String nps(OptionalDouble score) {
        return score.isPresent() ? String.format(Locale.ROOT, "%+.1f", score.getAsDouble()) : NONE;
    }

    static String interval(Optional<ConfidenceInterval> interval, int decimals) {
        return interval.map(i -> "[" + fixed(i.lower(), decimals) + ", " + fixed(i.upper(), decimals) + "]")
                .orElse(NONE);
    }

    static String percentInterval(Optional<ConfidenceInterval> interval) {
        return interval.map(i -> "[" + fixed(100 * i.lower(), 1) + ", " + fixed(100 * i.upper(), 1) + "]")
                .orElse(NONE);
    }

    static String estimate(Optional<Estimate> estimate, int decimals) {
        return estimate.map(e -> fixed(e.value(), decimals) + " " + interval(e.interval(), decimals)).orElse(NONE);
    }

    /** A duration as a person reads it ({@link TextOut#duration}). */
    static String duration(Duration duration) {
        return TextOut.duration(duration);
    }

    static String duration(Optional<Duration> duration) {
        return duration.map(TextOut::duration).orElse(NONE);
    }
}
