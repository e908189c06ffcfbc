package dev.cxm.core.internal.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cxm.core.model.CustomerEvent;

/**
 * Reads events from UTF-8 JSON bytes in the form {@code CxmJson} writes them, without data binding, for a
 * reader of many small messages (a Kafka record's value): one event, or a JSON array of events. It answers
 * {@code null} for anything else (another form, malformed JSON, a value the model refuses), and the caller
 * reads those bytes with {@code CxmJson.mapper()}, which makes the same event of what this reads and says what
 * is wrong with the rest. Thread-safe: each thread reads with a {@link CanonicalEventJson} of its own.
 */
public final class CanonicalEvents {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ThreadLocal<CanonicalEventJson> READERS = ThreadLocal.withInitial(CanonicalEventJson::new);

    private CanonicalEvents() {}

    /**
     * Reads one event, the whole of {@code json}.
     *
     * @param json the bytes
     * @return the event, or null when the bytes are not one event in the canonical form
     */
    public static @Nullable CustomerEvent event(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            CustomerEvent event = READERS.get().read(parser);
            return event != null && parser.nextToken() == null ? event : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads a JSON array of events, the whole of {@code json}.
     *
     * @param json the bytes
     * @return the events in order, or null when the bytes are not such an array of events in the canonical form
     */
    public static @Nullable List<CustomerEvent> events(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            CanonicalEventJson reader = READERS.get();
            List<CustomerEvent> events = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    return null;
                }
                CustomerEvent event = reader.read(parser);
                if (event == null) {
                    return null;
                }
                events.add(event);
            }
            return parser.nextToken() == null ? events : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
