/**
 * The CX world simulator: {@link dev.cxm.examples.simulate.WorldSimulator} writes a reproducible world of
 * customers, events, a journey map, driver ratings, churn subjects, segments and the parameters that
 * generated them ({@link dev.cxm.examples.simulate.SimulatedWorld}). See {@code docs/simulator.md}.
 */
@NullMarked
package dev.cxm.examples.simulate;

import org.jspecify.annotations.NullMarked;
