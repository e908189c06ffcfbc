/** {@code cxm nps}, {@code csat} and {@code ces}: feedback scores of a file, streamed in constant memory. */
package dev.cxm.examples.cli.feedback;
