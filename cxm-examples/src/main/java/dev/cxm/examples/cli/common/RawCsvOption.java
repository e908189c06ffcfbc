package dev.cxm.examples.cli.common;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --raw-csv}: write the text cells of a CSV output as they are, without the guard against formulas. */
public final class RawCsvOption {

    @Option(names = "--raw-csv",
            description = "Write ids into the --output CSV as they are; without it an id that starts with =, +, -, @,"
                    + " a tab or a carriage return gets a leading ' so that a spreadsheet does not run it.")
    private boolean raw;

    /**
     * Returns the cells of the CSV output, after checking that {@code --raw-csv} comes with an output.
     *
     * @param spec the command
     * @param output whether the command writes a CSV file
     * @return the cells
     */
    public CsvCells cells(CommandSpec spec, boolean output) {
        Usage.require(spec, output || !raw, "--raw-csv applies to the CSV file of --output; give --output FILE too");
        return CsvCells.of(raw);
    }
}
