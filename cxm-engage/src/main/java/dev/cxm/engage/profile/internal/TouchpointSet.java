package dev.cxm.engage.profile.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.cxm.core.model.TouchpointId;

/**
 * An immutable set of touchpoint ids held as an array, in the order first used: a customer uses few distinct
 * touchpoints, so that a lookup scans a short array and adding one copies it. Equal to any set with the same
 * elements.
 */
public final class TouchpointSet extends AbstractSet<TouchpointId> {

    private static final TouchpointSet EMPTY = new TouchpointSet(new TouchpointId[0]);

    private final TouchpointId[] ids;

    private TouchpointSet(TouchpointId[] ids) {
        this.ids = ids;
    }

    /**
     * Returns the empty set.
     *
     * @return the set
     */
    public static TouchpointSet empty() {
        return EMPTY;
    }

    /**
     * Returns {@code ids} as a set of this kind: itself when it is one, else a copy.
     *
     * @param ids the ids
     * @return the set
     */
    public static TouchpointSet copyOf(Collection<TouchpointId> ids) {
        if (ids instanceof TouchpointSet set) {
            return set;
        }
        TouchpointSet set = EMPTY;
        for (TouchpointId id : ids) {
            set = set.plus(id);
        }
        return set;
    }

    /**
     * Returns this set with {@code id}: itself when it holds it already.
     *
     * @param id the id
     * @return the set with it
     */
    public TouchpointSet plus(TouchpointId id) {
        if (contains(id)) {
            return this;
        }
        TouchpointId[] more = Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = id;
        return new TouchpointSet(more);
    }

    /**
     * Returns the union of both sets.
     *
     * @param other the other set
     * @return the union
     */
    public TouchpointSet plus(TouchpointSet other) {
        TouchpointSet set = this;
        for (TouchpointId id : other.ids) {
            set = set.plus(id);
        }
        return set;
    }

    @Override
    public boolean contains(Object candidate) {
        for (TouchpointId id : ids) {
            if (id.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return ids.length;
    }

    /**
     * Returns the hash of the first id, or 0 for the empty set: what a reader ahead loads so that the ids are
     * in cache when the set is searched.
     *
     * @return the first id's hash
     */
    public int firstHash() {
        return ids.length == 0 ? 0 : ids[0].hashCode();
    }

    @Override
    public Iterator<TouchpointId> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ids.length;
            }

            @Override
            public TouchpointId next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ids[next++];
            }
        };
    }
}
