/** The simulator's command of the {@code cxm} tool: {@code cxm simulate}. */
package dev.cxm.examples.cli.simulate;
