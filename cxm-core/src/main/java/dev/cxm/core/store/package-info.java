/**
 * The storage SPI: one small interface per aggregate ({@link dev.cxm.core.store.CustomerStore},
 * {@link dev.cxm.core.store.EventStore}) with queries as objects. Every implementation passes the
 * compatibility kit shipped in the {@code cxm-core} test-jar.
 */
@NullMarked
package dev.cxm.core.store;

import org.jspecify.annotations.NullMarked;
