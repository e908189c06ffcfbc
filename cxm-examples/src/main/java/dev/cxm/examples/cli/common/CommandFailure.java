package dev.cxm.examples.cli.common;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A subcommand's failure whose message is already the whole story for the user. */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message the one line the user reads, without the {@code cxm: } prefix
     */
    public CommandFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * Returns where a parser gave up, " at line L, column C" (or nothing when it does not say): Jackson's own
     * message quotes the text there and spans lines, so the command says where, never what.
     *
     * @param malformed the parser's exception
     * @return the location, or an empty string
     */
    public static String location(JsonProcessingException malformed) {
        JsonLocation where = malformed.getLocation();
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /**
     * Throws unless {@code file} is a regular file, saying whether it is missing, a folder, or something else
     * that exists but is no file ({@code /dev/null}, a pipe, a device: an import may read its input twice).
     *
     * @param file the input
     */
    public static void requireReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandFailure("not a file: " + file + " is a folder");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new CommandFailure("not a file: " + file + " is a device or a pipe; give a regular file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("file not found: " + file);
        }
    }
}
