/**
 * cxm-kafka-streams: Serdes for cxm events and accumulator states, and the cxm accumulators as Kafka
 * Streams aggregations (windowed feedback scores per group key, journey stages per customer, funnel step
 * counts per window).
 */
module dev.cxm.kafka {
    requires transitive dev.cxm.core;
    requires transitive dev.cxm.metrics;
    requires transitive dev.cxm.journey;
    // Kafka ships no module descriptors; these are the automatic module names of its jars.
    requires transitive kafka.streams;
    requires transitive kafka.clients;
    requires static org.jspecify;

    exports dev.cxm.kafka;

    // Jackson writes the windowed result records and the funnel counts reflectively, and the buffered events of
    // a funnel's open windows.
    opens dev.cxm.kafka to com.fasterxml.jackson.databind;
    opens dev.cxm.kafka.internal to com.fasterxml.jackson.databind;
}
