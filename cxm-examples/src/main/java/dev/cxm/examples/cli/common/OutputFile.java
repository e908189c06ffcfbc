package dev.cxm.examples.cli.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file an {@code --output} option names, written so that nothing is lost: it may not be an input of the
 * command (compared by real path, so a link or another spelling of the input is caught), and it is written
 * to a new file in the same folder that replaces it only when complete, by an atomic rename where the file
 * system has one. A failure part way leaves the old file as it was and no partial one beside it. A device
 * or pipe ({@code /dev/stdout}) cannot be replaced and is written directly.
 */
public final class OutputFile {

    private final Path target;

    private OutputFile(Path target) {
        this.target = target;
    }

    /**
     * Checks {@code output} before any work: its folder exists, it is not a folder, not a read-only file, and
     * none of {@code inputs}.
     *
     * @param output the file to write
     * @param inputs the files the command reads
     * @return the output, to write later
     * @throws CommandFailure saying what is wrong
     */
    public static OutputFile checked(Path output, Path... inputs) {
        Path folder = output.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CommandFailure("cannot write " + output + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(output)) {
            throw new CommandFailure("cannot write " + output + ": it is a folder");
        }
        if (Files.isRegularFile(output) && !Files.isWritable(output)) {
            // A rename would replace it all the same; a read-only file is meant to stay.
            throw new CommandFailure("cannot write " + output + ": it is read-only");
        }
        for (Path input : inputs) {
            if (sameFile(output, input)) {
                throw new CommandFailure("cannot write " + output + ": it is the input " + input + ", which would be"
                        + " overwritten; name another file");
            }
        }
        return new OutputFile(output);
    }

    private static boolean sameFile(Path output, Path input) {
        if (!Files.exists(output) || !Files.exists(input)) {
            return false;
        }
        try {
            return Files.isSameFile(output, input);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + output + ": cannot tell whether it is the input " + input);
        }
    }

    /**
     * Returns the path as the command line gave it.
     *
     * @return the path
     */
    public Path path() {
        return target;
    }

    /**
     * Writes the file as UTF-8 text: {@code content} writes into a new file beside it, which then replaces
     * it. When {@code content} fails, the new file is deleted and the old one is untouched.
     *
     * @param content what writes the text
     * @throws CommandFailure naming the file and the reason when it cannot be written; the old one is then
     *     untouched
     */
    public void write(Content content) {
        try {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target),
                        StandardCharsets.UTF_8))) {
                    content.writeTo(writer);
                }
                return;
            }
            Path real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
            Path temporary = newTemporaryBeside(real);
            try {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    content.writeTo(writer);
                }
                keepPermissions(real, temporary);
                moveIntoPlace(temporary, real);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException failed) {
            throw new CommandFailure("cannot write " + target + ": " + reason(failed) + "; the file was not changed");
        }
    }

    /** Returns why a write failed, without the temporary file's name the exception may carry. */
    private static String reason(IOException failed) {
        if (failed instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failed instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
    }

    private static Path newTemporaryBeside(Path file) throws IOException {
        Path folder = file.getParent();
        for (int attempt = 0; ; attempt++) {
            Path candidate = folder.resolve("." + file.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                // Created as any new file is (not owner-only, as createTempFile would), so the result is too.
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
    }

    private static void keepPermissions(Path old, Path replacement) throws IOException {
        if (Files.exists(old)) {
            try {
                Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(old));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions to keep
            }
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What writes the text of an output file. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole text.
         *
         * @param writer where to write
         * @throws IOException when writing fails
         */
        void writeTo(Writer writer) throws IOException;
    }
}
