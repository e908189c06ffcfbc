package dev.cxm.core.internal.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

import org.jspecify.annotations.Nullable;

/**
 * Reads the common ISO-8601 timestamp forms of an import without a {@link java.time.format.DateTimeFormatter}:
 * {@code 2026-03-01}, then optionally {@code T}, {@code t} or a space and {@code 09:30}, optionally
 * {@code :15} and a fraction of one to nine digits, then optionally {@code Z}, {@code z} or {@code +01:00}.
 * Only years 0000 to 9999, real dates and times of day and offsets below 18 hours are read here; for
 * anything else (another form, an impossible date) it answers {@code null}, and the caller parses the text
 * with java.time, which then gives the same instant or the error. So this is a shortcut that never decides
 * differently from the formatter, which the tests check value for value.
 */
public final class IsoTimestamps {

    /** Days from 0000-01-01 to 1970-01-01 in the proleptic ISO calendar. */
    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};

    private static final Runnable NOTHING = () -> { };

    private IsoTimestamps() {}

    /**
     * Reads {@code text} when it is an instant as {@link Instant#toString()} writes it: a date, {@code T}, a time
     * with seconds and an optional fraction, and {@code Z} ({@code 2026-03-01T09:30:00.125Z}); years 0000 to
     * 9999 only.
     *
     * @param text the timestamp
     * @return the instant, or null when the text is not of that form or not a real date or time
     */
    public static @Nullable Instant parseInstant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(10) != 'T' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        return parse(text, ZoneOffset.UTC, ZoneOffset.UTC, NOTHING);
    }

    /**
     * Reads {@code text} when it has one of the common forms, placing a local date or date-time in {@code zone}
     * ({@code fixedOffset} when the zone's offset never changes) as java.time does.
     *
     * @param text the timestamp
     * @param zone the zone of local values
     * @param fixedOffset the zone's only offset, or null when it has transitions
     * @param onDaylightSavingTransition run when a local date-time falls in a gap or overlap of {@code zone}
     * @return the instant, or null when the text is not one of the common forms or not a real date or time
     */
    public static @Nullable Instant parse(String text, ZoneId zone, @Nullable ZoneOffset fixedOffset,
            Runnable onDaylightSavingTransition) {
        int length = text.length();
        if (length < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits4(text, 0);
        int month = digits2(text, 5);
        int day = digits2(text, 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        if (length == 10) {
            return fixedOffset != null ? Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY - fixedOffset.getTotalSeconds())
                    : LocalDate.of(year, month, day).atStartOfDay(zone).toInstant();
        }
        char separator = text.charAt(10);
        if (length < 16 || separator != 'T' && separator != 't' && separator != ' ' || text.charAt(13) != ':') {
            return null;
        }
        int hour = digits2(text, 11);
        int minute = digits2(text, 14);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int second = 0;
        int nano = 0;
        int position = 16;
        if (position < length && text.charAt(position) == ':') {
            if (length < 19 || (second = digits2(text, 17)) < 0 || second > 59) {
                return null;
            }
            position = 19;
            if (position < length && text.charAt(position) == '.') {
                int start = ++position;
                int fraction = 0;
                while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
                    fraction = fraction * 10 + text.charAt(position++) - '0';
                }
                int width = position - start;
                if (width == 0 || position < length && isDigit(text.charAt(position))) {
                    return null;
                }
                nano = fraction * POWERS_OF_TEN[9 - width];
            }
        }
        long secondOfDay = hour * 3_600L + minute * 60L + second;
        if (position == length) {
            if (fixedOffset != null) {
                return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + secondOfDay - fixedOffset.getTotalSeconds(),
                        nano);
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            ZoneRules rules = zone.getRules();
            if (rules.getTransition(local) != null) {
                onDaylightSavingTransition.run();
            }
            return local.atZone(zone).toInstant();
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + secondOfDay - offsetSeconds, nano);
    }

    /**
     * Returns the offset at {@code position} to the end ({@code Z}, {@code z} or {@code +hh:mm} with hours
     * 0..17), in seconds, or {@link Integer#MIN_VALUE} when there is none such.
     */
    private static int offsetSeconds(String text, int position) {
        int length = text.length();
        char sign = text.charAt(position);
        if (sign == 'Z' || sign == 'z') {
            return position + 1 == length ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-' || length != position + 6 || text.charAt(position + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits2(text, position + 1);
        int minutes = digits2(text, position + 4);
        if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Returns the two-digit number at {@code at}, or -1 when either character is not an ASCII digit. */
    private static int digits2(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        return isDigit(tens) && isDigit(ones) ? (tens - '0') * 10 + ones - '0' : -1;
    }

    private static int digits4(String text, int at) {
        int high = digits2(text, at);
        int low = digits2(text, at + 2);
        return high < 0 || low < 0 ? -1 : high * 100 + low;
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The day count java.time's {@code LocalDate.toEpochDay} gives, for years 0 to 9999. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }
}
