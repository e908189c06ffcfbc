package dev.cxm.kafka.internal;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The JSON serde of events (or batches of them) with a quick way in: bytes in the form {@code CxmJson} writes
 * are read by cxm-core's canonical event reader, without data binding (about a quarter of the time); any
 * other bytes by the data-binding serde, which makes the same value of what the quick reader reads and fails
 * on the rest with its message. Writing is the data-binding serde's.
 *
 * @param <T> an event, or a list of events
 */
public final class EventSerde<T> extends FixedFormatSerde<T> {

    private final JsonSerde<T> json;
    private final Function<byte[], @Nullable T> quick;

    /**
     * Makes the serde.
     *
     * @param json the data-binding serde, which writes, and reads what the quick reader does not
     * @param quick the quick reader: the value, or null for bytes it does not read
     */
    public EventSerde(JsonSerde<T> json, Function<byte[], @Nullable T> quick) {
        this.json = json;
        this.quick = quick;
    }

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable T value) {
        return json.serialize(topic, value);
    }

    @Override
    public @Nullable T deserialize(String topic, byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        T value = quick.apply(bytes);
        return value != null ? value : json.deserialize(topic, bytes);
    }
}
