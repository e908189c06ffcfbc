/** {@code cxm import}: reading event files through cxm-core's importers, with a report and an NDJSON export. */
package dev.cxm.examples.cli.io;
