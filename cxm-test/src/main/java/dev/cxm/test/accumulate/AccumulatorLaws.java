package dev.cxm.test.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.io.CxmJson;

/**
 * The laws of the {@link Accumulator} contract, as tests every accumulator's test extends: implement the
 * four factory methods, and the laws run against random values from {@link #values()}.
 *
 * <p>Each law compares two ways of counting the same values; the expected side is always "every value
 * added to one fresh accumulator, in the given order", so an accumulator passes only when splitting,
 * merging, reordering and restoring change nothing. Results are compared with {@link #assertSameResult},
 * which subclasses whose results hold sums of doubles may loosen to a tolerance.
 *
 * @param <T> the values added
 * @param <S> the state type
 * @param <R> the result type
 * @param <A> the accumulator type
 */
public abstract class AccumulatorLaws<T, S extends AccumulatorState, R, A extends Accumulator<T, S, R, A>> {

    /** Random values for the laws: 200 examples, each up to this many values. */
    private static final int MAX_VALUES = 60;
    private static final int EXAMPLES = 200;

    /** Creates the laws; a subclass implements the factory methods for its accumulator. */
    protected AccumulatorLaws() {}

    /**
     * Returns a new, empty accumulator; every call returns one of the same configuration.
     *
     * @return the accumulator
     */
    protected abstract A newAccumulator();

    /**
     * Returns an accumulator of the same configuration that continues from {@code state}.
     *
     * @param state a state written by {@link Accumulator#state()}, possibly read back from JSON
     * @return the restored accumulator
     */
    protected abstract A restore(S state);

    /**
     * Returns the generator of values to add; include edge values (the ends of a scale, equal instants).
     *
     * @return the generator
     */
    protected abstract Gen<T> values();

    /**
     * Returns the state's type, for reading it back from JSON.
     *
     * @return the class of the state record
     */
    protected abstract Class<S> stateType();

    /**
     * Asserts that two results are the same; by default with {@code equals}.
     *
     * @param expected the result of adding every value to one accumulator
     * @param actual the result of the other way of counting
     */
    protected void assertSameResult(R expected, R actual) {
        assertThat(actual).isEqualTo(expected);
    }

    private R addAll(List<T> values) {
        A accumulator = newAccumulator();
        values.forEach(accumulator::add);
        return accumulator.result();
    }

    private A filled(List<T> values) {
        A accumulator = newAccumulator();
        values.forEach(accumulator::add);
        return accumulator;
    }

    private Gen<List<T>> lists0() {
        return lists().of(values()).ofSizeBetween(0, MAX_VALUES);
    }

    /** Merging two parts gives the result of adding everything to one accumulator, whatever the split. */
    @Test
    void mergeOfPartsEqualsAddingAll() {
        qt().withExamples(EXAMPLES).forAll(lists0(), integers().between(0, MAX_VALUES)).checkAssert((values, cut) -> {
            int split = Math.min(cut, values.size());
            A left = filled(values.subList(0, split));
            left.merge(filled(values.subList(split, values.size())));
            assertSameResult(addAll(values), left.result());
        });
    }

    /** {@code (a + b) + c} and {@code a + (b + c)} give the same result. */
    @Test
    void mergeIsAssociative() {
        qt().withExamples(EXAMPLES).forAll(lists0(), lists0(), lists0()).checkAssert((a, b, c) -> {
            A left = filled(a).merge(filled(b)).merge(filled(c));
            A right = filled(a).merge(filled(b).merge(filled(c)));
            assertSameResult(left.result(), right.result());
        });
    }

    /** {@code a + b} and {@code b + a} give the same result. */
    @Test
    void mergeIsCommutative() {
        qt().withExamples(EXAMPLES).forAll(lists0(), lists0()).checkAssert((a, b) -> {
            assertSameResult(filled(a).merge(filled(b)).result(), filled(b).merge(filled(a)).result());
        });
    }

    /** Merging leaves the merged accumulator unchanged. */
    @Test
    void mergeLeavesTheOtherUnchanged() {
        qt().withExamples(EXAMPLES).forAll(lists0(), lists0()).checkAssert((a, b) -> {
            A other = filled(b);
            filled(a).merge(other);
            assertSameResult(addAll(b), other.result());
        });
    }

    /** Merging an empty accumulator changes nothing. */
    @Test
    void mergingAnEmptyAccumulatorChangesNothing() {
        qt().withExamples(EXAMPLES).forAll(lists0()).checkAssert(values -> {
            assertSameResult(addAll(values), filled(values).merge(newAccumulator()).result());
            assertSameResult(addAll(values), newAccumulator().merge(filled(values)).result());
        });
    }

    /** The order in which values are added does not change the result. */
    @Test
    void orderOfValuesDoesNotMatter() {
        qt().withExamples(EXAMPLES).forAll(lists0(), integers().all()).checkAssert((values, seed) -> {
            List<T> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, new Random(seed));
            assertSameResult(addAll(values), addAll(shuffled));
        });
    }

    /** The collector, on a parallel stream, gives the result of adding everything to one accumulator. */
    @Test
    void parallelCollectorEqualsAddingAll() {
        qt().withExamples(50).forAll(lists0()).checkAssert(values -> {
            R collected = values.parallelStream().collect(Accumulators.collector(this::newAccumulator));
            assertSameResult(addAll(values), collected);
        });
    }

    /**
     * The state survives a JSON round trip through cxm's mapper, and an accumulator restored from it gives
     * the same result and goes on counting as the original does.
     */
    @Test
    void stateRoundTripsThroughJsonAndContinues() {
        qt().withExamples(EXAMPLES).forAll(lists0(), lists0()).checkAssert((before, after) -> {
            A original = filled(before);
            S read = readBack(original.state());
            assertThat(read.formatVersion()).as("formatVersion").isEqualTo(original.state().formatVersion());
            A restored = restore(read);
            assertSameResult(original.result(), restored.result());
            after.forEach(original::add);
            after.forEach(restored::add);
            assertSameResult(original.result(), restored.result());
        });
    }

    /** A state is a snapshot: counting on after taking it does not change it. */
    @Test
    void stateIsASnapshot() {
        qt().withExamples(EXAMPLES).forAll(lists0(), lists0()).checkAssert((before, after) -> {
            A accumulator = filled(before);
            S state = accumulator.state();
            String json = write(state);
            after.forEach(accumulator::add);
            assertThat(write(state)).isEqualTo(json);
        });
    }

    /** The state's format version is 1 or more. */
    @Test
    void stateHasAFormatVersion() {
        assertThat(newAccumulator().state().formatVersion()).isPositive();
    }

    /** Merging an accumulator into itself is refused and changes nothing. */
    @Test
    void mergingWithItselfIsRefused() {
        qt().withExamples(20).forAll(lists0()).checkAssert(values -> {
            A accumulator = filled(values);
            assertThatThrownBy(() -> accumulator.merge(accumulator)).isInstanceOf(IllegalArgumentException.class);
            assertSameResult(addAll(values), accumulator.result());
        });
    }

    private S readBack(S state) {
        try {
            return CxmJson.mapper().readValue(write(state), stateType());
        } catch (JsonProcessingException e) {
            throw new AssertionError("the state of " + stateType().getSimpleName() + " does not read back from JSON", e);
        }
    }

    private static String write(Object state) {
        try {
            return CxmJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the state does not write as JSON", e);
        }
    }
}
