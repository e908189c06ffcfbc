/** {@code cxm clv summary}, {@code fit} and {@code predict}: customer lifetime value from transaction or summary CSVs. */
package dev.cxm.examples.cli.clv;
