package dev.cxm.examples.cli.common;

import dev.cxm.core.io.ImportReport;

/** How a text report lists an import's rejected rows: each listed one on a line, then how many more were only counted. */
public final class RejectedRows {

    private RejectedRows() {}

    /**
     * Prints the rejected rows the report lists, and a note of those it only counts.
     *
     * @param out where to print
     * @param report the import's report
     */
    public static void print(TextOut out, ImportReport report) {
        report.rejected().forEach(row -> out.println("  " + row));
        if (report.rejectedNotListed() > 0) {
            out.printf("  ... and %,d more rejected rows, counted but not listed (the first %,d are)%n",
                    report.rejectedNotListed(), report.rejected().size());
        }
    }
}
