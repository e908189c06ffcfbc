/**
 * cxm-journey: designed journey maps, live stage tracking, sessions, funnels, paths, journey discovery and
 * conformance to the map, over cxm-core's events and stores.
 */
module dev.cxm.journey {
    requires transitive dev.cxm.core;
    requires com.google.common;
    requires static org.jspecify;

    exports dev.cxm.journey;

    // Journey maps, stage tracking, sessions and conformance: dev.cxm.journey.map, .track, .conformance.
    exports dev.cxm.journey.map;
    exports dev.cxm.journey.track;
    exports dev.cxm.journey.conformance;
    opens dev.cxm.journey.map to com.fasterxml.jackson.databind;
    opens dev.cxm.journey.map.internal to com.fasterxml.jackson.databind;
    opens dev.cxm.journey.track to com.fasterxml.jackson.databind;
    opens dev.cxm.journey.conformance to com.fasterxml.jackson.databind;

    // The packages are exported as they are built; implementation lives under each package's internal
    // sub-package, never exported. Jackson is given reflective access (opens) only where it reads or writes
    // the package's records.
    //
    // The two groups of exports are kept apart so that the map side and the funnel side of the module can
    // grow independently.

    // Funnels, paths and discovery: dev.cxm.journey.funnel, .path, .discovery.
    exports dev.cxm.journey.funnel;
    exports dev.cxm.journey.path;
    exports dev.cxm.journey.discovery;
    opens dev.cxm.journey.funnel to com.fasterxml.jackson.databind;
    opens dev.cxm.journey.path to com.fasterxml.jackson.databind;
    opens dev.cxm.journey.discovery to com.fasterxml.jackson.databind;
}
