/**
 * cxm-micrometer: live NPS, CSAT and CES per group key, journey stage populations and funnel conversion as
 * Micrometer gauges, with bounded tag cardinality.
 */
module dev.cxm.micrometer {
    requires transitive dev.cxm.core;
    requires transitive dev.cxm.metrics;
    requires transitive dev.cxm.journey;
    // Micrometer's automatic module name.
    requires transitive micrometer.core;
    requires static org.jspecify;

    exports dev.cxm.micrometer;
}
