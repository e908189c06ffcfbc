package dev.cxm.core.io;

import java.io.IOException;
import java.util.List;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.CsvRowReader;
import dev.cxm.core.internal.io.ImportEngine;
import dev.cxm.core.store.EventStore;

/**
 * Imports events from CSV with a header row, each row one event, as a {@link CsvColumnMapping} says.
 *
 * <pre>{@code
 * ImportReport report = CsvEventImporter.ofDefaults(mapping, ImportPolicy.SKIP_AND_REPORT)
 *         .importInto(store, Path.of("feedback.csv"));
 * for (RejectedRow row : report.rejected()) {
 *     row.line();     // 17
 *     row.column();   // Optional[score]
 *     row.reason();   // the value is not an integer
 * }
 * CsvEventImporter quiet = CsvEventImporter.custom(mapping, ImportPolicy.SKIP_AND_REPORT)
 *         .rejectedRowLimit(100)
 *         .build();
 * }</pre>
 *
 * <p>Rows without an event id column get a deterministic id derived from their line number and cells, so
 * importing the same file twice stores its events once.
 *
 * @param mapping how columns become event fields
 * @param policy what to do with a bad row
 * @param batchSize rows stored per atomic append, 1 or more ({@value #DEFAULT_BATCH_SIZE} unless set)
 * @param rejectedRowLimit rejected rows listed in full in the report, 0 or more
 *     ({@value #DEFAULT_REJECTED_ROW_LIMIT} unless set); the rest are only counted
 */
public record CsvEventImporter(CsvColumnMapping mapping, ImportPolicy policy, int batchSize, int rejectedRowLimit)
        implements EventImporter {

    /** Rows stored per atomic append unless set otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    /** Rejected rows an import lists in full unless set otherwise; it counts the rest. */
    public static final int DEFAULT_REJECTED_ROW_LIMIT = 1_000;

    /**
     * Validates the settings.
     *
     * @param mapping how columns become event fields
     * @param policy what to do with a bad row
     * @param batchSize rows stored per atomic append, 1 or more
     * @param rejectedRowLimit rejected rows listed in full in the report, 0 or more; the rest are only counted
     * @throws IllegalArgumentException when the batch size is not positive or the limit is negative
     */
    public CsvEventImporter {
        Checks.present("mapping", mapping);
        Checks.present("policy", policy);
        requireBatchSize(batchSize);
        requireRejectedRowLimit(rejectedRowLimit);
    }

    /**
     * Returns the importer that maps columns as {@code mapping} says and handles bad rows per {@code policy},
     * with the default batch size and rejected-row limit.
     *
     * @param mapping how columns become event fields
     * @param policy what to do with a bad row
     * @return the importer
     */
    public static CsvEventImporter ofDefaults(CsvColumnMapping mapping, ImportPolicy policy) {
        return custom(mapping, policy).build();
    }

    /**
     * Starts an importer with {@code mapping} and {@code policy}, the other settings at their defaults.
     *
     * @param mapping how columns become event fields
     * @param policy what to do with a bad row
     * @return a builder
     */
    public static Builder custom(CsvColumnMapping mapping, ImportPolicy policy) {
        return new Builder(Checks.present("mapping", mapping), Checks.present("policy", policy));
    }

    /**
     * Starts an importer with every setting of {@code base}.
     *
     * @param base the importer to start from
     * @return a builder
     */
    public static Builder from(CsvEventImporter base) {
        Checks.present("base", base);
        return custom(base.mapping, base.policy).batchSize(base.batchSize).rejectedRowLimit(base.rejectedRowLimit);
    }

    /**
     * Returns the column names of the header row of {@code source}, read as an import with this importer's
     * mapping reads them (separator, quotes, byte-order mark), so that a caller can see which columns a file
     * has before importing it.
     *
     * @param source the CSV
     * @return the column names, in order
     * @throws IllegalArgumentException when the source has no header row, or the header is not readable CSV
     * @throws IOException when the source cannot be read
     */
    public List<String> columns(ReaderSource source) throws IOException {
        Checks.present("source", source);
        return CsvRowReader.header(source.open(), mapping.separator());
    }

    @Override
    public ImportReport importInto(EventStore store, ReaderSource source) throws IOException {
        Checks.present("store", store);
        Checks.present("source", source);
        return ImportEngine.run(() -> CsvRowReader.open(source.open(), mapping), store, policy, batchSize,
                rejectedRowLimit);
    }

    static int requireBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batchSize: " + rows + " is not positive; it must be 1 or more");
        }
        return rows;
    }

    static int requireRejectedRowLimit(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rejectedRowLimit: " + rows + " is negative; it must be 0 or more");
        }
        return rows;
    }

    /** Builds a {@link CsvEventImporter}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private final CsvColumnMapping mapping;
        private final ImportPolicy policy;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int rejectedRowLimit = DEFAULT_REJECTED_ROW_LIMIT;

        private Builder(CsvColumnMapping mapping, ImportPolicy policy) {
            this.mapping = mapping;
            this.policy = policy;
        }

        /**
         * Stores {@code rows} rows per atomic append.
         *
         * @param rows 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code rows} is not positive
         */
        public Builder batchSize(int rows) {
            this.batchSize = requireBatchSize(rows);
            return this;
        }

        /**
         * Lists at most {@code rows} rejected rows in full in the report (the row where an import stopped is
         * always listed); later rejected rows are only counted.
         *
         * @param rows 0 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code rows} is negative
         */
        public Builder rejectedRowLimit(int rows) {
            this.rejectedRowLimit = requireRejectedRowLimit(rows);
            return this;
        }

        /**
         * Builds the importer.
         *
         * @return the importer
         */
        public CsvEventImporter build() {
            return new CsvEventImporter(mapping, policy, batchSize, rejectedRowLimit);
        }
    }
}
