package dev.cxm.metrics.drivers;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.cxm.core.internal.Checks;

/**
 * The key drivers of an outcome: R² of the regression on every driver and each driver's part of it.
 *
 * @param outcome the outcome's name
 * @param n the rows analysed
 * @param method the method that divided R², {@link DriverMethod#SHAPLEY} or {@link DriverMethod#RELATIVE_WEIGHTS}
 * @param rSquared R² of the outcome's least-squares regression on all drivers (with an intercept), in [0, 1]
 * @param adjustedRSquared {@code 1 - (1 - R²)(n - 1)/(n - p - 1)}, which does not grow with useless drivers;
 *     at most {@code rSquared}, and below 0 when the drivers explain less than chance would
 * @param drivers one entry per driver, the most important first (ties in input order)
 * @param resamples the bootstrap resamples behind the intervals; 0 when there are none
 * @param seed the seed of the bootstrap's random generator
 * @param warnings what the reader should know: nearly collinear drivers, a small sample, ...
 */
public record KeyDriverResult(String outcome, long n, DriverMethod method, double rSquared, double adjustedRSquared,
        List<DriverImportance> drivers, int resamples, long seed, List<String> warnings) {

    /**
     * Validates the result and copies its lists.
     *
     * @param outcome the outcome's name; not blank
     * @param n the rows analysed; at least the drivers plus 2
     * @param method the method used; not {@link DriverMethod#AUTOMATIC}
     * @param rSquared R²; in [0, 1]
     * @param adjustedRSquared the adjusted R²; finite, at most 1
     * @param drivers one entry per driver, distinct names
     * @param resamples the bootstrap resamples; 0 or more
     * @param seed the seed
     * @param warnings the warnings
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public KeyDriverResult {
        Checks.nonBlank("outcome", outcome);
        Checks.present("method", method);
        if (method == DriverMethod.AUTOMATIC) {
            throw new IllegalArgumentException("method: automatic is a choice, not a method; a result names the"
                    + " method used");
        }
        if (!(rSquared >= 0 && rSquared <= 1)) {
            throw new IllegalArgumentException("rSquared: " + rSquared + " is outside [0, 1]");
        }
        Checks.finite("adjustedRSquared", adjustedRSquared);
        if (adjustedRSquared > 1) {
            throw new IllegalArgumentException("adjustedRSquared: " + adjustedRSquared + " is above 1");
        }
        drivers = List.copyOf(Checks.noNullElements("drivers", drivers));
        if (drivers.isEmpty()) {
            throw new IllegalArgumentException("drivers: none; a result has one entry per driver");
        }
        Set<String> names = new HashSet<>();
        for (DriverImportance driver : drivers) {
            if (!names.add(driver.name())) {
                throw new IllegalArgumentException("drivers: \"" + driver.name() + "\" appears twice");
            }
        }
        if (n < drivers.size() + 2L) {
            throw new IllegalArgumentException("n: " + n + " rows for " + drivers.size() + " drivers; a result needs"
                    + " at least drivers + 2");
        }
        Checks.nonNegative("resamples", resamples);
        warnings = List.copyOf(Checks.noNullElements("warnings", warnings));
    }

    /**
     * Returns the entry of a driver.
     *
     * @param name the driver's name
     * @return its entry, or empty when no driver has that name
     */
    public Optional<DriverImportance> driver(String name) {
        Checks.present("name", name);
        return drivers.stream().filter(driver -> driver.name().equals(name)).findFirst();
    }
}
