package dev.cxm.core.model;

import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A place where the customer meets the company: a page, a hotline, a store counter, an e-mail campaign.
 *
 * <p>Touchpoints are values; stores keep one shared instance per distinct touchpoint, so millions of
 * events at the same touchpoint cost one object.
 *
 * @param id the touchpoint's key
 * @param name a human-readable name
 * @param channel the channel the touchpoint is on
 * @param stage the journey stage the touchpoint belongs to, when the host assigns one
 */
public record Touchpoint(TouchpointId id, String name, Channel channel, Optional<String> stage) {

    /** Validates the touchpoint. */
    public Touchpoint {
        Checks.present("touchpoint.id", id);
        Checks.nonBlank("touchpoint.name", name);
        Checks.present("touchpoint.channel", channel);
        Checks.present("touchpoint.stage", stage);
        stage.ifPresent(s -> Checks.nonBlank("touchpoint.stage", s));
    }

    /** Returns a touchpoint that belongs to no journey stage. */
    public static Touchpoint of(String id, String name, Channel channel) {
        return new Touchpoint(TouchpointId.of(id), name, channel, Optional.empty());
    }

    /** Returns a copy of this touchpoint assigned to the given journey stage. */
    public Touchpoint inStage(String stageName) {
        return new Touchpoint(id, name, channel, Optional.of(stageName));
    }
}
