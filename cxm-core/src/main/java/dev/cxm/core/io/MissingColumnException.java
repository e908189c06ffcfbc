package dev.cxm.core.io;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * A column a CSV reader is configured with is not in the file's header. It names the reader's setting, so that
 * a caller can point at its own option for it (a command-line flag, a configuration key); the message lists the
 * header's column names, never a row's cells.
 */
public final class MissingColumnException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The reader's setting that names the column, such as {@code durationColumn}. */
    private final String setting;
    /** The column's name as configured. */
    private final String column;

    /**
     * Creates the exception.
     *
     * @param setting the reader's setting that names the column, such as {@code durationColumn}
     * @param column the column's name as configured
     * @param header the header's column names
     */
    public MissingColumnException(String setting, String column, List<String> header) {
        super("column \"" + Checks.present("column", column) + "\" (" + Checks.present("setting", setting)
                + ") is not in the header; the columns are " + Checks.present("header", header));
        this.setting = setting;
        this.column = column;
    }

    /**
     * Returns the reader's setting that names the column, such as {@code durationColumn} or {@code textColumn}.
     *
     * @return the setting
     */
    public String setting() {
        return setting;
    }

    /**
     * Returns the column's name as configured.
     *
     * @return the column's name
     */
    public String column() {
        return column;
    }
}
