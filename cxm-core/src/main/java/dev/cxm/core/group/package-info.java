/**
 * Keys that put events in groups ({@link dev.cxm.core.group.GroupKey}, with the built-in keys in
 * {@link dev.cxm.core.group.GroupKeys}): one key type for feedback breakdowns, churn by group and journeys.
 */
@NullMarked
package dev.cxm.core.group;

import org.jspecify.annotations.NullMarked;
