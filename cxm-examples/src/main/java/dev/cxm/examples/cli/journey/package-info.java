/**
 * {@code cxm journey funnel}, {@code paths}, {@code discover} and {@code conformance}: cxm-journey's funnels,
 * paths, discovery and conformance over a file of events; and the journey map the feedback commands group by.
 */
package dev.cxm.examples.cli.journey;
