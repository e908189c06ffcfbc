package dev.cxm.journey.discovery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.internal.Checks;

/**
 * What discovery found: the directly-follows graph, the start and end activities, and the variants that
 * cover the configured share of cases.
 *
 * @param cases how many cases (customers or sessions) had at least one activity
 * @param events how many events were named
 * @param activities every activity with its events, by count (descending) then name
 * @param edges every directly-follows edge, by count (descending) then names
 * @param startActivities how many cases started with each activity, by count (descending) then name
 * @param endActivities how many cases ended with each activity, by count (descending) then name
 * @param distinctVariants how many different variants there were
 * @param variants the most frequent variants, by count (descending) then steps, until they cover the
 *     configured share of cases (or the configured most)
 * @param variantCoverage the share of cases the listed variants cover
 */
@JsonPropertyOrder({"cases", "events", "activities", "edges", "startActivities", "endActivities",
        "distinctVariants", "variantCoverage", "variants"})
public record DiscoveryResult(
        long cases,
        long events,
        List<ActivityCount> activities,
        List<DirectlyFollows> edges,
        Map<String, Long> startActivities,
        Map<String, Long> endActivities,
        long distinctVariants,
        List<Variant> variants,
        double variantCoverage) {

    /**
     * Validates the result and copies it, keeping the maps' order.
     *
     * @param cases cases with an activity
     * @param events named events
     * @param activities the activities
     * @param edges the edges
     * @param startActivities cases per start activity
     * @param endActivities cases per end activity
     * @param distinctVariants different variants
     * @param variants the listed variants
     * @param variantCoverage their share of cases
     */
    public DiscoveryResult {
        activities = List.copyOf(Checks.noNullElements("activities", activities));
        edges = List.copyOf(Checks.noNullElements("edges", edges));
        startActivities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("startActivities",
                startActivities)));
        endActivities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("endActivities",
                endActivities)));
        variants = List.copyOf(Checks.noNullElements("variants", variants));
    }

    /**
     * Returns the directly-follows graph in Graphviz DOT: a box per activity with its count, an arrow per edge
     * labelled with its count and median time, and a start and an end node joined to the start and end
     * activities.
     *
     * @return the DOT text
     */
    public String toDot() {
        StringBuilder dot = new StringBuilder("digraph journey {\n  rankdir=LR;\n  node [shape=box];\n");
        dot.append("  \"__start\" [shape=circle, label=\"start\"];\n  \"__end\" [shape=doublecircle, label=\"end\"];\n");
        for (ActivityCount activity : activities) {
            dot.append("  ").append(quoted(activity.name())).append(" [label=")
                    .append(quoted(activity.name() + "\n" + activity.count())).append("];\n");
        }
        startActivities.forEach((name, count) -> dot.append("  \"__start\" -> ").append(quoted(name))
                .append(" [label=\"").append(count).append("\"];\n"));
        for (DirectlyFollows edge : edges) {
            dot.append("  ").append(quoted(edge.from())).append(" -> ").append(quoted(edge.to())).append(" [label=")
                    .append(quoted(edge.count() + " | " + readable(edge.medianTime()))).append("];\n");
        }
        endActivities.forEach((name, count) -> dot.append("  ").append(quoted(name))
                .append(" -> \"__end\" [label=\"").append(count).append("\"];\n"));
        return dot.append("}\n").toString();
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c < 0x20 ? ' ' : c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String readable(Duration time) {
        long seconds = time.getSeconds();
        if (seconds >= 86_400) {
            return String.format(Locale.ROOT, "%.1f d", seconds / 86_400.0);
        }
        if (seconds >= 3_600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3_600.0);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
        }
        return String.format(Locale.ROOT, "%.1f s", time.toNanos() / 1e9);
    }
}
