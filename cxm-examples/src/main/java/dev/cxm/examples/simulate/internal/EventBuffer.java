package dev.cxm.examples.simulate.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The events of one customer (and of their second id) as columns, reused from customer to customer so that
 * generating an event allocates nothing: an event is a row index, written by the {@code add...} methods and
 * read back in time order through {@link #sortByTime()}.
 */
final class EventBuffer {

    static final byte INTERACTION = 0;
    static final byte PURCHASE = 1;
    static final byte FEEDBACK = 2;

    /** No attribute value. */
    static final int NONE = -1;

    int size;
    long[] time = new long[64];
    byte[] type = new byte[64];
    boolean[] alias = new boolean[64];
    @Nullable Place[] place = new Place[64];
    @Nullable String[] outcome = new String[64];
    int[] duration = new int[64];
    int[] wait = new int[64];
    long[] cents = new long[64];
    int[] items = new int[64];
    @Nullable Survey[] survey = new Survey[64];
    int[] score = new int[64];
    @Nullable String[] comment = new String[64];
    @Nullable String[] plan = new String[64];
    @Nullable String[] campaign = new String[64];
    /** For NPS responses: the row of {@link #ratings} holding the driver ratings, else {@link #NONE}. */
    int[] ratingsRow = new int[64];
    int ratingRows;
    int[] ratings = new int[64 * WorldModel.DRIVERS.size()];
    int[] order = new int[64];

    void clear() {
        size = 0;
        ratingRows = 0;
    }

    private int next(long at, byte kind, boolean ofAlias) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        time[i] = at;
        type[i] = kind;
        alias[i] = ofAlias;
        place[i] = null;
        outcome[i] = null;
        duration[i] = 0;
        wait[i] = NONE;
        cents[i] = 0;
        items[i] = 0;
        survey[i] = null;
        score[i] = 0;
        comment[i] = null;
        plan[i] = null;
        campaign[i] = null;
        ratingsRow[i] = NONE;
        return i;
    }

    /**
     * Adds an interaction.
     *
     * @return its row, for attributes
     */
    int interaction(long at, Place where, String how, int seconds, boolean ofAlias) {
        int i = next(at, INTERACTION, ofAlias);
        place[i] = where;
        outcome[i] = how;
        duration[i] = seconds;
        return i;
    }

    int purchase(long at, Place where, long amountCents, int itemCount) {
        int i = next(at, PURCHASE, false);
        place[i] = where;
        cents[i] = amountCents;
        items[i] = itemCount;
        return i;
    }

    int feedback(long at, Survey which, int answer, @Nullable String text, @Nullable Place rated) {
        int i = next(at, FEEDBACK, false);
        survey[i] = which;
        score[i] = answer;
        comment[i] = text;
        place[i] = rated;
        return i;
    }

    /** Keeps the driver ratings of the NPS response in row {@code i}. */
    void ratings(int i, int[] values) {
        int width = WorldModel.DRIVERS.size();
        if ((ratingRows + 1) * width > ratings.length) {
            ratings = Arrays.copyOf(ratings, ratings.length * 2);
        }
        System.arraycopy(values, 0, ratings, ratingRows * width, width);
        ratingsRow[i] = ratingRows++;
    }

    /** Drops every event at or after {@code end}. */
    void dropFrom(long end) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (time[i] < end) {
                if (kept != i) {
                    move(i, kept);
                }
                kept++;
            }
        }
        size = kept;
    }

    private void move(int from, int to) {
        time[to] = time[from];
        type[to] = type[from];
        alias[to] = alias[from];
        place[to] = place[from];
        outcome[to] = outcome[from];
        duration[to] = duration[from];
        wait[to] = wait[from];
        cents[to] = cents[from];
        items[to] = items[from];
        survey[to] = survey[from];
        score[to] = score[from];
        comment[to] = comment[from];
        plan[to] = plan[from];
        campaign[to] = campaign[from];
        ratingsRow[to] = ratingsRow[from];
    }

    /**
     * Fills {@link #order} with the rows sorted by owner (the customer's own id first, then their second id),
     * time, and the order they were added in.
     */
    void sortByTime() {
        if (order.length < size) {
            order = new int[time.length];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = 1; i < size; i++) {
            int row = order[i];
            int j = i - 1;
            while (j >= 0 && after(order[j], row)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = row;
        }
    }

    private boolean after(int a, int b) {
        if (alias[a] != alias[b]) {
            return alias[a];
        }
        if (time[a] != time[b]) {
            return time[a] > time[b];
        }
        return a > b;
    }

    private void grow() {
        int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        type = Arrays.copyOf(type, n);
        alias = Arrays.copyOf(alias, n);
        place = Arrays.copyOf(place, n);
        outcome = Arrays.copyOf(outcome, n);
        duration = Arrays.copyOf(duration, n);
        wait = Arrays.copyOf(wait, n);
        cents = Arrays.copyOf(cents, n);
        items = Arrays.copyOf(items, n);
        survey = Arrays.copyOf(survey, n);
        score = Arrays.copyOf(score, n);
        comment = Arrays.copyOf(comment, n);
        plan = Arrays.copyOf(plan, n);
        campaign = Arrays.copyOf(campaign, n);
        ratingsRow = Arrays.copyOf(ratingsRow, n);
        order = new int[n];
    }
}
