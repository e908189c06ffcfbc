package dev.cxm.examples.cli.drivers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import dev.cxm.core.io.MissingColumnException;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.Converters;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.drivers.DriverCsv;
import dev.cxm.metrics.drivers.DriverData;
import dev.cxm.metrics.drivers.DriverImportance;
import dev.cxm.metrics.drivers.DriverMethod;
import dev.cxm.metrics.drivers.KeyDriverResult;
import dev.cxm.metrics.drivers.KeyDrivers;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.PercentileBootstrap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cxm drivers}: how much of an outcome each driver explains (its share of R², by the Shapley
 * decomposition or relative weights), with bootstrap intervals, from a CSV file of one row per respondent.
 */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = "Key-driver analysis: each driver's share of the outcome's explained variance (R²), with"
                + " bootstrap intervals, from a CSV file with one row per respondent.")
public final class DriversCommand extends ReportCommand {

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The CSV file, with a header row; columns other than the outcome and drivers are ignored.")
    Path input;

    @Option(names = "--outcome-column", required = true, paramLabel = "COL",
            description = "The outcome's column, such as likelihood to recommend or overall satisfaction.")
    String outcomeColumn;

    @Option(names = "--driver-columns", required = true, paramLabel = "COL", split = ",",
            description = "The drivers' columns, such as wait_time,staff,price.")
    List<String> driverColumns;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "automatic", converter = MethodName.class,
            description = "shapley (exact, up to 15 drivers), relative-weights, or automatic: shapley up to 15"
                    + " drivers, relative-weights above (default: ${DEFAULT-VALUE}).")
    DriverMethod method;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples for the intervals of the shares; 0 for none, else at least 100"
                    + " (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the bootstrap, so that a run can be repeated exactly (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",", converter = Converters.Separator.class,
            description = "Column separator (default: ,).")
    Character separator;

    /** Creates the command; picocli sets its options. */
    public DriversCommand() {}

    @Override
    protected Report<DriversJson> report() throws Exception {
        Usage.requireLevel(spec, level);
        Usage.require(spec, bootstrap == 0 || bootstrap >= PercentileBootstrap.MINIMUM_RESAMPLES, "--bootstrap: "
                + bootstrap + " is neither 0 (no intervals) nor at least " + PercentileBootstrap.MINIMUM_RESAMPLES);
        Usage.require(spec, new HashSet<>(driverColumns).size() == driverColumns.size(), "--driver-columns: "
                + String.join(",", driverColumns) + " names a column twice; each driver enters the model once");
        Usage.require(spec, !driverColumns.contains(outcomeColumn), "--driver-columns: " + outcomeColumn
                + " is the --outcome-column; an outcome does not drive itself");
        Usage.require(spec, driverColumns.stream().noneMatch(String::isBlank) && !outcomeColumn.isBlank(),
                "--outcome-column and --driver-columns: a column name is blank");
        Usage.require(spec, separator != '.' && separator != '-' && separator != '+' && separator != ' '
                && separator != '"' && !Character.isLetterOrDigit(separator), "--separator: '" + separator
                + "' cannot separate cells of numbers");
        CommandFailure.requireReadableFile(input);
        KeyDrivers analysis = KeyDrivers.custom().method(method).resamples(bootstrap).seed(seed).level(level).build();
        KeyDriverResult result;
        try {
            DriverData data = DriverCsv.custom(outcomeColumn, driverColumns).separator(separator).build().read(input);
            result = analysis.compute(data);
        } catch (MissingColumnException e) {
            throw new CommandFailure("column \"" + e.column() + "\" (" + (e.setting().equals("outcomeColumn")
                    ? "--outcome-column" : "--driver-columns") + ") is not in the header of " + input);
        } catch (IllegalArgumentException refused) {
            throw new CommandFailure(refused.getMessage().startsWith("line ") || refused.getMessage()
                    .startsWith("header: ") ? input + ": " + refused.getMessage() : refused.getMessage());
        }
        return Report.of(DriversJson.of(result, level), (json, out) -> printText(out, result));
    }

    private void printText(TextOut out, KeyDriverResult result) {
        String methodName = result.method() == DriverMethod.SHAPLEY ? "Shapley decomposition of R² (LMG)"
                : "Johnson's relative weights";
        out.printf("Key drivers of %s: %d rows, %d drivers, %s%n", result.outcome(), result.n(),
                result.drivers().size(), methodName);
        out.printf(Locale.ROOT, "R² = %.4f (adjusted %.4f)%n", result.rSquared(), result.adjustedRSquared());
        String interval = result.resamples() > 0 ? new java.math.BigDecimal(Double.toString(level)).movePointRight(2)
                .stripTrailingZeros().toPlainString() + "% interval" : "interval";
        out.printf("%4s  %-20s  %10s  %7s  %-17s  %11s%n", "rank", "driver", "importance", "share", interval,
                "correlation");
        for (DriverImportance driver : result.drivers()) {
            String bounds = driver.interval().map(i -> percent(i.lower()) + " .. " + percent(i.upper())).orElse("-");
            out.printf(Locale.ROOT, "%4d  %-20s  %10.4f  %7s  %-17s  %11.3f%n", driver.rank(), driver.name(),
                    driver.importance(), percent(driver.share()), bounds, driver.correlation());
        }
        if (result.resamples() > 0) {
            out.printf("intervals: bootstrap percentile, %d resamples, seed %d%n", result.resamples(), result.seed());
        } else {
            out.println("no intervals (--bootstrap 0)");
        }
        for (String warning : result.warnings()) {
            out.println("warning: " + warning);
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** Reads {@code --method}: {@code automatic}, {@code shapley} or {@code relative-weights}. */
    static final class MethodName implements CommandLine.ITypeConverter<DriverMethod> {
        @Override
        public DriverMethod convert(String value) {
            try {
                return DriverMethod.named(value);
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a method; use automatic, shapley"
                        + " or relative-weights");
            }
        }
    }

    /**
     * The JSON of {@code cxm drivers --json}.
     *
     * @param outcome the outcome's column
     * @param n the rows analysed
     * @param method the method used, {@code shapley} or {@code relative-weights}
     * @param rSquared R² of the regression on all drivers
     * @param adjustedRSquared the adjusted R²
     * @param resamples the bootstrap resamples, 0 without intervals
     * @param seed the bootstrap's seed
     * @param level the intervals' confidence level
     * @param drivers the drivers, the most important first
     * @param warnings what the reader should know
     */
    record DriversJson(String outcome, long n, String method, double rSquared, double adjustedRSquared, int resamples,
            long seed, double level, List<DriverJson> drivers, List<String> warnings) {

        static DriversJson of(KeyDriverResult result, double level) {
            List<DriverJson> drivers = new ArrayList<>();
            for (DriverImportance driver : result.drivers()) {
                drivers.add(new DriverJson(driver.name(), driver.importance(), driver.share(),
                        bound(driver, ConfidenceInterval::lower), bound(driver, ConfidenceInterval::upper),
                        driver.rank()));
            }
            return new DriversJson(result.outcome(), result.n(), result.method().methodName(), result.rSquared(),
                    result.adjustedRSquared(), result.resamples(), result.seed(), level, drivers, result.warnings());
        }

        private static OptionalDouble bound(DriverImportance driver,
                java.util.function.ToDoubleFunction<ConfidenceInterval> which) {
            return driver.interval().map(i -> OptionalDouble.of(which.applyAsDouble(i))).orElse(OptionalDouble.empty());
        }
    }

    /**
     * One driver in JSON.
     *
     * @param name the driver's column
     * @param importance its part of R²
     * @param share its share of R²
     * @param lower the lower bound of the share's interval; null without a bootstrap
     * @param upper the upper bound of the share's interval; null without a bootstrap
     * @param rank 1 for the most important
     */
    record DriverJson(String name, double importance, double share, OptionalDouble lower, OptionalDouble upper,
            int rank) {}
}
