package dev.cxm.journey.funnel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * One step of a funnel's result.
 *
 * @param step the step's number, from 1
 * @param name the step's name
 * @param count how many customers reached the step (attempts, when the funnel counts every attempt)
 * @param conversionFromStart {@code count} over the first step's count; empty when nobody entered
 * @param conversionFromStartInterval its Wilson interval
 * @param conversionFromPrevious {@code count} over the previous step's count; empty for the first step and
 *     when nobody reached the previous one
 * @param conversionFromPreviousInterval its Wilson interval
 * @param medianTimeToConvert the median time from the previous step to this one, over the customers (attempts)
 *     who reached it; empty for the first step and when nobody reached it
 * @param lowerQuartileTimeToConvert the 25th percentile of that time
 * @param upperQuartileTimeToConvert the 75th percentile of that time
 * @param droppedOffCount how many customers (attempts) reached this step and not the next; 0 for the last step
 * @param droppedOff some of those customers: the first ones by id, up to the funnel's sample size (each once,
 *     however many of their attempts stopped here)
 */
@JsonPropertyOrder({"step", "name", "count", "conversionFromStart", "conversionFromStartInterval",
        "conversionFromPrevious", "conversionFromPreviousInterval", "medianTimeToConvert",
        "lowerQuartileTimeToConvert", "upperQuartileTimeToConvert", "droppedOffCount", "droppedOff"})
public record FunnelStepResult(
        int step,
        String name,
        long count,
        OptionalDouble conversionFromStart,
        Optional<WilsonInterval> conversionFromStartInterval,
        OptionalDouble conversionFromPrevious,
        Optional<WilsonInterval> conversionFromPreviousInterval,
        Optional<Duration> medianTimeToConvert,
        Optional<Duration> lowerQuartileTimeToConvert,
        Optional<Duration> upperQuartileTimeToConvert,
        long droppedOffCount,
        List<CustomerId> droppedOff) {

    /**
     * Validates the step result.
     *
     * @param step the step's number, from 1
     * @param name the step's name
     * @param count customers who reached it; 0 or more
     * @param conversionFromStart the conversion from the start
     * @param conversionFromStartInterval its interval
     * @param conversionFromPrevious the conversion from the previous step
     * @param conversionFromPreviousInterval its interval
     * @param medianTimeToConvert the median time from the previous step
     * @param lowerQuartileTimeToConvert its 25th percentile
     * @param upperQuartileTimeToConvert its 75th percentile
     * @param droppedOffCount customers who reached this step and not the next
     * @param droppedOff some of them
     * @throws IllegalArgumentException when a count is negative
     */
    public FunnelStepResult {
        Checks.positive("step", step);
        Checks.nonBlank("name", name);
        if (count < 0 || droppedOffCount < 0) {
            throw new IllegalArgumentException("count: a count is negative; counts are 0 or more");
        }
        Checks.present("conversionFromStart", conversionFromStart);
        Checks.present("conversionFromStartInterval", conversionFromStartInterval);
        Checks.present("conversionFromPrevious", conversionFromPrevious);
        Checks.present("conversionFromPreviousInterval", conversionFromPreviousInterval);
        Checks.present("medianTimeToConvert", medianTimeToConvert);
        Checks.present("lowerQuartileTimeToConvert", lowerQuartileTimeToConvert);
        Checks.present("upperQuartileTimeToConvert", upperQuartileTimeToConvert);
        droppedOff = List.copyOf(Checks.noNullElements("droppedOff", droppedOff));
    }
}
