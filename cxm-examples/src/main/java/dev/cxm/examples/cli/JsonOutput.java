package dev.cxm.examples.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.cxm.core.io.CxmJson;

/** Prints a subcommand's result as one JSON object, in cxm's JSON conventions. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = CxmJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {}

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
