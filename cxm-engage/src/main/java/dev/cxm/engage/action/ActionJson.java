package dev.cxm.engage.action;

import static dev.cxm.engage.internal.JsonPaths.array;
import static dev.cxm.engage.internal.JsonPaths.number;
import static dev.cxm.engage.internal.JsonPaths.object;
import static dev.cxm.engage.internal.JsonPaths.refuse;
import static dev.cxm.engage.internal.JsonPaths.text;

import java.io.Reader;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.engage.internal.JsonPaths;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentJson;
import dev.cxm.engage.segment.internal.SegmentTrees;

/**
 * Reads a catalogue of actions and its contact policy from JSON into a {@link NextBestAction}. An action that
 * names a segment that does not exist, a profile number that does not exist, or a malformed value, and a policy
 * that could never allow a contact, are refused naming the path in the JSON.
 *
 * <pre>{@code
 * {"policy": {"maxContacts": 2, "period": "P7D", "quietHours": {"from": "21:00", "to": "08:00"},
 *             "timeZoneAttribute": "timeZone", "defaultTimeZone": "Europe/Berlin", "preferChannel": true},
 *  "actions": [
 *    {"name": "follow-up-call", "kind": "call", "segments": ["detractors"], "channels": ["phone"],
 *     "consent": "service-call", "value": {"fixed": 50}, "cooldown": "P30D"},
 *    {"name": "win-back-offer", "kind": "offer", "segments": ["at-risk"], "channels": ["email", "sms"],
 *     "consent": "marketing-email", "value": {"profile": "valueAtRisk", "factor": 1}, "cooldown": "P14D"}]}
 * }</pre>
 *
 * <p>Every policy key is optional ({@link ContactPolicy#ofDefaults()} fills in), as is an action's cooldown
 * (zero) and a profile value's factor (1).
 *
 * <p>{@link #readCatalogue} reads a self-contained file that carries its segments too, under {@code "segments"}
 * in the form of {@link SegmentJson} (refusals there name {@code segments[i]...}, as in a segments file), and
 * checks the actions' segments against them.
 */
public final class ActionJson {

    private static final Set<String> POLICY_KEYS = Set.of("maxContacts", "period", "quietHours",
            "timeZoneAttribute", "defaultTimeZone", "preferChannel");
    private static final Set<String> ACTION_KEYS = Set.of("name", "kind", "segments", "channels", "consent", "value",
            "cooldown");

    private ActionJson() {}

    /**
     * Reads a catalogue and its policy.
     *
     * @param json the document
     * @param segments the names of the segments that exist
     * @return the decider
     * @throws IllegalArgumentException naming the path in the JSON and the rule when a definition is refused
     */
    public static NextBestAction read(String json, Collection<String> segments) {
        return read(new StringReader(Checks.present("json", json)), segments);
    }

    /**
     * Reads a catalogue and its policy.
     *
     * @param json the document
     * @param segments the names of the segments that exist
     * @return the decider
     * @throws IllegalArgumentException naming the path in the JSON and the rule when a definition is refused
     */
    public static NextBestAction read(Reader json, Collection<String> segments) {
        Set<String> known = new TreeSet<>(Checks.noNullElements("segments", segments));
        JsonNode root = object(JsonPaths.read(Checks.present("json", json), "actions"), "$",
                Set.of("policy", "actions"));
        return decider(root, known);
    }

    /**
     * Reads a self-contained catalogue: its segments, policy and actions.
     *
     * <pre>{@code
     * {"segments": [{"name": "detractors", "condition": {"category": "npsCategory", "in": ["detractor"]}}],
     *  "policy": {"maxContacts": 2, "period": "P7D"},
     *  "actions": [{"name": "follow-up-call", "kind": "call", "segments": ["detractors"], "channels": ["phone"],
     *               "consent": "service-call", "value": {"fixed": 50}}]}
     * }</pre>
     *
     * @param json the document
     * @return the catalogue
     * @throws IllegalArgumentException naming the path in the JSON and the rule when a definition is refused
     */
    public static ActionCatalogue readCatalogue(String json) {
        return readCatalogue(new StringReader(Checks.present("json", json)));
    }

    /**
     * Reads a self-contained catalogue: its segments, policy and actions.
     *
     * @param json the document
     * @return the catalogue
     * @throws IllegalArgumentException naming the path in the JSON and the rule when a definition is refused
     */
    public static ActionCatalogue readCatalogue(Reader json) {
        JsonNode root = object(JsonPaths.read(Checks.present("json", json), "actions"), "$",
                Set.of("segments", "policy", "actions"));
        List<Segment> segments = SegmentTrees.read(root);
        Set<String> known = new TreeSet<>();
        segments.forEach(segment -> known.add(segment.name()));
        return new ActionCatalogue(segments, decider(root, known));
    }

