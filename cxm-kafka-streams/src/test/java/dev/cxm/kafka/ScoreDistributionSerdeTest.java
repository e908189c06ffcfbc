package dev.cxm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.FeedbackAccumulator;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.metrics.feedback.ScoreDistribution;

/**
 * The compact binary state format. The golden files in {@code src/test/resources/dev/cxm/kafka} were written
 * by hand, byte by byte, from the format's description in {@code ScoreDistributionSerde} and the responses
 * named in each test (format 1); they must keep reading to the state the accumulator builds, and this
 * version must keep writing them unchanged.
 */
class ScoreDistributionSerdeTest {

    private final Serde<ScoreDistribution> serde = CxmSerdes.scoreDistributions();

    @Test
    void unweightedFormatOneStillReads() throws IOException {
        // NPS responses 0, 9, 9, 10, 10, 10. Bytes: version 01; name length 03, "nps"; min 0 -> zigzag 00;
        // max 10 -> zigzag 20 = 14; flag 00 (unit weights); counts 1 0 0 0 0 0 0 0 0 2 3.
        byte[] golden = read("nps-state-v1.bin");
        ScoreDistribution expected = NetPromoterScore.ofDefaults().accumulator().addAll(new int[] {0, 9, 9, 10, 10, 10})
                .state();

        ScoreDistribution state = serde.deserializer().deserialize("t", golden);

        assertThat(state).isEqualTo(expected);
        assertThat(serde.serializer().serialize("t", state)).isEqualTo(golden);
        // By hand: 5 promoters and 1 detractor of 6: NPS = 100 x 4 / 6.
        assertThat(NetPromoterScore.ofDefaults().result(state).score().getAsDouble()).isCloseTo(400.0 / 6,
                within(1e-12));
    }

    @Test
    void weightedFormatOneStillReads() throws IOException {
        // The CSAT responses of cxm-metrics' golden JSON state: (score, weight) (1, 2), (3, 0.5), (3, 1),
        // (4, 1) three times, (5, 0). Per point: counts 1 0 2 3 1, weights 2 0 1.5 3 0, squared 4 0 1.25 3 0;
        // flag 01, then the ten sums as big-endian IEEE 754 doubles.
        byte[] golden = read("weighted-csat-state-v1.bin");
        ScoreDistribution expected = RatingScore.csat().accumulator().add(1, 2).add(3, 0.5).add(3, 1).add(4).add(4)
                .add(4).add(5, 0).state();

        ScoreDistribution state = serde.deserializer().deserialize("t", golden);

        assertThat(state).isEqualTo(expected);
        assertThat(serde.serializer().serialize("t", state)).isEqualTo(golden);
    }

    @Test
    void everyStateRoundTripsAndIsSmallerThanItsJson() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, 10)).ofSizeBetween(0, 200),
                integers().between(0, 3)).checkAssert((scores, weighting) -> {
            FeedbackAccumulator<NpsResult> accumulator = NetPromoterScore.ofDefaults().accumulator();
            for (int i = 0; i < scores.size(); i++) {
                // weighting 0: unit weights; otherwise every third response gets a weight of 0.5 to 2.5.
                double weight = weighting > 0 && i % 3 == 0 ? 0.5 * (weighting + i % 2) : 1;
                accumulator.add(scores.get(i), weight);
            }
            ScoreDistribution state = accumulator.state();

            byte[] bytes = serde.serializer().serialize("t", state);

            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
            assertThat(bytes.length).isLessThan(json(state).length);
        });
    }

    @Test
    void aCustomScaleWithNegativeEndsAndLargeCountsRoundTrips() {
        FeedbackScale scale = FeedbackScale.custom("delta", -3, 3);
        long[] counts = {0, Long.MAX_VALUE - 1, 1, 0, 127, 128, 16_384};
        double[] weights = Arrays.stream(counts).asDoubleStream().toArray();
        ScoreDistribution state = new ScoreDistribution(scale, counts, weights, weights);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", state))).isEqualTo(state);
    }

    @Test
    void anUnknownVersionATruncationAndTrailingBytesAreRefusedByRule() throws IOException {
        byte[] golden = read("nps-state-v1.bin");
        byte[] future = golden.clone();
        future[0] = 2;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", future))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("formatVersion: 2").hasMessageContaining("reads versions 1 to 1");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(golden, golden.length - 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated at byte 18 of 18");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(golden, golden.length + 2)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes left over");
        byte[] badFlag = golden.clone();
        badFlag[7] = 5;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", badFlag))
                .isInstanceOf(SerializationException.class).hasMessageContaining("weight flag 5");
    }

    @Test
    void aTombstoneStaysATombstone() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    private static byte[] json(ScoreDistribution state) {
        try {
            return CxmJson.mapper().writeValueAsBytes(state);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = ScoreDistributionSerdeTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
