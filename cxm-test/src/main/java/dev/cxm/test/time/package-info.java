/** Time for tests: a {@link dev.cxm.test.time.MutableClock} a test sets by hand. */
@NullMarked
package dev.cxm.test.time;

import org.jspecify.annotations.NullMarked;
