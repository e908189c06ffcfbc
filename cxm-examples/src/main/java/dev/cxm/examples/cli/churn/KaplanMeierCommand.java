package dev.cxm.examples.cli.churn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.UnitNames;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.survival.KaplanMeier;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.survival.SurvivalEstimate;
import dev.cxm.metrics.survival.SurvivalQuantile;
import dev.cxm.metrics.survival.SurvivalStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxm churn km}: Kaplan-Meier survival curves per group, with median time to churn. */
@Command(name = "km", mixinStandardHelpOptions = true,
        description = "Kaplan-Meier survival curve of time to churn per group, with log-log band and median.")
final class KaplanMeierCommand extends ReportCommand {

    @Mixin
    SubjectInputOptions subjects;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the band (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--at", paramLabel = "TIME", split = ",", description = "Also report the survival at these times.")
    List<Double> at = new ArrayList<>();


    @Override
    protected Report<KaplanMeierJson> report() throws Exception {
        Usage.requireLevel(spec, level);
        Usage.requireTimes(spec, "--at", at);
        Map<String, SurvivalCurve> curves = KaplanMeier.custom().level(level).build().fitByGroup(subjects.read());
        Map<String, GroupJson> groups = new LinkedHashMap<>();
        curves.forEach((name, curve) -> groups.put(name, GroupJson.of(curve, at)));
        return Report.of(new KaplanMeierJson(level, SurvivalCurve.BAND_METHOD, UnitNames.name(subjects.unit()),
                groups), (json, out) -> curves.values().forEach(curve -> printText(out, curve)));
    }

    private void printText(TextOut out, SurvivalCurve curve) {
        out.printf("Group %s: %d subjects, %d churned; times in %s%n", curve.group(), curve.subjects(), curve.events(),
                curve.unit().name().toLowerCase(Locale.ROOT));
        out.printf("%10s  %8s  %6s  %9s  %9s  %9s  %9s%n", "time", "at risk", "events", "survival", "std.err",
                "lower", "upper");
        for (SurvivalStep step : curve.timeline()) {
            if (step.events() > 0) {
                out.printf(Locale.ROOT, "%10s  %8d  %6d  %9.4f  %9s  %9s  %9s%n", number(step.time()), step.atRisk(),
                        step.events(), step.survival(), fixed(step.standardError()), fixed(step.lower()),
                        fixed(step.upper()));
            }
        }
        SurvivalQuantile median = curve.median();
        out.printf("median %s (%s%% CI %s .. %s)%n", text(median.estimate()), number(100 * level),
                text(median.lower()), text(median.upper()));
        for (double time : at) {
            SurvivalEstimate estimate = curve.at(time);
            out.printf(Locale.ROOT, "S(%s) = %.4f (%s .. %s)%n", number(time), estimate.survival(),
                    fixed(estimate.interval().map(ConfidenceInterval::lower)),
                    fixed(estimate.interval().map(ConfidenceInterval::upper)));
        }
        out.println();
    }

    /** Returns a value to four decimals, or NA where it is undefined (the band where S is 0). */
    private static String fixed(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "NA";
    }

    private static String fixed(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.4f", v)).orElse("NA");
    }

    private static String text(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "not reached";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    /** The JSON of {@code cxm churn km --json}. */
    record KaplanMeierJson(double level, String band, String unit, Map<String, GroupJson> groups) {}

    /** One group's curve in JSON; a median (or limit) the curve never reaches is {@code null}. */
    record GroupJson(int subjects, int events, List<StepJson> timeline,
            @JsonInclude(JsonInclude.Include.ALWAYS) OptionalDouble median,
            @JsonInclude(JsonInclude.Include.ALWAYS) OptionalDouble medianLower,
            @JsonInclude(JsonInclude.Include.ALWAYS) OptionalDouble medianUpper, List<EstimateJson> at) {
        static GroupJson of(SurvivalCurve curve, List<Double> times) {
            SurvivalQuantile median = curve.median();
            return new GroupJson(curve.subjects(), curve.events(),
                    curve.timeline().stream().map(StepJson::of).toList(), median.estimate(), median.lower(),
                    median.upper(), times.stream().map(t -> EstimateJson.of(curve.at(t))).toList());
        }
    }

    /** One step in JSON; the standard error and band are {@code null} where S is 0. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StepJson(double time, int atRisk, int events, int censored, double survival, OptionalDouble standardError,
            OptionalDouble lower, OptionalDouble upper) {
        static StepJson of(SurvivalStep step) {
            return new StepJson(step.time(), step.atRisk(), step.events(), step.censored(), step.survival(),
                    step.standardError(), step.lower(), step.upper());
        }
    }

    /** The survival at a chosen time in JSON; the bounds are {@code null} where S is 0. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EstimateJson(double time, double survival, OptionalDouble lower, OptionalDouble upper) {
        static EstimateJson of(SurvivalEstimate estimate) {
            Optional<ConfidenceInterval> interval = estimate.interval();
            return new EstimateJson(estimate.time(), estimate.survival(),
                    interval.map(i -> OptionalDouble.of(i.lower())).orElse(OptionalDouble.empty()),
                    interval.map(i -> OptionalDouble.of(i.upper())).orElse(OptionalDouble.empty()));
        }
    }
}
