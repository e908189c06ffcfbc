package dev.cxm.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.google.common.hash.Hashing;

/**
 * The handle table answers as a {@link HashMap} from keys to handles does. Oracle: a {@code HashMap} fed the
 * same operations. Keys with few distinct hash codes force long probe runs, equal fingerprints and the
 * shifting back of runs on removal; handles far apart force the table to widen its handle bits.
 */
class HandleTableTest {

    /** A key whose hash code the test picks, so that distinct keys collide at will. */
    private record Key(String name, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The owner's side: keys by handle, as the store keeps events by slot. */
    private static final class Owner implements HandleTable.Keys<Key> {
        final Map<Integer, Key> byHandle = new HashMap<>();

        @Override
        public int hash(int handle) {
            return byHandle.get(handle).hashCode();
        }

        @Override
        public boolean matches(int handle, Key key) {
            return byHandle.get(handle).equals(key);
        }
    }

    @Test
    void randomPutsFindsAndRemovesAgreeWithAHashMap() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int distinctHashes = random.nextBoolean() ? 1 + random.nextInt(8) : Integer.MAX_VALUE;
            int handleStep = random.nextBoolean() ? 1 : 1 + random.nextInt(5_000);
            Owner owner = new Owner();
            HandleTable<Key> table = new HandleTable<>(owner);
            Map<Key, Integer> oracle = new HashMap<>();
            List<Key> known = new ArrayList<>();
            int nextHandle = 0;
            int operations = 50 + random.nextInt(1_000);
            for (int op = 0; op < operations; op++) {
                int choice = random.nextInt(10);
                if (choice < 5 || known.isEmpty()) {
                    Key key = new Key("k" + random.nextInt(2_000), random.nextInt(distinctHashes));
                    int handle = nextHandle;
                    Integer held = oracle.get(key);
                    int answer = table.putIfAbsent(key, key.hashCode(), handle);
                    assertThat(answer).isEqualTo(held == null ? -1 : held);
                    if (held == null) {
                        oracle.put(key, handle);
                        owner.byHandle.put(handle, key);
                        known.add(key);
                        nextHandle += handleStep;
                    }
                } else if (choice < 8) {
                    Key key = random.nextBoolean() ? known.get(random.nextInt(known.size()))
                            : new Key("k" + random.nextInt(2_000), random.nextInt(distinctHashes));
                    assertThat(table.find(key, key.hashCode())).isEqualTo(oracle.getOrDefault(key, -1));
                } else {
                    Key key = known.remove(random.nextInt(known.size()));
                    Integer handle = oracle.remove(key);
                    if (handle != null) {
                        table.remove(key, key.hashCode());
                        owner.byHandle.remove(handle);
                    }
                }
                if (table.size() != oracle.size()) {
                    assertThat(table.size()).as("size after operation %d", op).isEqualTo(oracle.size());
                }
            }
            for (Map.Entry<Key, Integer> entry : oracle.entrySet()) {
                assertThat(table.find(entry.getKey(), entry.getKey().hashCode())).isEqualTo(entry.getValue());
            }
        });
    }

    @Test
    void aPresizedTableTakesManySequentialKeysAndFindsEach() {
        // Oracle: key i has handle i by construction; sequential hash codes are the case the mixing is for.
        Owner owner = new Owner();
        HandleTable<Key> table = new HandleTable<>(owner);
        int count = 200_000;
        table.ensureCapacity(count, count);
        int misplaced = 0;
        for (int i = 0; i < count; i++) {
            Key key = new Key("e" + i, ("e" + i).hashCode());
            owner.byHandle.put(i, key);
            misplaced += table.putIfAbsent(key, key.hashCode(), i) == -1 ? 0 : 1;
        }
        int lost = 0;
        for (int i = 0; i < count; i++) {
            Key key = new Key("e" + i, ("e" + i).hashCode());
            lost += table.find(key, key.hashCode()) == i ? 0 : 1;
        }
        assertThat(misplaced).isZero();
        assertThat(lost).isZero();
        assertThat(table.find(new Key("e" + count, ("e" + count).hashCode()), ("e" + count).hashCode())).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(count);
    }

    @Test
    void removingAKeyTheTableDoesNotHoldChangesNothing() {
        Owner owner = new Owner();
        HandleTable<Key> table = new HandleTable<>(owner);
        Key held = new Key("a", 5);
        owner.byHandle.put(0, held);
        table.putIfAbsent(held, 5, 0);

        table.remove(new Key("b", 5), 5);

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.find(held, 5)).isZero();
    }

    @Test
    void handlesAtEachWidthLimitAreKeptWhole() {
        // A slot holds the handle plus one in its low bits: a handle of 2^k - 1 needs k + 1 bits, so each such
        // handle (and the one after it) must widen the handle bits before it is placed, else it would spill into
        // the fingerprint. Oracle: the handle put for each key, by construction; keys share few hash codes so
        // that fingerprints and probe runs are compared too.
        Owner owner = new Owner();
        HandleTable<Key> table = new HandleTable<>(owner);
        List<Key> keys = new ArrayList<>();
        List<Integer> handles = new ArrayList<>();
        for (int bits = 1; bits <= 24; bits++) {
            for (int handle : new int[] {(1 << bits) - 2, (1 << bits) - 1, 1 << bits}) {
                if (handles.contains(handle)) {
                    continue;
                }
                Key key = new Key("h" + handle, handle % 3);
                owner.byHandle.put(handle, key);
                assertThat(table.putIfAbsent(key, key.hashCode(), handle)).isEqualTo(-1);
                keys.add(key);
                handles.add(handle);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.find(keys.get(i), keys.get(i).hashCode())).as("handle %d", handles.get(i))
                    .isEqualTo(handles.get(i));
        }
        assertThat(table.size()).isEqualTo(keys.size());
        for (int i = 0; i < keys.size(); i += 2) {
            table.remove(keys.get(i), keys.get(i).hashCode());
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.find(keys.get(i), keys.get(i).hashCode())).as("handle %d", handles.get(i))
                    .isEqualTo(i % 2 == 0 ? -1 : handles.get(i));
        }
    }

    @Test
    void aHandleThatNeedsExactlyOneMoreBitWidensTheTable() {
        // Worked by hand from the class's layout: a new table keeps handles plus one in 8 bits, so handle 255 (256
        // stored) is the first that needs a 9th bit; widening leaves room for twice the handles, so the next
        // handles needing one more bit are 1023, 4095, 16383 (each put alone, without growth widening first).
        // Oracle: each key is found with the handle put for it.
        Owner owner = new Owner();
        HandleTable<Key> table = new HandleTable<>(owner);
        List<Key> keys = new ArrayList<>();
        for (int handle : new int[] {255, 1_023, 4_095, 16_383, 65_535}) {
            Key key = new Key("w" + handle, handle);
            owner.byHandle.put(handle, key);
            assertThat(table.putIfAbsent(key, key.hashCode(), handle)).isEqualTo(-1);
            keys.add(key);
            for (Key held : keys) {
                assertThat(table.find(held, held.hashCode())).as("%s after %d", held, handle)
                        .isEqualTo(Integer.parseInt(held.name().substring(1)));
            }
        }
    }

    @Test
    void hashesAreSpreadByMurmurHash3sFinalizer() {
        // Oracle: Guava's MurmurHash3 (x86, 32 bits, seed 0) of one int, which runs its first block through
        // the reference code's body (below, as published by its author) and ends with the finalizer applied
        // to that result xor the length, 4 bytes.
        qt().withExamples(2_000).forAll(integers().all()).checkAssert(value -> {
            int k1 = Integer.rotateLeft(value * 0xcc9e2d51, 15) * 0x1b873593;
            int h1 = Integer.rotateLeft(k1, 13) * 5 + 0xe6546b64;
            assertThat(HandleTable.mix(h1 ^ Integer.BYTES))
                    .isEqualTo(Hashing.murmur3_32_fixed().hashInt(value).asInt());
        });
    }
}
