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
     * @param chars the characters
     * @param from where the timestamp starts
     * @param to where it ends
     * @return the instant, or null when the text is not of that form or not a real date or time
     */
    public static @Nullable Instant parseInstant(char[] chars, int from, int to) {
        if (to - from < 20 || chars[from + 10] != 'T' || chars[from + 16] != ':' || chars[to - 1] != 'Z') {
            return null;
        }
        return parse(chars, from, to, ZoneOffset.UTC, ZoneOffset.UTC, NOTHING);
    }

    /**
     * Reads {@code text} when it has one of the common forms; see {@link #parse(char[], int, int, ZoneId,
     * ZoneOffset, Runnable)}.
     *
     * @param text the timestamp
     * @param zone the zone of local values
     * @param fixedOffset the zone's only offset, or null when it has transitions
     * @param onDaylightSavingTransition run when a local date-time falls in a gap or overlap of {@code zone}
     * @return the instant, or null when the text is not one of the common forms or not a real date or time
     */
    public static @Nullable Instant parse(String text, ZoneId zone, @Nullable ZoneOffset fixedOffset,
            Runnable onDaylightSavingTransition) {
        // Up to 35 characters make a common form; longer texts go to the formatter without a copy.
        int length = text.length();
        return length < 10 || length > 35 ? null
                : parse(text.toCharArray(), 0, length, zone, fixedOffset, onDaylightSavingTransition);
    }

    /**
     * Reads {@code chars[from, to)} when it has one of the common forms, placing a local date or date-time in
     * {@code zone} ({@code fixedOffset} when the zone's offset never changes) as java.time does.
     *
     * @param chars the characters
     * @param from where the timestamp starts
     * @param to where it ends
     * @param zone the zone of local values
     * @param fixedOffset the zone's only offset, or null when it has transitions
     * @param onDaylightSavingTransition run when a local date-time falls in a gap or overlap of {@code zone}
     * @return the instant, or null when the text is not one of the common forms or not a real date or time
     */
    public static @Nullable Instant parse(char[] chars, int from, int to, ZoneId zone,
            @Nullable ZoneOffset fixedOffset, Runnable onDaylightSavingTransition) {
        int length = to - from;
        if (length < 10 || chars[from + 4] != '-' || chars[from + 7] != '-') {
            return null;
        }
        int year = digits4(chars, from);
        int month = digits2(chars, from + 5);
        int day = digits2(chars, from + 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        if (length == 10) {
            return fixedOffset != null ? Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY - fixedOffset.getTotalSeconds())
                    : LocalDate.of(year, month, day).atStartOfDay(zone).toInstant();
        }
        char separator = chars[from + 10];
        if (length < 16 || separator != 'T' && separator != 't' && separator != ' ' || chars[from + 13] != ':') {
            return null;
        }
        int hour = digits2(chars, from + 11);
        int minute = digits2(chars, from + 14);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int second = 0;
        int nano = 0;
        int position = from + 16;
        if (position < to && chars[position] == ':') {
            if (length < 19 || (second = digits2(chars, from + 17)) < 0 || second > 59) {
                return null;
            }
            position = from + 19;
            if (position < to && chars[position] == '.') {
                int start = ++position;
                int fraction = 0;
                while (position < to && position - start < 9 && isDigit(chars[position])) {
                    fraction = fraction * 10 + chars[position++] - '0';
                }
                int width = position - start;
                if (width == 0 || position < to && isDigit(chars[position])) {
                    return null;
                }
                nano = fraction * POWERS_OF_TEN[9 - width];
            }
        }
        long secondOfDay = hour * 3_600L + minute * 60L + second;
        if (position == to) {
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
        int offsetSeconds = offsetSeconds(chars, position, to);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + secondOfDay - offsetSeconds, nano);
    }

    /**
     * Returns the offset from {@code position} to {@code to} ({@code Z}, {@code z} or {@code +hh:mm} with hours
     * 0..17), in seconds, or {@link Integer#MIN_VALUE} when there is none such.
     */
    private static int offsetSeconds(char[] chars, int position, int to) {
        char sign = chars[position];
        if (sign == 'Z' || sign == 'z') {
            return position + 1 == to ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-' || to != position + 6 || chars[position + 3] != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits2(chars, position + 1);
        int minutes = digits2(chars, position + 4);
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
    private static int digits2(char[] chars, int at) {
        char tens = chars[at];
        char ones = chars[at + 1];
        return isDigit(tens) && isDigit(ones) ? (tens - '0') * 10 + ones - '0' : -1;
    }

    private static int digits4(char[] chars, int at) {
        int high = digits2(chars, at);
        int low = digits2(chars, at + 2);
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
