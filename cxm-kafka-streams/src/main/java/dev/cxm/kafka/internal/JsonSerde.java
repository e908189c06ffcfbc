package dev.cxm.kafka.internal;

import java.io.IOException;
import java.util.stream.Collectors;

import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * A JSON serde over one of {@link dev.cxm.core.io.CxmJson}'s mappers. A value that does not read fails with a
 * {@link SerializationException} that names the topic, the JSON path and the kind of problem, never the
 * value itself (a record may hold personal data); a {@code null} is a tombstone both ways.
 *
 * @param <T> the type written and read
 */
public final class JsonSerde<T> extends FixedFormatSerde<T> {

    private final String what;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    /**
     * Makes a serde of {@code type} over {@code mapper}.
     *
     * @param what what the bytes hold, for messages ("a cxm event")
     * @param mapper the mapper
     * @param type the type written and read
     */
    public JsonSerde(String what, ObjectMapper mapper, JavaType type) {
        this.what = what;
        this.writer = mapper.writerFor(type);
        this.reader = mapper.readerFor(type);
    }

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("topic " + topic + ": cannot write " + what + " as JSON"
                    + at(e) + ": " + e.getOriginalMessage());
        }
    }

    @Override
    public @Nullable T deserialize(String topic, byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (IOException | RuntimeException e) {
            // Jackson's messages can quote the input; only the path and cxm's own validation rules are kept.
            throw new SerializationException("topic " + topic + ": the record is not " + what + problem(e));
        }
    }

    private static String problem(Exception e) {
        String at = e instanceof JsonMappingException mapping ? at(mapping) : "";
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            // cxm's model validates in its constructors and names the field and the rule, never the data.
            return at + ": " + cause.getMessage();
        }
        if (e instanceof JsonMappingException) {
            return at + " (" + e.getClass().getSimpleName() + ")";
        }
        return ": malformed JSON";
    }

    private static String at(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        return " at " + mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
