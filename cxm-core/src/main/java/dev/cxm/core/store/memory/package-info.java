/** The in-memory stores, cxm's default storage: thread-safe, for tests, demos and single-process use. */
@NullMarked
package dev.cxm.core.store.memory;

import org.jspecify.annotations.NullMarked;
