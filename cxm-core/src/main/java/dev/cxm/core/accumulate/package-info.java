/**
 * The one contract of every cxm accumulator: {@link dev.cxm.core.accumulate.Accumulator} (add, merge,
 * state, result) with an immutable, versioned {@link dev.cxm.core.accumulate.AccumulatorState}, and
 * {@link dev.cxm.core.accumulate.Accumulators} for the stream collector every accumulator shares.
 */
@NullMarked
package dev.cxm.core.accumulate;

import org.jspecify.annotations.NullMarked;
