/**
 * {@code cxm sentiment} and {@code cxm themes}: the voice of the customer in files of texts, through the
 * library's {@code dev.cxm.metrics.text}.
 */
package dev.cxm.examples.cli.text;
