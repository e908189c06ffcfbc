package dev.cxm.journey.path;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * The most frequent paths, the Sankey chart's edges, and warnings about the input (a start or end step that
 * started or ended no path: then the empty result is the definition's, not the customers').
 *
 * @param cases how many cases (customers or sessions) were read
 * @param casesWithPath how many of them had a path (they reached the start or end step, if one is set)
 * @param distinctPaths how many different paths there were
 * @param paths the most frequent paths, by count (descending) then steps; at most the analysis's top
 * @param edges every edge between consecutive positions of every path, by position, then count (descending)
 * @param warnings what to check in the input
 */
public record PathResult(long cases, long casesWithPath, long distinctPaths, List<PathCount> paths,
        List<PathEdge> edges, List<String> warnings) {

    /**
     * Validates the result.
     *
     * @param cases cases read
     * @param casesWithPath cases with a path
     * @param distinctPaths different paths
     * @param paths the most frequent paths
     * @param edges the edges
     * @param warnings what to check in the input
     */
    public PathResult {
        paths = List.copyOf(Checks.noNullElements("paths", paths));
        edges = List.copyOf(Checks.noNullElements("edges", edges));
        warnings = List.copyOf(Checks.noNullElements("warnings", warnings));
    }
}
