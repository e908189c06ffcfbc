package dev.cxm.core.internal;

import java.time.Instant;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.Interaction;

/**
 * Reads an event's instant as the two primitives the event holds (epoch second and nanosecond of that second,
 * already at {@link CustomerEvent#PRECISION}) without making an {@link Instant}, for the loops of the
 * stores, the journey tracker and the profiles that see millions of events. Not API.
 *
 * <p>Why not {@link CustomerEvent#occurredAt()}: the interface has three implementations, so a call site that
 * sees all three does not inline it, and the {@code Instant} it makes escapes and is allocated on every call.
 * The model package hands this class a reader of its fields when it initialises ({@link HandOver}), so
 * the fields stay out of the public API.
 */
public final class EventTimeParts {

    /** What the model hands over: the fields of its events. */
    public interface Reader {

        /**
         * Returns the event's instant's seconds since the epoch.
         *
         * @param event any event
         * @return {@code event.occurredAt().getEpochSecond()}
         */
        long epochSecond(CustomerEvent event);

        /**
         * Returns the nanosecond of the second of the event's instant.
         *
         * @param event any event
         * @return {@code event.occurredAt().getNano()}: a whole number of microseconds
         */
        int nano(CustomerEvent event);
    }

    // The events' package-private base class, named through a public subclass so the compiler checks the name.
    private static final HandOver<Reader> READER = new HandOver<>("reader", Interaction.class.getSuperclass());

    private EventTimeParts() {}

    /**
     * Takes the model's reader; called once, by the model's own class initialisation.
     *
     * @param modelReader the reader of the events' fields
     * @throws IllegalArgumentException when {@code modelReader} is not the model's
     * @throws IllegalStateException when a reader was already installed
     */
    public static void install(Reader modelReader) {
        READER.install(modelReader);
    }

    /**
     * Returns the seconds since the epoch of {@code event}'s instant, as {@code occurredAt().getEpochSecond()}.
     *
     * @param event any event
     * @return the epoch second
     */
    public static long epochSecond(CustomerEvent event) {
        return reader().epochSecond(event);
    }

    /**
     * Returns the nanosecond of the second of {@code event}'s instant, as {@code occurredAt().getNano()}.
     *
     * @param event any event
     * @return the nanosecond, a whole number of microseconds
     */
    public static int nano(CustomerEvent event) {
        return reader().nano(event);
    }

    /**
     * Compares the instants of two events, as {@code a.occurredAt().compareTo(b.occurredAt())} does.
     *
     * @param a an event
     * @param b another event
     * @return negative, zero or positive as {@code a} happened before, at or after {@code b}
     */
    public static int compare(CustomerEvent a, CustomerEvent b) {
        Reader parts = reader();
        return compare(parts.epochSecond(a), parts.nano(a), parts.epochSecond(b), parts.nano(b));
    }

    /**
     * Compares an event's instant with {@code instant}, as {@code event.occurredAt().compareTo(instant)} does.
     *
     * @param event an event
     * @param instant any instant
     * @return negative, zero or positive as the event happened before, at or after {@code instant}
     */
    public static int compare(CustomerEvent event, Instant instant) {
        Reader parts = reader();
        return compare(parts.epochSecond(event), parts.nano(event), instant.getEpochSecond(), instant.getNano());
    }

    /**
     * Compares two instants given as their parts, as {@link Instant#compareTo} compares the instants.
     *
     * @param second the first instant's epoch second
     * @param nano its nanosecond of the second
     * @param otherSecond the other instant's epoch second
     * @param otherNano its nanosecond of the second
     * @return negative, zero or positive as the first is before, at or after the other
     */
    public static int compare(long second, int nano, long otherSecond, int otherNano) {
        int bySecond = Long.compare(second, otherSecond);
        return bySecond != 0 ? bySecond : Integer.compare(nano, otherNano);
    }

    private static Reader reader() {
        return READER.get();
    }
}
