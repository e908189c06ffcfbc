package dev.cxm.examples.cli.feedback;

import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.RatingMeasure;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.feedback.RatingScore;
import picocli.CommandLine.Command;

/** {@code cxm ces}: Customer Effort Score 2.0 (mean and share agreeing) of a file of feedback. */
@Command(name = "ces", mixinStandardHelpOptions = true,
        description = "CES 2.0 on 1..7: mean effort (t interval) and share agreeing, 5..7 (Wilson interval).")
public final class CesCommand extends RatingCommand {

    @Override
    String metricName() {
        return "ces";
    }

    @Override
    FeedbackScale defaultScale() {
        return FeedbackScale.CES;
    }

    @Override
    boolean onlyOwnScale() {
        return true;
    }

    @Override
    RatingMeasure reported() {
        return measure(RatingMeasure.MEAN);
    }

    @Override
    FeedbackMetric<RatingResult> metric(FeedbackScale scale, double level) {
        return RatingScore.from(RatingScore.ces()).report(reported()).level(level).build();
    }
}
