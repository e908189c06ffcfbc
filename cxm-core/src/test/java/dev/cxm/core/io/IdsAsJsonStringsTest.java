package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.TouchpointId;

/**
 * Ids on their own are written and read as plain JSON strings, as {@link CxmJacksonModule}'s Javadoc says; a
 * rejected row prints as {@code line N[, column C]: reason}, as {@link RejectedRow#toString()}'s does. Oracle:
 * those texts written by hand.
 */
class IdsAsJsonStringsTest {

    @Test
    void idsAreWrittenAndReadAsPlainStrings() throws JsonProcessingException {
        assertThat(CxmJson.mapper().writeValueAsString(CustomerId.of("c 1"))).isEqualTo("\"c 1\"");
        assertThat(CxmJson.mapper().writeValueAsString(TouchpointId.of("hotline"))).isEqualTo("\"hotline\"");
        assertThat(CxmJson.mapper().writeValueAsString(EventId.of("e1"))).isEqualTo("\"e1\"");
        assertThat(CxmJson.mapper().readValue("\"c 1\"", CustomerId.class)).isEqualTo(CustomerId.of("c 1"));
        assertThat(CxmJson.mapper().readValue("\"hotline\"", TouchpointId.class)).isEqualTo(TouchpointId.of("hotline"));
    }

    @Test
    void aRejectedRowPrintsItsLineColumnAndReason() {
        assertThat(new RejectedRow(3, Optional.of("score"), "not a number")).hasToString("line 3, column score: not a number");
        assertThat(new RejectedRow(7, Optional.empty(), "the row has 2 cells")).hasToString("line 7: the row has 2 cells");
    }
}
