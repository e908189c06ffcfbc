package dev.cxm.core.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the text to import, as often as the import needs: a fail-on-first-error import reads its input
 * twice (validate, then store), so it takes a source it can open again rather than a single reader.
 */
@FunctionalInterface
public interface ReaderSource {

    /**
     * Opens a new reader positioned at the start of the input; the caller closes it.
     *
     * @return a fresh reader of the whole input
     * @throws IOException when the input cannot be opened
     */
    Reader open() throws IOException;

    /**
     * Returns a source that opens {@code file} as UTF-8.
     *
     * @param file the file to read; opened anew by each {@link #open()}
     * @return the source
     */
    static ReaderSource of(Path file) {
        return () -> Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
