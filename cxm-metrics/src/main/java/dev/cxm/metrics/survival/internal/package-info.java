/** Implementation helpers of the survival package; not exported, not API. */
@NullMarked
package dev.cxm.metrics.survival.internal;

import org.jspecify.annotations.NullMarked;
