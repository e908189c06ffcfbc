package dev.cxm.metrics.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * The outcome of fitting a model by maximum likelihood: the fitted model when the fit converged, and
 * always the diagnostics that say how it went.
 *
 * <p>A fit that did not converge has no {@link #model()}, {@code converged} false and a {@link #problem()}
 * that says why (a parameter the data do not identify, too many iterations, ...); its {@code parameters}
 * are the last iterate, for diagnosis only.
 *
 * @param name the model's short name, such as {@code bg-nbd}
 * @param model the fitted model; empty when the fit did not converge
 * @param parameters the estimates, named as in the papers ({@code r}, {@code alpha}, {@code a}, ...)
 * @param standardErrors the standard errors from the observed information matrix (of the penalised
 *     objective when there is a penalty); empty when the matrix is not positive definite
 * @param logLikelihood the log-likelihood at the estimates, without any penalty
 * @param iterations the Newton iterations taken on the full data
 * @param converged whether the gradient vanished at a maximum with positive definite information
 * @param problem why the fit did not converge; empty when it did
 * @param warnings what the caller should know about a converged fit (a violated assumption, say)
 * @param diagnostics named numbers behind the warnings, such as {@code frequencySpendCorrelation}
 * @param <M> the type of the fitted model, such as {@code BgNbdModel}
 */
public record ModelFit<M>(
        String name,
        Optional<M> model,
        Map<String, Double> parameters,
        Map<String, Double> standardErrors,
        double logLikelihood,
        int iterations,
        boolean converged,
        Optional<String> problem,
        List<String> warnings,
        Map<String, Double> diagnostics) {

    /**
     * Validates the fit and makes its collections immutable.
     *
     * @param name the model's short name, such as {@code bg-nbd}; non-blank
     * @param model the fitted model; present exactly when {@code converged}
     * @param parameters the estimates by name; for a fit that did not converge, the last iterate
     * @param standardErrors the standard errors by parameter name; empty when the information matrix is not
     *     positive definite
     * @param logLikelihood the log-likelihood at the estimates, without any penalty
     * @param iterations the Newton iterations taken on the full data
     * @param converged whether the fit converged
     * @param problem why the fit did not converge; present exactly when {@code converged} is false
     * @param warnings what the caller should know about a converged fit
     * @param diagnostics named numbers behind the warnings
     * @throws IllegalArgumentException if {@code name} is blank, or {@code converged} disagrees with the
     *     presence of {@code model} and {@code problem}
     */
    public ModelFit {
        Checks.nonBlank("name", name);
        Checks.present("model", model);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("parameters", parameters)));
        standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("standardErrors", standardErrors)));
        Checks.present("problem", problem);
        warnings = List.copyOf(Checks.present("warnings", warnings));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("diagnostics", diagnostics)));
        if (converged != model.isPresent() || converged == problem.isPresent()) {
            throw new IllegalArgumentException("converged: " + converged + " does not agree with the model and"
                    + " problem given; a converged fit has a model and no problem, any other has a problem");
        }
    }

    /**
     * Returns the fitted model.
     *
     * @return the model of a converged fit
     * @throws IllegalStateException naming the problem when the fit did not converge
     */
    public M requireModel() {
        return model.orElseThrow(() -> new IllegalStateException(name + ": the fit did not converge: "
                + problem.orElse("unknown")));
    }
}
