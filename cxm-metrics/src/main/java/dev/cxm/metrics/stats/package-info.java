/** Statistical building blocks shared by the metric packages: confidence intervals and their levels. */
@NullMarked
package dev.cxm.metrics.stats;

import org.jspecify.annotations.NullMarked;
