package dev.cxm.journey.map.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.cxm.core.model.EventType;

/** Writes an event type as its lower-case wire name ({@code purchase}), as the map's JSON reads it. */
public final class EventTypeName extends StdSerializer<EventType> {

    private static final long serialVersionUID = 1L;

    /** Creates the serializer; Jackson's entry point. */
    public EventTypeName() {
        super(EventType.class);
    }

    @Override
    public void serialize(EventType type, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(type.wireName());
    }
}
