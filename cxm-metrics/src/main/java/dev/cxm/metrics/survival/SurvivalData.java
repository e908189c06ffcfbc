package dev.cxm.metrics.survival;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.internal.Checks;

/**
 * Subjects of a survival analysis: for each, the time it was followed (its duration), whether the follow-up
 * ended in the event (churn) or was censored, the group it belongs to, and optionally numeric covariates.
 *
 * <p>Durations are numbers in one {@link ChronoUnit} the caller states (days, weeks, months, ...), which
 * the data carry as {@link #unit()}; every result reports times in the same unit and names it. Rows are numbered from 1 in the order they were added, and every
 * complaint about a row names its number and the rule it breaks, never the row's values (they may be
 * personal data read from a file).
 *
 * <pre>{@code
 * SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "plan", "tickets")
 *         .add(120, true, "monthly", 0, 3)    // churned after 120 days
 *         .add(365, false, "annual", 1, 0)    // still a customer after 365 days: censored
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and hold their columns as primitive arrays, so ten million subjects cost
 * about 130 MB.
 */
public final class SurvivalData {

    /** The group of every subject added without one. */
    public static final String DEFAULT_GROUP = "all";

    private static final String NO_SUBJECTS = "subjects: none were given; a survival analysis needs at least one";

    private final ChronoUnit unit;
    private final double[] durations;
    private final boolean[] observed;
    private final int[] groupOf;
    private final List<String> groups;
    private final List<String> covariateNames;
    private final double[] covariates;
    private final int eventCount;

    private SurvivalData(ChronoUnit unit, double[] durations, boolean[] observed, int[] groupOf, List<String> groups,
            List<String> covariateNames, double[] covariates) {
        this.unit = unit;
        this.durations = durations;
        this.observed = observed;
        this.groupOf = groupOf;
        this.groups = groups;
        this.covariateNames = covariateNames;
        this.covariates = covariates;
        int events = 0;
        for (boolean event : observed) {
            events += event ? 1 : 0;
        }
        this.eventCount = events;
    }

    /**
     * Starts a data set whose durations are in {@code unit} and whose subjects carry the named covariates, in
     * this order.
     *
     * @param unit the unit of every duration, such as {@link ChronoUnit#DAYS}; not {@link ChronoUnit#FOREVER}
     * @param covariateNames the names of the numeric covariates each subject carries, distinct and non-blank;
     *     none for data without covariates
     * @return an empty builder
     * @throws IllegalArgumentException if the unit is {@code FOREVER}, or a covariate name is blank or repeated
     */
    public static Builder builder(ChronoUnit unit, String... covariateNames) {
        return builder(unit, List.of(covariateNames));
    }

    /**
     * Starts a data set whose durations are in {@code unit} and whose subjects carry the named covariates, in
     * this order.
     *
     * @param unit the unit of every duration, such as {@link ChronoUnit#DAYS}; not {@link ChronoUnit#FOREVER}
     * @param covariateNames the names of the numeric covariates each subject carries, distinct and non-blank;
     *     empty for data without covariates
     * @return an empty builder
     * @throws IllegalArgumentException if the unit is {@code FOREVER}, or a covariate name is blank or repeated
     */
    public static Builder builder(ChronoUnit unit, List<String> covariateNames) {
        return new Builder(unit, covariateNames);
    }

    /**
     * Returns the subjects with the given durations (in {@code unit}) and event flags, in one group and without
     * covariates; the arrays are copied.
     *
     * @param unit the unit of the durations, such as {@link ChronoUnit#DAYS}; not {@link ChronoUnit#FOREVER}
     * @param durations how long each subject was followed, in {@code unit}; finite, zero or more; at least one
     * @param observed per subject, whether its follow-up ended in the event ({@code false}: censored); one flag
     *     per duration
     * @return the data, every subject in the group {@value #DEFAULT_GROUP}
     * @throws IllegalArgumentException naming the row of a negative or non-finite duration, or when the
     *     arrays differ in length or are empty, or the unit is {@code FOREVER}
     */
    public static SurvivalData of(ChronoUnit unit, double[] durations, boolean[] observed) {
        requireUnit(unit);
        if (durations.length != observed.length) {
            throw new IllegalArgumentException("observed: " + observed.length + " flags for " + durations.length
                    + " durations; there must be one flag per duration");
        }
        if (durations.length == 0) {
            throw new IllegalArgumentException(NO_SUBJECTS);
        }
        for (int row = 0; row < durations.length; row++) {
            requireDuration(row + 1, durations[row]);
        }
        double[] copy = new double[durations.length];
        for (int row = 0; row < copy.length; row++) {
            copy[row] = durations[row] + 0.0; // -0.0 becomes 0.0, so that equal durations are equal bit for bit
        }
        return new SurvivalData(unit, copy, observed.clone(), new int[durations.length],
                List.of(DEFAULT_GROUP), List.of(), new double[0]);
    }

