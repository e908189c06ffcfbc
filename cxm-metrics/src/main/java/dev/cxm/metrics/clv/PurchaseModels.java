package dev.cxm.metrics.clv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * The purchase models by their short names, for hosts and tools that let a user choose one:
 * {@code bg-nbd}, {@code pareto-nbd}, {@code mbg-nbd} and {@code bg-bb}.
 *
 * <pre>{@code
 * PurchaseModelFitter<?> fitter = PurchaseModels.named("pareto-nbd").orElseThrow();
 * ModelFit<? extends PurchaseModel> fit = fitter.fit(summary);
 * }</pre>
 */
public final class PurchaseModels {

    private static final List<String> NAMES = List.of("bg-nbd", "pareto-nbd", "mbg-nbd", "bg-bb");

    private PurchaseModels() {}

    /**
     * Returns the names of the purchase models, in the order a list of choices shows them.
     *
     * @return {@code bg-nbd}, {@code pareto-nbd}, {@code mbg-nbd}, {@code bg-bb}
     */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Returns the fitter of the model called {@code name} (in any letter case, surrounding spaces ignored) with
     * the default options.
     *
     * @param name a model's short name
     * @return the fitter, or empty when no purchase model has that name
     */
    public static Optional<PurchaseModelFitter<?>> named(String name) {
        return named(name, FitOptions.ofDefaults());
    }

    /**
     * Returns the fitter of the model called {@code name} (in any letter case, surrounding spaces ignored) with
     * {@code options}.
     *
     * @param name a model's short name
     * @param options how to fit
     * @return the fitter, or empty when no purchase model has that name
     */
    public static Optional<PurchaseModelFitter<?>> named(String name, FitOptions options) {
        Checks.present("options", options);
        return Optional.ofNullable(switch (Checks.present("name", name).strip().toLowerCase(Locale.ROOT)) {
            case "bg-nbd" -> new BgNbd(options);
            case "pareto-nbd" -> new ParetoNbd(options);
            case "mbg-nbd" -> new MbgNbd(options);
            case "bg-bb" -> new BgBb(options);
            default -> null;
        });
    }
}
