/**
 * cxm-engage: the Customer 360 profile, identity resolution, segments and next-best actions, over cxm-core's
 * events and stores, cxm-metrics' scores and CLV models, and cxm-journey's stage tracking.
 */
module dev.cxm.engage {
    requires transitive dev.cxm.core;
    requires transitive dev.cxm.metrics;
    requires transitive dev.cxm.journey;
    requires com.google.common;
    requires static org.jspecify;

    exports dev.cxm.engage.profile;
    exports dev.cxm.engage.segment;
    exports dev.cxm.engage.action;

    // Jackson writes the result records reflectively.
    opens dev.cxm.engage.profile to com.fasterxml.jackson.databind;
}
