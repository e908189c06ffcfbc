package dev.cxm.metrics.feedback.internal;

import dev.cxm.metrics.stats.ConfidenceInterval;

/** Turns intervals of shares (0..1) and net shares (-1..1) into the percent points scores are reported in. */
public final class Percent {

    private Percent() {}

    /**
     * Returns {@code interval} with both bounds multiplied by 100.
     *
     * @param interval an interval of a share or net share
     * @return the interval in percent
     */
    public static ConfidenceInterval of(ConfidenceInterval interval) {
        return new ConfidenceInterval(100 * interval.lower(), 100 * interval.upper(), interval.level(),
                interval.method());
    }
}
