package dev.cxm.examples.cli.churn;

import java.util.Locale;

import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.survival.GroupTally;
import dev.cxm.metrics.survival.LogRankResult;
import dev.cxm.metrics.survival.LogRankTest;
import dev.cxm.metrics.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cxm churn logrank}: whether two or more groups churn at the same rate. */
@Command(name = "logrank", mixinStandardHelpOptions = true,
        description = "Log-rank test of equal churn hazards across the groups of --group-column.")
final class LogRankCommand extends ReportCommand {

    @Mixin
    SubjectInputOptions subjects;


    @Override
    protected Report<LogRankResult> report() throws Exception {
        Usage.require(spec, subjects.groupColumn != null,
                "the log-rank test compares groups: name their column with --group-column");
        SurvivalData data = subjects.read();
        return Report.of(LogRankTest.ofDefaults().compare(data), LogRankCommand::printText);
    }

    private static void printText(LogRankResult result, TextOut out) {
        out.printf("%-16s  %8s  %8s  %9s%n", "group", "subjects", "observed", "expected");
        for (GroupTally group : result.groups()) {
            out.printf(Locale.ROOT, "%-16s  %8d  %8d  %9.3f%n", group.group(), group.subjects(), group.observed(),
                    group.expected());
        }
        out.printf(Locale.ROOT, "chi-squared %.4f on %d degrees of freedom, p = %.4g%n", result.statistic(),
                result.degreesOfFreedom(), result.pValue());
    }
}
