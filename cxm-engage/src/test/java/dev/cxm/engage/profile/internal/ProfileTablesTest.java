package dev.cxm.engage.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.engage.profile.ChannelUse;

/**
 * The compact tables a profile holds against the plain collections they stand for (the oracle): a
 * {@link ChannelTable} folded event by event equals an {@link EnumMap} of counts and latest uses kept by hand
 * (entries, order, size, lookups, the used-channel bits, the union of two); a {@link ConsentTable} equals the
 * {@link LinkedHashMap} it was made from, in the same order, and grants exactly where the decision's status is
 * GRANTED; {@link Frozen} gives what Guava's {@code copyOf} gives.
 */
class ProfileTablesTest {

    private static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void channelTableEqualsAMapKeptByHand() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            ChannelTable table = ChannelTable.empty();
            ChannelTable other = ChannelTable.empty();
            Map<Channel, ChannelUse> expected = new EnumMap<>(Channel.class);
            Map<Channel, ChannelUse> union = new EnumMap<>(Channel.class);
            for (int i = random.nextInt(30); i > 0; i--) {
                Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
                Instant at = EPOCH.plusSeconds(random.nextInt(50)).plusNanos(random.nextInt(3));
                boolean mine = random.nextBoolean();
                if (mine) {
                    table = table.plus(channel, at);
                    expected.merge(channel, new ChannelUse(1, at), ProfileTablesTest::add);
                } else {
                    other = other.plus(channel, at);
                }
                union.merge(channel, new ChannelUse(1, at), ProfileTablesTest::add);
            }
            assertThat(table).isEqualTo(expected).hasSize(expected.size());
            assertThat(table.hashCode()).isEqualTo(expected.hashCode());
            assertThat(new ArrayList<>(table.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            assertThat(table.toString()).isEqualTo(expected.toString());
            int mask = 0;
            for (Channel channel : Channel.values()) {
                assertThat(table.get(channel)).isEqualTo(expected.get(channel));
                assertThat(table.containsKey(channel)).isEqualTo(expected.containsKey(channel));
                mask |= expected.containsKey(channel) ? 1 << channel.ordinal() : 0;
            }
            assertThat(table.usedMask()).isEqualTo(mask);
            assertThat(table.plus(other)).isEqualTo(union);
            assertThat(ChannelTable.copyOf(new TreeMap<>(expected))).isEqualTo(expected);
        });
    }

    private static ChannelUse add(ChannelUse a, ChannelUse b) {
        return new ChannelUse(a.count() + b.count(), b.lastUsed().isAfter(a.lastUsed()) ? b.lastUsed() : a.lastUsed());
    }

    @Test
    void consentTableEqualsTheMapItWasMadeFrom() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Map<String, ConsentRecord> plain = new LinkedHashMap<>();
            for (int i = random.nextInt(random.nextInt(4) == 0 ? 80 : 5); i > 0; i--) {
                // new String: lookups must not depend on the same instance
                String purpose = new String("purpose-" + random.nextInt(90));
                plain.put(purpose, new ConsentRecord(purpose, ConsentStatus.values()[random.nextInt(3)], EPOCH));
            }
            ConsentTable table = ConsentTable.copyOf(plain);
            assertThat(table).isEqualTo(plain).isEqualTo(ImmutableMap.copyOf(plain));
            assertThat(table.hashCode()).isEqualTo(plain.hashCode());
            assertThat(table.toString()).isEqualTo(ImmutableMap.copyOf(plain).toString());
            assertThat(new ArrayList<>(table.keySet())).isEqualTo(new ArrayList<>(plain.keySet()));
            assertThat(ConsentTable.copyOf(table)).isSameAs(table);
            for (int p = 0; p < 90; p++) {
                String purpose = "purpose-" + p;
                ConsentRecord consent = plain.get(purpose);
                assertThat(table.get(purpose)).isEqualTo(consent);
                assertThat(table.grants(purpose)).isEqualTo(consent != null && consent.status() == ConsentStatus.GRANTED);
            }
        });
    }

    @Test
    void consentTableRefusesADecisionFiledUnderAnotherPurpose() {
        Map<String, ConsentRecord> wrong = Map.of("marketing-email",
                new ConsentRecord("research", ConsentStatus.GRANTED, EPOCH));
        assertThatThrownBy(() -> ConsentTable.copyOf(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("consents: a decision is filed under another purpose than its own");
    }

    @Test
    void frozenGivesWhatGuavasCopyOfGives() {
        Map<String, String> plain = new LinkedHashMap<>(Map.of("b", "2", "a", "1"));
        ImmutableMap<String, String> immutable = ImmutableMap.copyOf(plain);
        ImmutableSortedMap<String, String> sorted = ImmutableSortedMap.copyOf(plain);
        assertThat(Frozen.map(immutable)).isSameAs(immutable);
        for (Map<String, String> map : List.of(plain, immutable, sorted)) {
            assertThat(Frozen.map(map)).isInstanceOf(ImmutableMap.class).isEqualTo(ImmutableMap.copyOf(map))
                    .isNotInstanceOf(ImmutableSortedMap.class);
            assertThat(new ArrayList<>(Frozen.map(map).keySet()))
                    .isEqualTo(new ArrayList<>(ImmutableMap.copyOf(map).keySet()));
        }
        Set<String> set = ImmutableSet.of("b", "a");
        assertThat(Frozen.set(set)).isSameAs(set);
        ImmutableSortedSet<String> natural = ImmutableSortedSet.of("b", "a");
        assertThat(Frozen.sortedSet(natural)).isSameAs(natural);
        assertThat(new ArrayList<>(Frozen.set(natural))).isEqualTo(new ArrayList<>(ImmutableSet.copyOf(natural)));
        ImmutableSortedSet<String> reversed = ImmutableSortedSet.<String>reverseOrder().add("a", "b").build();
        assertThat(new ArrayList<>(Frozen.sortedSet(reversed))).containsExactly("a", "b");
        assertThat(new ArrayList<>(Frozen.sortedSet(Set.of("b", "a")))).containsExactly("a", "b");
    }
}
