package dev.cxm.core.internal.store;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;

/** Keys order instants as {@link Instant#compareTo} does. Oracle: {@code Instant.compareTo} itself. */
class InstantKeyTest {

    private static final long MAX_SECOND = Instant.MAX.getEpochSecond();
    private static final long MIN_SECOND = Instant.MIN.getEpochSecond();

    @Test
    void keysOrderInstantsAsTheInstantsDoAndCompareSettlesTheBounds() {
        // Seconds from the whole Instant range, and close to the edges of a long of microseconds.
        long edge = Long.MAX_VALUE / 1_000_000;
        qt().withExamples(2000)
                .forAll(longs().between(-4, 4), longs().between(-3, 3), integers().between(0, 999_999),
                        integers().between(0, 999_999))
                .checkAssert((region, offset, microsA, microsB) -> {
                    long base = switch ((int) Math.abs(region)) {
                        case 0 -> 0;
                        case 1 -> edge;
                        case 2 -> edge * 1000;
                        case 3 -> MAX_SECOND - 5;
                        default -> 1_700_000_000;
                    };
                    long second = Math.max(MIN_SECOND, Math.min(MAX_SECOND, Long.signum(region) * base));
                    Instant a = Instant.ofEpochSecond(second, microsA * 1_000L);
                    Instant b = Instant.ofEpochSecond(Math.max(MIN_SECOND, Math.min(MAX_SECOND, second + offset)),
                            microsB * 1_000L);
                    long keyA = InstantKey.of(a);
                    long keyB = InstantKey.of(b);
                    int expected = Integer.signum(a.compareTo(b));
                    if (keyA != keyB) {
                        assertThat(Integer.signum(Long.compare(keyA, keyB))).isEqualTo(expected);
                    } else if (!InstantKey.isBound(keyA)) {
                        assertThat(expected).isZero();
                    }
                    List<CustomerEvent> events = List.of(
                            Interaction.builder(CustomerId.of("c"), b, HOTLINE).eventId("b").build());
                    assertThat(Integer.signum(InstantKey.compare(keyA, keyB, a, 0, events::get))).isEqualTo(expected);
                });
    }

    @Test
    void theKeyOfAnInstantInRangeIsItsMicrosecondsSinceTheEpoch() {
        // Oracle: written out by hand.
        assertThat(InstantKey.of(Instant.parse("1970-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002L);
        assertThat(InstantKey.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
        assertThat(InstantKey.of(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(InstantKey.of(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void theLastSecondsWhoseMicrosecondsFitKeepThemAndTheNextOnesTakeABound() {
        // Oracle: worked by hand from the rule that a second's microseconds, plus up to a second's more, must fit
        // in a long. Long.MAX_VALUE is 9,223,372,036,854,775,807: second 9,223,372,036,853 ends at
        // 9,223,372,036,853,999,999 microseconds (fits), second 9,223,372,036,854 would end past the maximum.
        // Long.MIN_VALUE is -9,223,372,036,854,775,808: second -9,223,372,036,853 starts at
        // -9,223,372,036,853,000,000 (fits), second -9,223,372,036,854 is the first left to the bound.
        assertThat(InstantKey.of(Instant.ofEpochSecond(9_223_372_036_853L, 999_999_000)))
                .isEqualTo(9_223_372_036_853_999_999L);
        assertThat(InstantKey.of(Instant.ofEpochSecond(9_223_372_036_854L, 0))).isEqualTo(Long.MAX_VALUE);
        assertThat(InstantKey.of(Instant.ofEpochSecond(-9_223_372_036_853L, 0)))
                .isEqualTo(-9_223_372_036_853_000_000L);
        assertThat(InstantKey.of(Instant.ofEpochSecond(-9_223_372_036_854L, 999_999_000))).isEqualTo(Long.MIN_VALUE);
        assertThat(InstantKey.isBound(9_223_372_036_853_999_999L)).isFalse();
        assertThat(InstantKey.isBound(-9_223_372_036_853_000_000L)).isFalse();
        assertThat(InstantKey.isBound(Long.MAX_VALUE)).isTrue();
        assertThat(InstantKey.isBound(Long.MIN_VALUE)).isTrue();
    }
}
