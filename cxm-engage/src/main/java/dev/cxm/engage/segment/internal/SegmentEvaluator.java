package dev.cxm.engage.segment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.LatestAnswer;
import dev.cxm.engage.profile.NpsCategory;
import dev.cxm.engage.profile.internal.ProfileParts;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Comparison;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.TimeField;
import dev.cxm.journey.track.StageVisit;

/**
 * Segments compiled once into a flat evaluator that tests a block of profiles at a time, column by column: each
 * profile field a condition reads is read once per profile into a primitive column (one loop over the block per
 * field, so that the processor fetches many profiles' memory at once), each distinct condition (by value: a
 * condition shared by several segments is one node) becomes a column of booleans computed from those columns
 * or its children's, and each segment's membership is its root's column. It gives what
 * {@link Segment#contains} gives for every profile (conditions have no side effects, so testing every node
 * instead of short-circuiting changes no answer). Holds its columns: not thread-safe, one per thread.
 */
public final class SegmentEvaluator {

    /** The number of profiles evaluated together. */
    public static final int BLOCK = 64;

    private static final String[] CHANNEL_NAMES = Arrays.stream(Channel.values())
            .map(channel -> channel.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final NpsCategory[] NPS_CATEGORIES = NpsCategory.values();

    private final int segmentCount;
    private final int[] rootOf;
    private final Node[] nodes;
    private final Columns columns;

    private SegmentEvaluator(List<Segment> segments) {
        this.segmentCount = segments.size();
        this.columns = new Columns();
        Map<Condition, Integer> indexOf = new HashMap<>();
        List<Node> compiled = new ArrayList<>();
        this.rootOf = new int[segmentCount];
        for (int s = 0; s < segmentCount; s++) {
            rootOf[s] = compile(segments.get(s).condition(), indexOf, compiled);
        }
        this.nodes = compiled.toArray(new Node[0]);
    }

    /**
     * Compiles segments.
     *
     * @param segments the segments, in the order their memberships are reported
     * @return the evaluator
     */
    public static SegmentEvaluator of(List<Segment> segments) {
        return new SegmentEvaluator(List.copyOf(segments));
    }

    /**
     * Returns the number of segments.
     *
     * @return the number of segments compiled
     */
    public int segments() {
        return segmentCount;
    }

    /**
     * Evaluates up to {@link #BLOCK} profiles at {@code now}; read each membership with {@link #member}.
     *
     * @param block the profiles, from index 0
     * @param size how many of them, at most {@link #BLOCK}
     * @param now the instant durations since are measured to
     * @throws IllegalArgumentException when {@code size} is above {@link #BLOCK}
     */
    public void evaluate(CustomerProfile[] block, int size, Instant now) {
        if (size > BLOCK || size < 0) {
            throw new IllegalArgumentException("size: " + size + " is outside 0.." + BLOCK);
        }
        columns.read(block, size, now);
        for (Node node : nodes) {
            node.evaluate(columns, size);
        }
    }

    /**
     * Returns whether profile {@code p} of the last evaluated block is in segment {@code segment}.
     *
     * @param segment the segment's index
     * @param p the profile's index in the block
     * @return whether it is a member
     */
    public boolean member(int segment, int p) {
        return nodes[rootOf[segment]].out[p];
    }

    /**
     * Writes the memberships of the last evaluated block as one bit per segment (bit {@code s} for segment
     * {@code s}), for at most 64 segments.
     *
     * @param size the block's size
     * @param masks where profile {@code p}'s bits go, at index {@code p}; overwritten
     * @throws IllegalStateException when more than 64 segments were compiled
     */
    public void masks(int size, long[] masks) {
        if (segmentCount > Long.SIZE) {
            throw new IllegalStateException("masks: " + segmentCount + " segments do not fit 64 bits");
        }
        Arrays.fill(masks, 0, size, 0L);
        for (int s = 0; s < segmentCount; s++) {
            boolean[] in = nodes[rootOf[s]].out;
            long bit = 1L << s;
            for (int p = 0; p < size; p++) {
                if (in[p]) {
                    masks[p] |= bit;
                }
            }
        }
    }

    /** Returns the index of the node of {@code condition}, compiling it and its children first when new. */
    private int compile(Condition condition, Map<Condition, Integer> indexOf, List<Node> compiled) {
        Integer known = indexOf.get(condition);
        if (known != null) {
            return known;
        }
        Node node;
        if (condition instanceof Condition.AllOf all) {
            node = new Combined(children(all.conditions(), indexOf, compiled), compiled, true);
        } else if (condition instanceof Condition.AnyOf any) {
            node = new Combined(children(any.conditions(), indexOf, compiled), compiled, false);
        } else if (condition instanceof Condition.Not not) {
            node = new Negated(compiled.get(compile(not.condition(), indexOf, compiled)));
        } else {
            node = leaf(condition);
        }
        compiled.add(node);
        indexOf.put(condition, compiled.size() - 1);
        return compiled.size() - 1;
    }

    private int[] children(List<Condition> conditions, Map<Condition, Integer> indexOf, List<Node> compiled) {
        int[] children = new int[conditions.size()];
        for (int i = 0; i < children.length; i++) {
            children[i] = compile(conditions.get(i), indexOf, compiled);
        }
        return children;
    }

    private Node leaf(Condition condition) {
        if (condition instanceof Condition.NumberIs number) {
            return new NumberNode(columns.number(number.field()), number);
        } else if (condition instanceof Condition.TimeSince since) {
            return new TimeNode(columns.time(since.field()), since);
        } else if (condition instanceof Condition.CategoryIn category) {
            return categoryNode(category);
        } else if (condition instanceof Condition.StageIs stage) {
            columns.readStage = true;
            return new StageNode(Set.of(stage.stage()));
        } else if (condition instanceof Condition.ChannelUsed channel) {
            columns.readChannels = true;
            return new ChannelNode(1 << channel.channel().ordinal());
        } else if (condition instanceof Condition.AttributeIs attribute) {
            return new AttributeNode(columns.attribute(attribute.name()), attribute.value());
        } else if (condition instanceof Condition.ConsentGiven consent) {
            return new ConsentNode(columns.consent(consent.purpose()));
        }
        throw new IllegalArgumentException("condition: " + condition.getClass().getSimpleName()
                + " has no compiled form");
    }

    private Node categoryNode(Condition.CategoryIn category) {
        if (category.field() == CategoryField.NPS_CATEGORY) {
            columns.readNps = true;
            boolean[] accepted = new boolean[NPS_CATEGORIES.length];
            for (NpsCategory each : NPS_CATEGORIES) {
                accepted[each.ordinal()] = category.values().contains(each.label());
            }
            return new OrdinalNode(OrdinalNode.NPS, accepted);
        } else if (category.field() == CategoryField.PREFERRED_CHANNEL) {
            columns.readPreferred = true;
            boolean[] accepted = new boolean[CHANNEL_NAMES.length];
            for (int i = 0; i < CHANNEL_NAMES.length; i++) {
                accepted[i] = category.values().contains(CHANNEL_NAMES[i]);
            }
            return new OrdinalNode(OrdinalNode.PREFERRED, accepted);
        }
        columns.readStage = true;
        return new StageNode(category.values());
    }

    /**
     * The fields of a block of profiles that the compiled conditions read, each as a primitive column; a field
     * no condition reads is not read.
     */
    private static final class Columns {
        final double[][] numbers = new double[NumberField.values().length][];
        final long[][] seconds = new long[TimeField.values().length][];
        final int[][] nanos = new int[TimeField.values().length][];
        /** The NPS category's ordinal, or -1 without an NPS answer. */
        final int[] nps = new int[BLOCK];
        /** The preferred channel's ordinal, or -1 without one. */
        final int[] preferred = new int[BLOCK];
        final int[] channels = new int[BLOCK];
        final String[] stages = new String[BLOCK];
        final Map<String, String[]> attributes = new LinkedHashMap<>();
        final Map<String, boolean[]> consents = new LinkedHashMap<>();
        String[] attributeNames = new String[0];
        String[][] attributeValues = new String[0][];
        String[] purposes = new String[0];
        boolean[][] granted = new boolean[0][];
        boolean readNps;
        boolean readPreferred;
        boolean readChannels;
        boolean readStage;
        long nowSecond;
        int nowNano;

        double[] number(NumberField field) {
            if (numbers[field.ordinal()] == null) {
                numbers[field.ordinal()] = new double[BLOCK];
            }
            return numbers[field.ordinal()];
        }

        int time(TimeField field) {
            if (seconds[field.ordinal()] == null) {
                seconds[field.ordinal()] = new long[BLOCK];
                nanos[field.ordinal()] = new int[BLOCK];
            }
            return field.ordinal();
        }

        String[] attribute(String name) {
            String[] values = attributes.computeIfAbsent(name, absent -> new String[BLOCK]);
            attributeNames = attributes.keySet().toArray(new String[0]);
            attributeValues = attributes.values().toArray(new String[0][]);
            return values;
        }

        boolean[] consent(String purpose) {
            boolean[] values = consents.computeIfAbsent(purpose, absent -> new boolean[BLOCK]);
            purposes = consents.keySet().toArray(new String[0]);
            granted = consents.values().toArray(new boolean[0][]);
            return values;
        }

        /** Reads every field a condition needs, field by field over the block. */
        void read(CustomerProfile[] block, int size, Instant now) {
            nowSecond = now.getEpochSecond();
            nowNano = now.getNano();
            for (int f = 0; f < numbers.length; f++) {
                if (numbers[f] != null) {
                    readNumbers(NumberField.values()[f], numbers[f], block, size);
                }
            }
            for (int f = 0; f < seconds.length; f++) {
                if (seconds[f] != null) {
                    readTimes(TimeField.values()[f], seconds[f], nanos[f], block, size);
                }
            }
            if (readNps) {
                for (int p = 0; p < size; p++) {
                    LatestAnswer answer = ProfileParts.reader().latestNps(block[p]);
                    nps[p] = answer != null ? NpsCategory.of(answer.score()).ordinal() : -1;
                }
            }
            if (readPreferred) {
                for (int p = 0; p < size; p++) {
                    Channel channel = ProfileParts.preferredChannel(block[p]);
                    preferred[p] = channel != null ? channel.ordinal() : -1;
                }
            }
            if (readChannels) {
                for (int p = 0; p < size; p++) {
                    channels[p] = ProfileParts.reader().channelsUsed(block[p]);
                }
            }
            if (readStage) {
                for (int p = 0; p < size; p++) {
                    Optional<StageVisit> stage = block[p].journeyStage();
                    stages[p] = stage.isPresent() ? stage.get().stage() : null;
                }
            }
            for (int a = 0; a < attributeNames.length; a++) {
                String name = attributeNames[a];
                String[] values = attributeValues[a];
                for (int p = 0; p < size; p++) {
                    values[p] = block[p].attributes().get(name);
                }
            }
            for (int c = 0; c < purposes.length; c++) {
                String purpose = purposes[c];
                boolean[] values = granted[c];
                for (int p = 0; p < size; p++) {
                    values[p] = block[p].hasConsented(purpose);
                }
            }
        }

        private static void readNumbers(NumberField field, double[] values, CustomerProfile[] block, int size) {
            for (int p = 0; p < size; p++) {
                values[p] = field.valueOrNaN(block[p]);
            }
        }

        private static void readTimes(TimeField field, long[] seconds, int[] nanos, CustomerProfile[] block,
                int size) {
            if (field == TimeField.LAST_SEEN || field == TimeField.FIRST_SEEN) {
                readSeen(field == TimeField.LAST_SEEN, seconds, nanos, block, size);
                return;
            }
            for (int p = 0; p < size; p++) {
                Optional<Instant> at = field.valueOf(block[p]);
                if (at.isPresent()) {
                    seconds[p] = at.get().getEpochSecond();
                    nanos[p] = at.get().getNano();
                } else {
                    // No instant has this many seconds (Instant.MIN's are about -3.2e16): it stands for "none".
                    seconds[p] = Long.MIN_VALUE;
                }
            }
        }

        /** Reads the first- or last-seen instants as their parts, without the {@code Optional<Instant>}s. */
        private static void readSeen(boolean last, long[] seconds, int[] nanos, CustomerProfile[] block, int size) {
            ProfileParts.Reader parts = ProfileParts.reader();
            for (int p = 0; p < size; p++) {
                int nano = last ? parts.lastSeenNano(block[p]) : parts.firstSeenNano(block[p]);
                if (nano != ProfileParts.ABSENT) {
                    seconds[p] = last ? parts.lastSeenSecond(block[p]) : parts.firstSeenSecond(block[p]);
                    nanos[p] = nano;
                } else {
                    seconds[p] = Long.MIN_VALUE;
                }
            }
        }
    }

    /** One compiled condition: its memberships over the block in {@link #out}. */
    private abstract static class Node {
        final boolean[] out = new boolean[BLOCK];

        abstract void evaluate(Columns columns, int size);
    }

    /** A number compared: false when the profile lacks the number (NaN), as {@link Condition.NumberIs} is. */
    private static final class NumberNode extends Node {
        private final double[] values;
        private final Condition.NumberIs condition;

        NumberNode(double[] values, Condition.NumberIs condition) {
            this.values = values;
            this.condition = condition;
        }

        @Override
        void evaluate(Columns columns, int size) {
            double value = condition.value();
            Comparison comparison = condition.comparison();
            for (int p = 0; p < size; p++) {
                out[p] = !Double.isNaN(values[p]) && comparison.holds(Double.compare(values[p], value));
            }
        }
    }

    /** The time since an instant compared with a duration, as {@link Condition.TimeSince} compares it. */
    private static final class TimeNode extends Node {
        private final int field;
        private final Condition.TimeSince condition;
        private final long durationSeconds;
        private final int durationNanos;

        TimeNode(int field, Condition.TimeSince condition) {
            this.field = field;
            this.condition = condition;
            this.durationSeconds = condition.duration().getSeconds();
            this.durationNanos = condition.duration().getNano();
        }

        @Override
        void evaluate(Columns columns, int size) {
            long[] seconds = columns.seconds[field];
            int[] nanos = columns.nanos[field];
            for (int p = 0; p < size; p++) {
                if (seconds[p] == Long.MIN_VALUE) {
                    out[p] = false;
                    continue;
                }
                long elapsed = columns.nowSecond - seconds[p];
                int nano = columns.nowNano - nanos[p];
                if (nano < 0) {
                    nano += 1_000_000_000;
                    elapsed--;
                }
                int order = Long.compare(elapsed, durationSeconds);
                out[p] = condition.comparison().holds(order != 0 ? order : Integer.compare(nano, durationNanos));
            }
        }
    }

    /** A category that is an ordinal (the NPS category, the preferred channel) in a set of accepted ones. */
    private static final class OrdinalNode extends Node {
        static final int NPS = 0;
        static final int PREFERRED = 1;
        private final int column;
        private final boolean[] accepted;

        OrdinalNode(int column, boolean[] accepted) {
            this.column = column;
            this.accepted = accepted;
        }

        @Override
        void evaluate(Columns columns, int size) {
            int[] ordinals = column == NPS ? columns.nps : columns.preferred;
            for (int p = 0; p < size; p++) {
                out[p] = ordinals[p] >= 0 && accepted[ordinals[p]];
            }
        }
    }

    /** The journey stage among a set of names (a stage condition is the set of one name). */
    private static final class StageNode extends Node {
        private final Set<String> stages;

        StageNode(Set<String> stages) {
            this.stages = stages;
        }

        @Override
        void evaluate(Columns columns, int size) {
            for (int p = 0; p < size; p++) {
                out[p] = columns.stages[p] != null && stages.contains(columns.stages[p]);
            }
        }
    }

    /** A channel used. */
    private static final class ChannelNode extends Node {
        private final int bit;

        ChannelNode(int bit) {
            this.bit = bit;
        }

        @Override
        void evaluate(Columns columns, int size) {
            for (int p = 0; p < size; p++) {
                out[p] = (columns.channels[p] & bit) != 0;
            }
        }
    }

    /** An attribute with a value. */
    private static final class AttributeNode extends Node {
        private final String[] values;
        private final String value;

        AttributeNode(String[] values, String value) {
            this.values = values;
            this.value = value;
        }

        @Override
        void evaluate(Columns columns, int size) {
            for (int p = 0; p < size; p++) {
                out[p] = value.equals(values[p]);
            }
        }
    }

    /** A consent granted. */
    private static final class ConsentNode extends Node {
        private final boolean[] granted;

        ConsentNode(boolean[] granted) {
            this.granted = granted;
        }

        @Override
        void evaluate(Columns columns, int size) {
            System.arraycopy(granted, 0, out, 0, size);
        }
    }

    /** All of (or any of) its children. */
    private static final class Combined extends Node {
        private final boolean[][] children;
        private final boolean all;

        Combined(int[] children, List<Node> compiled, boolean all) {
            this.children = new boolean[children.length][];
            for (int i = 0; i < children.length; i++) {
                this.children[i] = compiled.get(children[i]).out;
            }
            this.all = all;
        }

        @Override
        void evaluate(Columns columns, int size) {
            System.arraycopy(children[0], 0, out, 0, size);
            for (int c = 1; c < children.length; c++) {
                boolean[] child = children[c];
                if (all) {
                    for (int p = 0; p < size; p++) {
                        out[p] &= child[p];
                    }
                } else {
                    for (int p = 0; p < size; p++) {
                        out[p] |= child[p];
                    }
                }
            }
        }
    }

    /** Not its child. */
    private static final class Negated extends Node {
        private final boolean[] child;

        Negated(Node child) {
            this.child = child.out;
        }

        @Override
        void evaluate(Columns columns, int size) {
            for (int p = 0; p < size; p++) {
                out[p] = !child[p];
            }
        }
    }
}
