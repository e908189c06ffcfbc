/**
 * Calendar time shared by the metric packages: the {@link dev.cxm.metrics.time.CalendarPeriod} that churn
 * rates, cohorts and feedback trends are counted in, and {@link dev.cxm.metrics.time.ObservationEnd}, the end
 * of an observation of a log that stops before now.
 */
@NullMarked
package dev.cxm.metrics.time;

import org.jspecify.annotations.NullMarked;
