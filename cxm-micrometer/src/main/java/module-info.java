/**
 * cxm-micrometer: live NPS, CSAT and CES per group key as Micrometer gauges, with bounded tag cardinality.
 */
module dev.cxm.micrometer {
    requires transitive dev.cxm.core;
    requires transitive dev.cxm.metrics;
    // Micrometer's automatic module name.
    requires transitive micrometer.core;
    requires static org.jspecify;

    exports dev.cxm.micrometer;
}
