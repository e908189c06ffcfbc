package dev.cxm.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.cxm.metrics.survival.GroupTally;
import dev.cxm.metrics.survival.LogRankResult;
import dev.cxm.metrics.survival.LogRankTest;
import dev.cxm.metrics.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cxm churn logrank}: whether two or more groups churn at the same rate. */
@Command(name = "logrank", mixinStandardHelpOptions = true,
        description = "Log-rank test of equal churn hazards across the groups of --group-column.")
final class LogRankCommand implements Callable<Integer> {

    @Mixin
    SubjectInputOptions subjects;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, subjects.groupColumn != null,
                "the log-rank test compares groups: name their column with --group-column");
        SurvivalData data = subjects.read();
        LogRankResult result = LogRankTest.ofDefaults().compare(data);
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            JsonOutput.print(out, result);
            return 0;
        }
        out.printf("%-16s  %8s  %8s  %9s%n", "group", "subjects", "observed", "expected");
        for (GroupTally group : result.groups()) {
            out.printf(Locale.ROOT, "%-16s  %8d  %8d  %9.3f%n", group.group(), group.subjects(), group.observed(),
                    group.expected());
        }
        out.printf(Locale.ROOT, "chi-squared %.4f on %d degrees of freedom, p = %.4g%n", result.statistic(),
                result.degreesOfFreedom(), result.pValue());
        return 0;
    }
}
