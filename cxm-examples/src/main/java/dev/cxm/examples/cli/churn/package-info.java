/** {@code cxm churn rates}, {@code cohorts}, {@code km}, {@code logrank} and {@code cox}: churn and survival. */
package dev.cxm.examples.cli.churn;
