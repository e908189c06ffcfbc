/**
 * Calendar time shared by the metric packages: the {@link dev.cxm.metrics.time.CalendarPeriod} that churn
 * rates, cohorts and feedback trends are counted in.
 */
@NullMarked
package dev.cxm.metrics.time;

import org.jspecify.annotations.NullMarked;
