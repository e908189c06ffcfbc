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
        TouchpointId[] more = plus(ids, id);
        return more == ids ? this : new TouchpointSet(more);
    }

    /**
     * Returns the array of a set ({@link #ids()}) with {@code id} added at the end: {@code ids} itself when it
     * holds it already, else a new array ({@code ids} is not written). What a holder of the array (a profile,
     * which then needs no set object of its own) calls.
     *
     * @param ids the set's ids
     * @param id the id to add
     * @return the ids with it
     */
    public static TouchpointId[] plus(TouchpointId[] ids, TouchpointId id) {
        for (TouchpointId each : ids) {
            if (each.equals(id)) {
                return ids;
            }
        }
        TouchpointId[] more = Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = id;
        return more;
    }

    /**
     * Returns the set of an array a holder keeps ({@link #ids()}), sharing it: the holder never writes it.
     *
     * @param ids the ids, each once
     * @return the set
     */
    public static TouchpointSet view(TouchpointId[] ids) {
        return ids.length == 0 ? EMPTY : new TouchpointSet(ids);
    }

    /**
     * Returns the ids in the order first used: the set's own array, for a holder that keeps it and never writes
     * it.
     *
     * @return the array
     */
    public TouchpointId[] ids() {
        return ids;
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
