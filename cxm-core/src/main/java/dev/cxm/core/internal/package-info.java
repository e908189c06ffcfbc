/** Implementation helpers of cxm-core; not exported, not API. */
@NullMarked
package dev.cxm.core.internal;

import org.jspecify.annotations.NullMarked;
