package dev.cxm.core.io;

import java.io.IOException;
import java.nio.file.Path;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.store.EventStore;

/**
 * Imports events from text into an {@link EventStore}, or hands them to an {@link EventSink}, in constant
 * memory, under an {@link ImportPolicy}. Implemented by {@link CsvEventImporter} and
 * {@link NdjsonEventImporter}.
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

    /**
     * Imports every row of {@code source} and hands each accepted event to {@code sink}, in input order,
     * instead of storing it: the way to count a file of any size in constant memory. The rules of the policy
     * hold as for a store: under {@link ImportPolicy#FAIL_ON_FIRST_ERROR} the input is checked whole before
     * the first event reaches the sink, so a bad row means the sink took nothing. No event id is looked up
     * ({@link EventSink}): {@link ImportReport#appended()} counts every accepted row and
     * {@link ImportReport#duplicates()} is 0.
     *
     * @param sink what takes the accepted events
     * @param source the input
     * @return the report of the import
     * @throws IOException when the input cannot be read at all
     * @throws IllegalArgumentException when the input does not fit the importer, as for a store
     * @throws RuntimeException whatever the sink throws, unchanged; the import stops there
     */
    default ImportReport importInto(EventSink sink, ReaderSource source) throws IOException {
        Checks.present("sink", sink);
        Checks.present("source", source);
        return SinkStore.importInto(sink, store -> importInto(store, source));
    }

    /**
     * Imports every row of the UTF-8 file {@code file} and hands each accepted event to {@code sink}, as
     * {@link #importInto(EventSink, ReaderSource)} does.
     *
     * @param sink what takes the accepted events
     * @param file the input
     * @return the report of the import
     * @throws IOException when the file cannot be read at all
     */
    default ImportReport importInto(EventSink sink, Path file) throws IOException {
        return importInto(sink, ReaderSource.of(file));
    }
}
