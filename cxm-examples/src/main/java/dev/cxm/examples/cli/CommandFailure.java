package dev.cxm.examples.cli;

/** A subcommand's failure whose message is already the whole story for the user. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
