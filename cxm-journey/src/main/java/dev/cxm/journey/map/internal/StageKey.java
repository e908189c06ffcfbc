package dev.cxm.journey.map.internal;

import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.internal.TypeAndTouchpointKey;
import dev.cxm.journey.map.JourneyMap;

/**
 * The key of the stage a journey map places an event in; reads only the type and touchpoint.
 *
 * @param map the map
 */
public record StageKey(JourneyMap map) implements TypeAndTouchpointKey {

    @Override
    public String name() {
        return "journey-stage";
    }

    @Override
    public Optional<String> valueOf(CustomerEvent event) {
        return map.stageOf(Checks.present("event", event));
    }
}
