/**
 * The {@code cxm} command-line tool: {@link dev.cxm.examples.cli.CxmCommand} is the entry point; each
 * command family lives in the sub-package that mirrors the library's ({@code io}, {@code feedback},
 * {@code clv}, {@code churn}), and what they share in {@code common}.
 */
package dev.cxm.examples.cli;
