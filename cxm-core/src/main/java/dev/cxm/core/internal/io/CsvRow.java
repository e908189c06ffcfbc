package dev.cxm.core.internal.io;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The cells of one CSV row, as ranges of characters (of the reader's buffer, or of an array of their own for
 * a quoted cell with doubled quotes): a cell becomes a string only when a field keeps it as one, and is
 * checked or parsed in place otherwise. Valid until the next row is read.
 */
public final class CsvRow {

    private int count;
    private char[][] arrays = new char[32][];
    private int[] starts = new int[32];
    private int[] ends = new int[32];

    /** Starts a new row. */
    void clear() {
        count = 0;
    }

    /** Adds the cell in {@code [start, end)} of {@code chars}. */
    void add(char[] chars, int start, int end) {
        if (count == starts.length) {
            arrays = Arrays.copyOf(arrays, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        arrays[count] = chars;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /**
     * Returns how many cells the row has.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * Returns the array that holds the cell.
     *
     * @param cell the cell's index
     * @return the array; the cell is {@link #start}..{@link #end} of it
     */
    public char[] chars(int cell) {
        return arrays[cell];
    }

    /**
     * Returns where the cell starts in its array.
     *
     * @param cell the cell's index
     * @return the index of its first character
     */
    int start(int cell) {
        return starts[cell];
    }

    /**
     * Returns where the cell ends in its array.
     *
     * @param cell the cell's index
     * @return the index after its last character
     */
    int end(int cell) {
        return ends[cell];
    }

    /**
     * Returns the cell's text as it is in the file (quotes and doubled quotes resolved).
     *
     * @param cell the cell's index
     * @return the text
     */
    public String raw(int cell) {
        return new String(arrays[cell], starts[cell], ends[cell] - starts[cell]);
    }

    /**
     * Returns whether the cell is empty or only whitespace, as {@link String#isBlank()} says.
     *
     * @param cell the cell's index
     * @return whether it is blank
     */
    public boolean isBlank(int cell) {
        return strippedStart(cell) == ends[cell];
    }

    /**
     * Returns where the cell starts without its leading whitespace (as {@link String#strip()} sees it).
     *
     * @param cell the cell's index
     * @return the index of its first other character, or its end when it has none
     */
    public int strippedStart(int cell) {
        char[] chars = arrays[cell];
        int start = starts[cell];
        int end = ends[cell];
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        return start;
    }

    /**
     * Returns where the cell ends without its trailing whitespace.
     *
     * @param cell the cell's index
     * @param strippedStart {@link #strippedStart} of the cell
     * @return the index after its last other character
     */
    public int strippedEnd(int cell, int strippedStart) {
        char[] chars = arrays[cell];
        int end = ends[cell];
        while (end > strippedStart && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        return end;
    }

    /**
     * Returns the cell's text without surrounding whitespace (as {@link String#strip()} removes it), or null
     * when nothing is left.
     *
     * @param cell the cell's index
     * @return the text, or null
     */
    @Nullable String stripped(int cell) {
        int start = strippedStart(cell);
        int end = strippedEnd(cell, start);
        return start == end ? null : new String(arrays[cell], start, end - start);
    }
}
