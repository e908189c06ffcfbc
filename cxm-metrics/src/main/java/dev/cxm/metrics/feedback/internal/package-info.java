/** Implementation helpers of the feedback metrics; not exported. */
@NullMarked
package dev.cxm.metrics.feedback.internal;

import org.jspecify.annotations.NullMarked;
