package dev.cxm.core.accumulate;

/**
 * Counts values one at a time into a compact, mergeable summary: the single contract of every cxm
 * accumulator (feedback scores, the RFM summary, cohort retention, ...).
 *
 * <p>The laws every implementation keeps (and the {@code AccumulatorLaws} test of {@code cxm-test} checks):
 * <ul>
 *   <li>the order of {@link #add} calls does not change the {@link #result()};</li>
 *   <li>{@link #merge} is associative and commutative: splitting the values among accumulators in any way and
 *       merging them gives the result of adding them all to one;</li>
 *   <li>{@link #state()} is an immutable snapshot that survives a JSON round trip, and an accumulator
 *       restored from it continues exactly where the original stood;</li>
 *   <li>merging an accumulator into itself is refused with {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Accumulators are not thread-safe unless their type says otherwise: give each thread its own and merge
 * them, as {@link Accumulators#collector} does on a parallel stream.
 *
 * @param <T> the values added
 * @param <S> the state type
 * @param <R> the result type
 * @param <A> the accumulator's own type, so that {@link #add} and {@link #merge} chain
 */
public interface Accumulator<T, S extends AccumulatorState, R, A extends Accumulator<T, S, R, A>> {

    /**
     * Adds one value.
     *
     * @param value the value to count
     * @return this accumulator
     * @throws IllegalArgumentException when the value cannot be counted; nothing is added then
     */
    A add(T value);

    /**
     * Adds everything {@code other} has counted to this accumulator; {@code other} is left unchanged.
     *
     * @param other another accumulator of the same configuration
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator, or counts under another
     *     configuration; nothing is merged then
     */
    A merge(A other);

    /**
     * Returns an immutable snapshot of what has been counted so far.
     *
     * @return the state
     */
    S state();

    /**
     * Returns the result of what has been counted so far; the accumulator may go on counting.
     *
     * @return the result
     */
    R result();
}
