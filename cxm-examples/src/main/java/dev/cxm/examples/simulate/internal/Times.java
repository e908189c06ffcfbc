package dev.cxm.examples.simulate.internal;

/**
 * Writes instants and durations of whole seconds in ISO-8601, as {@code java.time} prints them, without
 * making a {@code java.time} object per event.
 */
final class Times {

    /** The first day whose text is kept: a month before the world starts. */
    private static final long FIRST_KEPT_DAY = WorldModel.START / WorldModel.DAY - 31;
    /** {@code yyyy-MM-ddT} of every day from a month before the world to a month after it. */
    private static final byte[][] DATES = new byte[(int) ((WorldModel.END - WorldModel.START) / WorldModel.DAY) + 62][];
    /** {@code 00} to {@code 99}. */
    private static final byte[] TWO_DIGITS = new byte[200];

    static {
        for (int i = 0; i < DATES.length; i++) {
            Ascii date = new Ascii(16);
            appendDate(date, FIRST_KEPT_DAY + i);
            DATES[i] = date.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        for (int i = 0; i < 100; i++) {
            TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
            TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private Times() {}

    /**
     * Appends {@code epochSecond} as {@code Instant.toString()} does for a whole second, such as
     * {@code 2025-03-02T08:14:05Z} (years 0000..9999).
     */
    static void appendInstant(Ascii out, long epochSecond) {
        long days = Math.floorDiv(epochSecond, WorldModel.DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, WorldModel.DAY);
        long kept = days - FIRST_KEPT_DAY;
        if (kept >= 0 && kept < DATES.length) {
            out.append(DATES[(int) kept]);
        } else {
            appendDate(out, days);
        }
        int hours = secondOfDay / 3600;
        int minutes = secondOfDay / 60 % 60;
        int seconds = secondOfDay % 60;
        out.appendTwo(TWO_DIGITS, hours).append(':').appendTwo(TWO_DIGITS, minutes).append(':')
                .appendTwo(TWO_DIGITS, seconds).append('Z');
    }

    /** Appends the date of {@code days} since 1970-01-01 and the {@code T}: {@code 2025-03-02T}. */
    private static void appendDate(Ascii out, long days) {
        // Civil date from days since 1970-01-01 (Hinnant, "chrono-Compatible Low-Level Date Algorithms").
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        out.appendPadded(year, 4).append('-').appendPadded(month, 2).append('-').appendPadded(day, 2).append('T');
    }

    /** Appends a duration of whole seconds as {@code Duration.toString()} does: {@code PT0S}, {@code PT7M30S}, {@code PT2H}. */
    static void appendDuration(Ascii out, long seconds) {
        out.append("PT");
        if (seconds == 0) {
            out.append("0S");
            return;
        }
        long hours = seconds / 3600;
        int minutes = (int) (seconds / 60 % 60);
        int secs = (int) (seconds % 60);
        if (hours != 0) {
            out.append(hours).append('H');
        }
        if (minutes != 0) {
            out.append(minutes).append('M');
        }
        if (secs != 0) {
            out.append(secs).append('S');
        }
    }
}
