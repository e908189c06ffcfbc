package dev.cxm.examples.cli.churn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.ChiSquaredTest;
import dev.cxm.metrics.survival.CoxCoefficient;
import dev.cxm.metrics.survival.CoxModel;
import dev.cxm.metrics.survival.CoxProportionalHazards;
import dev.cxm.metrics.survival.TieMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxm churn cox}: Cox proportional-hazards regression of time to churn on covariates. */
@Command(name = "cox", mixinStandardHelpOptions = true,
        description = "Cox proportional-hazards regression of time to churn on the covariate columns.")
final class CoxCommand extends ReportCommand {

    @Mixin
    SubjectInputOptions subjects;

    @Option(names = "--covariates", paramLabel = "COL", split = ",", required = true,
            description = "The covariate columns, numeric (such as tickets,discount); an id or text column cannot be"
                    + " a covariate, so they are named, not guessed.")
    List<String> covariates;

    @Option(names = "--ties", paramLabel = "METHOD", defaultValue = "efron",
            description = "efron or breslow (default: ${DEFAULT-VALUE}).")
    TieMethod ties;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "20",
            description = "Newton-Raphson iterations before giving up (default: ${DEFAULT-VALUE}).")
    int maxIterations;


    @Override
    protected Report<CoxJson> report() throws Exception {
        Usage.requireLevel(spec, level);
        Usage.require(spec, maxIterations >= 1, "--max-iterations: " + maxIterations + " is below 1");
        Usage.require(spec, subjects.groupColumn == null && subjects.groups.isEmpty(), "cox takes no --group-column"
                + " or --groups: the model has no strata; to compare groups, add a 0/1 column per group as a covariate");
        Usage.require(spec, covariates.stream().distinct().count() == covariates.size(), "--covariates: "
                + String.join(",", covariates) + " names a column twice; each covariate enters the model once");
        ModelFit<CoxModel> fit = CoxProportionalHazards.custom().ties(ties).level(level).maxIterations(maxIterations)
                .build().fit(subjects.read(covariates));
        CoxModel model = fit.model().orElseThrow(() -> new CommandFailure(fit.problem().orElse("the Cox fit did not"
                + " converge")));
        Map<String, CoefficientJson> byName = new LinkedHashMap<>();
        for (CoxCoefficient c : model.coefficients()) {
            byName.put(c.name(), CoefficientJson.of(c));
        }
        return Report.of(new CoxJson(model.subjects(), model.events(), model.unit().name().toLowerCase(Locale.ROOT),
                ties.name().toLowerCase(Locale.ROOT), level, byName, model.logPartialLikelihood(),
                model.nullLogPartialLikelihood(), model.likelihoodRatioTest(), model.concordance(),
                model.iterations()), (json, out) -> printText(out, model));
    }

    private void printText(TextOut out, CoxModel model) {
        out.printf("Cox model, %d subjects, %d churned, %s ties; durations in %s%n", model.subjects(), model.events(),
                ties.name().toLowerCase(Locale.ROOT), model.unit().name().toLowerCase(Locale.ROOT));
        out.printf("%-16s  %10s  %10s  %10s  %8s  %10s  %10s  %10s%n", "covariate", "coef", "exp(coef)", "se(coef)",
                "z", "p", "lower", "upper");
        for (CoxCoefficient c : model.coefficients()) {
            out.printf(Locale.ROOT, "%-16s  %10.6f  %10.6f  %10.6f  %8.3f  %10.4g  %10.6f  %10.6f%n", c.name(), c.coef(),
                    c.hazardRatio(), c.standardError(), c.z(), c.pValue(), c.hazardRatioInterval().lower(),
                    c.hazardRatioInterval().upper());
        }
        ChiSquaredTest lr = model.likelihoodRatioTest();
        out.printf(Locale.ROOT, "log partial likelihood %.4f (null %.4f)%n", model.logPartialLikelihood(),
                model.nullLogPartialLikelihood());
        out.printf(Locale.ROOT, "likelihood-ratio test %.2f on %d df, p = %.4g%n", lr.statistic(), lr.degreesOfFreedom(),
                lr.pValue());
        out.printf(Locale.ROOT, "concordance %.4f%n", model.concordance());
    }

    /** The JSON of {@code cxm churn cox --json}. */
    record CoxJson(int subjects, int events, String unit, String ties, double level, Map<String, CoefficientJson> covariates,
            double logPartialLikelihood, double nullLogPartialLikelihood, ChiSquaredTest likelihoodRatioTest,
            double concordance, int iterations) {}

    /** One covariate in JSON; lower and upper bound the hazard ratio. */
    record CoefficientJson(double coef, double se, double hazardRatio, double lower, double upper, double z, double p) {
        static CoefficientJson of(CoxCoefficient c) {
            return new CoefficientJson(c.coef(), c.standardError(), c.hazardRatio(), c.hazardRatioInterval().lower(),
                    c.hazardRatioInterval().upper(), c.z(), c.pValue());
        }
    }
}
