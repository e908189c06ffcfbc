package dev.cxm.core.internal.store.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * The columns' own contract. {@code orderKey}: the id's first 8 characters, one byte each, big-endian, a
 * character beyond one byte and every one after it 0xFF, missing ones 0 (keys written out by hand from that
 * rule), and wherever two keys differ, compared unsigned they order the ids as {@code String.compareTo}
 * does (checked on random ids over an alphabet that has characters at 0xFE, 0xFF, 0x100 and 0xFFFF).
 * {@code filtered}: a brute force over the events of each customer, the half-open range and the type mask
 * written out, customers left without events dropped, everything else in its order.
 */
class TimelineColumnsTest {

    private static final char[] ALPHABET = {'a', 'b', 'z', '0', '~', '\u00e9', '\u00fe', '\u00ff', '\u0100', '\u4e2d',
        '\uffff'};

    @Test
    void orderKeysAreTheFirstEightCharactersAsBytesWithWideOnesSaturating() {
        assertThat(TimelineColumns.orderKey(CustomerId.of("AB"))).isEqualTo(0x4142_0000_0000_0000L);
        assertThat(TimelineColumns.orderKey(CustomerId.of("abcdefghij"))).isEqualTo(0x6162_6364_6566_6768L);
        assertThat(TimelineColumns.orderKey(CustomerId.of("abcdefgh"))).isEqualTo(0x6162_6364_6566_6768L);
        assertThat(TimelineColumns.orderKey(CustomerId.of("c"))).isEqualTo(0x6300_0000_0000_0000L);
        // 0xFF fits in a byte and does not saturate what follows; 0x100 does.
        assertThat(TimelineColumns.orderKey(CustomerId.of("\u00ffA"))).isEqualTo(0xFF41_0000_0000_0000L);
        assertThat(TimelineColumns.orderKey(CustomerId.of("a\u0100b"))).isEqualTo(0x61FF_FFFF_FFFF_FFFFL);
        assertThat(TimelineColumns.orderKey(CustomerId.of("\u00e9t\u00e9"))).isEqualTo(0xE974_E900_0000_0000L);
        assertThat(TimelineColumns.orderKey(CustomerId.of("abcdefg\u4e2d"))).isEqualTo(0x6162_6364_6566_67FFL);
    }

    @Test
    void differingKeysOrderIdsAsTheirValues() {
        qt().withExamples(2_000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            CustomerId a = CustomerId.of(randomId(random));
            CustomerId b = CustomerId.of(random.nextInt(4) == 0 ? a.value() + randomId(random) : randomId(random));
            long keyA = TimelineColumns.orderKey(a);
            long keyB = TimelineColumns.orderKey(b);
            if (keyA != keyB) {
                assertThat(Integer.signum(Long.compareUnsigned(keyA, keyB)))
                        .as("%s vs %s", a.value(), b.value()).isEqualTo(Integer.signum(a.compareTo(b)));
            }
        });
    }

    private static String randomId(SplittableRandom random) {
        StringBuilder id = new StringBuilder();
        for (int i = 1 + random.nextInt(random.nextBoolean() ? 3 : 11); i > 0; i--) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** One event of the test's columns: customer, instant in microseconds, code. */
    private record Row(int customer, long micros, int code) {}

    @Test
    void filteredKeepsTheEventsInTheHalfOpenRangeOfTheTypesAsked() {
        Touchpoint shop = Touchpoint.of("shop", "Shop", Channel.STORE);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        // Codes 0, 1, 2: an interaction, a purchase and a response.
        List<CustomerEvent> samples = List.of(
                Interaction.builder(CustomerId.of("s"), at, shop).eventId("s0").build(),
                Purchase.builder(CustomerId.of("s"), at, Money.of("1.00", "EUR")).eventId("s1").build(),
                FeedbackResponse.builder(CustomerId.of("s"), at, "nps", FeedbackScale.NPS, 9).eventId("s2").build());
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int customerCount = 1 + random.nextInt(6);
            CustomerId[] customers = new CustomerId[customerCount];
            long[] keys = new long[customerCount];
            int[] offsets = new int[customerCount + 1];
            List<Row> rows = new ArrayList<>();
            for (int c = 0; c < customerCount; c++) {
                customers[c] = CustomerId.of("c" + c);
                keys[c] = TimelineColumns.orderKey(customers[c]);
                offsets[c] = rows.size();
                long micros = random.nextInt(5);
                for (int i = random.nextInt(6); i >= 0; i--) {
                    micros += random.nextInt(3);
                    rows.add(new Row(c, micros, random.nextInt(3)));
                }
            }
            offsets[customerCount] = rows.size();
            long[] micros = rows.stream().mapToLong(Row::micros).toArray();
            int[] codes = rows.stream().mapToInt(Row::code).toArray();
            TimelineColumns columns = new TimelineColumns(customers, keys, offsets, micros, codes, samples);

            long from = random.nextInt(12) - 1;
            long to = from + random.nextInt(8);
            int mask = random.nextInt(1 << EventType.values().length);
            TimelineColumns kept = columns.filtered(from, to, mask);

            List<Row> expected = new ArrayList<>();
            for (Row row : rows) {
                boolean type = (mask & 1 << samples.get(row.code()).eventType().ordinal()) != 0;
                if (row.micros() >= from && row.micros() < to && type) {
                    expected.add(row);
                }
            }
            List<Row> actual = new ArrayList<>();
            int[] keptOffsets = kept.offsets();
            assertThat(keptOffsets).hasSize(kept.customers() + 1);
            assertThat(kept.events()).isEqualTo(expected.size());
            for (int c = 0; c < kept.customers(); c++) {
                assertThat(keptOffsets[c + 1]).isGreaterThan(keptOffsets[c]);
                int original = Integer.parseInt(kept.customer(c).value().substring(1));
                assertThat(kept.customerIds()[c]).isSameAs(customers[original]);
                assertThat(kept.orderKey(c)).isEqualTo(kept.orderKeys()[c]).isEqualTo(keys[original]);
                for (int i = keptOffsets[c]; i < keptOffsets[c + 1]; i++) {
                    actual.add(new Row(original, kept.micros()[i], kept.codes()[i]));
                }
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(kept.codeCount()).isEqualTo(3);
            assertThat(kept.sample(1)).isSameAs(samples.get(1));
        });
    }
}
