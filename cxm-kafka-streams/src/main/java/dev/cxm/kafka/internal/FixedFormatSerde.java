package dev.cxm.kafka.internal;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde that is its own serializer and deserializer, with a fixed format: nothing to configure, nothing to
 * release.
 *
 * @param <T> the type written and read
 */
abstract class FixedFormatSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /** Needs no configuration. */
    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the format is fixed.
    }

    /** Holds no resources. */
    @Override
    public final void close() {
        // Nothing to release.
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }
}
