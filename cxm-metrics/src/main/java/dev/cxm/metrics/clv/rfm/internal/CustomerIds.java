package dev.cxm.metrics.clv.rfm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.CustomerId;

/**
 * The customer id of each row of a set of cells, when the rows have them: either the ids of an RFM summary
 * (shared, not copied), or the ids of a summary file packed as UTF-8 bytes, one object for the whole column
 * instead of one per row, made into a {@link CustomerId} only when asked for.
 */
public sealed interface CustomerIds {

    /**
     * Returns the id of row {@code row}, or null where the row has none.
     *
     * @param row the row
     * @return the id, or null
     */
    @Nullable CustomerId get(int row);

    /**
     * Returns the ids of the given rows, in that order.
     *
     * @param rows the rows to keep
     * @return their ids
     */
    CustomerIds select(int[] rows);

    /**
     * Returns ids held as objects, null for rows without one; the array is taken, not copied.
     *
     * @param ids one entry per row
     * @return the column
     */
    static CustomerIds of(@Nullable CustomerId[] ids) {
        return new Shared(ids);
    }

    /**
     * Returns ids packed as UTF-8: row {@code i} is {@code bytes[offsets[i], offsets[i + 1])}; the arrays are
     * taken, not copied.
     *
     * @param bytes the ids' bytes, one after another
     * @param offsets where each id starts, and after the last one where it ends
     * @return the column
     */
    static CustomerIds packed(byte[] bytes, int[] offsets) {
        return new Packed(bytes, offsets);
    }

    /** Ids as objects. */
    record Shared(@Nullable CustomerId[] ids) implements CustomerIds {
        @Override
        public @Nullable CustomerId get(int row) {
            return ids[row];
        }

        @Override
        public CustomerIds select(int[] rows) {
            CustomerId[] kept = new CustomerId[rows.length];
            for (int i = 0; i < rows.length; i++) {
                kept[i] = ids[rows[i]];
            }
            return new Shared(kept);
        }
    }

    /** Ids packed as UTF-8 bytes. */
    record Packed(byte[] bytes, int[] offsets) implements CustomerIds {
        @Override
        public CustomerId get(int row) {
            return CustomerId.of(new String(bytes, offsets[row], offsets[row + 1] - offsets[row],
                    StandardCharsets.UTF_8));
        }

        @Override
        public CustomerIds select(int[] rows) {
            int length = 0;
            for (int row : rows) {
                length += offsets[row + 1] - offsets[row];
            }
            byte[] kept = new byte[length];
            int[] starts = new int[rows.length + 1];
            int at = 0;
            for (int i = 0; i < rows.length; i++) {
                int from = offsets[rows[i]];
                int size = offsets[rows[i] + 1] - from;
                System.arraycopy(bytes, from, kept, at, size);
                at += size;
                starts[i + 1] = at;
            }
            return new Packed(kept, starts);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Packed packed && Arrays.equals(bytes, packed.bytes)
                    && Arrays.equals(offsets, packed.offsets);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bytes) + Arrays.hashCode(offsets);
        }

        @Override
        public String toString() {
            return "Packed[" + (offsets.length - 1) + " ids]";
        }
    }
}
