package dev.cxm.examples.cli.clv;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.CsvCells;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.RawCsvOption;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.UnitNames;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.clv.ClvPrediction;
import dev.cxm.metrics.clv.ClvSettings;
import dev.cxm.metrics.clv.CustomerPredictions;
import dev.cxm.metrics.clv.FitOptions;
import dev.cxm.metrics.clv.GammaGamma;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.PurchaseModel;
import dev.cxm.metrics.clv.PurchaseModels;
import dev.cxm.metrics.clv.TimeUnits;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.stats.ModelFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code cxm clv predict}: fits a purchase model (and, when the input has amounts, the Gamma-Gamma spend
 * model) and predicts, per customer, P(alive), the expected purchases within the horizon and the
 * discounted lifetime value over it; the predictions, totals and top customers are the library's
 * {@link ClvPrediction}, this command parses and prints.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Fit, then predict per customer: P(alive), expected purchases in --horizon and (with amounts)"
                + " expected spend and discounted lifetime value.")
final class ClvPredictCommand extends ReportCommand {

    private static final Pattern LENGTH = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    @Mixin
    ClvInputOptions input;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "bg-nbd", converter = ClvModelName.class,
            description = "bg-nbd (default), pareto-nbd, mbg-nbd, bg-bb, or gamma-gamma for spend alone.")
    String model;

    @Option(names = "--horizon", paramLabel = "LENGTH",
            description = "How far ahead: 52w, 364d, 12h, an ISO-8601 duration such as P30D, or a number of --unit"
                    + " (default: 52w; 12 for a summary in months, 1 in years). For bg-bb, a whole number of opportunities"
                    + " (default: 1).")
    String horizon;

    @Option(names = "--discount-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Discount rate per --discount-period for lifetime value, 0 or more (default: 0). Needs"
                    + " amounts and a model with lifetime value (not gamma-gamma).")
    double discountRate;

    @Option(names = "--discount-period", paramLabel = "LENGTH",
            description = "Length of one discounting period, such as 4w or 30d (default: one --unit, or a day when the"
                    + " horizon holds more than 10,000 units); as"
                    + " --discount-rate, for lifetime value only.")
    String discountPeriod;

    @Option(names = "--penalty", paramLabel = "LAMBDA", defaultValue = "0", description = "L2 penalty of the fits.")
    double penalty;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Customers to list, by value (or expected purchases) (default: 10).")
    int top;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write every customer's predictions as CSV.")
    Path output;

    @Mixin
    RawCsvOption rawCsv;

    /** One customer's predictions. */
    record CustomerPrediction(String id, int frequency, double recency, double T, OptionalDouble monetaryValue,
            OptionalDouble probabilityAlive, OptionalDouble expectedPurchases, OptionalDouble expectedSpend,
            OptionalDouble value) {}

    /** The JSON result of {@code cxm clv predict --json}. */
    record PredictResult(String model, String unit, String horizon, double horizonInUnits,
            Map<String, Double> parameters, Optional<Map<String, Double>> spendParameters,
            OptionalDouble discountRate, Optional<String> discountPeriod, long customers,
            OptionalDouble expectedPurchases, OptionalDouble expectedValue, List<CustomerPrediction> top,
            List<String> warnings, Optional<String> output) {}

    @Override
    protected Report<PredictResult> report() throws Exception {
        Optional<OutputFile> file = Optional.ofNullable(output).map(path -> OutputFile.checked(path, input.input));
        CsvCells csv = rawCsv.cells(spec, file.isPresent());
        FitOptions fitOptions = ClvFitCommand.options(spec, penalty, 200);
        Usage.require(spec, discountRate >= 0 && Double.isFinite(discountRate), "--discount-rate: " + discountRate
                + " is not a discount rate; use a finite number, 0 or more");
        Usage.require(spec, top >= 0, "--top: " + top + " is negative; it is how many customers to list");
        ClvInput data = input.load(spec);
        RfmCells cells = data.cells();
        ChronoUnit unit = data.unit();
        boolean bgBb = model.equals(ClvModelName.BG_BB);
        boolean spendAlone = model.equals(ClvModelName.GAMMA_GAMMA);
        Duration length = horizon == null ? defaultHorizon(model, unit) : length(spec, "--horizon", horizon, unit);
        double inUnits = TimeUnits.inUnits(length, unit);
        Usage.require(spec, !bgBb || inUnits == Math.rint(inUnits), "--horizon: " + horizon
                + " is not a whole number of " + UnitNames.name(unit) + "; bg-bb predicts whole opportunities");
        boolean withSpend = data.hasSpend() && cells.hasRepeatPurchases();
        boolean valued = withSpend && !spendAlone;
        for (String option : List.of("--discount-rate", "--discount-period")) {
            Usage.require(spec, valued || !spec.commandLine().getParseResult().hasMatchedOption(option), option
                    + ": there is no lifetime value to discount " + (withSpend ? "with --model " + model
                            : "without amounts (a spend for every repeat buyer)"));
        }
        Duration each = valued && discountPeriod != null ? length(spec, "--discount-period", discountPeriod, unit)
                : defaultDiscountPeriod(unit, length);
        double eachInUnits = TimeUnits.inUnits(each, unit);
        Usage.require(spec, !bgBb || !valued || eachInUnits == Math.rint(eachInUnits), "--discount-period: "
                + discountPeriod + " is not a whole number of " + UnitNames.name(unit)
                + "; bg-bb discounts whole opportunities");
        List<String> warnings = new ArrayList<>();
        Optional<GammaGammaModel> spend = Optional.empty();
        Optional<Map<String, Double>> spendParameters = Optional.empty();
        if (withSpend || spendAlone) {
            ModelFit<GammaGammaModel> spendFit = data.located(() -> GammaGamma.custom().options(fitOptions).build()
                    .fit(cells));
            if (spendAlone || spendFit.model().isPresent()) {
                spend = Optional.of(required(spendFit));
                spendParameters = Optional.of(spendFit.parameters());
                warnings.addAll(spendFit.warnings());
            } else {
                // The purchase model's predictions stand on their own: give them, without spend and value.
                warnings.add("gamma-gamma did not converge (" + spendFit.problem().orElse("unknown")
                        + "); no expected spend or lifetime value is given");
            }
        }
        boolean finiteMeanSpend = spend.isPresent() && spend.get().hasFiniteSpend(0);
        Map<String, Double> parameters;
        OptionalDouble rate = OptionalDouble.empty();
        Optional<String> period = Optional.empty();
        CustomerPredictions predictions;
        if (spendAlone) {
            GammaGammaModel gammaGamma = spend.orElseThrow();
            parameters = gammaGamma.parameters();
            predictions = ClvPrediction.custom(length).top(top).build().predictSpend(gammaGamma, cells);
        } else {
            PurchaseModel purchases = required(data.located(() -> PurchaseModels.named(model, fitOptions).orElseThrow()
                    .fit(cells)));
            parameters = purchases.parameters();
            ClvSettings settings = ClvSettings.ofDefaults(length);
            if (valued && finiteMeanSpend) {
                try {
                    settings = ClvSettings.custom(length).period(each).discountRate(discountRate).build();
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--horizon, --discount-period: "
                            + e.getMessage());
                }
                rate = OptionalDouble.of(discountRate);
                period = Optional.of(each.toString());
            }
            ClvPrediction prediction = ClvPrediction.custom(length).settings(settings).top(top).build();
            Optional<GammaGammaModel> spendModel = spend;
            predictions = data.located(() -> spendModel.isPresent()
                    ? prediction.predict(purchases, spendModel.get(), cells) : prediction.predict(purchases, cells));
        }
        if (file.isPresent()) {
            CustomerPredictions all = predictions;
            file.get().write(writer -> write(writer, csv, data, all));
        }
        List<CustomerPrediction> best = predictions.top().stream().map(p -> prediction(data, p)).toList();
        PredictResult result = new PredictResult(model, data.unitName(), length.toString(), inUnits,
                parameters, spendParameters, rate, period, Math.round(cells.totalWeight()),
                predictions.totalExpectedPurchases(), predictions.totalValue(), best, warnings,
                Optional.ofNullable(output).map(Path::toString));
        return Report.of(result, ClvPredictCommand::printText);
    }

    /** Returns the printed form of one of the library's predictions. */
    private static CustomerPrediction prediction(ClvInput data, dev.cxm.metrics.clv.CustomerPrediction p) {
        return new CustomerPrediction(data.id(p.row()), p.history().frequency(), p.history().recency(),
                p.history().age(), p.monetaryValue(), p.probabilityAlive(), p.expectedPurchases(), p.expectedSpend(),
                p.value());
    }

    /**
     * Returns the horizon when {@code --horizon} is not given: one opportunity for bg-bb, else a year: 52
     * weeks, or 12 months or 1 year when the summary counts whole months or years.
     */
    static Duration defaultHorizon(String model, ChronoUnit unit) {
        if (model.equals(ClvModelName.BG_BB) || unit == ChronoUnit.YEARS) {
            return unit.getDuration();
        }
        return unit == ChronoUnit.MONTHS ? unit.getDuration().multipliedBy(12) : Duration.ofDays(7 * 52);
    }

    /**
     * Returns the discounting period when {@code --discount-period} is not given: one {@code unit}, unless
     * {@code horizon} holds more of them than are discounted one by one ({@link ClvSettings#MAX_PERIODS}, as
     * a year does in seconds or minutes); then a day.
     */
    static Duration defaultDiscountPeriod(ChronoUnit unit, Duration horizon) {
        Duration one = unit.getDuration();
        return horizon.dividedBy(one) > ClvSettings.MAX_PERIODS ? Duration.ofDays(1) : one;
    }

    private static <M> M required(ModelFit<M> fit) {
        return fit.model().orElseThrow(() -> new CommandFailure(fit.name() + " did not converge: "
                + fit.problem().orElse("unknown")));
    }

    /**
     * Parses a length such as 52w, 364d, 12h, P30D or a bare number of {@code unit}s; a bad one is a usage
     * error naming {@code option}.
     */
    static Duration length(CommandSpec spec, String option, String text, ChronoUnit unit) {
        String value = text.strip();
        Duration length;
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                length = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + ": '" + text
                        + "' is not an ISO-8601 duration such as P30D");
            }
        } else {
            Matcher matcher = LENGTH.matcher(value);
            Usage.require(spec, matcher.matches(),
                    option + ": '" + text + "' is not a length such as 52w, 364d or 12h");
            double amount = Double.parseDouble(matcher.group(1));
            Duration perUnit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "" -> unit.getDuration();
                case "s" -> Duration.ofSeconds(1);
                case "m", "min" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                case "w" -> Duration.ofDays(7);
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + ": '"
                        + matcher.group(2) + "' is not a unit; use s, min, h, d or w");
            };
            double nanos = amount * perUnit.toNanos();
            Usage.require(spec, nanos < 9e18, option + ": " + text + " is too long");
            length = Duration.ofNanos(Math.round(nanos));
        }
        Usage.require(spec, !length.isNegative() && !length.isZero(), option + ": " + text + " is not positive");
        return length;
    }

    private static void write(Writer writer, CsvCells csv, ClvInput data, CustomerPredictions predictions)
            throws IOException {
        writer.write("ID,frequency,recency,T,monetary_value,p_alive,expected_purchases,expected_spend,clv\n");
        for (int row = 0; row < predictions.size(); row++) {
            CustomerPrediction p = prediction(data, predictions.get(row));
            writer.write(String.join(",", csv.text(p.id()), CsvCells.number(p.frequency()),
                    CsvCells.number(p.recency()), CsvCells.number(p.T()), cell(p.monetaryValue()),
                    cell(p.probabilityAlive()), cell(p.expectedPurchases()), cell(p.expectedSpend()), cell(p.value())));
            writer.write('\n');
        }
    }

    private static String cell(OptionalDouble value) {
        return value.isPresent() ? CsvCells.number(value.getAsDouble()) : "";
    }

    private static void printText(PredictResult result, TextOut out) {
        out.printf(Locale.ROOT, "%s predictions for %,d customers over %.4g %s (%s)%n", result.model(),
                result.customers(),
                result.horizonInUnits(), result.unit(), result.horizon());
        result.parameters().forEach((name, value) -> out.printf(Locale.ROOT, "  %-6s %.6f%n", name, value));
        result.spendParameters().ifPresent(spend -> spend.forEach((name, value) ->
                out.printf(Locale.ROOT, "  %-6s %.6f (gamma-gamma)%n", name, value)));
        result.expectedPurchases().ifPresent(total -> out.printf(Locale.ROOT, "  expected purchases  %,.2f%n", total));
        result.expectedValue().ifPresent(total -> out.printf(Locale.ROOT,
                "  lifetime value      %,.2f (discount %s per %s)%n",
                total, result.discountRate().orElse(0), result.discountPeriod().orElse("")));
        result.warnings().forEach(warning -> out.println("  warning: " + warning));
        out.println("  customer          P(alive)   purchases       spend         value");
        for (CustomerPrediction p : result.top()) {
            out.printf(Locale.ROOT, "  %-14s %10s %11s %11s %13s%n", p.id(), format(p.probabilityAlive(), "%.4f"),
                    format(p.expectedPurchases(), "%.3f"), format(p.expectedSpend(), "%.2f"), format(p.value(),
                            "%.2f"));
        }
        result.output().ifPresent(file -> out.printf("Wrote every customer's predictions to %s%n", file));
    }

    private static String format(OptionalDouble value, String pattern) {
        return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble()) : "-";
    }
}
