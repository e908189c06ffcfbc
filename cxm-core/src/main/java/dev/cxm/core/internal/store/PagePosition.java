package dev.cxm.core.internal.store;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.cxm.core.model.EventId;
import dev.cxm.core.store.PageCursor;

/**
 * The position a {@link PageCursor} of the built-in pagers stands for: just after the event {@code lastEvent}
 * at {@code instant}, which was the {@code returnedAtInstant}-th matching event at that instant, with
 * {@code returnedOfItsCustomer} of those belonging to the last event's customer.
 *
 * <p>Events at one instant are ordered by append, and a later append at that instant sorts after every
 * earlier one, so "after the k-th event at this instant" stays true while events are appended. The event id
 * finds the position even when other customers' events at that instant are erased; the two counts find it
 * when the last event's own customer was erased.
 *
 * @param instant the instant of the last event returned
 * @param returnedAtInstant how many matching events at {@code instant} were returned so far; 1 or more
 * @param returnedOfItsCustomer how many of those were of the last event's customer; 1 to {@code returnedAtInstant}
 * @param lastEvent the id of the last event returned
 */
public record PagePosition(Instant instant, int returnedAtInstant, int returnedOfItsCustomer, EventId lastEvent) {

    private static final String VERSION = "p1";
    private static final String SEPARATOR = ":";
    private static final String NOT_A_CURSOR = "cursor: the token is not a cursor of this store; page again"
            + " from PageCursor.start()";

    /** Validates the counts. */
    public PagePosition {
        if (returnedAtInstant < 1 || returnedOfItsCustomer < 1 || returnedOfItsCustomer > returnedAtInstant) {
            throw new IllegalArgumentException(NOT_A_CURSOR);
        }
    }

    /** Returns the position a cursor stands for: empty for the start. */
    public static Optional<PagePosition> of(PageCursor cursor) {
        if (cursor.isStart()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
            String[] parts = text.split(SEPARATOR, 6);
            if (parts.length != 6 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException(NOT_A_CURSOR);
            }
            Instant instant = Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            return Optional.of(new PagePosition(instant, Integer.parseInt(parts[3]), Integer.parseInt(parts[4]),
                    EventId.of(parts[5])));
        } catch (IllegalArgumentException | DateTimeException malformed) {
            // Base64, number and id errors alike: the message never repeats the token.
            throw new IllegalArgumentException(NOT_A_CURSOR);
        }
    }

    /** Returns this position as a cursor. */
    public PageCursor cursor() {
        String text = String.join(SEPARATOR, VERSION, Long.toString(instant.getEpochSecond()),
                Integer.toString(instant.getNano()), Integer.toString(returnedAtInstant),
                Integer.toString(returnedOfItsCustomer), lastEvent.value());
        return PageCursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
