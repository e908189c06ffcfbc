/** Implementation helpers of the statistics package; not exported. */
@NullMarked
package dev.cxm.metrics.stats.internal;

import org.jspecify.annotations.NullMarked;
