/** {@code cxm drivers}: key-driver analysis of an outcome on driver ratings, from a CSV file. */
package dev.cxm.examples.cli.drivers;