    /**
     * Parses an event flag as written in files: {@code 1}, {@code true} (the event happened) or {@code 0},
     * {@code false} (censored), ignoring case and surrounding blanks.
     *
     * @param text the cell's text
     * @return true if the event happened, false if the follow-up was censored
     * @throws IllegalArgumentException when it is none of these; the message does not repeat the text, which
     *     may be any cell of a file
     */
    public static boolean parseEventFlag(String text) {
        switch (Checks.present("text", text).strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> {
                return true;
            }
            case "0", "false" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("event: the value is not an event flag; expected 0, 1,"
                    + " true or false");
        }
    }

    /**
     * Returns the unit of the durations, in which every result of these data reports its times.
     *
     * @return the unit, such as {@link ChronoUnit#DAYS}
     */
    public ChronoUnit unit() {
        return unit;
    }

    /**
     * Returns the number of subjects.
     *
     * @return the number of subjects, 1 or more
     */
    public int size() {
        return durations.length;
    }

    /**
     * Returns the number of subjects whose follow-up ended in the event.
     *
     * @return the number of uncensored subjects, from 0 to {@link #size()}
     */
    public int eventCount() {
        return eventCount;
    }

    /**
     * Returns the duration of the subject in {@code row} (numbered from 1).
     *
     * @param row the subject's row, from 1 to {@link #size()}
     * @return how long the subject was followed, in {@link #unit()}
     * @throws IllegalArgumentException if {@code row} is outside 1..size
     */
    public double duration(int row) {
        return durations[index(row)];
    }

    /**
     * Returns whether the follow-up of the subject in {@code row} (numbered from 1) ended in the event.
     *
     * @param row the subject's row, from 1 to {@link #size()}
     * @return true if the subject churned, false if it was censored
     * @throws IllegalArgumentException if {@code row} is outside 1..size
     */
    public boolean observed(int row) {
        return observed[index(row)];
    }

    /**
     * Returns the group of the subject in {@code row} (numbered from 1).
     *
     * @param row the subject's row, from 1 to {@link #size()}
     * @return the subject's group, {@value #DEFAULT_GROUP} when it was added without one
     * @throws IllegalArgumentException if {@code row} is outside 1..size
     */
    public String group(int row) {
        return groups.get(groupOf[index(row)]);
    }

    /**
     * Returns the value of covariate {@code name} for the subject in {@code row} (numbered from 1).
     *
     * @param row the subject's row, from 1 to {@link #size()}
     * @param name the covariate, one of {@link #covariateNames()}
     * @return the subject's value of that covariate
     * @throws IllegalArgumentException if {@code row} is outside 1..size or {@code name} is not a covariate
     */
    public double covariate(int row, String name) {
        return covariates[index(row) * covariateNames.size() + covariateIndex(name)];
    }

    /**
     * Returns the groups, in the order they were declared or first seen.
     *
     * @return the groups' names, at least one
     */
    public List<String> groups() {
        return groups;
    }

    /**
     * Returns the names of the covariates, in column order.
     *
     * @return the names, empty for data without covariates
     */
    public List<String> covariateNames() {
        return covariateNames;
    }

    /**
     * Returns the subjects of one group, in their original order.
     *
     * @param name the group, one of {@link #groups()}
     * @return the group's subjects, renumbered from 1, with the same unit and covariates
     * @throws IllegalArgumentException naming the group when the data have no such group
     */
    public SurvivalData group(String name) {
        int wanted = groupIndex(name);
        int count = 0;
        for (int g : groupOf) {
            count += g == wanted ? 1 : 0;
        }
        int p = covariateNames.size();
        double[] d = new double[count];
        boolean[] e = new boolean[count];
        double[] x = new double[count * p];
        int next = 0;
        for (int i = 0; i < durations.length; i++) {
            if (groupOf[i] == wanted) {
                d[next] = durations[i];
                e[next] = observed[i];
                System.arraycopy(covariates, i * p, x, next * p, p);
                next++;
            }
        }
        return new SurvivalData(unit, d, e, new int[count], List.of(name), covariateNames, x);
    }

