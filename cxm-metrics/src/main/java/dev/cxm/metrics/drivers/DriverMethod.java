package dev.cxm.metrics.drivers;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the explained variance is divided among the drivers.
 */
public enum DriverMethod {
    /**
     * {@link #SHAPLEY} for up to {@value KeyDrivers#MAX_SHAPLEY_DRIVERS} drivers, {@link #RELATIVE_WEIGHTS} for
     * more; the default. A result always names the method that was used, never this one.
     */
    AUTOMATIC("automatic"),
    /**
     * The Shapley value of R² (Lindeman, Merenda and Gold 1980, "LMG"; general dominance in Budescu 1993): each
     * driver's increase of R² when it joins a subset of the others, averaged over every order in which the
     * drivers can enter. Exact, from the R² of all 2<sup>p</sup> subsets; at most
     * {@value KeyDrivers#MAX_SHAPLEY_DRIVERS} drivers.
     */
    SHAPLEY("shapley"),
    /**
     * Johnson's (2000) relative weights: the drivers are replaced by their closest orthogonal counterparts,
     * whose R² contributions add up, and each contribution is carried back by the squared loadings. Close to
     * {@link #SHAPLEY} in practice, and cheap for any number of drivers.
     */
    RELATIVE_WEIGHTS("relative-weights");

    private final String methodName;

    DriverMethod(String methodName) {
        this.methodName = methodName;
    }

    /**
     * Returns the method's name as results and the command line write it: {@code shapley},
     * {@code relative-weights} or {@code automatic}.
     *
     * @return the name
     */
    @JsonValue
    public String methodName() {
        return methodName;
    }

    /**
     * Returns the method of a name as {@link #methodName()} writes it, ignoring case.
     *
     * @param name the name, such as {@code relative-weights}
     * @return the method
     * @throws IllegalArgumentException naming the value and the known names when it is none of them
     */
    public static DriverMethod named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (DriverMethod method : values()) {
            if (method.methodName.equals(wanted)) {
                return method;
            }
        }
        throw new IllegalArgumentException("method: \"" + name + "\" is not a method; use automatic, shapley or"
                + " relative-weights");
    }
}
