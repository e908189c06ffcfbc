package dev.cxm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;

/**
 * An event id behaves exactly as the record of its value it used to be, whatever compact form holds it.
 * Oracle: {@link ValueId}, that record (its equals and hash code are the record's, {@code compareTo} the
 * value's), and {@link UUID}'s own text for random and derived ids.
 */
class EventIdTest {

    /** The event id as it was before the compact forms: a record of its value. */
    private record ValueId(String value) implements Comparable<ValueId> {
        @Override
        public int compareTo(ValueId other) {
            return value.compareTo(other.value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"e", "e1", "e1234567", "e12345678", "abcdefghijklmnop", "abcdefghijklmnopq", "\u007f",
            "a\u0001b", "x\u0000", "order:42:line/1 ü", "é", "日本", "\ud83d\ude00",
            "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
            "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g", "123e4567-e89b-12d3-a456_426614174000",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", " padded ", "a b"})
    void everyFormBehavesAsTheRecordOfItsValue(String value) {
        assertBehavesAsItsValue(value);
    }

    @Test
    void randomValuesBehaveAsTheRecordOfTheirValueAlonePairwise() {
        // Pairs share prefixes often, so that comparisons reach every byte of a packed value.
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            String first = randomValue(random);
            String second = random.nextInt(4) == 0 ? first : related(first, random);
            assertBehavesAsItsValue(first);
            assertBehavesAsItsValue(second);
            EventId a = EventId.of(first);
            EventId b = EventId.of(second);
            ValueId ra = new ValueId(first);
            ValueId rb = new ValueId(second);
            assertThat(a.equals(b)).as("%s equals %s", first, second).isEqualTo(ra.equals(rb));
            assertThat(Integer.signum(a.compareTo(b))).as("%s compareTo %s", first, second)
                    .isEqualTo(Integer.signum(ra.compareTo(rb)));
            assertThat(Integer.signum(b.compareTo(a))).isEqualTo(Integer.signum(rb.compareTo(ra)));
        });
    }

    @Test
    void randomAndDerivedIdsAreTheCanonicalTextOfTheirUuids() throws Exception {
        // Oracle: UUID.toString and UUID.nameUUIDFromBytes, what the ids were built from before.
        for (int i = 0; i < 200; i++) {
            String source = "responses.csv:" + i + (i % 3 == 0 ? ":é€" : "");
            EventId derived = EventId.derivedFrom(source);
            String expected = UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString();
            assertThat(derived.value()).isEqualTo(expected);
            assertThat(derived).isEqualTo(EventId.of(expected)).hasSameHashCodeAs(expected);
            assertBehavesAsItsValue(expected);

            EventId random = EventId.random();
            UUID parsed = UUID.fromString(random.value());
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(random.value()).isEqualTo(parsed.toString());
            assertThat(random).isEqualTo(EventId.of(random.value()));
        }
    }

    @Test
    void derivedIdsOfKnownSourcesAreTheirPinnedValues() {
        // Oracle: the MD5 digests of RFC 1321's test suite (appendix A.5) for "", "abc" and "message digest",
        // with the version (3) and variant bits of RFC 4122 (section 4.3) set by hand: the ids every import of
        // the same rows has given, whichever MD5 computes them.
        assertThat(EventId.derivedFrom("").value()).isEqualTo("d41d8cd9-8f00-3204-a980-0998ecf8427e");
        assertThat(EventId.derivedFrom("abc").value()).isEqualTo("90015098-3cd2-3fb0-9696-3f7d28e17f72");
        assertThat(EventId.derivedFrom("message digest").value()).isEqualTo("f96b697d-7cb7-338d-925a-2f31aaf161d0");
        byte[] framed = "--abc--".getBytes(StandardCharsets.US_ASCII);
        assertThat(EventId.derivedFromUtf8(framed, 2, 3).value()).isEqualTo("90015098-3cd2-3fb0-9696-3f7d28e17f72");
    }

