package dev.cxm.core.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the text to import, as often as the import needs: a fail-on-first-error import reads its input
 * twice (validate, then store), so it takes a source it can open again rather than a single reader. A source
 * of UTF-8 bytes (a file) is a {@link Utf8Source}, which an importer may read as bytes.
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
     * Returns a source that opens {@code file} as UTF-8: as characters ({@link #open()}, decoded as
     * {@link Files#newBufferedReader(Path)} decodes) or as its bytes ({@link Utf8Source#openBytes()}).
     *
     * @param file the file to read; opened anew by each {@link #open()} or {@link Utf8Source#openBytes()}
     * @return the source
     */
    static Utf8Source of(Path file) {
        return () -> Files.newInputStream(file);
    }
}
