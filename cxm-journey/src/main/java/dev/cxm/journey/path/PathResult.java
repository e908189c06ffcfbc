package dev.cxm.journey.path;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * The most frequent paths and the Sankey chart's edges.
 *
 * @param cases how many cases (customers or sessions) were read
 * @param casesWithPath how many of them had a path (they reached the start or end step, if one is set)
 * @param distinctPaths how many different paths there were
 * @param paths the most frequent paths, by count (descending) then steps; at most the analysis's top
 * @param edges every edge between consecutive positions of every path, by position, then count (descending)
 */
public record PathResult(long cases, long casesWithPath, long distinctPaths, List<PathCount> paths,
        List<PathEdge> edges) {

    /**
     * Validates the result.
     *
     * @param cases cases read
     * @param casesWithPath cases with a path
     * @param distinctPaths different paths
     * @param paths the most frequent paths
     * @param edges the edges
     */
    public PathResult {
        paths = List.copyOf(Checks.noNullElements("paths", paths));
        edges = List.copyOf(Checks.noNullElements("edges", edges));
    }
}
