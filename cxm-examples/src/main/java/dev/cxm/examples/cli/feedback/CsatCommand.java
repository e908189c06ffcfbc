package dev.cxm.examples.cli.feedback;

import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.RatingMeasure;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.feedback.RatingScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cxm csat}: customer satisfaction (top-box share and mean) of a file of feedback. */
@Command(name = "csat", mixinStandardHelpOptions = true,
        description = "CSAT: share of the top boxes (Wilson interval) and mean (t interval); 1..5 unless --scale"
                + " names another k-point scale.")
public final class CsatCommand extends RatingCommand {

    @Option(names = "--top-boxes", paramLabel = "K", defaultValue = "2",
            description = "How many of the highest scores count as satisfied (default: 2).")
    int topBoxes;

    @Override
    String metricName() {
        return "csat";
    }

    @Override
    FeedbackScale defaultScale() {
        return FeedbackScale.CSAT;
    }

    @Override
    RatingMeasure reported() {
        return measure(RatingMeasure.GOOD_SHARE);
    }

    @Override
    FeedbackMetric<RatingResult> metric(FeedbackScale scale, double level) {
        RatingScore.Builder builder = RatingScore.custom(scale);
        try {
            builder.topBoxes(topBoxes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--top-boxes: " + topBoxes + " does not fit the scale: "
                    + e.getMessage());
        }
        return builder.report(reported()).level(level).build();
    }
}
