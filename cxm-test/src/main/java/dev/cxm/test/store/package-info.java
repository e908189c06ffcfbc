/**
 * The compatibility kits of the storage SPI ({@link dev.cxm.core.store}), as abstract JUnit 5 tests that
 * every store backend's test extends, and the event factories they use.
 */
@NullMarked
package dev.cxm.test.store;

import org.jspecify.annotations.NullMarked;
