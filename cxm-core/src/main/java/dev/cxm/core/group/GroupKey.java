package dev.cxm.core.group;

import java.util.Optional;
import java.util.function.Function;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;

/**
 * A named way to put an event in a group: by its channel, its touchpoint, its survey, an attribute, or
 * anything the host computes. The built-in keys come from {@link GroupKeys} and are equal when they read
 * the same field, so a configuration that holds one compares by value.
 *
 * <p>An event the key has no value for ({@link #valueOf} empty) falls into the group
 * {@value GroupKeys#NO_VALUE} where a calculator must place every event.
 */
public interface GroupKey {

    /**
     * Returns the key's name, such as {@code channel} or {@code attribute:plan}: the column heading of a
     * breakdown by it.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the group of {@code event} under this key, when the event has one.
     *
     * @param event the event
     * @return the group's name; empty when the event has no value for the key
     */
    Optional<String> valueOf(CustomerEvent event);

    /**
     * Returns the group of {@code event}, or {@value GroupKeys#NO_VALUE} when it has none.
     *
     * @param event the event
     * @return the group's name
     */
    default String groupOf(CustomerEvent event) {
        return valueOf(event).orElse(GroupKeys.NO_VALUE);
    }

    /**
     * Returns a key computed by the host: equal only to itself.
     *
     * @param name the key's name
     * @param value the group of an event, or empty
     * @return the key
     */
    static GroupKey of(String name, Function<? super CustomerEvent, Optional<String>> value) {
        Checks.nonBlank("name", name);
        Checks.present("value", value);
        return new GroupKey() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> valueOf(CustomerEvent event) {
                return Checks.present("value of " + name, value.apply(Checks.present("event", event)));
            }

            @Override
            public String toString() {
                return "GroupKey[" + name + "]";
            }
        };
    }
}
