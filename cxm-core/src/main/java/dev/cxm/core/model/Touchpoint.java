package dev.cxm.core.model;

import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A place where the customer meets the company: a page, a hotline, a store counter, an e-mail campaign.
 *
 * <p>Touchpoints are values; stores keep one shared instance per distinct touchpoint, so millions of
 * events at the same touchpoint cost one object.
 *
 * <p>The {@link #stage()} is the host's hint only, recorded with the event as the host sent it. Which
 * journey stage a touchpoint belongs to is the business of a journey map, which may read the hint or
 * ignore it; restaging a journey changes the map, never the stored events.
 *
 * @param id the touchpoint's key
 * @param name a human-readable name
 * @param channel the channel the touchpoint is on
 * @param stage the host's hint of the journey stage the touchpoint belongs to, when it gives one; a
 *     journey map decides the stage it uses
 */
public record Touchpoint(TouchpointId id, String name, Channel channel, Optional<String> stage) {

    /**
     * Validates the touchpoint.
     *
     * @param id the touchpoint's key
     * @param name a human-readable name; non-blank
     * @param channel the channel the touchpoint is on
     * @param stage the host's hint of the journey stage, when it gives one; non-blank when present
     * @throws IllegalArgumentException when the name or a present stage is blank
     */
    public Touchpoint {
        Checks.present("touchpoint.id", id);
        Checks.nonBlank("touchpoint.name", name);
        Checks.present("touchpoint.channel", channel);
        Checks.present("touchpoint.stage", stage);
        stage.ifPresent(s -> Checks.nonBlank("touchpoint.stage", s));
    }

    /**
     * Returns a touchpoint without a stage hint.
     *
     * @param id the touchpoint's key
     * @param name a human-readable name
     * @param channel the channel the touchpoint is on
     * @return the touchpoint
     * @throws IllegalArgumentException when the id or name is blank
     */
    public static Touchpoint of(String id, String name, Channel channel) {
        return new Touchpoint(TouchpointId.of(id), name, channel, Optional.empty());
    }

    /**
     * Returns a copy of this touchpoint with the host's hint of its journey stage.
     *
     * @param stageName the stage the host places the touchpoint in; a journey map may place it elsewhere
     * @return the touchpoint with the hint
     * @throws IllegalArgumentException when {@code stageName} is blank
     */
    public Touchpoint inStage(String stageName) {
        return new Touchpoint(id, name, channel, Optional.of(stageName));
    }
}
