package dev.cxm.core.io;

import java.io.IOException;
import java.util.List;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.CsvRowReader;
import dev.cxm.core.internal.io.ImportEngine;
import dev.cxm.core.internal.io.ParallelCsvRowReader;
import dev.cxm.core.internal.io.RowReader;
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
 * CsvEventImporter onTwoMoreThreads = CsvEventImporter.custom(mapping, ImportPolicy.SKIP_AND_REPORT)
 *         .mappingThreads(2)
 *         .build();
 * }</pre>
 *
 * <p>Rows without an event id column get a deterministic id derived from their line number and cells, so
 * importing the same file twice stores its events once.
 *
 * <p>By default the caller's thread reads, splits and maps every row. With {@code mappingThreads} of 1 or more,
 * the import starts threads of its own for the time it runs: one splits the text into rows and that many map
 * rows to events, while the caller's thread stores the events (or hands them to a sink) in input order; the
 * events, the report and every rejected row are the same, only the time differs. Mapping is most of an
 * import's work: with {@code mappingThreads(2)} the busiest thread does about 40% of what one thread does alone,
 * for about 10% more work in all (see {@code docs/PERFORMANCE.md}), which pays where a core is free.
 *
 * @param mapping how columns become event fields
 * @param policy what to do with a bad row
 * @param batchSize rows stored per atomic append, 1 or more ({@value #DEFAULT_BATCH_SIZE} unless set)
 * @param rejectedRowLimit rejected rows listed in full in the report, 0 or more
 *     ({@value #DEFAULT_REJECTED_ROW_LIMIT} unless set); the rest are only counted
 * @param mappingThreads threads of its own that map rows, 0 (the default: the caller's thread does all the
 *     work) to {@value #MAX_MAPPING_THREADS}; with 1 or more, one more thread splits the text into rows
 */
public record CsvEventImporter(CsvColumnMapping mapping, ImportPolicy policy, int batchSize, int rejectedRowLimit,
        int mappingThreads) implements EventImporter {

    /** Rows stored per atomic append unless set otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    /** Rejected rows an import lists in full unless set otherwise; it counts the rest. */
    public static final int DEFAULT_REJECTED_ROW_LIMIT = 1_000;
    /** Most threads an import maps rows on. */
    public static final int MAX_MAPPING_THREADS = 64;

    /**
     * Validates the settings.
     *
     * @param mapping how columns become event fields
     * @param policy what to do with a bad row
     * @param batchSize rows stored per atomic append, 1 or more
     * @param rejectedRowLimit rejected rows listed in full in the report, 0 or more; the rest are only counted
     * @param mappingThreads threads of its own that map rows, 0 to {@value #MAX_MAPPING_THREADS}
     * @throws IllegalArgumentException when the batch size is not positive, the limit is negative or the
     *     threads are out of range
     */
    public CsvEventImporter {
        Checks.present("mapping", mapping);
        Checks.present("policy", policy);
        requireBatchSize(batchSize);
        requireRejectedRowLimit(rejectedRowLimit);
        requireMappingThreads(mappingThreads);
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
        return custom(base.mapping, base.policy).batchSize(base.batchSize).rejectedRowLimit(base.rejectedRowLimit)
                .mappingThreads(base.mappingThreads);
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
        RowReader.Opener opener = mappingThreads == 0 ? () -> CsvRowReader.open(source.open(), mapping)
                : () -> ParallelCsvRowReader.open(source.open(), mapping, mappingThreads);
        return ImportEngine.run(opener, store, policy, batchSize, rejectedRowLimit);
    }

    static int requireBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batchSize: " + rows + " is not positive; it must be 1 or more");
        }
        return rows;
    }

    private static int requireMappingThreads(int threads) {
        if (threads < 0 || threads > MAX_MAPPING_THREADS) {
            throw new IllegalArgumentException("mappingThreads: " + threads + " is outside 0.." + MAX_MAPPING_THREADS);
        }
        return threads;
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
        private int mappingThreads;

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
         * Maps rows on {@code threads} threads of the import's own (and splits the text into rows on one more),
         * while the caller's thread stores the events in input order; 0, the default, does everything on the
         * caller's thread. The result is the same either way.
         *
         * @param threads 0 to {@value #MAX_MAPPING_THREADS}
         * @return this builder
         * @throws IllegalArgumentException when {@code threads} is out of range
         */
        public Builder mappingThreads(int threads) {
            this.mappingThreads = requireMappingThreads(threads);
            return this;
        }

        /**
         * Builds the importer.
         *
         * @return the importer
         */
        public CsvEventImporter build() {
            return new CsvEventImporter(mapping, policy, batchSize, rejectedRowLimit, mappingThreads);
        }
    }
}
