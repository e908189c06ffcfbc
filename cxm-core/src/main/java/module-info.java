/**
 * cxm-core: the domain model, the storage SPI with in-memory stores, JSON/CSV import and export, and
 * erasure of personal data.
 */
module dev.cxm.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.google.common;
    requires static org.jspecify;

    exports dev.cxm.core.accumulate;
    exports dev.cxm.core.group;
    exports dev.cxm.core.model;
    exports dev.cxm.core.store;
    exports dev.cxm.core.store.memory;
    exports dev.cxm.core.io;
    exports dev.cxm.core.privacy;
    // Argument checks shared with the other cxm modules; not API.
    exports dev.cxm.core.internal to dev.cxm.metrics, dev.cxm.journey, dev.cxm.jdbc, dev.cxm.engage, dev.cxm.kafka,
            dev.cxm.micrometer;
    // The CSV tokenizer, for cxm-metrics' readers of subject files, and the canonical event reader, for
    // cxm-kafka-streams' event serdes; not API.
    exports dev.cxm.core.internal.io to dev.cxm.metrics, dev.cxm.kafka;
    // The in-memory store's timelines as primitive columns, for cxm-journey's funnels and discovery; not API.
    exports dev.cxm.core.internal.store.columns to dev.cxm.journey;

    // Jackson reads and writes the model's records reflectively.
    opens dev.cxm.core.model to com.fasterxml.jackson.databind;
    opens dev.cxm.core.internal.io to com.fasterxml.jackson.databind;
}
