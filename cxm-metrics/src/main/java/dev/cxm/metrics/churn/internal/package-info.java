/** Implementation helpers of the churn package; not exported, not API. */
@NullMarked
package dev.cxm.metrics.churn.internal;

import org.jspecify.annotations.NullMarked;
