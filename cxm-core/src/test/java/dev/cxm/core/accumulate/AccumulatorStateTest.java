package dev.cxm.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link AccumulatorState#requireReadable}'s contract, from its Javadoc: a reader whose newest format is
 * {@code current} reads every version from 1 to {@code current} and returns it unchanged (a state read from an
 * older cxm keeps its own version), and refuses 0, negative versions and versions newer than it knows, naming
 * the state, the version and the versions it reads.
 */
class AccumulatorStateTest {

    @Test
    void everyVersionFromOneToTheCurrentIsReadAndReturnedUnchanged() {
        for (int current = 1; current <= 4; current++) {
            for (int version = 1; version <= current; version++) {
                assertThat(AccumulatorState.requireReadable("ScoreDistribution", version, current)).isEqualTo(version);
            }
        }
    }

    @Test
    void versionsBelowOneOrAboveTheCurrentAreRefusedByName() {
        assertThatThrownBy(() -> AccumulatorState.requireReadable("ScoreDistribution", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("formatVersion: 0 of ScoreDistribution is not readable; this version of cxm reads"
                        + " versions 1 to 1");
        assertThatThrownBy(() -> AccumulatorState.requireReadable("RfmSummaryState", -1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 of RfmSummaryState");
        assertThatThrownBy(() -> AccumulatorState.requireReadable("RfmSummaryState", 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("formatVersion: 3 of RfmSummaryState is not readable; this version of cxm reads"
                        + " versions 1 to 2");
    }
}
