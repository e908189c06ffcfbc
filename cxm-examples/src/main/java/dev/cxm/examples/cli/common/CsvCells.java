package dev.cxm.examples.cli.common;

/**
 * Cells of the CSV files the commands write. A text cell that comes from the data (a customer id) and starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would run as a formula when
 * the file is opened in a spreadsheet, so it gets a leading single quote, as OWASP advises against CSV
 * injection, unless {@code --raw-csv} asks for the data as it is. Numbers the command writes itself go
 * through {@link #number} and are never changed: a negative number is data, not a formula. A cell with a
 * separator, a quote or a line break is quoted.
 */
public final class CsvCells {

    private final boolean raw;

    private CsvCells(boolean raw) {
        this.raw = raw;
    }

    /**
     * Returns the cells of a file written with or without {@code --raw-csv}.
     *
     * @param raw whether text cells are written as they are
     * @return the cells
     */
    public static CsvCells of(boolean raw) {
        return new CsvCells(raw);
    }

    /**
     * Returns a text cell from the data: neutralised unless raw, then quoted where needed.
     *
     * @param text the text
     * @return the cell
     */
    public String text(String text) {
        return quoted(raw || !startsAFormula(text) ? text : "'" + text);
    }

    /**
     * Returns a number the command computed, as Java writes it ({@code -0.5}, {@code 1.0E-5}); never changed.
     *
     * @param value the number
     * @return the cell
     */
    public static String number(double value) {
        return Double.toString(value);
    }

    /**
     * Returns a whole number the command computed; never changed.
     *
     * @param value the number
     * @return the cell
     */
    public static String number(long value) {
        return Long.toString(value);
    }

    /** Returns whether a spreadsheet would read {@code text} as the start of a formula. */
    static boolean startsAFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
