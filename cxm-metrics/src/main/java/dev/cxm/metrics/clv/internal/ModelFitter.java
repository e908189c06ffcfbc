package dev.cxm.metrics.clv.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.cxm.metrics.clv.FitOptions;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Fits a model's likelihood and turns the outcome into a {@link ModelFit}: the one path every model's
 * {@code fit} takes. On large data sets it first fits every n-th row (about {@value #SAMPLE_ROWS} rows) and
 * starts the fit on all rows from there, so that Newton's method needs only a few passes over the data.
 */
public final class ModelFitter {

    static final int SAMPLE_ROWS = 25_000;
    private static final int WARM_START_ROWS = 4 * SAMPLE_ROWS;

    private ModelFitter() {}

    /** Extra findings a model adds to a converged fit. */
    public record Extras(List<String> warnings, Map<String, Double> diagnostics) {
        /** No warnings and no diagnostics. */
        public static final Extras NONE = new Extras(List.of(), Map.of());
    }

    /**
     * Fits the likelihood {@code likelihoodOf(cells)} from {@code defaultStart} (or the options' start) and
     * builds the model from the estimates with {@code modelOf}.
     */
    public static <M> ModelFit<M> fit(String name, CellColumns cells, FitOptions options, double[] defaultStart,
            Function<CellColumns, LogLikelihood> likelihoodOf, Function<double[], M> modelOf, Extras extras) {
        LogLikelihood likelihood = likelihoodOf.apply(cells);
        String[] names = likelihood.parameterNames();
        double[] start = start(name, names, options, defaultStart);
        if (options.initialParameters().isEmpty() && cells.size() > WARM_START_ROWS) {
            CellColumns sample = cells.everyNth(cells.size() / SAMPLE_ROWS);
            MaximumLikelihood.Result quick = MaximumLikelihood.maximize(likelihoodOf.apply(sample), start,
                    options.l2Penalty(), options.maxIterations(), options.tolerance() * 100);
            if (quick.converged()) {
                start = quick.parameters();
            }
        }
        MaximumLikelihood.Result result = MaximumLikelihood.maximize(likelihood, start, options.l2Penalty(),
                options.maxIterations(), options.tolerance());
        Map<String, Double> parameters = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            parameters.put(names[i], result.parameters()[i]);
            if (result.standardErrors().length > 0) {
                errors.put(names[i], result.standardErrors()[i]);
            }
        }
        if (!result.converged()) {
            return new ModelFit<>(name, Optional.empty(), parameters, errors, result.logLikelihood(),
                    result.iterations(), false, Optional.of(result.problem()), extras.warnings(), extras.diagnostics());
        }
        return new ModelFit<>(name, Optional.of(modelOf.apply(result.parameters())), parameters, errors,
                result.logLikelihood(), result.iterations(), true, Optional.empty(), extras.warnings(),
                extras.diagnostics());
    }

    /**
     * Returns why a purchase model cannot be identified by {@code cells}: no rows, or no repeat purchase (the
     * purchase process is then not identified); empty when it can be fitted.
     */
    public static Optional<String> unidentifiedPurchases(String name, CellColumns cells) {
        if (cells.size() == 0) {
            return Optional.of("no customers; a " + name + " fit needs at least one");
        }
        if (!cells.hasRepeatPurchases()) {
            return Optional.of("no customer made a repeat purchase, so the " + name
                    + " parameters of purchase rate and drop-out are not identified by these data");
        }
        return Optional.empty();
    }

    /**
     * Returns the fit of data that cannot identify the model: not converged, no model, no estimates, and
     * {@code problem} saying why.
     */
    public static <M> ModelFit<M> notIdentified(String name, String problem, Extras extras) {
        return new ModelFit<>(name, Optional.empty(), Map.of(), Map.of(), Double.NaN, 0, false, Optional.of(problem),
                extras.warnings(), extras.diagnostics());
    }

    /** Returns the mean repeat purchases per unit of age, the scale of a first guess at the rate. */
    public static double meanRate(CellColumns cells) {
        double purchases = 0;
        double time = 0;
        for (int i = 0; i < cells.size(); i++) {
            purchases += cells.weight(i) * cells.frequency(i);
            time += cells.weight(i) * cells.age(i);
        }
        return time > 0 ? Math.max(purchases / time, 1e-6) : 1;
    }

    private static double[] start(String name, String[] names, FitOptions options, double[] defaultStart) {
        Map<String, Double> given = options.initialParameters();
        if (given.isEmpty()) {
            return defaultStart.clone();
        }
        if (!given.keySet().equals(java.util.Set.of(names))) {
            throw new IllegalArgumentException("initialParameters: " + given.keySet() + " do not name the " + name
                    + " parameters " + String.join(", ", names));
        }
        double[] start = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            start[i] = given.get(names[i]);
        }
        return start;
    }
}
