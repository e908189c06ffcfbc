package dev.cxm.core.io;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.cxm.core.internal.io.ModelMixins;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.TouchpointId;

/**
 * The Jackson module for cxm's types: ids as plain strings, events tagged with a {@code "type"} property
 * ({@code interaction}, {@code purchase}, {@code feedback}). Register it with Java-time and JDK 8 support,
 * or take a ready mapper from {@link CxmJson#mapper()}.
 */
public final class CxmJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public CxmJacksonModule() {
        super("cxm");
        addStringValue(CustomerId.class, CustomerId::value, CustomerId::of);
        addStringValue(EventId.class, EventId::value, EventId::of);
        addStringValue(TouchpointId.class, TouchpointId::value, TouchpointId::of);
        setMixInAnnotation(CustomerEvent.class, ModelMixins.CustomerEventMixin.class);
        setMixInAnnotation(Interaction.class, ModelMixins.InteractionMixin.class);
        setMixInAnnotation(Purchase.class, ModelMixins.PurchaseMixin.class);
        setMixInAnnotation(FeedbackResponse.class, ModelMixins.FeedbackResponseMixin.class);
    }

    private <T> void addStringValue(Class<T> type, Function<T, String> toText, Function<String, T> fromText) {
        addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(toText.apply(value));
            }
        });
        addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(context.handleUnexpectedToken(type, parser));
                }
                return fromText.apply(parser.getText());
            }
        });
    }
}
