package dev.cxm.examples.cli.clv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.SummaryCsvReader;

/**
 * Reads a summary CSV ({@code ID,frequency,recency,T[,monetary_value][,weights]}, under the header names
 * lifetimes and BTYD write) with the library's {@link SummaryCsvReader}; a refused cell is reported by line,
 * column and rule, never by its text.
 */
final class ClvSummaryFile {

    private ClvSummaryFile() {}

    /** Reads {@code input}, whose times are in {@code unit}. */
    static ClvInput read(Path input, char separator, ChronoUnit unit) throws IOException {
        SummaryCsvReader reader;
        try {
            reader = SummaryCsvReader.custom(unit).separator(separator).build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--separator: " + e.getMessage().substring("separator: ".length()));
        }
        RfmCells cells;
        try {
            cells = reader.read(input);
        } catch (IllegalArgumentException refused) {
            String message = String.valueOf(refused.getMessage());
            throw new CommandFailure(input + (message.startsWith("line ") ? " " : ": ") + message);
        }
        if (cells.size() == 0) {
            throw new CommandFailure(input + " has no customers; a summary CSV needs at least one row");
        }
        return new ClvInput(input.toString(), cells, Optional.empty());
    }
}
