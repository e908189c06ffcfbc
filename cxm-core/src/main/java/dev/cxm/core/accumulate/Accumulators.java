package dev.cxm.core.accumulate;

import java.util.function.Supplier;
import java.util.stream.Collector;

import dev.cxm.core.internal.Checks;

/** Helpers shared by every {@link Accumulator}. */
public final class Accumulators {

    private Accumulators() {}

    /**
     * Returns a collector that adds each element to a fresh accumulator per thread, merges them, and
     * finishes with the result; it runs on parallel streams too, and the order of elements does not matter.
     *
     * @param newAccumulator makes an empty accumulator
     * @param <T> the values added
     * @param <R> the result type
     * @param <A> the accumulator type
     * @return the collector
     */
    public static <T, R, A extends Accumulator<T, ?, R, A>> Collector<T, A, R> collector(Supplier<A> newAccumulator) {
        Checks.present("newAccumulator", newAccumulator);
        return Collector.of(newAccumulator, Accumulator::add, Accumulator::merge, Accumulator::result,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * Refuses a merge of an accumulator into itself, which would double its counts.
     *
     * @param self the accumulator merged into
     * @param other the accumulator merged
     * @throws IllegalArgumentException when both are the same instance
     */
    public static void requireOther(Object self, Object other) {
        Checks.present("other", other);
        if (self == other) {
            throw new IllegalArgumentException("other: an accumulator cannot be merged into itself; merge a copy"
                    + " restored from its state instead");
        }
    }
}
