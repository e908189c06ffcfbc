/**
 * The laws every {@link dev.cxm.core.accumulate.Accumulator} keeps, as an abstract JUnit 5 test that each
 * accumulator's test extends.
 */
@NullMarked
package dev.cxm.test.accumulate;

import org.jspecify.annotations.NullMarked;
