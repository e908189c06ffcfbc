package dev.cxm.metrics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalDouble;

import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * Reads the public data sets in {@code src/test/resources/data}; a missing file fails the test. Public for the
 * tests of {@code clv.rfm}.
 */
public final class ClvData {

    private ClvData() {}

    /** One raw CDNOW transaction. */
    public record CdnowTransaction(int sampleId, LocalDate date, int cds, double dollars) {
        /** Returns the start of the transaction's day in UTC. */
        public java.time.Instant instant() {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** One row of a published CDNOW summary file. */
    public record SummaryRow(int id, int frequency, double recency, double age, double spend) {}

    /** Returns the non-blank lines of a data file. */
    public static List<String> lines(String name) {
        InputStream in = ClvData.class.getResourceAsStream("/data/" + name);
        if (in == null) {
            throw new AssertionError("test data file src/test/resources/data/" + name + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the 6,919 transactions of {@code CDNOW_sample.txt}. */
    public static List<CdnowTransaction> cdnowSample() {
        DateTimeFormatter format = DateTimeFormatter.BASIC_ISO_DATE;
        return lines("CDNOW_sample.txt").stream().map(line -> line.split("\\s+"))
                .map(cells -> new CdnowTransaction(Integer.parseInt(cells[1]), LocalDate.parse(cells[2], format),
                        Integer.parseInt(cells[3]), Double.parseDouble(cells[4])))
                .toList();
    }

    /** Returns {@code cdnow_customers_summary.csv} (spend 0: the file has none). */
    public static List<SummaryRow> cdnowSummary() {
        return lines("cdnow_customers_summary.csv").stream().skip(1).map(line -> line.split(","))
                .map(cells -> new SummaryRow(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]),
                        Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), 0))
                .toList();
    }

    /** Returns {@code cdnow_customers_summary_with_transactions.csv}. */
    public static List<SummaryRow> cdnowSummaryWithSpend() {
        return lines("cdnow_customers_summary_with_transactions.csv").stream().skip(1).map(line -> line.split(","))
                .map(cells -> new SummaryRow(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]),
                        Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), Double.parseDouble(cells[4])))
                .toList();
    }

    /** Returns the published CDNOW summary as cells in weeks, one per customer. */
    public static RfmCells cdnowCells() {
        RfmCells.Builder cells = RfmCells.builder(ChronoUnit.WEEKS);
        cdnowSummary().forEach(row -> cells.add(row.frequency(), row.recency(), row.age()));
        return cells.build();
    }

    /** Returns the published CDNOW summary with mean repeat spend, in weeks. */
    public static RfmCells cdnowCellsWithSpend() {
        RfmCells.Builder cells = RfmCells.builder(ChronoUnit.WEEKS);
        cdnowSummaryWithSpend().forEach(row -> cells.add(row.frequency(), row.recency(), row.age(),
                row.frequency() > 0 ? OptionalDouble.of(row.spend()) : OptionalDouble.empty(), 1));
        return cells.build();
    }

    /** Returns the donation cells of {@code donations.csv}, one opportunity per period. */
    public static RfmCells donations() {
        RfmCells.Builder cells = RfmCells.builder(ChronoUnit.YEARS);
        lines("donations.csv").stream().skip(1).map(line -> line.split(","))
                .forEach(cells1 -> cells.add(Integer.parseInt(cells1[0]), Double.parseDouble(cells1[1]),
                        Double.parseDouble(cells1[2]), OptionalDouble.empty(), Double.parseDouble(cells1[3])));
        return cells.build();
    }
}
