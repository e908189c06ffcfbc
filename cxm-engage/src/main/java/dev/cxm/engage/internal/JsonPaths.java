package dev.cxm.engage.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strict reading of definition files (segments, actions) as JSON trees, with every refusal naming the path in
 * the JSON and the rule, never the raw value read.
 */
public final class JsonPaths {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonPaths() {}

    /**
     * Reads a JSON document as a tree.
     *
     * @param json the document
     * @param what what the document holds, for the message
     * @return the tree
     * @throws IllegalArgumentException naming the line and column when it is not JSON
     */
    public static JsonNode read(Reader json, String what) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": could not be read", e);
        }
    }

    /**
     * Returns a refusal naming {@code path} and the rule.
     *
     * @param path the path in the JSON, such as {@code segments[2].condition}
     * @param rule what is wrong
     * @return the exception to throw
     */
    public static IllegalArgumentException refuse(String path, String rule) {
        return new IllegalArgumentException(path + ": " + rule);
    }

    /**
     * Returns {@code node} when it is an object whose keys are all among {@code allowed}.
     *
     * @param node the node
     * @param path its path
     * @param allowed the keys it may have
     * @return the node
     */
    public static JsonNode object(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw refuse(path, "must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw refuse(path, "has a key that is not one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return node;
    }

    /**
     * Returns the text of a required string member.
     *
     * @param parent the object
     * @param key the member's key
     * @param path the object's path
     * @return the text, non-blank
     */
    public static String text(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw refuse(path + "." + key, "must be a non-blank string");
        }
        return node.asText();
    }

    /**
     * Returns the value of a required number member.
     *
     * @param parent the object
     * @param key the member's key
     * @param path the object's path
     * @return the number
     */
    public static double number(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isNumber()) {
            throw refuse(path + "." + key, "must be a number");
        }
        return node.asDouble();
    }

    /**
     * Returns a required array member.
     *
     * @param parent the object
     * @param key the member's key
     * @param path the object's path
     * @return the array, with at least one element
     */
    public static JsonNode array(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw refuse(path + "." + key, "must be a non-empty array");
        }
        return node;
    }
}
