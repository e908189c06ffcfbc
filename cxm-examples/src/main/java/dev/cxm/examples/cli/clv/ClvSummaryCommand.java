package dev.cxm.examples.cli.clv;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.model.CustomerId;
import dev.cxm.examples.cli.common.CsvCells;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.RawCsvOption;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.rfm.HoldoutSummary;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSegmentation;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;
import dev.cxm.metrics.clv.rfm.RfmTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxm clv summary}: the RFM summary of every customer, its totals and the RFM segments. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Summarise purchases per customer (frequency, recency, T, mean repeat spend) and count the"
                + " RFM segments.")
final class ClvSummaryCommand extends ReportCommand {

    @Mixin
    ClvInputOptions input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the summary as CSV:"
            + " ID,frequency,recency,T,monetary_value[,frequency_holdout,monetary_value_holdout].")
    Path output;

    @Mixin
    RawCsvOption rawCsv;

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
    protected Report<SummaryResult> report() throws Exception {
        Optional<OutputFile> file = Optional.ofNullable(output).map(path -> OutputFile.checked(path, input.input));
        CsvCells csv = rawCsv.cells(spec, file.isPresent());
        ClvInput data = input.load(spec);
        RfmCells cells = data.cells();
        RfmTotals totals = data.located(cells::totals);
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
        if (file.isPresent()) {
            file.get().write(writer -> write(writer, csv, data, customerSummaries));
        }
        Optional<RfmSummaryOptions> options = data.summary().map(RfmSummary::options);
        SummaryResult result = new SummaryResult(data.source(), data.unitName(),
                options.map(o -> o.calibrationEnd().toString()),
                options.map(RfmSummaryOptions::lastCalibrationDay),
                options.flatMap(RfmSummaryOptions::holdoutEnd).map(Object::toString),
                options.flatMap(RfmSummaryOptions::lastHoldoutDay),
                data.summary().map(s -> s.options().purchasePeriod().map(p -> p.name().toLowerCase(Locale.ROOT))
                        .orElse("none")),
                totals.customers(), totals.repeatCustomers(), totals.repeatPurchases(), totals.meanFrequency(),
                totals.meanRecency(), totals.meanAge(), totals.meanMonetaryValue(), holdoutPurchases, segments,
                Optional.ofNullable(output).map(Path::toString));
        return Report.of(result, ClvSummaryCommand::printText);
    }

    private static void write(Writer writer, CsvCells csv, ClvInput data, List<CustomerSummary> customers)
            throws IOException {
        boolean holdout = customers.stream().anyMatch(c -> c.holdout().isPresent());
        writer.write("ID,frequency,recency,T,monetary_value" + (holdout ? ",frequency_holdout,monetary_value_holdout"
                : "") + "\n");
        for (CustomerSummary customer : customers) {
            StringBuilder line = new StringBuilder().append(csv.text(customer.customerId().value())).append(',')
                    .append(CsvCells.number(customer.frequency())).append(',')
                    .append(CsvCells.number(customer.recency())).append(',')
                    .append(CsvCells.number(customer.age())).append(',')
                    .append(customer.monetaryValue().isPresent() ? CsvCells.number(customer.monetaryValue()
                            .getAsDouble())
                            : customer.frequency() == 0 && data.hasSpend() ? "0" : "");
            if (holdout) {
                HoldoutSummary after = customer.holdout().orElseThrow();
                line.append(',').append(CsvCells.number(after.frequency())).append(',')
                        .append(after.monetaryValue().isPresent() ? CsvCells.number(after.monetaryValue()
                                .getAsDouble()) : "");
            }
            writer.write(line.append('\n').toString());
        }
    }

    private static void printText(SummaryResult result, TextOut out) {
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
