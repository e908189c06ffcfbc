package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;

/**
 * The saved form of a {@link DriverAccumulator}: the golden format-1 file in {@code src/test/resources/golden}
 * must keep reading, hold what the hand computation below says, continue as the accumulator would, and be
 * exactly what the accumulator writes for the same rows; moments no rows can give are refused.
 */
class DriverMomentsFormatTest {

    private static final ObjectMapper JSON = CxmJson.mapper();

    /**
     * The rows of the golden file: (recommend, wait, staff) = (1, 2, 0), (2, 4, 3), (6, 3, 3). By hand: means 3,
     * 3 and 2; deviations (-2, -1, 3), (-1, 1, 0) and (-2, 1, 1); sums of squares 14, 2, 6; of products
     * recommend-wait 2 - 1 + 0 = 1, recommend-staff 4 - 1 + 3 = 6, wait-staff 2 + 1 + 0 = 3.
     */
    private static DriverAccumulator goldenRows() {
        return DriverAccumulator.of("recommend", "wait", "staff").add(1, 2, 0).add(2, 4, 3).add(6, 3, 3);
    }

    private static JsonNode golden() throws IOException {
        try (InputStream in = DriverMomentsFormatTest.class.getResourceAsStream("/golden/driver-moments-v1.json")) {
            if (in == null) {
                throw new AssertionError("src/test/resources/golden/driver-moments-v1.json is missing");
            }
            return JSON.readTree(in);
        }
    }

    @Test
    void theGoldenFormatOneStateReadsAsComputedByHand() throws IOException {
        DriverMoments state = JSON.treeToValue(golden(), DriverMoments.class);
        assertThat(state.formatVersion()).isEqualTo(1);
        assertThat(state.outcome()).isEqualTo("recommend");
        assertThat(state.drivers()).containsExactly("wait", "staff");
        assertThat(state.count()).isEqualTo(3);
        assertThat(state.means()).containsExactly(3, 3, 2);
        assertThat(state.scatter()).isDeepEqualTo(new double[][] {{14, 1, 6}, {1, 2, 3}, {6, 3, 6}});
        // Correlation of recommend and wait: 1 / sqrt(14 x 2).
        assertThat(state.correlations()[0][1]).isCloseTo(1 / Math.sqrt(28), within(1e-15));
    }

    @Test
    void theGoldenStateContinuesAsTheAccumulatorDoes() throws IOException {
        DriverAccumulator restored = DriverAccumulator.restore(JSON.treeToValue(golden(), DriverMoments.class));
        assertThat(restored.state()).isEqualTo(goldenRows().state());
        // A fourth row (3, 3, 2) is at the means of the first three: the means stay, no sum of products moves.
        DriverMoments four = restored.add(3, 3, 2).result();
        assertThat(four.count()).isEqualTo(4);
        assertThat(four.means()).containsExactly(3, 3, 2);
        assertThat(four.scatter()).isDeepEqualTo(new double[][] {{14, 1, 6}, {1, 2, 3}, {6, 3, 6}});
    }

    @Test
    void theAccumulatorWritesExactlyTheGoldenFormat() throws IOException {
        // Oracle: the golden file, written by hand from the format's description: a later change of the written
        // form must raise the format version rather than silently change version 1.
        assertThat(JSON.readTree(JSON.writeValueAsString(goldenRows().state()))).isEqualTo(golden());
        assertThat(JSON.writeValueAsString(goldenRows().state())).startsWith("{\"formatVersion\":1,");
    }

    @Test
    void refusesAStateNoRowsCanGive() {
        List<String> drivers = List.of("wait");
        assertThatThrownBy(() -> new DriverMoments("y", drivers, 3, new double[] {1, 2},
                new double[][] {{1, 2}, {2, 1}})).hasMessageStartingWith("scatter: entry (0, 1) exceeds");
        assertThatThrownBy(() -> new DriverMoments("y", drivers, 3, new double[] {1, 2},
                new double[][] {{1, 0.5}, {0.4, 1}})).hasMessageStartingWith("scatter: the entries (0, 1) and (1, 0)");
        assertThatThrownBy(() -> new DriverMoments("y", drivers, 1, new double[] {1, 2},
                new double[][] {{1, 0}, {0, 0}})).hasMessageStartingWith("scatter: entry (0, 0) is not 0 although 1");
        assertThatThrownBy(() -> new DriverMoments("y", drivers, 0, new double[] {1, 0},
                new double[][] {{0, 0}, {0, 0}})).hasMessageStartingWith("means: the mean of outcome y is not 0");
        assertThatThrownBy(() -> new DriverMoments("y", drivers, 3, new double[] {1, 2},
                new double[][] {{-1, 0}, {0, 1}})).hasMessageStartingWith("scatter: the sum of squares of outcome y");
        assertThatThrownBy(() -> new DriverMoments("y", List.of("y"), 0, new double[2], new double[2][2]))
                .hasMessageStartingWith("drivers: \"y\" is the outcome");
        assertThatThrownBy(() -> JSON.readValue("{\"formatVersion\":2,\"outcome\":\"y\",\"drivers\":[\"a\"],"
                + "\"count\":0,\"means\":[0,0],\"scatter\":[[0,0],[0,0]]}", DriverMoments.class))
                .hasMessageContaining("formatVersion: 2 of DriverMoments is not readable");
    }

    @Test
    void mergingMomentsOfAnotherOutcomeIsRefused() {
        DriverAccumulator a = DriverAccumulator.of("recommend", "wait", "staff").add(1, 2, 3);
        DriverAccumulator b = DriverAccumulator.of("satisfaction", "wait", "staff").add(1, 2, 3);
        assertThatThrownBy(() -> a.merge(b)).hasMessageStartingWith("other: counts the outcome satisfaction");
        assertThat(a.result().count()).isEqualTo(1);
        assertThatThrownBy(() -> a.add(1, 2)).hasMessage("ratings: 1 for 2 drivers [wait, staff]; a row has one"
                + " rating per driver");
        assertThatThrownBy(() -> a.add(1, 2, Double.NaN)).hasMessage("driver staff: not a finite number; every value"
                + " must be one");
        assertThat(a.result().count()).isEqualTo(1);
    }
}
