package dev.cxm.core.io;

import java.io.IOException;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.ImportEngine;
import dev.cxm.core.internal.io.NdjsonRowReader;
import dev.cxm.core.store.EventStore;

/**
 * Imports events from NDJSON: one JSON event per line, in the form {@link CxmJson} writes (blank lines are
 * skipped, a byte-order mark at the start is ignored). It reads strictly: a duplicate key, a fraction where
 * an integer belongs ({@code "score": 9.5}) and a string where a number belongs ({@code "score": "9"}) reject
 * the line, as the same cells reject a CSV row.
 *
 * <pre>{@code
 * ImportReport report = NdjsonEventImporter.ofDefaults(ImportPolicy.FAIL_ON_FIRST_ERROR)
 *         .importInto(store, Path.of("events.ndjson"));
 * }</pre>
 *
 * @param policy what to do with a bad line
 * @param batchSize lines stored per atomic append, 1 or more
 * @param rejectedRowLimit rejected lines listed in full in the report, 0 or more; the rest are only counted
 */
public record NdjsonEventImporter(ImportPolicy policy, int batchSize, int rejectedRowLimit) implements EventImporter {

    /**
     * Validates the settings.
     *
     * @param policy what to do with a bad line
     * @param batchSize lines stored per atomic append, 1 or more
     * @param rejectedRowLimit rejected lines listed in full in the report, 0 or more; the rest are only counted
     * @throws IllegalArgumentException when the batch size is not positive or the limit is negative
     */
    public NdjsonEventImporter {
        Checks.present("policy", policy);
        CsvEventImporter.requireBatchSize(batchSize);
        CsvEventImporter.requireRejectedRowLimit(rejectedRowLimit);
    }

    /**
     * Returns the importer that handles bad lines per {@code policy}, with the default batch size
     * ({@value CsvEventImporter#DEFAULT_BATCH_SIZE}) and rejected-row limit
     * ({@value CsvEventImporter#DEFAULT_REJECTED_ROW_LIMIT}).
     *
     * @param policy what to do with a bad line
     * @return the importer
     */
    public static NdjsonEventImporter ofDefaults(ImportPolicy policy) {
        return custom(policy).build();
    }

    /**
     * Starts an importer with {@code policy}, the other settings at their defaults.
     *
     * @param policy what to do with a bad line
     * @return a builder
     */
    public static Builder custom(ImportPolicy policy) {
        return new Builder(Checks.present("policy", policy));
    }

    /**
     * Starts an importer with every setting of {@code base}.
     *
     * @param base the importer to start from
     * @return a builder
     */
    public static Builder from(NdjsonEventImporter base) {
        Checks.present("base", base);
        return custom(base.policy).batchSize(base.batchSize).rejectedRowLimit(base.rejectedRowLimit);
    }

    @Override
    public ImportReport importInto(EventStore store, ReaderSource source) throws IOException {
        Checks.present("store", store);
        Checks.present("source", source);
        return ImportEngine.run(() -> new NdjsonRowReader(source.open()), store, policy, batchSize, rejectedRowLimit);
    }

    /** Builds an {@link NdjsonEventImporter}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private final ImportPolicy policy;
        private int batchSize = CsvEventImporter.DEFAULT_BATCH_SIZE;
        private int rejectedRowLimit = CsvEventImporter.DEFAULT_REJECTED_ROW_LIMIT;

        private Builder(ImportPolicy policy) {
            this.policy = policy;
        }

        /**
         * Stores {@code rows} lines per atomic append.
         *
         * @param rows 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code rows} is not positive
         */
        public Builder batchSize(int rows) {
            this.batchSize = CsvEventImporter.requireBatchSize(rows);
            return this;
        }

        /**
         * Lists at most {@code rows} rejected lines in full in the report (the line where an import stopped is
         * always listed); later rejected lines are only counted.
         *
         * @param rows 0 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code rows} is negative
         */
        public Builder rejectedRowLimit(int rows) {
            this.rejectedRowLimit = CsvEventImporter.requireRejectedRowLimit(rows);
            return this;
        }

        /**
         * Builds the importer.
         *
         * @return the importer
         */
        public NdjsonEventImporter build() {
            return new NdjsonEventImporter(policy, batchSize, rejectedRowLimit);
        }
    }
}
