package dev.cxm.core.io;

import java.io.IOException;
import java.nio.file.Path;

import dev.cxm.core.store.EventStore;

/**
 * Imports events from text into an {@link EventStore}, in constant memory, under an {@link ImportPolicy}.
 * Implemented by {@link CsvEventImporter} and {@link NdjsonEventImporter}.
 */
public interface EventImporter {

    /**
     * Imports every row of {@code source} into {@code store}.
     *
     * @param store the store the accepted rows are appended to, in batches that are each atomic
     * @param source opens the input, once or (under {@link ImportPolicy#FAIL_ON_FIRST_ERROR}) twice
     * @return what the import read, stored, skipped as duplicates and rejected, each rejected row with its
     *     line and reason
     * @throws IOException when the input cannot be read at all
     * @throws IllegalArgumentException when the input does not fit the importer (a CSV without a header,
     *     a mapped column missing from it); nothing is stored then
     */
    ImportReport importInto(EventStore store, ReaderSource source) throws IOException;

    /**
     * Imports every row of the UTF-8 file {@code file} into {@code store}.
     *
     * @param store the store the accepted rows are appended to, in batches that are each atomic
     * @param file the file to import, read as UTF-8
     * @return what the import read, stored, skipped as duplicates and rejected, each rejected row with its
     *     line and reason
     * @throws IOException when the file cannot be read at all
     * @throws IllegalArgumentException when the input does not fit the importer; nothing is stored then
     */
    default ImportReport importInto(EventStore store, Path file) throws IOException {
        return importInto(store, ReaderSource.of(file));
    }
}
