/**
 * Paths: the most frequent sequences of steps after a start step or before an end step, per customer or per
 * session, with the edge list a Sankey chart draws ({@link dev.cxm.journey.path.PathAnalysis}, counted by the
 * mergeable {@link dev.cxm.journey.path.PathAccumulator}).
 */
@NullMarked
package dev.cxm.journey.path;

import org.jspecify.annotations.NullMarked;
