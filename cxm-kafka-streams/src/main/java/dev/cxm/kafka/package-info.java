/**
 * cxm in Kafka Streams: {@link dev.cxm.kafka.CxmSerdes} for events (JSON through
 * {@link dev.cxm.core.io.CxmJson}) and for accumulator states (compact and versioned),
 * {@link dev.cxm.kafka.EventTimestampExtractor} for event time, and {@link dev.cxm.kafka.FeedbackAggregation},
 * NPS, CSAT or CES per group key over tumbling or hopping windows, built on the single-machine
 * accumulators of {@code dev.cxm.metrics.feedback}.
 */
@NullMarked
package dev.cxm.kafka;

import org.jspecify.annotations.NullMarked;