    /** Returns the position of {@code name} among the groups. */
    int groupIndex(String name) {
        int index = groups.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("group: \"" + name + "\" is not a group of the data; the groups are "
                    + groups);
        }
        return index;
    }

    private int covariateIndex(String name) {
        int index = covariateNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("covariate: \"" + name
                    + "\" is not a covariate of the data; the covariates are " + covariateNames);
        }
        return index;
    }

    private int index(int row) {
        if (row < 1 || row > durations.length) {
            throw new IllegalArgumentException("row: " + row + " is outside 1.." + durations.length);
        }
        return row - 1;
    }

    // Package-private views of the columns for the estimators; never handed out.

    double[] durationColumn() {
        return durations;
    }

    boolean[] observedColumn() {
        return observed;
    }

    int[] groupColumn() {
        return groupOf;
    }

    /** Row-major covariates: subject {@code i}'s covariate {@code j} is at {@code i * p + j}. */
    double[] covariateMatrix() {
        return covariates;
    }

    private static ChronoUnit requireUnit(ChronoUnit unit) {
        Checks.present("unit", unit);
        if (unit == ChronoUnit.FOREVER) {
            throw new IllegalArgumentException("unit: FOREVER is not a unit of duration; use DAYS, WEEKS, MONTHS, ...");
        }
        return unit;
    }

    /** Refuses a negative or non-finite duration, naming the row and the rule but not the value (row data). */
    private static void requireDuration(long row, double duration) {
        if (!(duration >= 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("row " + row + ": the duration"
                    + (duration < 0 ? " is negative" : " is not a finite number")
                    + "; a duration must be a finite number, zero or more");
        }
    }

    /** Collects subjects row by row, validating each as it comes. */
    public static final class Builder {
        private static final int MAX_BLOCK = 1 << 20;
        private final ChronoUnit unit;
        private final List<String> covariateNames;
        private final Map<String, Integer> groupIndex = new HashMap<>();
        private final List<String> groups = new ArrayList<>();
        private boolean groupsDeclared;
        // The rows in blocks that double from 16 to a million rows: the current block, and the full ones before
        // it, which build() joins. Growing copies nothing, so ten million rows are copied once, not three times.
        private double[] durations = new double[16];
        private boolean[] observed = new boolean[16];
        private int[] groupOf = new int[16];
        private double[] covariates;
        private final List<double[]> fullDurations = new ArrayList<>();
        private final List<boolean[]> fullObserved = new ArrayList<>();
        private final List<int[]> fullGroupOf = new ArrayList<>();
        private final List<double[]> fullCovariates = new ArrayList<>();
        /** Rows in the current block. */
        private int inBlock;
        private int size;
        /** The group of the row added last, and its index: rows of one group usually follow each other. */
        private @Nullable String lastGroup;
        private int lastGroupIndex;

        private Builder(ChronoUnit unit, List<String> covariateNames) {
            this.unit = requireUnit(unit);
            Set<String> distinct = new LinkedHashSet<>();
            for (String name : Checks.present("covariateNames", covariateNames)) {
                Checks.nonBlank("covariate name", name);
                if (!distinct.add(name)) {
                    throw new IllegalArgumentException("covariateNames: \"" + name
                            + "\" appears twice; covariate names must be distinct");
                }
            }
            this.covariateNames = List.copyOf(distinct);
            this.covariates = new double[16 * this.covariateNames.size()];
        }

        /**
         * Declares the only groups a subject may belong to, in the order results list them; a row with
         * any other group is then rejected, naming the row.
         *
         * @param names the groups, non-blank; every one must receive at least one subject
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         * @throws IllegalStateException if a row was already added
         */
        public Builder groups(String... names) {
            if (size > 0) {
                throw new IllegalStateException("groups must be declared before the first row is added");
            }
            for (String name : names) {
                indexOfGroup(Checks.nonBlank("group", name), true);
            }
            groupsDeclared = true;
            return this;
        }

        /**
         * Adds a subject in the default group, without covariates.
         *
         * @param duration how long the subject was followed, in the builder's unit; finite, zero or more
         * @param observed whether the follow-up ended in the event ({@code false}: censored)
         * @return this builder
         * @throws IllegalArgumentException naming the row when the duration is negative or not finite, the data
         *     have covariates, or groups were declared without {@value SurvivalData#DEFAULT_GROUP}
         */
        public Builder add(double duration, boolean observed) {
            return add(duration, observed, DEFAULT_GROUP);
        }

        /**
         * Adds a subject.
         *
         * @param duration how long the subject was followed; finite, zero or more
         * @param observed whether the follow-up ended in the event ({@code false}: censored)
         * @param group the subject's group
         * @param covariateValues one finite value per covariate, in the order the builder was given them
         * @return this builder
         * @throws IllegalArgumentException naming the row when a value breaks its rule
         */
        public Builder add(double duration, boolean observed, String group, double... covariateValues) {
            int row = size + 1;
            requireDuration(row, duration);
            Checks.present("group", group);
            // The same string as the last row's needs neither the check nor the lookup again.
            boolean sameGroup = group == lastGroup;
            if (!sameGroup && group.isBlank()) {
                throw new IllegalArgumentException("row " + row + ": the group is blank");
            }
            int p = covariateNames.size();
            if (covariateValues.length != p) {
                throw new IllegalArgumentException("row " + row + ": " + covariateValues.length
                        + " covariate values for " + p + " covariates " + covariateNames);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(covariateValues[j])) {
                    throw new IllegalArgumentException("row " + row + ": covariate " + covariateNames.get(j)
                            + " is not a finite number; covariates must be finite numbers");
                }
            }
            int g = sameGroup ? lastGroupIndex : indexOfGroup(group, !groupsDeclared);
            if (g < 0) {
                throw new IllegalArgumentException("row " + row + ": the group is not one of the declared groups "
                        + groups);
            }
            lastGroup = group;
            lastGroupIndex = g;
            if (inBlock == durations.length) {
                nextBlock();
            }
            durations[inBlock] = duration + 0.0; // -0.0 becomes 0.0
            this.observed[inBlock] = observed;
            groupOf[inBlock] = g;
            System.arraycopy(covariateValues, 0, covariates, inBlock * p, p);
            inBlock++;
            size++;
            return this;
        }

        /** Keeps the full current block and starts one twice as large, up to a million rows. */
        private void nextBlock() {
            fullDurations.add(durations);
            fullObserved.add(observed);
            fullGroupOf.add(groupOf);
            fullCovariates.add(covariates);
            int capacity = Math.min(durations.length * 2, MAX_BLOCK);
            durations = new double[capacity];
            observed = new boolean[capacity];
            groupOf = new int[capacity];
            covariates = new double[capacity * covariateNames.size()];
            inBlock = 0;
        }

        private int indexOfGroup(String group, boolean addIfNew) {
            Integer known = groupIndex.get(group);
            if (known != null) {
                return known;
            }
            if (!addIfNew) {
                return -1;
            }
            groups.add(group);
            groupIndex.put(group, groups.size() - 1);
            return groups.size() - 1;
        }

        /**
         * Builds the data set.
         *
         * @return the data, subjects in the order added
         * @throws IllegalArgumentException when no subject was added, or a declared group has no subject
         */
        public SurvivalData build() {
            if (size == 0) {
                throw new IllegalArgumentException(NO_SUBJECTS);
            }
            double[] allDurations = new double[size];
            boolean[] allObserved = new boolean[size];
            int[] allGroupOf = new int[size];
            int p = covariateNames.size();
            double[] allCovariates = new double[size * p];
            int at = 0;
            for (int b = 0; b <= fullDurations.size(); b++) {
                boolean current = b == fullDurations.size();
                int rows = current ? inBlock : fullDurations.get(b).length;
                System.arraycopy(current ? durations : fullDurations.get(b), 0, allDurations, at, rows);
                System.arraycopy(current ? observed : fullObserved.get(b), 0, allObserved, at, rows);
                System.arraycopy(current ? groupOf : fullGroupOf.get(b), 0, allGroupOf, at, rows);
                System.arraycopy(current ? covariates : fullCovariates.get(b), 0, allCovariates, at * p, rows * p);
                at += rows;
            }
            boolean[] used = new boolean[groups.size()];
            for (int g : allGroupOf) {
                used[g] = true;
            }
            for (int g = 0; g < used.length; g++) {
                if (!used[g]) {
                    throw new IllegalArgumentException("group: \"" + groups.get(g)
                            + "\" was declared but no subject belongs to it");
                }
            }
            return new SurvivalData(unit, allDurations, allObserved, allGroupOf, List.copyOf(groups), covariateNames,
                    allCovariates);
        }
    }
}
