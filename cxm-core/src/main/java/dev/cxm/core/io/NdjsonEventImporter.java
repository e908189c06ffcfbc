package dev.cxm.core.io;

import java.io.IOException;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.io.ImportEngine;
import dev.cxm.core.internal.io.NdjsonRowReader;
import dev.cxm.core.store.EventStore;

/**
 * Imports events from NDJSON: one JSON event per line, in the form {@link CxmJson} writes (blank lines
 * are skipped).
 */
public final class NdjsonEventImporter implements EventImporter {

    private final ImportPolicy policy;
    private final int batchSize;

    private NdjsonEventImporter(ImportPolicy policy, int batchSize) {
        this.policy = Checks.present("policy", policy);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: " + batchSize + " is not positive; it must be 1 or more");
        }
        this.batchSize = batchSize;
    }

    /** Returns an importer that handles bad lines per {@code policy}. */
    public static NdjsonEventImporter of(ImportPolicy policy) {
        return new NdjsonEventImporter(policy, CsvEventImporter.DEFAULT_BATCH_SIZE);
    }

    /** Returns a copy of this importer that stores {@code rows} lines per atomic append. */
    public NdjsonEventImporter withBatchSize(int rows) {
        return new NdjsonEventImporter(policy, rows);
    }

    @Override
    public ImportReport importInto(EventStore store, ReaderSource source) throws IOException {
        Checks.present("store", store);
        Checks.present("source", source);
        return ImportEngine.run(() -> new NdjsonRowReader(source.open()), store, policy, batchSize);
    }
}
