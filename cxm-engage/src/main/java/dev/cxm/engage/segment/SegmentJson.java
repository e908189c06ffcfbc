package dev.cxm.engage.segment;

import static dev.cxm.engage.internal.JsonPaths.object;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.internal.Checks;
import dev.cxm.engage.internal.JsonPaths;
import dev.cxm.engage.segment.internal.SegmentTrees;

/**
 * Reads and writes segment definitions as JSON. The format is data only: each condition is an object with
 * one key naming its kind, and nothing read is ever evaluated as code. A definition that names an unknown
 * field, compares a field of one kind as another, or is malformed is refused, naming its path in the JSON.
 *
 * <pre>{@code
 * {"segments": [
 *   {"name": "loyal-detractors", "condition": {"allOf": [
 *     {"category": "npsCategory", "in": ["detractor"]},
 *     {"number": "purchaseCount", "op": ">=", "value": 3},
 *     {"consent": "service-call"}]}},
 *   {"name": "dormant", "condition": {"since": "lastSeen", "op": ">", "duration": "P90D"}},
 *   {"name": "in-checkout", "condition": {"anyOf": [{"stage": "purchase"}, {"channelUsed": "web"}]}},
 *   {"name": "not-gold", "condition": {"not": {"attribute": "tier", "equals": "gold"}}}]}
 * }</pre>
 */
public final class SegmentJson {

    private static final ObjectMapper WRITER = new ObjectMapper();

    private SegmentJson() {}

    /**
     * Reads segment definitions.
     *
     * @param json the document
     * @return the segments, in the document's order
     * @throws IllegalArgumentException naming the path in the JSON and the rule when a definition is refused
     */
    public static List<Segment> read(String json) {
        return read(new StringReader(Checks.present("json", json)));
    }

    /**
     * Reads segment definitions.
     *
     * @param json the document
     * @return the segments, in the document's order
     * @throws IllegalArgumentException naming the path in the JSON and the rule when a definition is refused
     */
    public static List<Segment> read(Reader json) {
        JsonNode root = object(JsonPaths.read(Checks.present("json", json), "segments"), "$", Set.of("segments"));
        return SegmentTrees.read(root);
    }

    /**
     * Writes segment definitions in the form {@link #read} reads.
     *
     * @param segments the segments
     * @return the JSON document
     */
    public static String write(List<Segment> segments) {
        Checks.noNullElements("segments", segments);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Segment segment : segments) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", segment.name());
            definition.put("condition", tree(segment.condition()));
            list.add(definition);
        }
        try {
            return WRITER.writeValueAsString(Map.of("segments", list));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segments: could not be written as JSON", e);
        }
    }

    private static Map<String, Object> tree(Condition condition) {
        Map<String, Object> node = new LinkedHashMap<>();
        if (condition instanceof Condition.NumberIs is) {
            node.put("number", is.field().jsonName());
            node.put("op", is.comparison().symbol());
            node.put("value", is.value());
        } else if (condition instanceof Condition.CategoryIn in) {
            node.put("category", in.field().jsonName());
            node.put("in", List.copyOf(in.values()));
        } else if (condition instanceof Condition.TimeSince since) {
            node.put("since", since.field().jsonName());
            node.put("op", since.comparison().symbol());
            node.put("duration", since.duration().toString());
        } else if (condition instanceof Condition.StageIs stage) {
            node.put("stage", stage.stage());
        } else if (condition instanceof Condition.ChannelUsed used) {
            node.put("channelUsed", used.channel().name().toLowerCase(Locale.ROOT));
        } else if (condition instanceof Condition.AttributeIs attribute) {
            node.put("attribute", attribute.name());
            node.put("equals", attribute.value());
        } else if (condition instanceof Condition.ConsentGiven consent) {
            node.put("consent", consent.purpose());
        } else if (condition instanceof Condition.AllOf all) {
            node.put("allOf", all.conditions().stream().map(SegmentJson::tree).toList());
        } else if (condition instanceof Condition.AnyOf any) {
            node.put("anyOf", any.conditions().stream().map(SegmentJson::tree).toList());
        } else if (condition instanceof Condition.Not not) {
            node.put("not", tree(not.condition()));
        }
        return node;
    }
}
