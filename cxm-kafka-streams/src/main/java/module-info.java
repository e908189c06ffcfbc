/**
 * cxm-kafka-streams: Serdes for cxm events and accumulator states, and the cxm accumulators as Kafka
 * Streams aggregations (windowed feedback scores per group key).
 */
module dev.cxm.kafka {
    requires transitive dev.cxm.core;
    requires transitive dev.cxm.metrics;
    // Kafka ships no module descriptors; these are the automatic module names of its jars.
    requires transitive kafka.streams;
    requires transitive kafka.clients;
    requires static org.jspecify;

    exports dev.cxm.kafka;

    // Jackson writes the windowed result records reflectively.
    opens dev.cxm.kafka to com.fasterxml.jackson.databind;
}
