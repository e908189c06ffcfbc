/**
 * cxm in Micrometer: {@link dev.cxm.micrometer.FeedbackMeters}, a {@code MeterBinder} that publishes live
 * feedback scores per group key and window as gauges, counted by the thread-safe
 * {@link dev.cxm.metrics.feedback.FeedbackRecorder} of cxm-metrics.
 */
@NullMarked
package dev.cxm.micrometer;

import org.jspecify.annotations.NullMarked;
