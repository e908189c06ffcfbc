package dev.cxm.examples.cli.common;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.io.CxmJson;

/**
 * A subcommand's result as one JSON object, indented, in the library's result convention
 * ({@link CxmJson#resultMapper()}): every key present, an absent value (a rate of a period nobody was active
 * at the start of, a median never reached, the score of no responses) and a non-finite number as
 * {@code null}. A host that writes the same records with that mapper gets the same JSON. Every JSON the
 * command line prints goes through here.
 */
public final class JsonOutput {

    private static final ObjectWriter WRITER = CxmJson.resultMapper().writerWithDefaultPrettyPrinter();

    private JsonOutput() {}

    /**
     * Returns {@code result} (a record) as a JSON tree, in the same convention as {@link #print}.
     *
     * @param result the record
     * @return its tree
     */
    public static ObjectNode tree(Object result) {
        return CxmJson.resultMapper().valueToTree(result);
    }

    /**
     * Returns a new, empty JSON object.
     *
     * @return the object
     */
    public static ObjectNode objectNode() {
        return CxmJson.resultMapper().createObjectNode();
    }

    /** Prints {@code result} (a record, a map or a tree) as one JSON object followed by a newline. */
    static void print(PrintWriter out, Object result) {
        try {
            out.println(WRITER.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
        out.flush();
    }
}
