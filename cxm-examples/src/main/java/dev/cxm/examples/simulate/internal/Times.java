package dev.cxm.examples.simulate.internal;

/**
 * Writes instants and durations of whole seconds in ISO-8601, as {@code java.time} prints them, without
 * making a {@code java.time} object per event.
 */
final class Times {

    private Times() {}

    /**
     * Appends {@code epochSecond} as {@code Instant.toString()} does for a whole second, such as
     * {@code 2025-03-02T08:14:05Z} (years 0000..9999).
     */
    static void appendInstant(Ascii out, long epochSecond) {
        long days = Math.floorDiv(epochSecond, WorldModel.DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, WorldModel.DAY);
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
        out.appendPadded(year, 4).append('-').appendPadded(month, 2).append('-').appendPadded(day, 2).append('T')
                .appendPadded(secondOfDay / 3600, 2).append(':').appendPadded(secondOfDay / 60 % 60, 2).append(':')
                .appendPadded(secondOfDay % 60, 2).append('Z');
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
