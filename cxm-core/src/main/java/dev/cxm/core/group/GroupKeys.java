package dev.cxm.core.group;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;

/**
 * The built-in {@link GroupKey}s: by channel, touchpoint, touchpoint name, the host's stage hint, survey,
 * interaction outcome, event type, or an attribute. Each reads the parsed event, so it works the same on
 * events from CSV, NDJSON or a store.
 *
 * <pre>{@code
 * GroupKey byChannel = GroupKeys.channel();
 * GroupKey byPlan = GroupKeys.attribute("plan");
 * GroupKey fromCli = GroupKeys.named("survey");     // a built-in name, else an attribute
 * }</pre>
 */
public final class GroupKeys {

    /** The group of events that have no value for a key. */
    public static final String NO_VALUE = "(none)";

    /** The groups of the channels and event types, by ordinal: lower-cased once, not once per event. */
    private static final String[] CHANNEL_NAMES = lowerCaseNames(Channel.values());
    private static final String[] EVENT_TYPE_NAMES = lowerCaseNames(EventType.values());

    private GroupKeys() {}

    private static String[] lowerCaseNames(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /** The built-in keys that read a field of the event, by name. */
    private enum Field {
        CHANNEL("channel"),
        TOUCHPOINT("touchpoint"),
        TOUCHPOINT_NAME("touchpoint_name"),
        STAGE("stage"),
        SURVEY("survey"),
        OUTCOME("outcome"),
        EVENT_TYPE("event_type");

        private final String keyName;

        Field(String keyName) {
            this.keyName = keyName;
        }

        Optional<String> valueOf(CustomerEvent event) {
            Optional<Touchpoint> touchpoint = event.atTouchpoint();
            return switch (this) {
                case CHANNEL -> touchpoint.map(t -> CHANNEL_NAMES[t.channel().ordinal()]);
                case TOUCHPOINT -> touchpoint.map(t -> t.id().value());
                case TOUCHPOINT_NAME -> touchpoint.map(Touchpoint::name);
                case STAGE -> touchpoint.flatMap(Touchpoint::stage);
                case SURVEY -> event instanceof FeedbackResponse response ? Optional.of(response.surveyId())
                        : Optional.empty();
                case OUTCOME -> event instanceof Interaction interaction ? Optional.of(interaction.outcome())
                        : Optional.empty();
                case EVENT_TYPE -> Optional.of(EVENT_TYPE_NAMES[event.eventType().ordinal()]);
            };
        }
    }

    private record FieldKey(Field field) implements GroupKey {
        @Override
        public String name() {
            return field.keyName;
        }

        @Override
        public Optional<String> valueOf(CustomerEvent event) {
            return field.valueOf(Checks.present("event", event));
        }
    }

    private record AttributeKey(String attribute) implements GroupKey {
        @Override
        public String name() {
            return "attribute:" + attribute;
        }

        @Override
        public Optional<String> valueOf(CustomerEvent event) {
            return Optional.ofNullable(Checks.present("event", event).attributes().get(attribute));
        }
    }

    /**
     * Returns the key that groups by the channel of the event's touchpoint, in lower case ({@code web}).
     *
     * @return the key
     */
    public static GroupKey channel() {
        return new FieldKey(Field.CHANNEL);
    }

    /**
     * Returns the key that groups by the id of the event's touchpoint.
     *
     * @return the key
     */
    public static GroupKey touchpoint() {
        return new FieldKey(Field.TOUCHPOINT);
    }

    /**
     * Returns the key that groups by the name of the event's touchpoint.
     *
     * @return the key
     */
    public static GroupKey touchpointName() {
        return new FieldKey(Field.TOUCHPOINT_NAME);
    }

    /**
     * Returns the key that groups by the stage the host recorded on the event's touchpoint
     * ({@link Touchpoint#stage()}): the host's hint, not a journey map's placement.
     *
     * @return the key
     */
    public static GroupKey stage() {
        return new FieldKey(Field.STAGE);
    }

    /**
     * Returns the key that groups feedback responses by survey; other events have no value.
     *
     * @return the key
     */
    public static GroupKey survey() {
        return new FieldKey(Field.SURVEY);
    }

    /**
     * Returns the key that groups interactions by outcome; other events have no value.
     *
     * @return the key
     */
    public static GroupKey outcome() {
        return new FieldKey(Field.OUTCOME);
    }

    /**
     * Returns the key that groups by event type, in lower case ({@code feedback}).
     *
     * @return the key
     */
    public static GroupKey eventType() {
        return new FieldKey(Field.EVENT_TYPE);
    }

    /**
     * Returns the key that groups by the value of one of the host's attributes.
     *
     * @param name the attribute's name
     * @return the key
     */
    public static GroupKey attribute(String name) {
        return new AttributeKey(Checks.nonBlank("attribute", name));
    }

    /**
     * Returns the built-in key of a name, as a command line takes it: {@code channel}, {@code touchpoint}
     * (or {@code touchpoint_id}), {@code touchpoint_name}, {@code stage}, {@code survey} (or
     * {@code survey_id}), {@code outcome}, {@code event_type}, case ignored.
     *
     * @param name the name
     * @return the built-in key; empty when the name is none of them (a caller may then take it as an attribute)
     */
    public static Optional<GroupKey> builtIn(String name) {
        String normalised = Checks.nonBlank("name", name).strip().toLowerCase(Locale.ROOT);
        String canonical = switch (normalised) {
            case "touchpoint_id" -> "touchpoint";
            case "survey_id" -> "survey";
            default -> normalised;
        };
        return Arrays.stream(Field.values()).filter(field -> field.keyName.equals(canonical)).findFirst()
                .map(FieldKey::new);
    }

    /**
     * Returns the built-in key of {@code name} (see {@link #builtIn}), or else the attribute of that name.
     *
     * @param name a built-in key's name or an attribute's
     * @return the key
     */
    public static GroupKey named(String name) {
        return builtIn(name).orElseGet(() -> attribute(name.strip()));
    }

    /**
     * Returns the names {@link #builtIn} accepts, comma-separated, for messages.
     *
     * @return the names
     */
    public static String builtInNames() {
        return Arrays.stream(Field.values()).map(field -> field.keyName).collect(Collectors.joining(", "));
    }
}
