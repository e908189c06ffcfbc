package dev.cxm.engage.profile.internal;

import java.util.Arrays;

/** Disjoint sets over 0..n-1: union by size, find with path halving, both in near-constant time. */
public final class UnionFind {

    private final int[] parent;
    private final int[] size;

    /**
     * Starts {@code n} singleton sets.
     *
     * @param n the number of elements
     */
    public UnionFind(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Arrays.fill(size, 1);
    }

    /**
     * Returns the representative of {@code element}'s set.
     *
     * @param element the element
     * @return its set's representative
     */
    public int find(int element) {
        int x = element;
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /**
     * Joins the sets of two elements.
     *
     * @param a one element
     * @param b another
     * @return whether they were in different sets
     */
    public boolean union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        if (size[ra] < size[rb]) {
            int swap = ra;
            ra = rb;
            rb = swap;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        return true;
    }
}
