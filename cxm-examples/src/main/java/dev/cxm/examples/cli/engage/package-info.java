/** The engage commands of the {@code cxm} tool: {@code cxm profile}, {@code cxm segment} and {@code cxm next-action}. */
package dev.cxm.examples.cli.engage;
