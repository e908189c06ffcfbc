/**
 * cxm-journey: designed journey maps, live stage tracking, sessions, funnels, paths, journey discovery and
 * conformance to the map, over cxm-core's events and stores.
 */
module dev.cxm.journey {
    requires transitive dev.cxm.core;
    requires static org.jspecify;

    // Journey maps, stage tracking, sessions and conformance: dev.cxm.journey.map, .track, .conformance.
    // (exports and opens to com.fasterxml.jackson.databind go here)

    // The packages are exported as they are built; implementation lives under each package's internal
    // sub-package, never exported. Jackson is given reflective access (opens) only where it reads or writes
    // the package's records.
    //
    // The two groups of exports are kept apart so that the map side and the funnel side of the module can
    // grow independently.

    // Funnels, paths and discovery: dev.cxm.journey.funnel, .path, .discovery.
    // (exports and opens to com.fasterxml.jackson.databind go here)
}
