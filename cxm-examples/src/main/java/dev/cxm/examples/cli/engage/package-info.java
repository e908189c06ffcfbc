/** The engage commands of the {@code cxm} tool: {@code cxm profile} and {@code cxm segment}. */
package dev.cxm.examples.cli.engage;
