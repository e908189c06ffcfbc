package dev.cxm.journey.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.journey.EventMatcher;

/** The built-in {@link EventMatcher}s, as records so that they compare by value. */
public final class Matchers {

    private Matchers() {}

    /** Returns the touchpoint of an event without allocating for the common case, an interaction. */
    static Optional<Touchpoint> touchpointOf(CustomerEvent event) {
        return event instanceof Interaction interaction ? Optional.of(interaction.touchpoint()) : event.atTouchpoint();
    }

    public static EventMatcher touchpoint(String id) {
        return new TouchpointIs(TouchpointId.of(id));
    }

    public static EventMatcher eventType(EventType type) {
        return new TypeIs(type);
    }

    public static EventMatcher stage(String stage) {
        return new StageIs(stage);
    }

    public static EventMatcher attribute(String key, String value) {
        return new AttributeIs(key, value);
    }

    public static EventMatcher and(List<EventMatcher> all) {
        return all.size() == 1 ? all.get(0) : new And(all);
    }

    public static EventMatcher or(List<EventMatcher> all) {
        return all.size() == 1 ? all.get(0) : new Or(all);
    }

    public static EventMatcher not(EventMatcher matcher) {
        return new Not(matcher);
    }

    public static EventMatcher custom(String description, Predicate<? super CustomerEvent> test) {
        return new Custom(description, test);
    }

    record TouchpointIs(TouchpointId id) implements EventMatcher {
        @Override
        public boolean matches(CustomerEvent event) {
            if (event instanceof Interaction interaction) {
                return interaction.touchpoint().id().equals(id);
            }
            Optional<Touchpoint> at = event.atTouchpoint();
            return at.isPresent() && at.get().id().equals(id);
        }

        @Override
        public String describe() {
            return id.value();
        }

        @Override
        public boolean readsOnlyTypeAndTouchpoint() {
            return true;
        }
    }

    record TypeIs(EventType type) implements EventMatcher {
        @Override
        public boolean matches(CustomerEvent event) {
            return event.eventType() == type;
        }

        @Override
        public String describe() {
            return "type=" + type.wireName();
        }

        @Override
        public boolean readsOnlyTypeAndTouchpoint() {
            return true;
        }
    }

    record StageIs(String stage) implements EventMatcher {
        @Override
        public boolean matches(CustomerEvent event) {
            Optional<Touchpoint> at = touchpointOf(event);
            return at.isPresent() && at.get().stage().filter(stage::equals).isPresent();
        }

        @Override
        public String describe() {
            return "stage=" + stage;
        }

        @Override
        public boolean readsOnlyTypeAndTouchpoint() {
            return true;
        }
    }

    record AttributeIs(String key, String value) implements EventMatcher {
        @Override
        public boolean matches(CustomerEvent event) {
            return value.equals(event.attributes().get(key));
        }

        @Override
        public String describe() {
            return key + "=" + value;
        }
    }

    record And(List<EventMatcher> all) implements EventMatcher {
        @Override
        public boolean matches(CustomerEvent event) {
            for (EventMatcher matcher : all) {
                if (!matcher.matches(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return all.stream().map(Matchers::grouped).collect(Collectors.joining(" and "));
        }

        @Override
        public boolean readsOnlyTypeAndTouchpoint() {
            return all.stream().allMatch(EventMatcher::readsOnlyTypeAndTouchpoint);
        }
    }

    record Or(List<EventMatcher> all) implements EventMatcher {
        @Override
        public boolean matches(CustomerEvent event) {
            for (EventMatcher matcher : all) {
                if (matcher.matches(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return all.stream().map(Matchers::grouped).collect(Collectors.joining(" or "));
        }

        @Override
        public boolean readsOnlyTypeAndTouchpoint() {
            return all.stream().allMatch(EventMatcher::readsOnlyTypeAndTouchpoint);
        }
    }

    record Not(EventMatcher matcher) implements EventMatcher {
        @Override
        public boolean matches(CustomerEvent event) {
            return !matcher.matches(event);
        }

        @Override
        public String describe() {
            return "not " + grouped(matcher);
        }

        @Override
        public boolean readsOnlyTypeAndTouchpoint() {
            return matcher.readsOnlyTypeAndTouchpoint();
        }
    }

    /** A host's matcher: equal only to itself (its predicate has no value equality). */
    static final class Custom implements EventMatcher {
        private final String description;
        private final Predicate<? super CustomerEvent> test;

        Custom(String description, Predicate<? super CustomerEvent> test) {
            this.description = description;
            this.test = test;
        }

        @Override
        public boolean matches(CustomerEvent event) {
            return test.test(event);
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public String toString() {
            return "EventMatcher[" + description + "]";
        }
    }

    private static String grouped(EventMatcher matcher) {
        return matcher instanceof And || matcher instanceof Or ? "(" + matcher.describe() + ")" : matcher.describe();
    }
}
