package dev.cxm.jdbc;

/**
 * A failure of the database under a JDBC store: it cannot be reached, its schema is not the one this cxm
 * knows, or a statement failed. The message says what failed in one sentence (naming ids, never values an
 * event carries); the cause is the driver's exception.
 */
public final class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what is left, in one sentence
     * @param cause the driver's exception, if any
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what failed and what is left, in one sentence
     */
    public JdbcStoreException(String message) {
        super(message);
    }
}
