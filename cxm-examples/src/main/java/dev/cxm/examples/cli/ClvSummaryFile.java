package dev.cxm.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.metrics.clv.RfmCells;

/**
 * Reads a summary CSV, {@code ID,frequency,recency,T[,monetary_value][,weights]} (BG/BB data may name T
 * {@code periods}), into the rows {@code cxm clv} fits; a cell that is not valid is reported by row and column.
 */
final class ClvSummaryFile {

    private ClvSummaryFile() {}

    /** Reads {@code input}, whose times are in {@code unit}, with the columns of {@code header}. */
    static ClvInput read(Path input, char separator, ChronoUnit unit, List<String> header) throws IOException {
        String ageColumn = header.contains("T") ? "T" : header.contains("periods") ? "periods" : null;
        if (ageColumn == null) {
            throw new CommandFailure(input + ": a summary CSV needs a T (or periods) column beside frequency and recency");
        }
        boolean withIds = header.contains("ID");
        boolean withSpend = header.contains("monetary_value");
        String weightColumn = header.contains("weights") ? "weights" : header.contains("weight") ? "weight" : null;
        List<String> ids = new ArrayList<>();
        RfmCells.Builder cells = RfmCells.builder(unit);
        ClvCsv.rows(input, separator, (row, count) -> {
            String where = input + " line " + row.line();
            int frequency = ClvCsv.integer(where, "frequency", row.get("frequency"));
            double recency = ClvCsv.number(where, "recency", row.get("recency"));
            double age = ClvCsv.number(where, ageColumn, row.get(ageColumn));
            OptionalDouble spend = OptionalDouble.empty();
            if (withSpend && !row.get("monetary_value").isEmpty()) {
                double value = ClvCsv.number(where, "monetary_value", row.get("monetary_value"));
                if (frequency > 0 || value != 0) {
                    spend = OptionalDouble.of(value);
                }
            }
            double weight = weightColumn == null ? 1 : ClvCsv.number(where, weightColumn, row.get(weightColumn));
            try {
                cells.add(frequency, recency, age, spend, weight);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(where + ": " + e.getMessage().replaceAll(" \\(row \\d+\\)", ""));
            }
            ids.add(withIds ? row.get("ID") : Long.toString(count));
        });
        RfmCells built = cells.build();
        if (built.size() == 0) {
            throw new CommandFailure(input + " has no customers; a summary CSV needs at least one row");
        }
        return new ClvInput(input.toString(), ids, built, Optional.empty());
    }
}
