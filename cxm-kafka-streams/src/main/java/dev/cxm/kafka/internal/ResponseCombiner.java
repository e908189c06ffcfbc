package dev.cxm.kafka.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.metrics.feedback.FeedbackAccumulator;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.ScoreDistribution;

/**
 * Counts the responses of one batch of events per group and time slot (the span within which every instant lies
 * in the same windows: the greatest common divisor of the windows' size and advance), and forwards each count
 * as one record keyed by the group, at the latest response's time in it, in time order: a combiner before the
 * windowed aggregation, so that a batch sends one record per group and slot downstream instead of one per
 * response.
 */
public final class ResponseCombiner implements Processor<Object, Collection<? extends CustomerEvent>, String,
        ScoreDistribution> {

    private final FeedbackMetric<?> metric;
    private final Optional<GroupKey> groupBy;
    private final String noKey;
    private final long slotMillis;
    private ProcessorContext<String, ScoreDistribution> context;

    /** One group's count in one slot. */
    private static final class Partial {
        final String group;
        final FeedbackAccumulator<?> counts;
        long latest = Long.MIN_VALUE;

        Partial(String group, FeedbackAccumulator<?> counts) {
            this.group = group;
            this.counts = counts;
        }
    }

    /** The key of a partial: a group in a slot. */
    private record Slot(String group, long slot) {}

    /**
     * Makes the combiner of one task.
     *
     * @param metric the metric, whose scale's responses are counted
     * @param groupBy the group key, if any
     * @param noKey the group of every response without a key
     * @param slotMillis the slot's length in milliseconds
     */
    public ResponseCombiner(FeedbackMetric<?> metric, Optional<GroupKey> groupBy, String noKey, long slotMillis) {
        this.metric = metric;
        this.groupBy = groupBy;
        this.noKey = noKey;
        this.slotMillis = slotMillis;
    }

    @Override
    public void init(ProcessorContext<String, ScoreDistribution> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(Record<Object, Collection<? extends CustomerEvent>> record) {
        if (record.value() == null) {
            return;
        }
        Map<Slot, Partial> partials = new LinkedHashMap<>();
        for (CustomerEvent event : record.value()) {
            if (event instanceof FeedbackResponse response && response.scale().equals(metric.scale())) {
                String group = groupBy.map(key -> key.groupOf(response)).orElse(noKey);
                long time = response.occurredAt().toEpochMilli();
                Partial partial = partials.computeIfAbsent(new Slot(group, Math.floorDiv(time, slotMillis)),
                        slot -> new Partial(group, metric.accumulator()));
                partial.counts.add(response.score());
                partial.latest = Math.max(partial.latest, time);
            }
        }
        List<Partial> ordered = new ArrayList<>(partials.values());
        ordered.sort(Comparator.comparingLong(partial -> partial.latest));
        for (Partial partial : ordered) {
            context.forward(new Record<>(partial.group, partial.counts.state(), partial.latest, record.headers()));
        }
    }
}
