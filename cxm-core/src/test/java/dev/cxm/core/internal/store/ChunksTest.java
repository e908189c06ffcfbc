package dev.cxm.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chunk 0 grows by half at a time, or to the room asked when that is more, up to one full chunk. */
class ChunksTest {

    @Test
    void chunkZeroGrowsByHalfOrToTheRoomAskedUpToAFullChunk() {
        // Oracle: the Javadoc's rule worked by hand (length + length / 2, at least the room asked, at most 16,384).
        assertThat(Chunks.firstChunkFor(64, 65)).isEqualTo(96);
        assertThat(Chunks.firstChunkFor(96, 97)).isEqualTo(144);
        assertThat(Chunks.firstChunkFor(64, 200)).isEqualTo(200);
        assertThat(Chunks.firstChunkFor(12_000, 12_001)).isEqualTo(Chunks.SIZE);
        assertThat(Chunks.firstChunkFor(64, 100_000)).isEqualTo(Chunks.SIZE);
    }

    @Test
    void chunksHoldACapacityChunkZeroCountingWhenThereIsASecond() {
        // Oracle: ceiling(capacity / 16,384), at least one.
        assertThat(Chunks.chunksFor(0)).isEqualTo(1);
        assertThat(Chunks.chunksFor(1)).isEqualTo(1);
        assertThat(Chunks.chunksFor(Chunks.SIZE)).isEqualTo(1);
        assertThat(Chunks.chunksFor(Chunks.SIZE + 1)).isEqualTo(2);
        assertThat(Chunks.chunksFor(3 * Chunks.SIZE)).isEqualTo(3);
    }
}
