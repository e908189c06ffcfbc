package dev.cxm.examples.cli;

/** A subcommand's failure whose message is already the whole story for the user. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }

    /** Throws unless {@code file} is a regular file, saying whether it is missing or a folder. */
    static void requireReadableFile(java.nio.file.Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new CommandFailure("not a file: " + file + " is a folder");
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
