package dev.cxm.engage.action;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;

/**
 * One action of the catalogue: whom it is for (segments), how it reaches them (channels, in the order the host
 * prefers), the consent purpose it needs, what it is worth, and how long after it the same customer may not get
 * it again.
 *
 * @param name the action's name, unique in a catalogue
 * @param kind what it does
 * @param segments the segments it is for: a customer in any of them qualifies; at least one
 * @param channels the channels it can use, in the host's order of preference; at least one, no repeats
 * @param consentPurpose the consent purpose it needs, such as {@code marketing-email}
 * @param value what it is worth for a customer
 * @param cooldown how long after this action the same customer may not get it again; zero or more
 */
public record Action(String name, ActionKind kind, Set<String> segments, List<Channel> channels,
        String consentPurpose, ActionValue value, Duration cooldown) {

    /**
     * Validates the action.
     *
     * @param name the action's name, an identifier
     * @param kind what it does
     * @param segments the segments it is for; at least one
     * @param channels the channels it can use; at least one, no repeats
     * @param consentPurpose the consent purpose it needs
     * @param value what it is worth
     * @param cooldown zero or more
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public Action {
        Checks.identifier("name", name);
        Checks.present("kind", kind);
        segments = ImmutableSortedSet.copyOf(Checks.noNullElements("segments", segments));
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("segments: action " + name + " is for no segment; name at least one");
        }
        channels = ImmutableList.copyOf(Checks.noNullElements("channels", channels));
        if (channels.isEmpty() || Set.copyOf(channels).size() != channels.size()) {
            throw new IllegalArgumentException("channels: action " + name + " needs at least one channel, each once");
        }
        Checks.identifier("consentPurpose", consentPurpose);
        Checks.present("value", value);
        Checks.present("cooldown", cooldown);
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown: " + cooldown + " is negative; it must be zero or more");
        }
    }
}
