/**
 * {@code cxm stream}: feedback events from a Kafka topic, windowed NPS per group out to another, through
 * cxm-kafka-streams' {@code FeedbackAggregation}.
 */
package dev.cxm.examples.cli.stream;
