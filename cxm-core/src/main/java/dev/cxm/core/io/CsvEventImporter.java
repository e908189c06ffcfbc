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
 * ImportReport report = CsvEventImporter.of(mapping, ImportPolicy.SKIP_AND_REPORT)
 *         .importInto(store, Path.of("feedback.csv"));
 * for (RejectedRow row : report.rejected()) {
 *     row.line();     // 17
 *     row.column();   // Optional[score]
 *     row.reason();   // the value is not an integer
 * }
 * }</pre>
 *
 * <p>Rows without an event id column get a deterministic id derived from their line number and cells, so
 * importing the same file twice stores its events once.
 */
public final class CsvEventImporter implements EventImporter {

    /** Rows stored per atomic append unless set otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    private final CsvColumnMapping mapping;
    private final ImportPolicy policy;
    private final int batchSize;

    private CsvEventImporter(CsvColumnMapping mapping, ImportPolicy policy, int batchSize) {
        this.mapping = Checks.present("mapping", mapping);
        this.policy = Checks.present("policy", policy);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: " + batchSize + " is not positive; it must be 1 or more");
        }
        this.batchSize = batchSize;
    }

    /** Returns an importer that maps columns as {@code mapping} says and handles bad rows per {@code policy}. */
    public static CsvEventImporter of(CsvColumnMapping mapping, ImportPolicy policy) {
        return new CsvEventImporter(mapping, policy, DEFAULT_BATCH_SIZE);
    }

    /** Returns a copy of this importer that stores {@code rows} rows per atomic append. */
    public CsvEventImporter withBatchSize(int rows) {
        return new CsvEventImporter(mapping, policy, rows);
    }

    /**
     * Returns the column names of the header row of {@code source}, read as an import with this importer's
     * mapping reads them (separator, quotes, byte-order mark), so that a caller can see which columns a file
     * has before importing it.
     *
     * @throws IllegalArgumentException when the source has no header row
     */
    public List<String> columns(ReaderSource source) throws IOException {
        Checks.present("source", source);
        return CsvRowReader.header(source.open(), mapping.separator());
    }

    @Override
    public ImportReport importInto(EventStore store, ReaderSource source) throws IOException {
        Checks.present("store", store);
        Checks.present("source", source);
        return ImportEngine.run(() -> CsvRowReader.open(source.open(), mapping), store, policy, batchSize);
    }
}
