package dev.cxm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A customer's segments. Oracle: the constructor's Javadoc (each segment a non-blank identifier of at most 256
 * characters, else {@code IllegalArgumentException}) and {@code inSegment}'s (true exactly for the names the
 * segments contain), applied by hand.
 */
class CustomerSegmentsTest {

    private static final CustomerId ID = CustomerId.of("c1");
    private static final Instant SEEN = Instant.parse("2026-01-01T00:00:00Z");

    private static Customer withSegments(Set<String> segments) {
        return new Customer(ID, SEEN, Map.of(), List.of(), segments, Set.of());
    }

    @Test
    void segmentsMustBeNonBlankIdentifiersOfAtMost256Characters() {
        assertThatThrownBy(() -> withSegments(Set.of(" "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("segment: ");
        assertThatThrownBy(() -> withSegments(Set.of("vip", "s".repeat(257)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segment: an id of 257 characters is too long; the limit is 256");
        assertThat(withSegments(Set.of("s".repeat(256))).segments()).containsExactly("s".repeat(256));
    }

    @Test
    void aCustomerIsInExactlyItsSegments() {
        Customer customer = withSegments(Set.of("vip", "churn-risk"));

        assertThat(customer.inSegment("vip")).isTrue();
        assertThat(customer.inSegment("churn-risk")).isTrue();
        assertThat(customer.inSegment("VIP")).isFalse();
        assertThat(customer.inSegment("newsletter")).isFalse();
        assertThat(withSegments(Set.of()).inSegment("vip")).isFalse();
    }

    @Test
    void aNullSegmentIsRefusedNotAnsweredFalse() {
        assertThatThrownBy(() -> withSegments(Set.of("vip")).inSegment(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("segment must not be null");
    }
}
