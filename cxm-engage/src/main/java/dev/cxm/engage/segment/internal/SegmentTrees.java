package dev.cxm.engage.segment.internal;

import static dev.cxm.engage.internal.JsonPaths.array;
import static dev.cxm.engage.internal.JsonPaths.number;
import static dev.cxm.engage.internal.JsonPaths.object;
import static dev.cxm.engage.internal.JsonPaths.refuse;
import static dev.cxm.engage.internal.JsonPaths.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Comparison;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.TimeField;

/**
 * Reads segment definitions from a JSON tree already parsed: what {@code SegmentJson.read} reads from text, and
 * what {@code ActionJson.readCatalogue} reads from the {@code "segments"} of a catalogue's tree without writing
 * it back to text. Refusals name the path in the JSON ({@code segments[i]...}).
 */
public final class SegmentTrees {

    private static final Set<String> KINDS = Set.of("number", "category", "since", "stage", "channelUsed",
            "attribute", "consent", "allOf", "anyOf", "not");

    private SegmentTrees() {}

    /**
     * Reads the segments under {@code "segments"} of an object.
     *
     * @param root the object holding the {@code "segments"} array
     * @return the segments, in the document's order
     * @throws IllegalArgumentException naming the path in the JSON and the rule when a definition is refused
     */
    public static List<Segment> read(JsonNode root) {
        JsonNode list = array(root, "segments", "$");
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "segments[" + i + "]";
            JsonNode definition = object(list.get(i), path, Set.of("name", "condition"));
            String name = text(definition, "name", path);
            if (name.length() > Checks.MAX_ID_LENGTH) {
                throw refuse(path + ".name", "is longer than " + Checks.MAX_ID_LENGTH + " characters");
            }
            if (!names.add(name)) {
                throw refuse(path + ".name", "names segment " + i + " like an earlier one; names are unique");
            }
            segments.add(new Segment(name, condition(definition.get("condition"), path + ".condition")));
        }
        return List.copyOf(segments);
    }

    /**
     * Reads one condition of a definition.
     *
     * @param node the condition's object
     * @param path its path in the JSON
     * @return the condition
     */
    private static Condition condition(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw refuse(path, "must be a JSON object");
        }
        Set<String> kinds = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(name -> {
            if (KINDS.contains(name)) {
                kinds.add(name);
            }
        });
        if (kinds.size() != 1) {
            throw refuse(path, "must have exactly one of the keys " + KINDS.stream().sorted().collect(
                    Collectors.joining(", ")));
        }
        String kind = kinds.iterator().next();
        String at = path + "." + kind;
        switch (kind) {
            case "number": {
                object(node, path, Set.of("number", "op", "value"));
                return Condition.number(numberField(text(node, kind, path), at), comparison(node, path),
                        finite(number(node, "value", path), path + ".value"));
            }
            case "category": {
                object(node, path, Set.of("category", "in"));
                CategoryField field = categoryField(text(node, kind, path), at);
                JsonNode values = array(node, "in", path);
                Set<String> set = new LinkedHashSet<>();
                for (int i = 0; i < values.size(); i++) {
                    if (!values.get(i).isTextual() || values.get(i).asText().isBlank()) {
                        throw refuse(path + ".in[" + i + "]", "must be a non-blank string");
                    }
                    set.add(values.get(i).asText());
                }
                return new Condition.CategoryIn(field, set);
            }
            case "since": {
                object(node, path, Set.of("since", "op", "duration"));
                TimeField field = timeField(text(node, kind, path), at);
                Duration duration;
                try {
                    duration = Duration.parse(text(node, "duration", path));
                } catch (DateTimeParseException e) {
                    throw refuse(path + ".duration", "must be an ISO-8601 duration such as P30D or PT12H");
                }
                if (duration.isNegative()) {
                    throw refuse(path + ".duration", "is negative; it must be zero or more");
                }
                return Condition.since(field, comparison(node, path), duration);
            }
            case "stage":
                object(node, path, Set.of("stage"));
                return Condition.stage(text(node, kind, path));
            case "channelUsed": {
                object(node, path, Set.of("channelUsed"));
                try {
                    return Condition.channelUsed(Channel.parse(text(node, kind, path)));
                } catch (IllegalArgumentException e) {
                    throw refuse(at, "is not a channel; expected one of " + Arrays.stream(Channel.values())
                            .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
                }
            }
            case "attribute":
                object(node, path, Set.of("attribute", "equals"));
                return Condition.attribute(text(node, kind, path), requireText(node.get("equals"), path + ".equals"));
            case "consent":
                object(node, path, Set.of("consent"));
                return Condition.consent(text(node, kind, path));
            case "allOf":
            case "anyOf": {
                object(node, path, Set.of(kind));
                JsonNode parts = array(node, kind, path);
                List<Condition> conditions = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    conditions.add(condition(parts.get(i), at + "[" + i + "]"));
                }
                return kind.equals("allOf") ? new Condition.AllOf(conditions) : new Condition.AnyOf(conditions);
            }
            case "not":
                object(node, path, Set.of("not"));
                return Condition.not(condition(node.get("not"), at));
            default:
                throw new AssertionError(kind);
        }
    }

    private static String requireText(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            throw refuse(path, "must be a string");
        }
        return node.asText();
    }

    private static double finite(double value, String path) {
        if (!Double.isFinite(value)) {
            throw refuse(path, "must be a finite number");
        }
        return value;
    }

    private static Comparison comparison(JsonNode node, String path) {
        String symbol = text(node, "op", path);
        return Comparison.ofSymbol(symbol).orElseThrow(() -> refuse(path + ".op", "is not a comparison; expected one of "
                + Arrays.stream(Comparison.values()).map(Comparison::symbol).collect(Collectors.joining(" "))));
    }

    private static NumberField numberField(String name, String path) {
        return NumberField.ofJsonName(name).orElseThrow(() -> wrongField(name, path, "number",
                Arrays.stream(NumberField.values()).map(NumberField::jsonName).toList()));
    }

    private static CategoryField categoryField(String name, String path) {
        return CategoryField.ofJsonName(name).orElseThrow(() -> wrongField(name, path, "category",
                Arrays.stream(CategoryField.values()).map(CategoryField::jsonName).toList()));
    }

    private static TimeField timeField(String name, String path) {
        return TimeField.ofJsonName(name).orElseThrow(() -> wrongField(name, path, "time",
                Arrays.stream(TimeField.values()).map(TimeField::jsonName).toList()));
    }

    /** Names the kind of a known field used as another kind; an unknown name is not repeated. */
    private static IllegalArgumentException wrongField(String name, String path, String kind, List<String> accepted) {
        String actual = NumberField.ofJsonName(name).map(f -> "number")
                .or(() -> CategoryField.ofJsonName(name).map(f -> "category"))
                .or(() -> TimeField.ofJsonName(name).map(f -> "time")).orElse(null);
        if (actual != null) {
            return refuse(path, name + " is a " + actual + " field, not a " + kind + " field; " + kind + " fields are "
                    + String.join(", ", accepted));
        }
        return refuse(path, "is not a profile field; " + kind + " fields are " + String.join(", ", accepted));
    }

}
