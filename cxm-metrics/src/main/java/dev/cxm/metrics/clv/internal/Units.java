package dev.cxm.metrics.clv.internal;

import java.time.temporal.ChronoUnit;

/** Facts about the time units customer times are counted in, shared by the CLV package and its implementation. */
public final class Units {

    private Units() {}

    /** Returns whether {@code unit} is a calendar unit (months or longer) without a fixed length. */
    public static boolean isCalendarUnit(ChronoUnit unit) {
        return unit.compareTo(ChronoUnit.WEEKS) > 0;
    }
}
