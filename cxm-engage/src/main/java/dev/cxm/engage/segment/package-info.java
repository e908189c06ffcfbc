/**
 * Segments: typed {@link dev.cxm.engage.segment.Condition}s over profile fields, combined with and, or and not,
 * named as {@link dev.cxm.engage.segment.Segment}s, read from and written to JSON by
 * {@link dev.cxm.engage.segment.SegmentJson} (nothing read is ever evaluated as code), kept up to date as
 * profiles change by {@link dev.cxm.engage.segment.SegmentMembership}, and counted over all profiles by
 * {@link dev.cxm.engage.segment.SegmentReport}.
 */
@NullMarked
package dev.cxm.engage.segment;

import org.jspecify.annotations.NullMarked;
