package dev.cxm.examples.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.journey.discovery.ActivityCount;
import dev.cxm.journey.discovery.DirectlyFollows;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStepResult;
import dev.cxm.journey.map.Transition;
import dev.cxm.journey.path.PathEdge;
import dev.cxm.metrics.churn.CohortRow;
import dev.cxm.metrics.drivers.DriverImportance;
import dev.cxm.metrics.drivers.KeyDriverResult;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.PeriodResult;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.survival.SurvivalStep;
import dev.cxm.metrics.text.SentimentGroup;

/**
 * The numbers the HTML report's charts draw, as one JSON object, taken from the {@link CxReport} as they are
 * (shares as percentages). The JSON is safe inside an HTML {@code <script>} element: every {@code <}, {@code >}
 * and {@code &} (which JSON holds only inside strings) and the line separators U+2028 and U+2029 are written as
 * {@code \}{@code uXXXX} escapes, so no text from the data can close the element ({@code </script>}) or open a
 * comment ({@code <!--}).
 */
final class ChartData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChartData() {}

    /** Returns the charts' data of {@code report} as JSON safe to place inside a script element. */
    static String of(CxReport report) {
        ObjectNode root = NODES.objectNode();
        CxReport.Feedback feedback = report.feedback();
        root.set("npsTrend", trend(feedback.nps()));
        root.set("npsByChannel", groups(feedback.nps().groups()));
        root.set("npsByStage", feedback.npsByStage().map(byStage -> groups(byStage.groups())).orElse(null));
        root.set("drivers", report.voice().drivers().map(ChartData::drivers).orElse(null));
        root.set("sentiment", sentiment(report.voice()));
        CxReport.Journeys journeys = report.journeys();
        root.set("funnel", journeys.funnel().map(ChartData::funnel).orElse(null));
        root.set("sankey", sankey(journeys.paths().edges()));
        root.set("discovered", discovered(journeys));
        root.set("designed", journeys.map().map(ChartData::designed).orElse(null));
        root.set("cohorts", cohorts(report.retention().cohorts().rows()));
        root.set("survival", report.retention().survival().map(ChartData::survival).orElse(null));
        root.set("clv", report.value().outlook().map(outlook -> clv(outlook, report.value().currency()))
                .orElse(null));
        try {
            return scriptSafe(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the chart data did not serialise", e);
        }
    }

    /** Returns {@code json} with the characters that could end a script element escaped (see the class). */
    static String scriptSafe(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    private static ObjectNode trend(Breakdown<NpsResult> nps) {
        ObjectNode trend = NODES.objectNode();
        ArrayNode months = trend.putArray("months");
        ArrayNode score = trend.putArray("score");
        ArrayNode lower = trend.putArray("lower");
        ArrayNode upper = trend.putArray("upper");
        ArrayNode n = trend.putArray("n");
        for (PeriodResult<NpsResult> period : nps.periods()) {
            months.add(period.period().start().toString().substring(0, 7));
            add(score, period.result().score(), 1);
            add(lower, period.result().interval().map(ConfidenceInterval::lower), 1);
            add(upper, period.result().interval().map(ConfidenceInterval::upper), 1);
            n.add(period.result().n());
        }
        return trend;
    }

    private static ObjectNode groups(List<GroupResult<NpsResult>> groups) {
        ObjectNode node = NODES.objectNode();
        ArrayNode names = node.putArray("names");
        ArrayNode score = node.putArray("score");
        ArrayNode lower = node.putArray("lower");
        ArrayNode upper = node.putArray("upper");
        for (GroupResult<NpsResult> group : groups) {
            names.add(group.group());
            add(score, group.result().score(), 1);
            add(lower, group.result().interval().map(ConfidenceInterval::lower), 1);
            add(upper, group.result().interval().map(ConfidenceInterval::upper), 1);
        }
        return node;
    }

    private static ObjectNode drivers(KeyDriverResult result) {
        ObjectNode node = NODES.objectNode();
        ArrayNode names = node.putArray("names");
        ArrayNode share = node.putArray("share");
        ArrayNode lower = node.putArray("lower");
        ArrayNode upper = node.putArray("upper");
        for (DriverImportance driver : result.drivers()) {
            names.add(driver.name());
            share.add(round(100 * driver.share(), 2));
            add(lower, driver.interval().map(i -> 100 * i.lower()), 2);
            add(upper, driver.interval().map(i -> 100 * i.upper()), 2);
        }
        return node;
    }

    private static ObjectNode sentiment(CxReport.Voice voice) {
        ObjectNode node = NODES.objectNode();
        ArrayNode names = node.putArray("names");
        ArrayNode mean = node.putArray("mean");
        for (SentimentGroup group : voice.sentiment().groups()) {
            if (group.result().meanCompound().isPresent()) {
                names.add(group.group());
                mean.add(round(group.result().meanCompound().get().value(), 3));
            }
        }
        return node;
    }

    private static ObjectNode funnel(FunnelResult funnel) {
        ObjectNode node = NODES.objectNode();
        ArrayNode steps = node.putArray("steps");
        ArrayNode counts = node.putArray("counts");
        ArrayNode percent = node.putArray("percent");
        for (FunnelStepResult step : funnel.steps()) {
            steps.add(step.name());
            counts.add(step.count());
            percent.add(Numbers.percent(step.conversionFromStart()));
        }
        return node;
    }

    /** The Sankey of the paths: a node per step name and position ("2. product"), a link per path edge. */
    private static ObjectNode sankey(List<PathEdge> edges) {
        ObjectNode node = NODES.objectNode();
        ArrayNode nodes = node.putArray("nodes");
        ArrayNode links = node.putArray("links");
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (PathEdge edge : edges) {
            String from = edge.position() + ". " + edge.from();
            String to = (edge.position() + 1) + ". " + edge.to();
            for (String name : List.of(from, to)) {
                if (seen.putIfAbsent(name, true) == null) {
                    nodes.addObject().put("name", name);
                }
            }
            links.addObject().put("source", from).put("target", to).put("value", edge.count());
        }
        return node;
    }

    /**
     * The discovered graph: the activities (the map's stages first, in its order), each with its events, and the
     * moves between different activities with their counts, marked as designed or not when there is a map.
     */
    private static ObjectNode discovered(CxReport.Journeys journeys) {
        List<String> order = new ArrayList<>(journeys.map().map(CxReport.DesignedMap::stages).orElse(List.of()));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ActivityCount activity : journeys.discovery().activities()) {
            counts.put(activity.name(), activity.count());
            if (!order.contains(activity.name())) {
                order.add(activity.name());
            }
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        ObjectNode node = NODES.objectNode();
        ArrayNode nodes = node.putArray("nodes");
        for (String name : order) {
            ObjectNode activity = nodes.addObject().put("name", name).put("max", max);
            Long count = counts.get(name);
            if (count == null) {
                activity.putNull("count");
            } else {
                activity.put("count", count);
            }
            if (journeys.map().isPresent()) {
                activity.put("inMap", journeys.map().get().stages().contains(name));
            }
        }
        ArrayNode edges = node.putArray("edges");
        long maxCount = 1;
        for (DirectlyFollows edge : journeys.discovery().edges()) {
            if (edge.from().equals(edge.to())) {
                continue;
            }
            maxCount = Math.max(maxCount, edge.count());
            ObjectNode link = edges.addObject().put("from", edge.from()).put("to", edge.to())
                    .put("fromIndex", order.indexOf(edge.from())).put("toIndex", order.indexOf(edge.to()))
                    .put("count", edge.count());
            if (journeys.map().isPresent()) {
                link.put("designed", journeys.map().get().transitions().contains(Transition.of(edge.from(), edge.to())));
            } else {
                link.putNull("designed");
            }
        }
        node.put("maxCount", maxCount);
        return node;
    }

    private static ObjectNode designed(CxReport.DesignedMap map) {
        ObjectNode node = NODES.objectNode();
        ArrayNode nodes = node.putArray("nodes");
        for (String stage : map.stages()) {
            nodes.addObject().put("name", stage).putNull("count").put("max", 1)
                    .put("final", map.finalStages().contains(stage));
        }
        ArrayNode edges = node.putArray("edges");
        for (Transition transition : map.transitions()) {
            edges.addObject().put("from", transition.from()).put("to", transition.to())
                    .put("fromIndex", map.stages().indexOf(transition.from()))
                    .put("toIndex", map.stages().indexOf(transition.to())).putNull("count").put("designed", true);
        }
        return node;
    }

    private static ObjectNode cohorts(List<CohortRow> rows) {
        ObjectNode node = NODES.objectNode();
        ArrayNode cohorts = node.putArray("cohorts");
        ArrayNode offsets = node.putArray("offsets");
        ArrayNode cells = node.putArray("cells");
        int columns = rows.stream().mapToInt(row -> row.retention().size()).max().orElse(0);
        for (int k = 0; k < columns; k++) {
            offsets.add("+" + k);
        }
        for (int y = 0; y < rows.size(); y++) {
            CohortRow row = rows.get(y);
            cohorts.add(row.cohort().toString().substring(0, 7) + " (" + row.size() + ")");
            for (int x = 0; x < row.retention().size(); x++) {
                OptionalDouble share = row.retention().get(x);
                if (share.isPresent()) {
                    cells.addArray().add(x).add(y).add(round(100 * share.getAsDouble(), 1));
                }
            }
        }
        return node;
    }

    private static ObjectNode survival(CxReport.Survival survival) {
        ObjectNode node = NODES.objectNode();
        ArrayNode groups = node.putArray("groups");
        String unit = "days";
        for (Map.Entry<String, SurvivalCurve> entry : survival.curves().entrySet()) {
            SurvivalCurve curve = entry.getValue();
            unit = curve.unit().toString().toLowerCase();
            ObjectNode group = groups.addObject().put("name", entry.getKey());
            ArrayNode time = group.putArray("time");
            ArrayNode estimate = group.putArray("survival");
            ArrayNode lower = group.putArray("lower");
            ArrayNode upper = group.putArray("upper");
            // The curve starts at 1 at time 0, then steps at each time something happened.
            time.add(0);
            estimate.add(1);
            lower.add(1);
            upper.add(1);
            for (SurvivalStep step : curve.timeline()) {
                time.add(round(step.time(), 3));
                estimate.add(round(step.survival(), 4));
                add(lower, box(step.lower()), 4);
                add(upper, box(step.upper()), 4);
            }
        }
        node.put("unit", unit);
        return node;
    }

    private static ObjectNode clv(CxReport.Outlook outlook, Optional<String> currency) {
        ObjectNode node = NODES.objectNode();
        node.put("currency", currency.orElse("value"));
        ArrayNode labels = node.putArray("labels");
        ArrayNode counts = node.putArray("counts");
        for (CxReport.Bin bin : outlook.distribution()) {
            labels.add(Numbers.money(bin.from()) + "-" + Numbers.money(bin.to()));
            counts.add(bin.count());
        }
        return node;
    }

    private static Optional<Double> box(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static void add(ArrayNode array, OptionalDouble value, int decimals) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            array.add(round(value.getAsDouble(), decimals));
        } else {
            array.addNull();
        }
    }

    private static void add(ArrayNode array, Optional<Double> value, int decimals) {
        if (value.isPresent() && Double.isFinite(value.get())) {
            array.add(round(value.get(), decimals));
        } else {
            array.addNull();
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
