package dev.cxm.journey.map;

/** The maps the tests share. */
public final class JourneyMapTestMaps {

    private JourneyMapTestMaps() {}

    /**
     * Returns the retail map of the module README: awareness, consideration, purchase (1 day), service
     * (3 days), loyalty; loyalty may go back to purchase.
     *
     * @return the map
     */
    public static JourneyMap retail() {
        return JourneyMapTest.retail();
    }
}
