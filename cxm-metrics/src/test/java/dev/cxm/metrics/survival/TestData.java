package dev.cxm.metrics.survival;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads the survival data sets in {@code src/test/resources/data}; a missing file fails the test. */
final class TestData {

    private TestData() {}

    /** Returns the rows of a CSV data file, header first, each split at commas. */
    static List<String[]> csv(String name) {
        InputStream in = TestData.class.getResourceAsStream("/data/" + name);
        if (in == null) {
            throw new AssertionError("test data file data/" + name + " is missing from the test resources");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.strip().split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The g3 data: duration {@code time}, event {@code event} (True/False), group {@code group}. */
    static SurvivalData g3() {
        List<String[]> rows = csv("lifelines_g3.csv");
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS);
        for (String[] row : rows.subList(1, rows.size())) {
            builder.add(Double.parseDouble(row[6]), SurvivalData.parseEventFlag(row[5]), row[4]);
        }
        return builder.build();
    }

    /** The Rossi data: duration {@code week}, event {@code arrest}, the other seven columns covariates. */
    static SurvivalData rossi() {
        List<String[]> rows = csv("lifelines_rossi.csv");
        List<String> header = List.of(rows.get(0));
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, header.subList(2, header.size()));
        for (String[] row : rows.subList(1, rows.size())) {
            double[] covariates = new double[row.length - 2];
            for (int j = 2; j < row.length; j++) {
                covariates[j - 2] = Double.parseDouble(row[j]);
            }
            builder.add(Double.parseDouble(row[0]), SurvivalData.parseEventFlag(row[1]), SurvivalData.DEFAULT_GROUP,
                    covariates);
        }
        return builder.build();
    }
}
