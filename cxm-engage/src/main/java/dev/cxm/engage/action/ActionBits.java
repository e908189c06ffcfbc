package dev.cxm.engage.action;

/** Sets of actions as bits, one {@code long} per 64 actions of a catalogue (bit i for the action at index i). */
final class ActionBits {

    private ActionBits() {}

    /** Adds action {@code index} to {@code bits}. */
    static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << index;
    }

    /** Returns whether {@code bits} holds action {@code index}. */
    static boolean has(long[] bits, int index) {
        return (bits[index >>> 6] & 1L << index) != 0;
    }

    /** Adds every action of {@code bits} to {@code into}. */
    static void or(long[] into, long[] bits) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= bits[w];
        }
    }

    /** Returns whether the two sets share an action. */
    static boolean meet(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) {
            if ((a[w] & b[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether the set is empty. */
    static boolean none(long[] bits) {
        for (long word : bits) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }
}
