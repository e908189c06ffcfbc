package dev.cxm.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The simulator's configuration follows cxm's idiom: defaults, a builder that refuses bad values, value equality. */
class WorldSimulatorTest {

    @Test
    void defaultsAreTwentyThousandCustomersAndAFixedSeed() {
        WorldSimulator defaults = WorldSimulator.ofDefaults();
        assertThat(defaults.customers()).isEqualTo(20_000);
        assertThat(defaults.seed()).isEqualTo(WorldSimulator.DEFAULT_SEED);
        assertThat(defaults.threads()).isPositive();
        assertThat(WorldSimulator.custom().build()).isEqualTo(defaults).hasSameHashCodeAs(defaults);
    }

    @Test
    void fromCopiesAndSettersChangeOneValue() {
        WorldSimulator custom = WorldSimulator.custom().customers(10).seed(3).threads(2).build();
        assertThat(WorldSimulator.from(custom).build()).isEqualTo(custom);
        assertThat(WorldSimulator.from(custom).seed(4).build()).isNotEqualTo(custom);
        assertThat(custom).hasToString("WorldSimulator[customers=10, seed=3, threads=2]");
    }

    @Test
    void theBuilderRefusesABadValueAtOnceAndStaysAsItWas() {
        WorldSimulator.Builder builder = WorldSimulator.custom().customers(5);
        assertThatThrownBy(() -> builder.customers(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customers: 0 is out of range; it must be 1 to 9999999");
        assertThatThrownBy(() -> builder.customers(10_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.threads(0))
                .hasMessage("threads: 0 is out of range; it must be 1 to 256");
        assertThat(builder.build().customers()).isEqualTo(5);
    }
}
