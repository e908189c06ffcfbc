package dev.cxm.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * A {@link ReaderSource} that holds its input as UTF-8 bytes: an importer that decodes bytes itself reads
 * {@link #openBytes()} (the NDJSON importer does, with Jackson's byte parser), any other reads {@link #open()},
 * which decodes them as {@link java.nio.file.Files#newBufferedReader} decodes a file. Either way, bytes that are
 * not UTF-8 make the import throw a {@link java.nio.charset.CharacterCodingException}.
 * {@link ReaderSource#of(java.nio.file.Path)} returns one.
 *
 * <pre>{@code
 * Utf8Source source = () -> new ByteArrayInputStream(ndjson);
 * ImportReport report = NdjsonEventImporter.ofDefaults(ImportPolicy.SKIP_AND_REPORT).importInto(store, source);
 * }</pre>
 */
@FunctionalInterface
public interface Utf8Source extends ReaderSource {

    /**
     * Opens a new stream of the input's UTF-8 bytes, positioned at its start; the caller closes it.
     *
     * @return a fresh stream of the whole input
     * @throws IOException when the input cannot be opened
     */
    InputStream openBytes() throws IOException;

    /**
     * Opens the bytes decoded as UTF-8; a byte sequence that is not UTF-8 throws
     * {@link java.nio.charset.MalformedInputException} from the read that reaches it.
     *
     * @return a fresh reader of the whole input
     * @throws IOException when the input cannot be opened
     */
    @Override
    default Reader open() throws IOException {
        return new BufferedReader(new InputStreamReader(openBytes(), StandardCharsets.UTF_8.newDecoder()));
    }
}
