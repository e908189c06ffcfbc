package dev.cxm.core.internal.io;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.interaction;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static dev.cxm.core.store.kit.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;

/**
 * The quick readers of a whole JSON text of one event or of an array of events. Oracle: {@code CxmJson.mapper()}
 * writes the events (the canonical form the readers take), and the JSON grammar decides by hand which texts are
 * one event or one array of events and nothing more: anything else is left to data binding (null).
 */
class CanonicalEventsTest {

    private static final List<CustomerEvent> EVENTS = List.of(nps("n1", "c1", 1, 9),
            purchase("p1", "c2", 2, "19.90"), interaction("i1", "c1", 3, HOTLINE));

    private static String json(Object value) throws JsonProcessingException {
        return CxmJson.mapper().writerFor(value instanceof List ? CustomerEvent[].class : CustomerEvent.class)
                .writeValueAsString(value instanceof List<?> list ? list.toArray(new CustomerEvent[0]) : value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneEventIsReadAndAnythingMoreOrOtherIsLeftToDataBinding() throws JsonProcessingException {
        for (CustomerEvent event : EVENTS) {
            String one = json(event);
            assertThat(CanonicalEvents.event(bytes(one))).isEqualTo(event);
            assertThat(CanonicalEvents.event(bytes(" " + one + " \n"))).isEqualTo(event);
            assertThat(CanonicalEvents.event(bytes(one + " {}"))).as("a second value").isNull();
            assertThat(CanonicalEvents.event(bytes(one + "1"))).as("a number after it").isNull();
            assertThat(CanonicalEvents.event(bytes("[" + one + "]"))).as("an array").isNull();
        }
        String first = json(EVENTS.get(0));
        assertThat(CanonicalEvents.event(bytes(first.replace("{\"type\"", "{\"unknown\":1,\"type\"")))).isNull();
        assertThat(CanonicalEvents.event(bytes("{}"))).isNull();
        assertThat(CanonicalEvents.event(bytes("\"event\""))).isNull();
        assertThat(CanonicalEvents.event(bytes(""))).isNull();
        assertThat(CanonicalEvents.event(bytes(first.substring(0, first.length() - 1)))).as("cut short").isNull();
    }

    @Test
    void anArrayOfEventsIsReadAndAnythingMoreOrOtherIsLeftToDataBinding() throws JsonProcessingException {
        String array = json(EVENTS);
        String first = json(EVENTS.get(0));

        assertThat(CanonicalEvents.events(bytes(array))).isEqualTo(EVENTS);
        assertThat(CanonicalEvents.events(bytes("[ ]"))).isEmpty();
        assertThat(CanonicalEvents.events(bytes("[" + first + "]"))).containsExactly(EVENTS.get(0));
        assertThat(CanonicalEvents.events(bytes(first))).as("an object").isNull();
        assertThat(CanonicalEvents.events(bytes("[" + first + ",1]"))).as("a number in it").isNull();
        assertThat(CanonicalEvents.events(bytes("[1," + first + "]"))).as("a number first").isNull();
        assertThat(CanonicalEvents.events(bytes("[" + first + ",{}]"))).as("an empty object").isNull();
        assertThat(CanonicalEvents.events(bytes("[{}," + first + "]"))).as("an empty object first").isNull();
        assertThat(CanonicalEvents.events(bytes(array + "[]"))).as("a second array").isNull();
        assertThat(CanonicalEvents.events(bytes(array + " 7"))).as("a number after it").isNull();
        assertThat(CanonicalEvents.events(bytes("[" + first))).as("not closed").isNull();
        assertThat(CanonicalEvents.events(bytes(""))).isNull();
    }
}
