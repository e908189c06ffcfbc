/** The engage commands of the {@code cxm} tool: {@code cxm profile}. */
package dev.cxm.examples.cli.engage;
