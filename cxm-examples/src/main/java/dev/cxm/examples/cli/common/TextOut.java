package dev.cxm.examples.cli.common;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Text output for a person at a terminal: what comes from the data (a group name, a customer id, a column
 * name in a rejected row) is printed with its control characters escaped, so a file cannot move the cursor,
 * clear the screen or forge extra lines. Every argument of {@link #printf} other than a number or a boolean
 * is escaped, and so is every line of {@link #println(String)}; the format strings are the command's own, so
 * their line breaks stay. JSON output does not pass here: Jackson escapes it.
 */
public final class TextOut {

    private final PrintWriter out;

    /**
     * Wraps {@code out}.
     *
     * @param out where the text goes
     */
    public TextOut(PrintWriter out) {
        this.out = out;
    }

    /**
     * Prints {@code format} with {@code args}, each escaped unless it is a number or a boolean.
     *
     * @param format the command's own format
     * @param args the values, some from the data
     * @return this output
     */
    public TextOut printf(String format, Object... args) {
        out.printf(format, escaped(args));
        return this;
    }

    /**
     * Prints {@code format} with {@code args} in {@code locale}, each escaped unless it is a number or a boolean.
     *
     * @param locale the locale of the numbers
     * @param format the command's own format
     * @param args the values, some from the data
     * @return this output
     */
    public TextOut printf(Locale locale, String format, Object... args) {
        out.printf(locale, format, escaped(args));
        return this;
    }

    /**
     * Prints one line: {@code line} escaped, then a line break.
     *
     * @param line the text of the line
     * @return this output
     */
    public TextOut println(String line) {
        out.println(escape(line));
        return this;
    }

    /**
     * Prints a line break.
     *
     * @return this output
     */
    public TextOut println() {
        out.println();
        return this;
    }

    /**
     * Prints text of several lines (a table the library renders), each line escaped, the line breaks kept.
     *
     * @param lines the text
     * @return this output
     */
    public TextOut printLines(String lines) {
        StringBuilder text = new StringBuilder(lines.length());
        int start = 0;
        for (int end = lines.indexOf('\n'); end >= 0; end = lines.indexOf('\n', start)) {
            text.append(escape(lines.substring(start, end))).append('\n');
            start = end + 1;
        }
        text.append(escape(lines.substring(start)));
        out.print(text);
        out.flush();
        return this;
    }

    /**
     * Returns a duration as a person reads it, in its two largest units: {@code 3d 04h}, {@code 2h 05m},
     * {@code 7m 02s}, {@code 41s}.
     *
     * @param duration the duration, not negative
     * @return the text
     */
    public static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= 86_400) {
            return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3_600);
        }
        if (seconds >= 3_600) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3_600, seconds % 3_600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%ds", seconds);
    }

    /**
     * Returns {@code text} with every control character escaped: line feed, carriage return and tab as
     * {@code \n}, {@code \r} and {@code \t}, the other C0 controls, DEL and the C1 controls (U+0080 to
     * U+009F, which some terminals obey) as {@code \}{@code uXXXX}; other characters are kept.
     *
     * @param text the text
     * @return the text, safe to print on one line of a terminal
     */
    public static String escape(String text) {
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                escaped.append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return escaped.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    private static Object[] escaped(Object[] args) {
        Object[] safe = args.clone();
        for (int i = 0; i < safe.length; i++) {
            if (safe[i] != null && !(safe[i] instanceof Number) && !(safe[i] instanceof Boolean)) {
                safe[i] = escape(safe[i].toString());
            }
        }
        return safe;
    }
}
