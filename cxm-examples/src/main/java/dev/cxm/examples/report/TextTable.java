package dev.cxm.examples.report;

import java.util.ArrayList;
import java.util.List;

import dev.cxm.examples.cli.common.TextOut;

/**
 * A table for a terminal: a header and rows of cells, each column as wide as its widest cell (at most {@link
 * #MAX_CELL} characters, a longer cell cut with {@code ...}), text columns aligned left and number columns right.
 * Every cell is escaped as {@link TextOut#escape} does, since cells come from the data.
 */
final class TextTable {

    /** The widest a cell is shown. */
    static final int MAX_CELL = 72;

    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header, boolean[] rightAligned) {
        this.header = header;
        this.rightAligned = rightAligned;
    }

    /**
     * Starts a table; a column whose name starts with {@code >} is aligned right (the mark is not shown).
     */
    static TextTable of(String... columns) {
        List<String> names = new ArrayList<>();
        boolean[] right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            names.add(right[i] ? columns[i].substring(1) : columns[i]);
        }
        return new TextTable(names, right);
    }

    /** Adds a row of as many cells as there are columns. */
    TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("cells: " + cells.length + " for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            String text = TextOut.escape(String.valueOf(cell));
            row.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 3) + "..." : text);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Returns the table's lines, each indented by {@code indent} and ending in a line break. */
    String render(String indent) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, indent, header, widths);
        for (List<String> row : rows) {
            line(text, indent, row, widths);
        }
        return text.toString();
    }

    private void line(StringBuilder text, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(rightAligned[i] ? pad + cell : cell + pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
