package dev.cxm.core.internal.io;

import java.util.ArrayList;
import java.util.List;

import dev.cxm.core.io.MissingColumnException;

/**
 * The header rules shared by cxm-metrics' CSV readers of subject, text and driver files: a byte-order mark is
 * not part of the first name, names are distinct, and a configured column that is missing is a
 * {@link MissingColumnException} naming the setting.
 */
public final class CsvHeaders {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvHeaders() {}

    /**
     * Returns the header's names without a byte-order mark before the first, checked to be distinct.
     *
     * @param names the header's cells, stripped
     * @return the names
     * @throws IllegalArgumentException naming the two columns that share a name
     */
    public static List<String> distinct(List<String> names) {
        List<String> header = new ArrayList<>(names);
        if (!header.isEmpty() && !header.get(0).isEmpty() && header.get(0).charAt(0) == BYTE_ORDER_MARK) {
            header.set(0, header.get(0).substring(1));
        }
        for (int j = 0; j < header.size(); j++) {
            int first = header.indexOf(header.get(j));
            if (first < j) {
                throw new IllegalArgumentException("header: columns " + (first + 1) + " and " + (j + 1)
                        + " are both named \"" + header.get(j) + "\"; column names must be distinct");
            }
        }
        return List.copyOf(header);
    }

    /**
     * Returns where a configured column stands in the header.
     *
     * @param header the header's names
     * @param name the column's name as configured
     * @param setting the reader's setting that names it, for the message
     * @return the column's index, from 0
     * @throws MissingColumnException when the header has no such column
     */
    public static int column(List<String> header, String name, String setting) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new MissingColumnException(setting, name, header);
        }
        return index;
    }
}
