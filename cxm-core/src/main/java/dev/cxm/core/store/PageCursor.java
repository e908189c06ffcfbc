package dev.cxm.core.store;

import dev.cxm.core.internal.Checks;

/**
 * Where a paging through {@link EventStore#page} stands: opaque to the caller, serialisable as its
 * {@link #token()} (a short ASCII string, safe in a URL or a file), and read back with {@link #of(String)}.
 *
 * <p>A cursor marks a position in the time order of events, after the last event of the page that returned
 * it; the store that wrote it decides the token's format. Read the next page with the same query; with
 * another query a cursor still marks the same position in time.
 *
 * @param token the serialised position; non-blank, at most {@value #MAX_TOKEN_LENGTH} characters
 */
public record PageCursor(String token) {

    /** The longest token a store may write. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    private static final PageCursor START = new PageCursor("start");

    /**
     * Validates the token's length; whether it is a token of a store is checked by the store.
     *
     * @param token the serialised position
     * @throws IllegalArgumentException when the token is blank or too long
     * @throws NullPointerException when the token is null
     */
    public PageCursor {
        Checks.nonBlank("token", token);
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("token: " + token.length() + " characters are too many; a cursor"
                    + " token has at most " + MAX_TOKEN_LENGTH);
        }
    }

    /**
     * Returns the cursor before the first event: the start of every paging.
     *
     * @return the start cursor
     */
    public static PageCursor start() {
        return START;
    }

    /**
     * Reads back a cursor from its token.
     *
     * @param token a token from {@link #token()}
     * @return the cursor
     * @throws IllegalArgumentException when the token is blank or too long
     */
    public static PageCursor of(String token) {
        return new PageCursor(token);
    }

    /**
     * Returns whether this is the {@linkplain #start() start} cursor.
     *
     * @return whether a paging from here starts at the first event
     */
    public boolean isStart() {
        return equals(START);
    }
}
