/**
 * Statistical building blocks shared by the metric packages: confidence intervals and their levels,
 * critical values, intervals for proportions, means and net scores, two-sample comparisons and the
 * percentile bootstrap.
 */
@NullMarked
package dev.cxm.metrics.stats;

import org.jspecify.annotations.NullMarked;
