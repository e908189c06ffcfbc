package dev.cxm.examples.cli.churn;

import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cxm.core.io.MissingColumnException;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.Converters;
import dev.cxm.examples.cli.common.UnitNames;
import dev.cxm.metrics.survival.SurvivalCsv;
import dev.cxm.metrics.survival.SurvivalData;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A CSV file of subjects for survival analysis (one row per customer: how long they were followed, whether
 * they churned, their group, their covariates) and the columns to read: what {@code churn km},
 * {@code churn logrank} and {@code churn cox} take. These are not events, so the event column mapping does
 * not apply. Rows are numbered from 1 after the header in every message.
 */
final class SubjectInputOptions {

    /** The option that names each column setting of {@link SurvivalCsv}. */
    private static final Map<String, String> OPTIONS = Map.of("durationColumn", "--duration-column", "eventColumn",
            "--event-column", "groupColumn", "--group-column", "covariates", "--covariates");

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV file of subjects, with a header row.")
    Path input;

    @Option(names = "--duration-column", paramLabel = "COL", defaultValue = "duration",
            description = "Column with the time each subject was followed, in --unit (default: ${DEFAULT-VALUE}).")
    String durationColumn;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "days",
            description = "Unit of the durations: days, weeks, months, hours, ... (default: ${DEFAULT-VALUE});"
                    + " the results give their times in it and name it.")
    String unitName;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--event-column", paramLabel = "COL", defaultValue = "event",
            description = "Column with 1/true when the subject churned, 0/false when censored (default: ${DEFAULT-VALUE}).")
    String eventColumn;

    @Option(names = "--group-column", paramLabel = "COL", description = "Column with each subject's group.")
    String groupColumn;

    @Option(names = "--groups", paramLabel = "GROUP", split = ",",
            description = "The only groups expected, in this order; a row of any other group is an error.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",", converter = Converters.Separator.class,
            description = "Column separator (default: ,).")
    Character separator;

    /** Reads the subjects without covariates. */
    SurvivalData read() throws IOException {
        return read(List.of());
    }

    /** Returns the unit of the durations, {@code --unit}; a name that is none is a usage error. */
    ChronoUnit unit() {
        return UnitNames.parse(mixee.commandLine(), "--unit", unitName, UnitNames.SURVIVAL_TIMES);
    }

    /** Reads the subjects with the named covariates, through the library's {@link SurvivalCsv}. */
    SurvivalData read(List<String> names) throws IOException {
        ChronoUnit unit = unit();
        CommandFailure.requireReadableFile(input);
        SurvivalCsv.Builder csv = SurvivalCsv.custom(unit).durationColumn(durationColumn).eventColumn(eventColumn)
                .covariates(names.toArray(String[]::new)).separator(separator);
        if (groupColumn != null) {
            csv.groupColumn(groupColumn);
        }
        if (!groups.isEmpty()) {
            csv.groups(groups.toArray(String[]::new));
        }
        try {
            return csv.build().read(input);
        } catch (MissingColumnException e) {
            throw new CommandFailure("column \"" + e.column() + "\" (" + OPTIONS.get(e.setting()) + ") is not in the"
                    + " header of " + input);
        } catch (IllegalArgumentException e) {
            // A header's problem and text that is not CSV ("line 7: ...") name the file; a row's names its row.
            String message = e.getMessage();
            throw new CommandFailure(message.startsWith("header: ") || message.startsWith("line ") ? input + ": "
                    + message : message);
        }
    }
}
