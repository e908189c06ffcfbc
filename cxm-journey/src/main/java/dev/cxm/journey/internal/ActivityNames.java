package dev.cxm.journey.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.model.CustomerEvent;

/**
 * Numbers the names a {@link GroupKey} gives events, densely from 0, so that paths and discovery count in
 * arrays; a key of this module that reads only the type and touchpoint is asked once per touchpoint. Not
 * thread-safe: one per calculator run.
 */
public final class ActivityNames {

    private final GroupKey key;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final TouchpointCache cache;

    /**
     * Creates the numbering of {@code key}'s names.
     *
     * @param key the key that names events
     */
    public ActivityNames(GroupKey key) {
        this.key = key;
        this.cache = key instanceof TypeAndTouchpointKey ? new TouchpointCache(event -> lookUp(event) + 1L) : null;
    }

    /**
     * Returns the number of the name {@code event} has, or -1 when the key gives it none.
     *
     * @param event the event
     * @return the name's number, or -1
     */
    public int idOf(CustomerEvent event) {
        return cache != null ? (int) cache.valueOf(event) - 1 : lookUp(event);
    }

    private int lookUp(CustomerEvent event) {
        Optional<String> name = key.valueOf(event);
        return name.isEmpty() ? -1 : idOf(name.get());
    }

    /**
     * Returns the number of {@code name}, numbering it if new.
     *
     * @param name the name
     * @return its number
     */
    public int idOf(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    /**
     * Returns the name numbered {@code id}.
     *
     * @param id a number this object gave
     * @return the name
     */
    public String name(int id) {
        return names.get(id);
    }

    /**
     * Returns how many names are numbered.
     *
     * @return the count
     */
    public int size() {
        return names.size();
    }
}
