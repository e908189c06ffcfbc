package dev.cxm.core.io;

import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A row an import could not accept, and why. The reason names the column and the rule, but never repeats
 * a cell's text, which may be personal data in the wrong column.
 *
 * @param line the 1-based line of the input where the row starts
 * @param column the column (CSV header name) or JSON property at fault, when one is
 * @param reason why the row was rejected
 */
public record RejectedRow(long line, Optional<String> column, String reason) {

    /**
     * Validates the rejection.
     *
     * @param line the 1-based line of the input where the row starts; 1 or more
     * @param column the column (CSV header name) or JSON property at fault, when one is
     * @param reason why the row was rejected, naming the rule but never a cell's text; non-blank
     * @throws IllegalArgumentException if {@code line} is below 1 or {@code reason} is blank
     */
    public RejectedRow {
        if (line < 1) {
            throw new IllegalArgumentException("line: " + line + " is not a line number; lines count from 1");
        }
        Checks.present("column", column);
        Checks.nonBlank("reason", reason);
    }

    /** Returns {@code line N[, column C]: reason}, the form the command-line tool prints. */
    @Override
    public String toString() {
        return "line " + line + column.map(c -> ", column " + c).orElse("") + ": " + reason;
    }
}
