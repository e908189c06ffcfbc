package dev.cxm.core.internal.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** Reads an import's rows one at a time, in constant memory. */
public interface RowReader extends Closeable {

    /** Returns the next row, or empty at the end of the input. */
    Optional<ParsedRow> next() throws IOException;

    /** Opens a fresh {@link RowReader} over the same input. */
    @FunctionalInterface
    interface Opener {
        /** Opens a reader positioned at the first row. */
        RowReader open() throws IOException;
    }
}
