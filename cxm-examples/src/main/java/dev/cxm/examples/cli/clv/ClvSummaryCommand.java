package dev.cxm.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.rfm.HoldoutSummary;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSegmentation;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cxm clv summary}: the RFM summary of every customer, its totals and the RFM segments. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Summarise purchases per customer (frequency, recency, T, mean repeat spend) and count the"
                + " RFM segments.")
final class ClvSummaryCommand implements Callable<Integer> {

    @Mixin
    ClvInputOptions input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the summary as CSV:"
            + " ID,frequency,recency,T,monetary_value[,frequency_holdout,monetary_value_holdout].")
    Path output;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    /**
     * The JSON result of {@code cxm clv summary --json}: {@code calibrationEnd} and {@code holdoutEnd} are the
     * exclusive instants the periods end at, {@code lastCalibrationDay} and {@code lastHoldoutDay} the last
     * days they include (what {@code --calibration-end} and {@code --holdout-end} name).
     */
    record SummaryResult(String input, String unit, Optional<String> calibrationEnd,
            Optional<LocalDate> lastCalibrationDay,
            Optional<String> holdoutEnd, Optional<LocalDate> lastHoldoutDay,
            Optional<String> purchasePeriod, double customers, double repeatCustomers, double repeatPurchases,
            double meanFrequency, double meanRecency, double meanT, OptionalDouble meanMonetaryValue,
            OptionalDouble holdoutPurchases, Map<String, Long> segments, Optional<String> output) {}

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            CommandFailure.requireWritableFile(output);
        }
        ClvInput data = input.load(spec);
        RfmCells cells = data.cells();
        double customers = cells.totalWeight();
        double repeaters = 0;
        double purchases = 0;
        double recency = 0;
        double age = 0;
        double spend = 0;
        double spenders = 0;
        for (int i = 0; i < cells.size(); i++) {
            double w = cells.weight(i);
            repeaters += cells.frequency(i) > 0 ? w : 0;
            purchases += w * cells.frequency(i);
            recency += w * cells.recency(i);
            age += w * cells.age(i);
            if (cells.monetaryValue(i).isPresent()) {
                spend += w * cells.monetaryValue(i).getAsDouble();
                spenders += w;
            }
        }
        List<CustomerSummary> customerSummaries = data.summary().map(RfmSummary::customers).orElseGet(() -> {
            List<CustomerSummary> rows = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                rows.add(new CustomerSummary(CustomerId.of(data.id(i)), cells.frequency(i), cells.recency(i),
                        cells.age(i), cells.monetaryValue(i), OptionalDouble.empty(), Optional.empty()));
            }
            return rows;
        });
        RfmSegmentation segmentation = RfmSegmentation.ofDefaults();
        Map<String, Long> segments = segmentation.segmentSizes(segmentation.score(customerSummaries));
        OptionalDouble holdoutPurchases = data.summary().flatMap(summary -> summary.options().holdoutEnd())
                .isPresent() ? OptionalDouble.of(customerSummaries.stream()
                        .mapToDouble(c -> c.holdout().map(HoldoutSummary::frequency).orElse(0)).sum())
                : OptionalDouble.empty();
        if (output != null) {
            write(output, data, customerSummaries);
        }
        Optional<RfmSummaryOptions> options = data.summary().map(RfmSummary::options);
        SummaryResult result = new SummaryResult(data.source(), unitName(data),
                options.map(o -> o.calibrationEnd().toString()),
                options.map(RfmSummaryOptions::lastCalibrationDay),
                options.flatMap(RfmSummaryOptions::holdoutEnd).map(Object::toString),
                options.flatMap(RfmSummaryOptions::lastHoldoutDay),
                data.summary().map(s -> s.options().purchasePeriod().map(p -> p.name().toLowerCase(Locale.ROOT))
                        .orElse("none")),
                customers, repeaters, purchases, purchases / customers, recency / customers, age / customers,
                spenders > 0 ? OptionalDouble.of(spend / spenders) : OptionalDouble.empty(), holdoutPurchases, segments,
                Optional.ofNullable(output).map(Path::toString));
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            JsonOutput.print(out, result);
        } else {
            printText(out, result);
        }
        return 0;
    }

    static String unitName(ClvInput data) {
        return UnitNames.name(data.unit());
    }

    private static void write(Path file, ClvInput data, List<CustomerSummary> customers) throws IOException {
        boolean holdout = customers.stream().anyMatch(c -> c.holdout().isPresent());
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("ID,frequency,recency,T,monetary_value" + (holdout ? ",frequency_holdout,monetary_value_holdout" : ""));
            writer.newLine();
            for (CustomerSummary customer : customers) {
                StringBuilder line = new StringBuilder().append(Csv.escape(customer.customerId().value())).append(',')
                        .append(customer.frequency()).append(',').append(customer.recency()).append(',')
                        .append(customer.age()).append(',')
                        .append(customer.monetaryValue().isPresent() ? Double.toString(customer.monetaryValue()
                                .getAsDouble())
                                : customer.frequency() == 0 && data.hasSpend() ? "0" : "");
                if (holdout) {
                    HoldoutSummary after = customer.holdout().orElseThrow();
                    line.append(',').append(after.frequency()).append(',')
                            .append(after.monetaryValue().isPresent() ? Double.toString(after.monetaryValue()
                                    .getAsDouble()) : "");
                }
                writer.write(line.toString());
                writer.newLine();
            }
        }
    }

    private static void printText(PrintWriter out, SummaryResult result) {
        out.printf("RFM summary of %s (times in %s)%n", result.input(), result.unit());
        result.lastCalibrationDay().ifPresent(day -> out.printf("  calibration        up to %s (inclusive; ends %s)%n",
                day, result.calibrationEnd().orElse("")));
        result.lastHoldoutDay().ifPresent(day -> out.printf("  holdout            up to %s (inclusive; ends %s)%n",
                day, result.holdoutEnd().orElse("")));
        out.printf(Locale.ROOT, "  customers          %,12.0f%n", result.customers());
        out.printf(Locale.ROOT, "  repeat customers   %,12.0f%n", result.repeatCustomers());
        out.printf(Locale.ROOT, "  repeat purchases   %,12.0f%n", result.repeatPurchases());
        out.printf(Locale.ROOT, "  mean frequency     %12.3f%n", result.meanFrequency());
        out.printf(Locale.ROOT, "  mean recency       %12.3f %s%n", result.meanRecency(), result.unit());
        out.printf(Locale.ROOT, "  mean T             %12.3f %s%n", result.meanT(), result.unit());
        result.meanMonetaryValue().ifPresent(value -> out.printf(Locale.ROOT, "  mean repeat spend  %12.2f%n", value));
        result.holdoutPurchases().ifPresent(value -> out.printf(Locale.ROOT, "  holdout purchases  %,12.0f%n", value));
        out.println("RFM segments:");
        result.segments().forEach((segment, size) -> out.printf(Locale.ROOT, "  %-20s %,10d%n", segment, size));
        result.output().ifPresent(file -> out.printf("Wrote the summary to %s%n", file));
    }
}