    @Test
    void derivedIdsAreNameBasedUuidsOfTheSource() {
        // Oracle: UUID.nameUUIDFromBytes of the source's UTF-8 bytes, on random texts of 0 to 150 characters
        // (one to four MD5 blocks, every padding case), ASCII and beyond.
        qt().withExamples(2_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StringBuilder source = new StringBuilder();
            int length = random.nextInt(150);
            for (int i = 0; i < length; i++) {
                source.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD800)));
            }
            String text = source.toString();
            assertThat(EventId.derivedFrom(text).value())
                    .isEqualTo(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString());
        });
    }

    @Test
    void anIdWritesAsItsValueInJsonAndReadsBackEqual() throws Exception {
        ObjectMapper mapper = CxmJson.mapper();
        for (String value : new String[] {"e1", "abcdefghijklmnop", "order:42:line/1 ü",
                EventId.derivedFrom("row 1").value()}) {
            String json = mapper.writeValueAsString(EventId.of(value));
            assertThat(json).isEqualTo(mapper.writeValueAsString(value));
            assertThat(mapper.readValue(json, EventId.class)).isEqualTo(EventId.of(value));
        }
    }

    @Test
    void theFnv1aHashIsThePublishedOneOfTheValueInEveryForm() {
        // Oracle: the FNV test vectors published with the algorithm (Fowler, Noll, Vo: "FNV-1a 64" of "a" and
        // of "foobar"), then the written-out definition above over the value of every form, derived ids included.
        assertThat(EventId.of("a").fnv1a64()).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(EventId.of("foobar").fnv1a64()).isEqualTo(0x85944171f73967e8L);
        assertThat(fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
        for (int i = 0; i < 300; i++) {
            EventId derived = EventId.derivedFrom("events.csv:" + i);
            assertThat(derived.fnv1a64()).isEqualTo(fnv1a64(derived.toString()));
            EventId random = EventId.random();
            assertThat(random.fnv1a64()).isEqualTo(fnv1a64(random.toString()));
            for (String value : new String[] {"e" + i, "event-" + i + "-of-the-log", "e" + i + "é", "12345678" + i}) {
                assertThat(EventId.of(value).fnv1a64()).as(value).isEqualTo(fnv1a64(value));
            }
        }
    }

    @Test
    void blankAndOverlongValuesAreRefusedAsBefore() {
        assertThatThrownBy(() -> EventId.of(" \t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("eventId: ");
        assertThatThrownBy(() -> EventId.of("x".repeat(257))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("eventId: ");
        assertThatThrownBy(() -> EventId.of(null)).isInstanceOf(NullPointerException.class);
        assertThat(EventId.of("x".repeat(256)).value()).hasSize(256);
    }

    /** Checks the id of {@code value} against the record of the value: every method, and a rebuilt copy. */
    private static void assertBehavesAsItsValue(String value) {
        EventId id = EventId.of(value);
        ValueId reference = new ValueId(value);
        assertThat(id.value()).isEqualTo(value);
        assertThat(id.toString()).isEqualTo(value);
        assertThat(id.hashCode()).as("hash of %s", value).isEqualTo(reference.hashCode()).isEqualTo(value.hashCode());
        EventId copy = EventId.of(new String(value.toCharArray()));
        assertThat(copy).isEqualTo(id).isNotSameAs(id);
        assertThat(copy.compareTo(id)).isZero();
        assertThat(id).isNotEqualTo(value).isNotEqualTo(null);
        assertThat(id.fnv1a64()).as("FNV-1a of %s", value).isEqualTo(fnv1a64(value)).isEqualTo(fnv1a64(id.toString()));
    }

    /**
     * FNV-1a, 64 bits, over a string's UTF-16 chars, written out from its definition (offset basis
     * 0xcbf29ce484222325, prime 0x100000001b3: the published FNV parameters).
     */
    private static long fnv1a64(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A value of one of the forms: short or boundary-length ASCII, a UUID (canonical or not), or any text. */
    private static String randomValue(SplittableRandom random) {
        String value = switch (random.nextInt(6)) {
            case 0 -> randomText(random, 1 + random.nextInt(8), 1, 127);
            case 1 -> randomText(random, 7 + random.nextInt(12), 1, 127);
            case 2 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 3 -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase();
            case 4 -> randomText(random, 1 + random.nextInt(20), 0, 0x3000);
            default -> randomText(random, 1 + random.nextInt(20), 'a', 'c');
        };
        return value.isBlank() ? "x" + value : value;
    }

    /** A value sharing a prefix with {@code value}: cut, extended, or with one character changed. */
    private static String related(String value, SplittableRandom random) {
        int cut = random.nextInt(value.length() + 1);
        String related = switch (random.nextInt(3)) {
            case 0 -> value.substring(0, cut);
            case 1 -> value.substring(0, cut) + randomText(random, 1 + random.nextInt(3), 1, 127) + value.substring(cut);
            default -> value.substring(0, cut) + (char) (random.nextInt(2) == 0 ? random.nextInt(1, 128)
                    : random.nextInt(0x80, 0x3000)) + value.substring(Math.min(value.length(), cut + 1));
        };
        return related.isBlank() ? related + "y" : related;
    }

    private static String randomText(SplittableRandom random, int length, int lowest, int highest) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(lowest, highest + 1));
        }
        return text.toString();
    }
}
