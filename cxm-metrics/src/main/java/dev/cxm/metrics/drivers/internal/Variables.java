package dev.cxm.metrics.drivers.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cxm.core.internal.Checks;

/** Checks of the names of an outcome and its drivers, shared by every type that carries them. */
public final class Variables {

    private Variables() {}

    /**
     * Returns an immutable copy of the driver names when they and the outcome's are valid: non-blank, at
     * least one driver, no name twice, the outcome not among the drivers.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names
     * @return the drivers' names
     * @throws IllegalArgumentException naming the field, the name and the rule otherwise
     */
    public static List<String> requireNames(String outcome, List<String> drivers) {
        Checks.nonBlank("outcome", outcome);
        Checks.noNullElements("drivers", drivers);
        if (drivers.isEmpty()) {
            throw new IllegalArgumentException("drivers: none given; key-driver analysis needs at least one driver");
        }
        Set<String> seen = new HashSet<>();
        for (String driver : drivers) {
            Checks.nonBlank("drivers", driver);
            if (driver.equals(outcome)) {
                throw new IllegalArgumentException("drivers: \"" + driver + "\" is the outcome; an outcome does not"
                        + " drive itself");
            }
            if (!seen.add(driver)) {
                throw new IllegalArgumentException("drivers: \"" + driver + "\" is named twice; each driver is named"
                        + " once");
            }
        }
        return List.copyOf(drivers);
    }

    /**
     * Returns the name of variable {@code index}: the outcome at 0, the drivers after it, for messages.
     *
     * @param outcome the outcome's name
     * @param drivers the drivers' names
     * @param index the variable's index
     * @return {@code outcome <name>} or {@code driver <name>}
     */
    public static String describe(String outcome, List<String> drivers, int index) {
        return index == 0 ? "outcome " + outcome : "driver " + drivers.get(index - 1);
    }
}
