/**
 * Event and customer stores in a database: {@link dev.cxm.jdbc.JdbcStores} configures them on a host's
 * {@link javax.sql.DataSource} (PostgreSQL 14 or newer, H2 2.x) or opens an embedded H2 file, applies the
 * schema's Flyway migrations, and hands out the {@link dev.cxm.jdbc.JdbcEventStore} and
 * {@link dev.cxm.jdbc.JdbcCustomerStore}.
 */
@NullMarked
package dev.cxm.jdbc;

import org.jspecify.annotations.NullMarked;
