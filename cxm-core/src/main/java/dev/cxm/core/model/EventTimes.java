package dev.cxm.core.model;

import java.time.Instant;

import dev.cxm.core.internal.EventTimeParts;

/**
 * How the events hold their instant: as the {@link Instant}'s own two primitives (epoch second and
 * nanosecond of that second, the latter truncated to {@link CustomerEvent#PRECISION}) instead of a reference to
 * an {@code Instant} object, which would cost 24 bytes more per event held in memory.
 *
 * <p>Not a {@code long} of microseconds: that spans about 292,000 years either side of 1970, and an event may
 * be at any instant ({@link Instant#MAX} included). The two fields take no more room than one {@code long}
 * in a feedback response or an interaction (the {@code int} fills a gap the object's alignment leaves).
 */
final class EventTimes {

    private static final int NANOS_PER_MICRO = 1_000;

    static {
        EventTimeParts.install(new FieldReader());
    }

    private EventTimes() {}

    /**
     * Returns the nanosecond of the second of {@code instant} truncated toward the past to microseconds, as
     * {@link CustomerEvent#atPrecision} truncates: the nanosecond field is in 0..999,999,999 also before the
     * epoch, so dropping its last three digits is a floor.
     */
    static int nanoAtPrecision(Instant instant) {
        int nano = instant.getNano();
        return nano - nano % NANOS_PER_MICRO;
    }

    /** Returns {@link Instant#hashCode()} of the instant of these fields, without making the instant. */
    static int hashCode(long epochSecond, int nano) {
        return Long.hashCode(epochSecond) + 51 * nano;
    }

    /** The events' fields, read for {@link EventTimeParts}. */
    private static final class FieldReader implements EventTimeParts.Reader {

        @Override
        public long epochSecond(CustomerEvent event) {
            if (event instanceof FeedbackResponse response) {
                return response.epochSecond;
            }
            if (event instanceof Interaction interaction) {
                return interaction.epochSecond;
            }
            return ((Purchase) event).epochSecond;
        }

        @Override
        public int nano(CustomerEvent event) {
            if (event instanceof FeedbackResponse response) {
                return response.nano;
            }
            if (event instanceof Interaction interaction) {
                return interaction.nano;
            }
            return ((Purchase) event).nano;
        }
    }
}
