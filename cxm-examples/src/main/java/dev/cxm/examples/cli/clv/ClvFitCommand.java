package dev.cxm.examples.cli.clv;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.clv.FitOptions;
import dev.cxm.metrics.clv.GammaGamma;
import dev.cxm.metrics.clv.PurchaseModels;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.stats.ModelFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code cxm clv fit}: fits one model by maximum likelihood and prints its parameters, standard errors,
 * log-likelihood and convergence. A fit that does not converge is printed with its reason and exits 1.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a CLV model by maximum likelihood: parameters, standard errors, log-likelihood.")
final class ClvFitCommand extends ReportCommand {

    @Mixin
    ClvInputOptions input;

    @Option(names = "--model", required = true, paramLabel = "MODEL", converter = ClvModelName.class,
            description = "bg-nbd, pareto-nbd, mbg-nbd, bg-bb or gamma-gamma.")
    String model;

    @Option(names = "--penalty", paramLabel = "LAMBDA", defaultValue = "0",
            description = "L2 penalty lambda * sum(p^2) on the mean log-likelihood (default: 0).")
    double penalty;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "200",
            description = "Most Newton iterations (default: 200).")
    int maxIterations;

    /**
     * The JSON result of {@code cxm clv fit --json}; {@code customers} counts the customers the model was
     * fitted to (for gamma-gamma, the repeat buyers).
     */
    record FitResult(String model, Map<String, Double> parameters, Map<String, Double> standardErrors,
            OptionalDouble logLikelihood, boolean converged, int iterations, String unit, long customers,
            Optional<String> problem, List<String> warnings, Map<String, Double> diagnostics) {}

    @Override
    protected Report<FitResult> report() throws Exception {
        FitOptions options = options(spec, penalty, maxIterations);
        ClvInput data = input.load(spec);
        ModelFit<?> fit = data.located(() -> fit(model, data.cells(), options));
        boolean spendModel = model.equals(ClvModelName.GAMMA_GAMMA);
        RfmCells fitted = spendModel ? data.cells().repeatBuyers() : data.cells();
        // Gamma-Gamma leaves repeat buyers with a spend of 0 out, and says how many.
        double customers = fitted.totalWeight() - fit.diagnostics().getOrDefault("zeroSpendSkipped", 0.0);
        FitResult result = new FitResult(fit.name(), fit.parameters(), fit.standardErrors(),
                Double.isFinite(fit.logLikelihood()) ? OptionalDouble.of(fit.logLikelihood()) : OptionalDouble.empty(),
                fit.converged(), fit.iterations(), data.unitName(), Math.round(customers),
                fit.problem(), fit.warnings(), fit.diagnostics());
        Report<FitResult> report = Report.of(result, ClvFitCommand::printText);
        return fit.converged() ? report : report.failing(fit.name() + " did not converge: " + fit.problem()
                .orElse(""));
    }

    /** Returns fit options from the command line's penalty and iteration budget; a bad value is a usage error. */
    static FitOptions options(CommandSpec spec, double penalty, int maxIterations) {
        Usage.require(spec, penalty >= 0 && Double.isFinite(penalty), "--penalty: " + penalty
                + " is not a penalty; use a finite number, 0 or more");
        Usage.require(spec, maxIterations > 0, "--max-iterations: " + maxIterations + " is not positive");
        return FitOptions.custom().l2Penalty(penalty).maxIterations(maxIterations).build();
    }

    /** Fits the model named {@code model} (as {@link ClvModelName} reads it) to {@code cells}. */
    static ModelFit<?> fit(String model, RfmCells cells, FitOptions options) {
        if (model.equals(ClvModelName.GAMMA_GAMMA)) {
            return GammaGamma.custom().options(options).build().fit(cells);
        }
        return PurchaseModels.named(model, options).orElseThrow().fit(cells);
    }

    private static void printText(FitResult result, TextOut out) {
        out.printf(Locale.ROOT, "%s fitted to %,d %s (times in %s): %s after %d iterations%n", result.model(),
                result.customers(), result.model().equals("gamma-gamma") ? "repeat buyers" : "customers", result.unit(),
                result.converged() ? "converged" : "DID NOT CONVERGE",
                result.iterations());
        out.println("  parameter        estimate     std. error");
        result.parameters().forEach((name, value) -> out.printf(Locale.ROOT, "  %-9s %15.6f %14s%n", name, value,
                result.standardErrors().containsKey(name)
                        ? String.format(Locale.ROOT, "%.6f", result.standardErrors().get(name)) : "-"));
        result.logLikelihood().ifPresent(value -> out.printf(Locale.ROOT, "  log-likelihood %,.4f%n", value));
        result.diagnostics().forEach((name, value) -> out.printf(Locale.ROOT, "  %s %.4f%n", name, value));
        result.warnings().forEach(warning -> out.println("  warning: " + warning));
        result.problem().ifPresent(problem -> out.println("  problem: " + problem));
    }
}
