package dev.cxm.core.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.cxm.core.internal.Checks;

/**
 * Identifies one event; appending an event whose id is already stored is a no-op, which makes
 * re-delivery of the same event harmless.
 *
 * @param value non-blank, at most 256 characters
 */
public record EventId(String value) implements Comparable<EventId> {

    /**
     * Validates the id.
     *
     * @param value the event's key; non-blank, at most 256 characters
     * @throws IllegalArgumentException if {@code value} is blank or longer than 256 characters
     */
    public EventId {
        Checks.identifier("eventId", value);
    }

    /**
     * Returns the event id with the given value.
     *
     * @param value the event's key, such as the host's message id; non-blank, at most 256 characters
     * @return the id
     * @throws IllegalArgumentException if {@code value} is blank or longer than 256 characters
     */
    public static EventId of(String value) {
        return new EventId(value);
    }

    /**
     * Returns a new random (type 4 UUID) event id, for events that have no natural key.
     *
     * @return an id whose value is a UUID in its 36-character text form
     */
    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
    }

    /**
     * Returns a deterministic id derived from the given text (a name-based UUID), so that the same source
     * record always yields the same event id and re-importing it is idempotent.
     *
     * @param source text that identifies the source record, such as a file's line and cells; hashed (type 3
     *     UUID of its UTF-8 bytes), never stored
     * @return an id whose value is a UUID in its 36-character text form, equal for equal {@code source}s
     */
    public static EventId derivedFrom(String source) {
        Checks.present("source", source);
        return new EventId(UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public int compareTo(EventId other) {
        return value.compareTo(other.value);
    }

    /** Returns the bare id. */
    @Override
    public String toString() {
        return value;
    }
}
