package dev.cxm.journey.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.store.columns.TimelineColumns;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.discovery.internal.EdgeHistograms;
import dev.cxm.journey.discovery.internal.VariantTable;
import dev.cxm.journey.internal.ActivityNames;
import dev.cxm.journey.internal.Cases;
import dev.cxm.journey.internal.LongList;
import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.internal.TypeAndTouchpointKey;

/**
 * Counts a {@link JourneyDiscovery}, one customer timeline at a time; mergeable. Activities are numbered as
 * they appear, edges counted in a matrix of those numbers, variants kept in a table of int sequences, so
 * the cost per event is a few array operations. Counting a store's columns, the edges' times stay in the
 * columns (see {@link #addColumns}) until something needs them as a list. Not thread-safe.
 */
public final class DiscoveryAccumulator
        implements Accumulator<CustomerTimeline, DiscoveryState, DiscoveryResult, DiscoveryAccumulator> {

    private final JourneyDiscovery discovery;
    private final ActivityNames names;
    private long cases;
    private long events;
    private long[] activityCounts = new long[16];
    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int matrixSide = 16;
    private int[] edgeOf = newMatrix(16);
    private final List<LongList> edgeTimes = new ArrayList<>();
    private final List<int[]> edgeEnds = new ArrayList<>();
    private final VariantTable variants;
    /**
     * While the edges' times are still only in the columns {@link #addColumns} counted (the lists in
     * {@link #edgeTimes} then empty): those columns with their histograms; else null.
     */
    private @Nullable DeferredTimes deferred;

    /** How many customers {@link #addColumns} takes at a time: their variants' slots are read ahead together. */
    private static final int BATCH = 16;
    private int[] batchSteps = new int[256];
    private final int[] batchFrom = new int[BATCH];
    private final int[] batchLength = new int[BATCH];
    private final long[] batchHash = new long[BATCH];
    /** Where {@link #addColumns} leaves what it reads ahead, so that the reads are not optimised away. */
    private long readAheadSink;

    private int[] sequence = new int[64];
    private long[] instants = new long[64];
    private long[] times = new long[64];
    private int[] positions = new int[64];

    DiscoveryAccumulator(JourneyDiscovery discovery) {
        this(discovery, new VariantTable());
    }

    /**
     * Creates an empty accumulator whose variants go to the given table (a test's table with colliding hashes,
     * say).
     *
     * @param discovery the configuration
     * @param variants an empty table
     */
    DiscoveryAccumulator(JourneyDiscovery discovery, VariantTable variants) {
        this.discovery = discovery;
        this.names = new ActivityNames(discovery.activityKey());
        this.variants = variants;
    }

    DiscoveryAccumulator(JourneyDiscovery discovery, DiscoveryState state) {
        this(discovery);
        cases = state.cases();
        events = state.events();
        for (DiscoveryState.Activity activity : state.activities()) {
            int id = activity(activity.name());
            activityCounts[id] += activity.count();
            starts[id] += activity.starts();
            ends[id] += activity.ends();
        }
        for (DiscoveryState.Edge edge : state.edges()) {
            edgeTimes(activity(edge.from()), activity(edge.to())).addAll(new LongList(edge.timesMicros()));
        }
        for (DiscoveryState.VariantCount variant : state.variants()) {
            int[] ids = variant.steps().stream().mapToInt(this::activity).toArray();
            variants.add(ids, ids.length, variant.count());
        }
    }

    private static int[] newMatrix(int side) {
        int[] matrix = new int[side * side];
        Arrays.fill(matrix, -1);
        return matrix;
    }

    /** Returns the number of an activity by name, growing the arrays for a new one. */
    private int activity(String name) {
        int id = names.idOf(name);
        grow();
        return id;
    }

    private void grow() {
        int needed = names.size();
        if (needed > activityCounts.length) {
            int capacity = Math.max(needed, activityCounts.length * 2);
            activityCounts = Arrays.copyOf(activityCounts, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        if (needed > matrixSide) {
            int side = Math.max(needed, matrixSide * 2);
            int[] matrix = newMatrix(side);
            for (int a = 0; a < matrixSide; a++) {
                System.arraycopy(edgeOf, a * matrixSide, matrix, a * side, matrixSide);
            }
            edgeOf = matrix;
            matrixSide = side;
        }
    }

    private LongList edgeTimes(int from, int to) {
        return edgeTimes.get(edge(from, to));
    }

    /** Returns the number of the edge from one activity to another, making it (with no time) when new. */
    private int edge(int from, int to) {
        int cell = from * matrixSide + to;
        int edge = edgeOf[cell];
        if (edge < 0) {
            edge = edgeTimes.size();
            edgeOf[cell] = edge;
            edgeTimes.add(new LongList());
            edgeEnds.add(new int[] {from, to});
        }
        return edge;
    }

    @Override
    public DiscoveryAccumulator add(CustomerTimeline timeline) {
        Checks.present("timeline", timeline);
        materialiseTimes();
        if (discovery.sessions().isEmpty()) {
            addCase(timeline.events());
        } else {
            Cases.of(timeline, discovery.sessions()).forEach(this::addCase);
        }
        return this;
    }

    private void addCase(List<CustomerEvent> list) {
        int size = list.size();
        if (size > sequence.length) {
            growCase(size);
        }
        // The instants first, in a loop of independent loads, so that the processor overlaps the cache misses of
        // the case's events; the rest then finds them in cache.
        for (int i = 0; i < size; i++) {
            instants[i] = Micros.of(list.get(i));
        }
        int n = 0;
        for (int i = 0; i < size; i++) {
            CustomerEvent event = list.get(i);
            int id = names.idOf(event);
            if (id < 0) {
                continue;
            }
            long time = instants[i];
            if (n > 0 && time == times[n - 1] && repeated(list, event, time, n)) {
                continue;
            }
            sequence[n] = id;
            times[n] = time;
            positions[n] = i;
            n++;
        }
        grow();
        countCase(n);
    }

    /**
     * Returns whether {@link #addColumns} can count this configuration: one case per customer, activities named
     * by the event's type and touchpoint alone.
     *
     * @return whether columns are enough
     */
    boolean countsColumns() {
        return discovery.sessions().isEmpty() && discovery.activityKey() instanceof TypeAndTouchpointKey;
    }

    /**
     * Counts every customer of the columns as one case, as {@link #add} counts their timelines; only when
     * {@link #countsColumns()}. A store holds each event id once, so no event repeats in a timeline.
     *
     * <p>When nothing was counted yet (as in {@code compute(store)}) and the edges' histograms are small beside
     * the events, the edges' times are not copied into lists: each edge keeps a sum, a histogram
     * and the times near its median ({@link EdgeHistograms}), from which {@link #result()} takes the median
     * (or, should the times drift along the columns, from a second pass over them), and
     * anything else that needs the times as lists (an {@code add}, a {@code merge}, the {@code state}) copies
     * them from the columns first. Customers are taken {@value #BATCH} at a time: their variants' slots in the
     * table are read together before any is added, so that those cache misses overlap.
     *
     * @param columns the customers' timelines as columns
     */
    void addColumns(TimelineColumns columns) {
        materialiseTimes();
        int[] activityOf = new int[columns.codeCount()];
        for (int code = 0; code < activityOf.length; code++) {
            activityOf[code] = names.idOf(columns.sample(code));
        }
        grow();
        variants.expect(columns.customers(), columns.events());
        if (edgeTimes.isEmpty() && histogramsFit(columns.events())) {
            EdgeHistograms histograms = new EdgeHistograms();
            addColumnsDeferringTimes(columns, activityOf, histograms);
            deferred = new DeferredTimes(columns, activityOf, histograms);
            return;
        }
        int[] offsets = columns.offsets();
        long[] micros = columns.micros();
        int[] codes = columns.codes();
        for (int c = 0; c < columns.customers(); c++) {
            int first = offsets[c];
            int size = offsets[c + 1] - first;
            if (size > sequence.length) {
                growCase(size);
            }
            int n = 0;
            for (int i = first; i < first + size; i++) {
                int id = activityOf[codes[i]];
                sequence[n] = id;
                times[n] = micros[i];
                n += id >= 0 ? 1 : 0;
            }
            countCase(n);
        }
    }

    /**
     * Returns whether histograms of every edge the activities could make (but no more edges than events)
     * take no more memory than a list of the events' times would, or a megabyte, and their buckets can be
     * numbered with an {@code int}.
     */
    private boolean histogramsFit(int events) {
        long possibleEdges = Math.min((long) names.size() * names.size(), events);
        return possibleEdges <= Integer.MAX_VALUE / EdgeHistograms.BUCKETS
                && possibleEdges * EdgeHistograms.BUCKETS * Integer.BYTES <= Math.max(1L << 20, (long) Long.BYTES * events);
    }

    /** Counts the columns as {@link #addColumns} says, the edges' times into histograms. */
    private void addColumnsDeferringTimes(TimelineColumns columns, int[] activityOf, EdgeHistograms histograms) {
        int[] offsets = columns.offsets();
        long[] micros = columns.micros();
        int[] codes = columns.codes();
        int customers = columns.customers();
        long sink = 0;
        for (int batchStart = 0; batchStart < customers; batchStart += BATCH) {
            int batchEnd = Math.min(customers, batchStart + BATCH);
            int needed = offsets[batchEnd] - offsets[batchStart];
            if (needed > batchSteps.length) {
                batchSteps = new int[Math.max(needed, 2 * batchSteps.length)];
            }
            int position = 0;
            int kept = 0;
            for (int c = batchStart; c < batchEnd; c++) {
                long hash = VariantTable.start();
                int n = 0;
                int previous = -1;
                long previousTime = 0;
                for (int i = offsets[c]; i < offsets[c + 1]; i++) {
                    int id = activityOf[codes[i]];
                    if (id < 0) {
                        continue;
                    }
                    long time = micros[i];
                    activityCounts[id]++;
                    if (previous >= 0) {
                        int edge = edgeOf[previous * matrixSide + id];
                        if (edge < 0) {
                            edge = edge(previous, id);
                            histograms.ensureEdges(edgeTimes.size());
                        }
                        histograms.add(edge, time - previousTime);
                    }
                    batchSteps[position + n++] = id;
                    hash = VariantTable.step(hash, id);
                    previous = id;
                    previousTime = time;
                }
                if (n > 0) {
                    cases++;
                    events += n;
                    starts[batchSteps[position]]++;
                    ends[previous]++;
                    batchFrom[kept] = position;
                    batchLength[kept] = n;
                    batchHash[kept] = variants.finish(hash, n);
                    kept++;
                    position += n;
                }
            }
            for (int k = 0; k < kept; k++) {
                sink += variants.touch(batchHash[k]);
            }
            for (int k = 0; k < kept; k++) {
                variants.add(batchSteps, batchFrom[k], batchLength[k], batchHash[k], 1);
            }
        }
        readAheadSink += sink;
    }

    /** Receives the time of one directly-follows pair of an edge. */
    @FunctionalInterface
    private interface EdgeTimeSink {
        void accept(int edge, long time);
    }

    /** Hands every directly-follows time of deferred columns to {@code sink}, customer by customer. */
    private void forEachTime(DeferredTimes times, EdgeTimeSink sink) {
        TimelineColumns columns = times.columns();
        int[] activityOf = times.activityOf();
        int[] offsets = columns.offsets();
        long[] micros = columns.micros();
        int[] codes = columns.codes();
        for (int c = 0; c < columns.customers(); c++) {
            int previous = -1;
            long previousTime = 0;
            for (int i = offsets[c]; i < offsets[c + 1]; i++) {
                int id = activityOf[codes[i]];
                if (id < 0) {
                    continue;
                }
                long time = micros[i];
                if (previous >= 0) {
                    sink.accept(edgeOf[previous * matrixSide + id], time - previousTime);
                }
                previous = id;
                previousTime = time;
            }
        }
    }

    /** Copies the edges' times of deferred columns into the edges' lists, if there are such columns. */
    private void materialiseTimes() {
        DeferredTimes times = deferred;
        if (times != null) {
            deferred = null;
            forEachTime(times, (edge, time) -> edgeTimes.get(edge).add(time));
        }
    }

    /**
     * Columns counted without copying the edges' times, with how their codes name activities and the edges'
     * histograms.
     */
    private record DeferredTimes(TimelineColumns columns, int[] activityOf, EdgeHistograms histograms) {}

    private void growCase(int size) {
        int capacity = Math.max(size, sequence.length * 2);
        sequence = new int[capacity];
        instants = new long[capacity];
        times = new long[capacity];
        positions = new int[capacity];
    }

    /** Counts one case of {@code n} events in {@link #sequence} and {@link #times}; the arrays are grown. */
    private void countCase(int n) {
        if (n == 0) {
            return;
        }
        cases++;
        events += n;
        for (int i = 0; i < n; i++) {
            activityCounts[sequence[i]]++;
        }
        starts[sequence[0]]++;
        ends[sequence[n - 1]]++;
        for (int i = 1; i < n; i++) {
            edgeTimes(sequence[i - 1], sequence[i]).add(times[i] - times[i - 1]);
        }
        variants.add(sequence, n, 1);
    }

    /** Returns whether {@code event} repeats (by id) one of the kept events at its instant. */
    private boolean repeated(List<CustomerEvent> list, CustomerEvent event, long time, int n) {
        for (int k = n - 1; k >= 0 && times[k] == time; k--) {
            if (list.get(positions[k]).eventId().equals(event.eventId())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public DiscoveryAccumulator merge(DiscoveryAccumulator other) {
        Accumulators.requireOther(this, other);
        if (!other.discovery.equals(discovery)) {
            throw new IllegalArgumentException("other: counts another configuration; only accumulators of one"
                    + " configuration merge");
        }
        materialiseTimes();
        other.materialiseTimes();
        cases += other.cases;
        events += other.events;
        int[] mine = new int[other.names.size()];
        for (int id = 0; id < mine.length; id++) {
            mine[id] = activity(other.names.name(id));
            activityCounts[mine[id]] += other.activityCounts[id];
            starts[mine[id]] += other.starts[id];
            ends[mine[id]] += other.ends[id];
        }
        for (int edge = 0; edge < other.edgeTimes.size(); edge++) {
            int[] fromTo = other.edgeEnds.get(edge);
            edgeTimes(mine[fromTo[0]], mine[fromTo[1]]).addAll(other.edgeTimes.get(edge));
        }
        for (int entry = 0; entry < other.variants.size(); entry++) {
            int[] steps = other.variants.sequence(entry);
            for (int i = 0; i < steps.length; i++) {
                steps[i] = mine[steps[i]];
            }
            variants.add(steps, steps.length, other.variants.count(entry));
        }
        return this;
    }

    @Override
    public DiscoveryState state() {
        materialiseTimes();
        List<DiscoveryState.Activity> activities = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            if (activityCounts[id] > 0) {
                activities.add(new DiscoveryState.Activity(names.name(id), activityCounts[id], starts[id], ends[id]));
            }
        }
        activities.sort(Comparator.comparing(DiscoveryState.Activity::name));
        List<DiscoveryState.Edge> edges = new ArrayList<>();
        for (int edge = 0; edge < edgeTimes.size(); edge++) {
            int[] fromTo = edgeEnds.get(edge);
            edges.add(new DiscoveryState.Edge(names.name(fromTo[0]), names.name(fromTo[1]),
                    edgeTimes.get(edge).sorted()));
        }
        edges.sort(Comparator.comparing(DiscoveryState.Edge::from).thenComparing(DiscoveryState.Edge::to));
        List<DiscoveryState.VariantCount> variantCounts = new ArrayList<>();
        for (int entry = 0; entry < variants.size(); entry++) {
            variantCounts.add(new DiscoveryState.VariantCount(steps(variants.sequence(entry)), variants.count(entry)));
        }
        variantCounts.sort(Comparator.comparing(DiscoveryState.VariantCount::steps, DiscoveryAccumulator::compare));
        return new DiscoveryState(cases, events, activities, edges, variantCounts);
    }

    private List<String> steps(int[] ids) {
        List<String> steps = new ArrayList<>(ids.length);
        for (int id : ids) {
            steps.add(names.name(id));
        }
        return steps;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public DiscoveryResult result() {
        List<ActivityCount> activities = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            if (activityCounts[id] > 0) {
                activities.add(new ActivityCount(names.name(id), activityCounts[id]));
            }
        }
        activities.sort(Comparator.comparingLong(ActivityCount::count).reversed().thenComparing(ActivityCount::name));
        List<DirectlyFollows> edges = edges();
        edges.sort(Comparator.comparingLong(DirectlyFollows::count).reversed().thenComparing(DirectlyFollows::from)
                .thenComparing(DirectlyFollows::to));
        List<Variant> listed = topVariants();
        return new DiscoveryResult(cases, events, activities, edges, ranked(starts), ranked(ends), variants.size(),
                listed, coverageOf(listed));
    }

    /** Every edge with its count, mean and median time, in the order the edges were first seen. */
    private List<DirectlyFollows> edges() {
        DeferredTimes times = deferred;
        boolean again = false;
        if (times != null) {
            again = times.histograms().finish();
            if (!times.histograms().exactSums()) {
                materialiseTimes();
                times = null;
            }
        }
        List<DirectlyFollows> edges = new ArrayList<>();
        if (times != null) {
            EdgeHistograms histograms = times.histograms();
            if (again) {
                histograms.planMedians();
                forEachTime(times, histograms::offer);
            }
            for (int edge = 0; edge < edgeTimes.size(); edge++) {
                int[] fromTo = edgeEnds.get(edge);
                edges.add(new DirectlyFollows(names.name(fromTo[0]), names.name(fromTo[1]), histograms.count(edge),
                        micros(histograms.mean(edge)), micros(histograms.median(edge))));
            }
            return edges;
        }
        for (int edge = 0; edge < edgeTimes.size(); edge++) {
            LongList list = edgeTimes.get(edge);
            int[] fromTo = edgeEnds.get(edge);
            edges.add(new DirectlyFollows(names.name(fromTo[0]), names.name(fromTo[1]), list.size(),
                    micros(list.mean()), micros(list.quantile(0.5))));
        }
        return edges;
    }

    private double coverageOf(List<Variant> listed) {
        return listed.stream().mapToLong(Variant::count).sum() / (double) Math.max(1, cases);
    }

    /** The activities with their counts, by count (descending) then name, leaving out zeros. */
    private Map<String, Long> ranked(long[] counts) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            if (counts[id] > 0) {
                ids.add(id);
            }
        }
        ids.sort(Comparator.<Integer>comparingLong(id -> counts[id]).reversed().thenComparing(names::name));
        Map<String, Long> ranked = new LinkedHashMap<>();
        ids.forEach(id -> ranked.put(names.name(id), counts[id]));
        return ranked;
    }

    /**
     * The most frequent variants until they cover the configured share (or the configured most), by count
     * (descending) then steps: a sort of the counts alone finds the threshold, and only variants at the
     * threshold are compared by their steps.
     */
    private List<Variant> topVariants() {
        int size = variants.size();
        if (size == 0) {
            return List.of();
        }
        long[] largest = largestCounts(Math.min(size, discovery.maxVariants()));
        long covered = 0;
        int listed = 0;
        while (listed < largest.length && covered < discovery.coverage() * cases) {
            covered += largest[listed];
            listed++;
        }
        long threshold = largest[listed - 1];
        List<Variant> chosen = new ArrayList<>();
        int[] rank = nameRanks();
        int wantedTies = listed;
        for (int entry = 0; entry < size; entry++) {
            if (variants.count(entry) > threshold) {
                chosen.add(variant(entry));
                wantedTies--;
            }
        }
        // Of the variants at the threshold, the first by steps: a bounded max-heap of entries.
        java.util.PriorityQueue<Integer> ties = new java.util.PriorityQueue<>(
                (a, b) -> variants.compare(b, a, rank));
        for (int entry = 0; entry < size && wantedTies > 0; entry++) {
            if (variants.count(entry) == threshold) {
                if (ties.size() < wantedTies) {
                    ties.add(entry);
                } else if (variants.compare(entry, ties.peek(), rank) < 0) {
                    ties.poll();
                    ties.add(entry);
                }
            }
        }
        ties.forEach(entry -> chosen.add(variant(entry)));
        chosen.sort(Comparator.comparingLong(Variant::count).reversed()
                .thenComparing(Variant::steps, DiscoveryAccumulator::compare));
        return chosen;
    }

    /**
     * Returns the {@code k} largest of the variants' counts, largest first: through a heap of {@code k} when
     * that is small beside the variants (most counts are then turned away by one comparison), else by sorting
     * them all.
     */
    private long[] largestCounts(int k) {
        int size = variants.size();
        if (k > size / 4) {
            long[] counts = new long[size];
            for (int entry = 0; entry < size; entry++) {
                counts[entry] = variants.count(entry);
            }
            Arrays.sort(counts);
            long[] largest = new long[k];
            for (int i = 0; i < k; i++) {
                largest[i] = counts[size - 1 - i];
            }
            return largest;
        }
        long[] heap = new long[k];
        for (int entry = 0; entry < k; entry++) {
            heap[entry] = variants.count(entry);
        }
        for (int i = k / 2 - 1; i >= 0; i--) {
            siftDown(heap, i, k);
        }
        for (int entry = k; entry < size; entry++) {
            long count = variants.count(entry);
            if (count > heap[0]) {
                heap[0] = count;
                siftDown(heap, 0, k);
            }
        }
        Arrays.sort(heap);
        for (int i = 0; i < k / 2; i++) {
            long t = heap[i];
            heap[i] = heap[k - 1 - i];
            heap[k - 1 - i] = t;
        }
        return heap;
    }

    /** Restores the order of a min-heap of {@code size} values below position {@code i}. */
    private static void siftDown(long[] heap, int i, int size) {
        long value = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }

    /** Returns each activity number's rank in the order of the names. */
    private int[] nameRanks() {
        Integer[] ids = new Integer[names.size()];
        for (int id = 0; id < ids.length; id++) {
            ids[id] = id;
        }
        Arrays.sort(ids, Comparator.comparing(names::name));
        int[] rank = new int[ids.length];
        for (int r = 0; r < ids.length; r++) {
            rank[ids[r]] = r;
        }
        return rank;
    }

    private Variant variant(int entry) {
        return new Variant(steps(variants.sequence(entry)), variants.count(entry),
                variants.count(entry) / (double) cases);
    }

    private static Duration micros(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
