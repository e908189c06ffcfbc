package dev.cxm.examples.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.cxm.core.io.CxmJson;
import dev.cxm.metrics.churn.PeriodChurn;

/** Prints a subcommand's result as one JSON object, in cxm's JSON conventions. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = newMapper();

    private JsonOutput() {}

    /**
     * Returns cxm's mapper, indented. The churn and survival commands follow one convention for a value that
     * is absent (a rate of a period nobody was active at the start of, a median never reached): the key is
     * present with {@code null}; their own records say so with {@code @JsonInclude(ALWAYS)}, and the library
     * records they print as they are get the same rule here.
     */
    private static ObjectMapper newMapper() {
        ObjectMapper mapper = CxmJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.configOverride(PeriodChurn.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
        return mapper;
    }

    /** Prints {@code result} (a record or a map) as one JSON object followed by a newline. */
    static void print(PrintWriter out, Object result) {
        try {
            out.println(MAPPER.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
        out.flush();
    }
}