    private static NextBestAction decider(JsonNode root, Set<String> known) {
        ContactPolicy policy = root.has("policy") ? policy(root.get("policy")) : ContactPolicy.ofDefaults();
        JsonNode list = array(root, "actions", "$");
        List<Action> actions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Action action = action(list.get(i), "actions[" + i + "]", known);
            if (!names.add(action.name())) {
                throw refuse("actions[" + i + "].name", "names action " + i + " like an earlier one; names are unique");
            }
            actions.add(action);
        }
        return NextBestAction.custom(actions).policy(policy).build();
    }

    private static ContactPolicy policy(JsonNode node) {
        String path = "policy";
        object(node, path, POLICY_KEYS);
        ContactPolicy.Builder builder = ContactPolicy.custom();
        if (node.has("maxContacts")) {
            JsonNode max = node.get("maxContacts");
            if (!max.canConvertToInt() || !max.isIntegralNumber()) {
                throw refuse(path + ".maxContacts", "must be a whole number");
            }
            at(path + ".maxContacts", () -> builder.maxContacts(max.asInt()));
        }
        if (node.has("period")) {
            Duration period = duration(node, "period", path);
            at(path + ".period", () -> builder.period(period));
        }
        if (node.has("quietHours")) {
            JsonNode quiet = node.get("quietHours");
            if (quiet.isNull()) {
                builder.noQuietHours();
            } else {
                object(quiet, path + ".quietHours", Set.of("from", "to"));
                LocalTime from = time(quiet, "from", path + ".quietHours");
                LocalTime to = time(quiet, "to", path + ".quietHours");
                at(path + ".quietHours", () -> builder.quietHours(new QuietHours(from, to)));
            }
        }
        if (node.has("timeZoneAttribute")) {
            builder.timeZoneAttribute(text(node, "timeZoneAttribute", path));
        }
        if (node.has("defaultTimeZone")) {
            String zone = text(node, "defaultTimeZone", path);
            try {
                builder.defaultTimeZone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw refuse(path + ".defaultTimeZone", "is not a time zone id such as Europe/Berlin or UTC");
            }
        }
        if (node.has("preferChannel")) {
            if (!node.get("preferChannel").isBoolean()) {
                throw refuse(path + ".preferChannel", "must be true or false");
            }
            builder.preferChannel(node.get("preferChannel").asBoolean());
        }
        return builder.build();
    }

    private static Action action(JsonNode node, String path, Set<String> known) {
        object(node, path, ACTION_KEYS);
        String name = text(node, "name", path);
        String kindText = text(node, "kind", path);
        ActionKind kind = Arrays.stream(ActionKind.values())
                .filter(k -> k.name().toLowerCase(Locale.ROOT).equals(kindText)).findFirst()
                .orElseThrow(() -> refuse(path + ".kind", "is not a kind of action; expected one of "
                        + Arrays.stream(ActionKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
        JsonNode segmentList = array(node, "segments", path);
        Set<String> segments = new LinkedHashSet<>();
        for (int i = 0; i < segmentList.size(); i++) {
            JsonNode segment = segmentList.get(i);
            if (!segment.isTextual() || !known.contains(segment.asText())) {
                throw refuse(path + ".segments[" + i + "]", "names no segment; the segments are "
                        + String.join(", ", known));
            }
            segments.add(segment.asText());
        }
        JsonNode channelList = array(node, "channels", path);
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < channelList.size(); i++) {
            String at = path + ".channels[" + i + "]";
            JsonNode channel = channelList.get(i);
            if (!channel.isTextual()) {
                throw refuse(at, "must be a channel name");
            }
            try {
                Channel parsed = Channel.parse(channel.asText());
                if (channels.contains(parsed)) {
                    throw refuse(at, "repeats a channel; each channel once");
                }
                channels.add(parsed);
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith(at)) {
                    throw e;
                }
                throw refuse(at, "is not a channel; expected one of " + Arrays.stream(Channel.values())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            }
        }
        String consent = text(node, "consent", path);
        ActionValue value = value(node.get("value"), path + ".value");
        Duration cooldown = node.has("cooldown") ? duration(node, "cooldown", path) : Duration.ZERO;
        if (cooldown.isNegative()) {
            throw refuse(path + ".cooldown", "is negative; it must be zero or more");
        }
        return at(path, () -> new Action(name, kind, segments, channels, consent, value, cooldown));
    }

    private static ActionValue value(JsonNode node, String path) {
        if (node != null && node.has("fixed")) {
            object(node, path, Set.of("fixed"));
            double amount = number(node, "fixed", path);
            return at(path + ".fixed", () -> ActionValue.fixed(amount));
        }
        if (node != null && node.has("profile")) {
            object(node, path, Set.of("profile", "factor"));
            NumberField field = NumberField.ofJsonName(text(node, "profile", path)).orElseThrow(() -> refuse(
                    path + ".profile", "is not a number field; number fields are " + Arrays.stream(NumberField.values())
                            .map(NumberField::jsonName).collect(Collectors.joining(", "))));
            double factor = node.has("factor") ? number(node, "factor", path) : 1;
            return at(path + ".factor", () -> ActionValue.fromProfile(field, factor));
        }
        throw refuse(path, "must be an object with fixed (a number) or profile (a number field) and factor");
    }

    private static Duration duration(JsonNode node, String key, String path) {
        try {
            return Duration.parse(text(node, key, path));
        } catch (DateTimeParseException e) {
            throw refuse(path + "." + key, "must be an ISO-8601 duration such as P30D or PT12H");
        }
    }

    private static LocalTime time(JsonNode node, String key, String path) {
        try {
            return LocalTime.parse(text(node, key, path));
        } catch (DateTimeParseException e) {
            throw refuse(path + "." + key, "must be a time of day such as 21:00");
        }
    }

    /** Runs a validating step, prefixing a refusal with the path in the JSON. */
    private static <T> T at(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw refuse(path, e.getMessage());
        }
    }
}
