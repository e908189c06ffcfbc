package dev.cxm.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.cxm.core.store.PageCursor;

/**
 * The position a JDBC store's {@link PageCursor} stands for: just after the event with sequence number
 * {@code seq} at {@code instant}. Pages are read with a keyset condition, {@code (occurred_at, seq) > (instant,
 * seq)}: the sequence number of an event never changes, an event appended later gets a higher one, and an
 * erased event's number still marks its place, so paging needs no count.
 *
 * @param instant the instant of the last event returned
 * @param seq its sequence number
 */
public record PageToken(Instant instant, long seq) {

    private static final String VERSION = "j1";
    private static final String NOT_A_CURSOR = "cursor: the token is not a cursor of this store; page again from"
            + " PageCursor.start()";

    /** Returns the position of a cursor: empty for the start. */
    public static Optional<PageToken> of(PageCursor cursor) {
        if (cursor.isStart()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.US_ASCII);
            String[] parts = text.split(":", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException(NOT_A_CURSOR);
            }
            Instant instant = Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            return Optional.of(new PageToken(instant, Long.parseLong(parts[3])));
        } catch (IllegalArgumentException | DateTimeException malformed) {
            // Base64 and number errors alike: the message never repeats the token.
            throw new IllegalArgumentException(NOT_A_CURSOR);
        }
    }

    /** Returns this position as a cursor. */
    public PageCursor cursor() {
        String text = String.join(":", VERSION, Long.toString(instant.getEpochSecond()),
                Integer.toString(instant.getNano()), Long.toString(seq));
        return PageCursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
