package dev.cxm.metrics.clv.rfm.internal;

import java.util.Arrays;

import dev.cxm.core.model.CustomerId;

/**
 * Numbers customers 0, 1, 2, ... in the order they first appear: an open-addressing hash table, a third of
 * the memory of a {@code HashMap<CustomerId, Integer>} at a million customers and fewer cache misses per
 * lookup: each slot's hash and number sit side by side in one {@code int} array, and the id itself is read
 * only when the hashes agree (by identity first, as a store's interned ids are).
 */
public final class CustomerIndex {

    private static final int EMPTY = -1;

    /** Per slot: {@code [2s]} the mixed hash, {@code [2s + 1]} the customer's number or {@link #EMPTY}. */
    private int[] table = emptyTable(1024);
    private CustomerId[] byNumber = new CustomerId[256];
    private int size;

    /** Folds the loads of the batch passes into a field so that the compiler keeps them. */
    private int touched;

    /** Returns the customer's number, assigning the next one to a customer not seen before. */
    int numberOf(CustomerId customer) {
        return numberOf(customer, mix(customer.hashCode()));
    }

    /**
     * Numbers {@code customers[0, count)} into {@code numbers}, as {@link #numberOf} one by one would. With a
     * million customers every lookup misses the cache two to four times (the id, its string, the slot, the
     * numbered id); the first passes issue those loads for the whole batch, which the processor then overlaps,
     * instead of waiting for each lookup's misses in turn.
     */
    public void numbersOf(CustomerId[] customers, int count, int[] hashes, int[] numbers) {
        for (int i = 0; i < count; i++) {
            hashes[i] = mix(customers[i].hashCode());
        }
        int mask = (table.length >> 1) - 1;
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += table[2 * (hashes[i] & mask) + 1];
        }
        for (int i = 0; i < count; i++) {
            int number = table[2 * (hashes[i] & mask) + 1];
            if (number != EMPTY && byNumber[number] == customers[i]) {
                sum++;
            }
        }
        touched += sum;
        for (int i = 0; i < count; i++) {
            numbers[i] = numberOf(customers[i], hashes[i]);
        }
    }

    private int numberOf(CustomerId customer, int hash) {
        int mask = (table.length >> 1) - 1;
        int slot = hash & mask;
        while (true) {
            int number = table[2 * slot + 1];
            if (number == EMPTY) {
                break;
            }
            if (table[2 * slot] == hash) {
                CustomerId present = byNumber[number];
                if (present == customer || present.equals(customer)) {
                    return number;
                }
            }
            slot = (slot + 1) & mask;
        }
        int number = size++;
        table[2 * slot] = hash;
        table[2 * slot + 1] = number;
        if (number == byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, number * 2);
        }
        byNumber[number] = customer;
        if (4 * size > table.length) {
            grow();
        }
        return number;
    }

    /** Returns the customer numbered {@code number}. */
    public CustomerId customer(int number) {
        return byNumber[number];
    }

    /** Returns how many customers are numbered. */
    public int size() {
        return size;
    }

    private void grow() {
        int[] old = table;
        table = emptyTable(old.length);
        int mask = (table.length >> 1) - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != EMPTY) {
                int slot = old[i] & mask;
                while (table[2 * slot + 1] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    /** Returns a table of {@code slots} empty slots. */
    private static int[] emptyTable(int slots) {
        int[] table = new int[2 * slots];
        for (int i = 1; i < table.length; i += 2) {
            table[i] = EMPTY;
        }
        return table;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
