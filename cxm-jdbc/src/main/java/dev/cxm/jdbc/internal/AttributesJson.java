package dev.cxm.jdbc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Attributes as the JSON object of strings the events table keeps ({@code {"plan":"pro"}}). */
public final class AttributesJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writerFor(new TypeReference<Map<String, String>>() {});
    private static final ObjectReader READER = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, String>>() {});

    private AttributesJson() {}

    /** Returns the JSON text of {@code attributes}. */
    public static String write(Map<String, String> attributes) {
        try {
            return WRITER.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("attributes: cannot be written as JSON", e);
        }
    }

    /** Reads the attributes back from their JSON text. */
    public static Map<String, String> read(String json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("attributes: the stored JSON is not an object of strings", e);
        }
    }
}
