package dev.cxm.engage.profile.internal;

import java.util.Map;
import java.util.Set;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Ordering;

/**
 * Immutable copies as Guava's {@code copyOf} makes them, with a quicker test for a collection that is already
 * immutable: Guava asks whether it is a {@code SortedMap} or {@code SortedSet}, an interface test that the JVM
 * answers "no" to only by scanning every interface of the class, on every call; these test for Guava's sorted
 * classes instead, in constant time. A profile update passes its maps and sets through here. The one difference:
 * a view of a larger immutable collection (such as an immutable map's key set) is kept as it is, not trimmed.
 */
public final class Frozen {

    private Frozen() {}

    /**
     * Returns {@code map} when it is an immutable map in its own order, else {@code ImmutableMap.copyOf(map)}.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param map the map
     * @return an immutable map with the same entries in the same order
     */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> map(Map<? extends K, ? extends V> map) {
        if (map instanceof ImmutableMap && !(map instanceof ImmutableSortedMap)) {
            return (Map<K, V>) map;
        }
        return ImmutableMap.copyOf(map);
    }

    /**
     * Returns {@code set} when it is an immutable set in its own order, else {@code ImmutableSet.copyOf(set)}.
     *
     * @param <E> the element type
     * @param set the set
     * @return an immutable set with the same elements in the same order
     */
    @SuppressWarnings("unchecked")
    public static <E> Set<E> set(Set<? extends E> set) {
        if (set instanceof ImmutableSet && !(set instanceof ImmutableSortedSet)) {
            return (Set<E>) set;
        }
        return ImmutableSet.copyOf(set);
    }

    /**
     * Returns {@code set} when it is an immutable set in natural order, else
     * {@code ImmutableSortedSet.copyOf(set)}.
     *
     * @param <E> the element type
     * @param set the set
     * @return an immutable set of the same elements in natural order
     */
    @SuppressWarnings("unchecked")
    public static <E extends Comparable<? super E>> Set<E> sortedSet(Set<E> set) {
        if (set instanceof ImmutableSortedSet<?> sorted && sorted.comparator() == Ordering.natural()) {
            return (Set<E>) sorted;
        }
        return ImmutableSortedSet.copyOf(set);
    }
}
