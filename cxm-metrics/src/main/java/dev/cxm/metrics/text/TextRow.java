package dev.cxm.metrics.text;

import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * One row of a file of texts, as {@link TextCsv} reads it.
 *
 * <p>The text is personal data: {@link #toString()} shows the row number and the text's length, never the text.
 *
 * @param row the row's number, from 1 after the header
 * @param id the row's id, when the reader has an id column
 * @param text the text, stripped of leading and trailing whitespace (may be empty)
 * @param group the row's group, when the reader has a group column
 */
public record TextRow(long row, Optional<String> id, String text, Optional<String> group) {

    /**
     * Validates the row.
     *
     * @param row the row's number, from 1 after the header
     * @param id the row's id, when the reader has an id column
     * @param text the text (may be empty)
     * @param group the row's group, when the reader has a group column
     * @throws IllegalArgumentException when the row number is below 1
     */
    public TextRow {
        if (row < 1) {
            throw new IllegalArgumentException("row: " + row + " is below 1; rows are numbered from 1");
        }
        Checks.present("id", id);
        Checks.present("text", text);
        Checks.present("group", group);
    }

    /**
     * Returns the row number and the text's length, never the text.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TextRow[row " + row + ", " + text.length() + " characters]";
    }
}
