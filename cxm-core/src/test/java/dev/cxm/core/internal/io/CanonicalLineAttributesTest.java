package dev.cxm.core.internal.io;

import static dev.cxm.core.internal.io.CanonicalReadersOracleTest.bothRefuse;
import static dev.cxm.core.internal.io.CanonicalReadersOracleTest.dataBinding;
import static dev.cxm.core.internal.io.CanonicalReadersOracleTest.lineRead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The line reader must never take a line that data binding ({@link StrictEventJson#parse}, the oracle) refuses.
 * The lines here are built so that a reader that gave up on a malformed attributes object without refusing the
 * line would go on to read the event's remaining members and close the event with the attributes' closing brace:
 * the attributes object is spoiled inside (a key without a value, a value that is no string, a repeated key, a key
 * that is no string) or missing (no value at all, a string, an array), and followed by the rest of a valid event, with one closing brace for both objects. Each
 * such line is malformed or repeats a key, so data binding refuses it; the well-formed line they are made from is
 * read by both, to the same event.
 */
class CanonicalLineAttributesTest {

    private static final String HEAD = "{\"eventId\":\"e\",\"customerId\":\"c\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
            + "\"attributes\":";
    private static final String REST = "\"type\":\"interaction\",\"touchpoint\":{\"id\":\"t\",\"name\":\"T\","
            + "\"channel\":\"WEB\"},\"outcome\":\"ok\",\"duration\":\"PT1S\"}";

    @Test
    void aSpoiledAttributesObjectIsNeverClosedByTheEventsBrace() {
        String valid = HEAD + "{\"a\":\"b\"}," + REST;
        assertThat(dataBinding(valid)).isNotNull();
        assertThat(lineRead(valid)).isEqualTo(dataBinding(valid));

        for (String spoiled : List.of("{\"a\",", "{\"a\" ,", "{\"a\":1,", "{\"a\":null,", "{\"a\":{},", "{\"a\":\"b\",\"a\":\"c\",",
                "{\"a\":\"b\",\"a\":\"b\",", "{1,", "{\"a\":,", "{\"a\":\"b\" \"c\":\"d\",", "{\"\\q\":\"b\",", ",", " ,", "\"a\",", "[],")) {
            String line = HEAD + spoiled + REST;
            bothRefuse(line);
        }
    }
}
