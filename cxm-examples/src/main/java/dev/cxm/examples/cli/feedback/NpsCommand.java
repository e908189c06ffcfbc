package dev.cxm.examples.cli.feedback;

import java.util.Locale;

import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.stats.NetScoreMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cxm nps}: the Net Promoter Score of a file of feedback, with its interval, per group and period. */
@Command(name = "nps", mixinStandardHelpOptions = true,
        description = "Net Promoter Score (0..10 scale) with a confidence interval, overall and optionally per"
                + " group and period.")
public final class NpsCommand extends FeedbackScoreCommand<NpsResult> {

    @Option(names = "--interval", paramLabel = "METHOD", defaultValue = "adjusted-wald",
            description = "adjusted-wald (default) or wald.")
    String interval;

    @Override
    String metricName() {
        return "nps";
    }

    @Override
    FeedbackScale defaultScale() {
        return FeedbackScale.NPS;
    }

    @Override
    boolean onlyOwnScale() {
        return true;
    }

    @Override
    FeedbackMetric<NpsResult> metric(FeedbackScale scale, double level) {
        return NetPromoterScore.custom().level(level).method(method()).build();
    }

    private NetScoreMethod method() {
        for (NetScoreMethod method : NetScoreMethod.values()) {
            if (method.methodName().equals(interval.strip().toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new ParameterException(spec.commandLine(), "--interval: \"" + interval + "\" is not a method; expected"
                + " adjusted-wald or wald");
    }

    @Override
    String formatScore(double score) {
        return String.format(Locale.ROOT, "%+.1f", score);
    }

    @Override
    String details(NpsResult result) {
        return String.format(Locale.ROOT, "promoters %d, passives %d, detractors %d", result.promoters(),
                result.passives(), result.detractors());
    }
}
