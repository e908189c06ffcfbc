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
     * @throws IOException when the input cannot be read at all
     * @throws IllegalArgumentException when the input does not fit the importer (a CSV without a header,
     *     a mapped column missing from it); nothing is stored then
     */
    ImportReport importInto(EventStore store, ReaderSource source) throws IOException;

    /** Imports every row of the UTF-8 file {@code file} into {@code store}. */
    default ImportReport importInto(EventStore store, Path file) throws IOException {
        return importInto(store, ReaderSource.of(file));
    }
}
