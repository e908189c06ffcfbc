package dev.cxm.journey;

import java.util.List;
import java.util.function.Predicate;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.journey.internal.Matchers;

/**
 * A test of one event: at a touchpoint, of a type, in the host's stage, with an attribute value, or any
 * combination through {@link #and}, {@link #or} and {@link #not}. Funnel steps, path starts and ends, and
 * excluded events are matchers. The built-in matchers are values (equal when they test the same thing), so
 * a funnel that holds them compares by value.
 *
 * <pre>{@code
 * EventMatcher checkout = EventMatcher.touchpoint("checkout");
 * EventMatcher paidOnline = EventMatcher.and(EventMatcher.eventType(EventType.PURCHASE),
 *         EventMatcher.attribute("channel", "web"));
 * }</pre>
 */
public interface EventMatcher {

    /**
     * Returns whether {@code event} passes the test.
     *
     * @param event the event
     * @return whether it matches
     */
    boolean matches(CustomerEvent event);

    /**
     * Returns a short description, such as {@code touchpoint=checkout}: the default name of a funnel step.
     *
     * @return the description
     */
    String describe();

    /**
     * Returns whether the test reads nothing but the event's type and touchpoint (its id, name, channel and
     * stage hint). Calculators then decide once per distinct touchpoint instead of once per event; a matcher
     * of the host's own ({@link #of}) reads anything and answers {@code false}.
     *
     * @return whether the type and touchpoint decide the outcome
     */
    default boolean readsOnlyTypeAndTouchpoint() {
        return false;
    }

    /**
     * Returns the matcher of events at (or rating) the touchpoint with this id.
     *
     * @param touchpointId the touchpoint's id
     * @return the matcher
     * @throws IllegalArgumentException when the id is blank or too long
     */
    static EventMatcher touchpoint(String touchpointId) {
        return Matchers.touchpoint(touchpointId);
    }

    /**
     * Returns the matcher of events of one type, such as every purchase.
     *
     * @param type the event type
     * @return the matcher
     */
    static EventMatcher eventType(EventType type) {
        return Matchers.eventType(Checks.present("type", type));
    }

    /**
     * Returns the matcher of events whose touchpoint carries the host's stage hint {@code stage}
     * ({@link dev.cxm.core.model.Touchpoint#stage()}); a journey map's own placement is
     * {@code JourneyMap.stageOf}.
     *
     * @param stage the stage hint
     * @return the matcher
     * @throws IllegalArgumentException when {@code stage} is blank
     */
    static EventMatcher stage(String stage) {
        return Matchers.stage(Checks.nonBlank("stage", stage));
    }

    /**
     * Returns the matcher of events whose attribute {@code key} is exactly {@code value}.
     *
     * @param key the attribute's name
     * @param value the value it must have
     * @return the matcher
     * @throws IllegalArgumentException when {@code key} is blank
     */
    static EventMatcher attribute(String key, String value) {
        return Matchers.attribute(Checks.nonBlank("key", key), Checks.present("value", value));
    }

    /**
     * Returns the matcher of events every one of {@code matchers} matches.
     *
     * @param first a matcher
     * @param rest more matchers
     * @return the conjunction
     */
    static EventMatcher and(EventMatcher first, EventMatcher... rest) {
        return Matchers.and(list("and", first, rest));
    }

    /**
     * Returns the matcher of events at least one of {@code matchers} matches.
     *
     * @param first a matcher
     * @param rest more matchers
     * @return the disjunction
     */
    static EventMatcher or(EventMatcher first, EventMatcher... rest) {
        return Matchers.or(list("or", first, rest));
    }

    /**
     * Returns the matcher of events {@code matcher} does not match.
     *
     * @param matcher the matcher to negate
     * @return the negation
     */
    static EventMatcher not(EventMatcher matcher) {
        return Matchers.not(Checks.present("matcher", matcher));
    }

    /**
     * Returns a matcher of the host's own: equal only to itself.
     *
     * @param description what it tests, for step names and messages
     * @param test the test
     * @return the matcher
     * @throws IllegalArgumentException when {@code description} is blank
     */
    static EventMatcher of(String description, Predicate<? super CustomerEvent> test) {
        return Matchers.custom(Checks.nonBlank("description", description), Checks.present("test", test));
    }

    private static List<EventMatcher> list(String field, EventMatcher first, EventMatcher... rest) {
        Checks.present(field, first);
        Checks.present(field, rest);
        java.util.ArrayList<EventMatcher> all = new java.util.ArrayList<>(rest.length + 1);
        all.add(first);
        for (EventMatcher matcher : rest) {
            all.add(Checks.present(field, matcher));
        }
        return List.copyOf(all);
    }
}
