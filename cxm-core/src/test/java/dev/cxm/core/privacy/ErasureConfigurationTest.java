package dev.cxm.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/**
 * An erasure's configuration and its failures. Oracle: the Javadoc applied by hand: {@code from(base)} holds the
 * stores, participants and clock of its base, so it builds an equal erasure, and differently configured erasures
 * are unequal and hash apart; when several participants fail, every one is still asked and the first failure is
 * thrown with the later ones suppressed.
 */
class ErasureConfigurationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void anErasureFromABaseEqualsItAndOthersHashApart() {
        ErasureParticipant crm = customer -> 1;
        ErasureParticipant mail = customer -> 2;
        CustomerErasure base = CustomerErasure.custom().participant("crm", crm).participant("mail", mail).clock(CLOCK)
                .build();

        CustomerErasure copy = CustomerErasure.from(base).build();
        assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(copy.erase(CustomerId.of("c1")).forgotten()).containsEntry("crm", 1L).containsEntry("mail", 2L);

        assertThat(CustomerErasure.custom().participant("crm", crm).clock(CLOCK).build()).isNotEqualTo(base);
        // Only the clock differs, so only its (fixed, deterministic) hash can tell the two apart.
        CustomerErasure later = CustomerErasure.from(base).clock(Clock.offset(CLOCK, java.time.Duration.ofDays(1)))
                .build();
        assertThat(later).isNotEqualTo(base);
        assertThat(later.hashCode()).isNotEqualTo(base.hashCode());
    }

    @Test
    void everyParticipantIsAskedAndLaterFailuresAreSuppressedUnderTheFirst() {
        long[] asked = new long[1];
        CustomerErasure erasure = CustomerErasure.custom()
                .participant("a", customer -> {
                    throw new IllegalStateException("a is down");
                })
                .participant("b", customer -> {
                    throw new IllegalStateException("b is down");
                })
                .participant("c", customer -> ++asked[0])
                .clock(CLOCK).build();

        assertThatThrownBy(() -> erasure.erase(CustomerId.of("c1"))).hasMessage("a is down")
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("b is down"));
        assertThat(asked[0]).isEqualTo(1);
    }
}
