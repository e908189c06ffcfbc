package dev.cxm.examples.cli.feedback;

import java.util.Locale;

import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.RatingMeasure;
import dev.cxm.metrics.feedback.RatingResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What {@code cxm csat} and {@code cxm ces} share: a rating score with a choice of headline measure. */
abstract class RatingCommand extends FeedbackScoreCommand<RatingResult> {

    @Option(names = "--report", paramLabel = "MEASURE",
            description = "The headline: good-share (share of the good scores, in percent) or mean.")
    String report;

    /** Returns the headline measure: the one {@code --report} names, else {@code fallback}. */
    RatingMeasure measure(RatingMeasure fallback) {
        if (report == null) {
            return fallback;
        }
        String name = report.strip().toLowerCase(Locale.ROOT);
        if (name.equals(RatingMeasure.GOOD_SHARE.measureName())) {
            return RatingMeasure.GOOD_SHARE;
        }
        if (name.equals(RatingMeasure.MEAN.measureName())) {
            return RatingMeasure.MEAN;
        }
        throw new ParameterException(spec.commandLine(), "--report: \"" + report + "\" is not a measure; expected"
                + " good-share or mean");
    }

    /** Returns the metric on {@code scale}, with the headline already chosen. */
    abstract FeedbackMetric<RatingResult> metric(FeedbackScale scale, double level);

    /** Returns the headline measure of the metric this command computes. */
    abstract RatingMeasure reported();

    @Override
    String formatScore(double score) {
        return reported() == RatingMeasure.MEAN ? String.format(Locale.ROOT, "%.2f", score)
                : String.format(Locale.ROOT, "%.1f%%", score);
    }

    @Override
    String details(RatingResult result) {
        String good = String.format(Locale.ROOT, "good (%s) %d", result.good(), result.goodCount());
        String mean = result.mean().map(m -> String.format(Locale.ROOT, ", mean %.2f", m.value())).orElse("");
        String share = result.goodShare().map(s -> String.format(Locale.ROOT, ", good share %.1f%%", 100 * s.value()))
                .orElse("");
        return good + (reported() == RatingMeasure.MEAN ? share : mean);
    }
}
