package dev.cxm.engage.profile.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.ConsentStatus;

/**
 * An immutable map of consent purpose to the latest decision, held as two short arrays in the order given and a
 * bit per purpose that grants: a customer has few purposes, so that asking whether one is granted scans one
 * small array and reads no decision, and a profile made from another one keeps the same table (validated once,
 * when made). Equal to any map with the same entries.
 */
public final class ConsentTable extends AbstractMap<String, ConsentRecord> {

    private static final ConsentTable EMPTY = new ConsentTable(new String[0], new ConsentRecord[0], 0L);

    private final String[] purposes;
    private final ConsentRecord[] records;
    /** Bit i set when records[i] grants; purposes beyond the 64th are looked up in the records. */
    private final long granted;

    private ConsentTable(String[] purposes, ConsentRecord[] records, long granted) {
        this.purposes = purposes;
        this.records = records;
        this.granted = granted;
    }

    /**
     * Returns {@code map} as a table: itself when it is one, else a checked copy in its iteration order.
     *
     * @param map the latest decision per purpose
     * @return the table
     * @throws NullPointerException when a key or a value is null
     * @throws IllegalArgumentException when a decision is filed under another purpose than its own
     */
    public static ConsentTable copyOf(Map<String, ConsentRecord> map) {
        if (map instanceof ConsentTable table) {
            return table;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] purposes = new String[map.size()];
        ConsentRecord[] records = new ConsentRecord[map.size()];
        long granted = 0;
        int i = 0;
        for (Map.Entry<String, ConsentRecord> entry : map.entrySet()) {
            String purpose = Objects.requireNonNull(entry.getKey(), "consents: a purpose is null");
            ConsentRecord consent = Objects.requireNonNull(entry.getValue(), "consents: a decision is null");
            if (!consent.purpose().equals(purpose)) {
                throw new IllegalArgumentException("consents: a decision is filed under another purpose than its own");
            }
            purposes[i] = purpose;
            records[i] = consent;
            if (i < Long.SIZE && consent.status() == ConsentStatus.GRANTED) {
                granted |= 1L << i;
            }
            i++;
        }
        return new ConsentTable(purposes, records, granted);
    }

    /**
     * Returns whether the latest decision for {@code purpose} grants it.
     *
     * @param purpose the purpose
     * @return true when granted; false when denied, revoked or never asked
     */
    public boolean grants(String purpose) {
        int i = indexOf(purpose);
        if (i < 0) {
            return false;
        }
        return i < Long.SIZE ? (granted >>> i & 1) != 0 : records[i].status() == ConsentStatus.GRANTED;
    }

    private int indexOf(Object purpose) {
        // The same string instance is the common case (purposes named by constants); equals only when not.
        for (int i = 0; i < purposes.length; i++) {
            if (purposes[i] == purpose) {
                return i;
            }
        }
        for (int i = 0; i < purposes.length; i++) {
            if (purposes[i].equals(purpose)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public ConsentRecord get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : records[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return purposes.length;
    }

    @Override
    public Set<Map.Entry<String, ConsentRecord>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, ConsentRecord>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < purposes.length;
                    }

                    @Override
                    public Map.Entry<String, ConsentRecord> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(purposes[i], records[i]);
                    }
                };
            }

            @Override
            public int size() {
                return purposes.length;
            }
        };
    }
}
