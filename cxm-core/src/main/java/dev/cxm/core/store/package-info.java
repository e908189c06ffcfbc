/**
 * The storage SPI: one small interface per aggregate ({@link dev.cxm.core.store.CustomerStore},
 * {@link dev.cxm.core.store.EventStore}) with queries as objects, and the values reads return. Every
 * implementation passes the compatibility kit shipped as the {@code cxm-test} artifact
 * ({@code dev.cxm.test.store}).
 */
@NullMarked
package dev.cxm.core.store;

import org.jspecify.annotations.NullMarked;
