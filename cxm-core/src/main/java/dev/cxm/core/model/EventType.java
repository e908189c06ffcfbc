package dev.cxm.core.model;

import java.util.Locale;

/** The kinds of {@link CustomerEvent}. */
public enum EventType {
    /** An {@link Interaction}. */
    INTERACTION("interaction", Interaction.class),
    /** A {@link Purchase}. */
    PURCHASE("purchase", Purchase.class),
    /** A {@link FeedbackResponse}. */
    FEEDBACK("feedback", FeedbackResponse.class);

    private final String wireName;
    private final Class<? extends CustomerEvent> eventClass;

    EventType(String wireName, Class<? extends CustomerEvent> eventClass) {
        this.wireName = wireName;
        this.eventClass = eventClass;
    }

    /**
     * Returns the lower-case name used in JSON and CSV, such as {@code "feedback"}.
     *
     * @return {@code interaction}, {@code purchase} or {@code feedback}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the record class of events of this type.
     *
     * @return {@code Interaction.class}, {@code Purchase.class} or {@code FeedbackResponse.class}
     */
    public Class<? extends CustomerEvent> eventClass() {
        return eventClass;
    }

    /**
     * Parses a type name, ignoring case.
     *
     * @param text {@code interaction}, {@code purchase} or {@code feedback}
     * @return the type
     * @throws IllegalArgumentException listing the names (without repeating the text) when it names no type
     */
    public static EventType parse(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        for (EventType type : values()) {
            if (type.wireName.equals(normalised)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "type: is not an event type; expected interaction, purchase or feedback");
    }
}
