package dev.cxm.examples.cli;

/** A subcommand's failure whose message is already the whole story for the user. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * Returns where a parser gave up, " at line L, column C" (or nothing when it does not say): Jackson's own
     * message quotes the text there and spans lines, so the command says where, never what.
     */
    static String location(com.fasterxml.jackson.core.JsonProcessingException malformed) {
        com.fasterxml.jackson.core.JsonLocation where = malformed.getLocation();
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /**
     * Throws unless {@code file} is a regular file, saying whether it is missing, a folder, or something else
     * that exists but is no file ({@code /dev/null}, a pipe, a device: an import may read its input twice).
     */
    static void requireReadableFile(java.nio.file.Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new CommandFailure("not a file: " + file + " is a folder");
        }
        if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)) {
            throw new CommandFailure("not a file: " + file + " is a device or a pipe; give a regular file");
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new CommandFailure("file not found: " + file);
        }
    }

    /** Throws unless {@code file} can be created or replaced: its folder exists and it is not a folder. */
    static void requireWritableFile(java.nio.file.Path file) {
        java.nio.file.Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            throw new CommandFailure("cannot write " + file + ": the folder " + folder + " does not exist");
        }
        if (java.nio.file.Files.isDirectory(file)) {
            throw new CommandFailure("cannot write " + file + ": it is a folder");
        }
    }
}
