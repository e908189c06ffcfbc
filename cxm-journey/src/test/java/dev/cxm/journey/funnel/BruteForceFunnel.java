package dev.cxm.journey.funnel;

import java.util.ArrayList;
import java.util.List;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;

/**
 * The oracle of the funnel tests: for one customer, enumerates every path (every increasing tuple of event
 * positions that takes the steps, or for an unordered funnel every start and end with a brute-force maximum
 * matching) straight from the definitions in {@code docs/journeys.md}, and picks the path that counts by
 * comparing all of them. Exponential; for logs of a few events per customer.
 */
final class BruteForceFunnel {

    /** What counts of one customer: the level and, per step reached, the position of its event. */
    record Outcome(int level, int[] positions) {}

    private final Funnel funnel;

    BruteForceFunnel(Funnel funnel) {
        this.funnel = funnel;
    }

    Outcome of(CustomerTimeline timeline) {
        return outcome(timeline, -1);
    }

    /**
     * The attempts of one customer, each the path that counts among the paths that start at one event: the
     * first attempt starts at the first event of step 1 (unordered: of any step), each later one at the first
     * such event after the last step of the attempt before.
     */
    List<Outcome> attempts(CustomerTimeline timeline) {
        List<CustomerEvent> events = dedupe(timeline.events());
        List<Outcome> attempts = new ArrayList<>();
        int from = 0;
        while (true) {
            int first = -1;
            for (int p = from; p < events.size() && first < 0; p++) {
                boolean starts = false;
                for (int step = 0; step < funnel.steps().size(); step++) {
                    if ((step == 0 || funnel.order() == FunnelOrder.UNORDERED)
                            && funnel.steps().get(step).matcher().matches(events.get(p))) {
                        starts = true;
                    }
                }
                first = starts ? p : -1;
            }
            if (first < 0) {
                return attempts;
            }
            Outcome attempt = outcome(timeline, first);
            attempts.add(attempt);
            from = attempt.positions()[attempt.level() - 1] + 1;
        }
    }

    /** The path that counts among every path, or among those whose first step is event {@code first} (>= 0). */
    private Outcome outcome(CustomerTimeline timeline, int first) {
        List<CustomerEvent> events = dedupe(timeline.events());
        int n = events.size();
        int steps = funnel.steps().size();
        boolean[][] takes = new boolean[n][steps];
        boolean[][] excluded = new boolean[n][funnel.exclusions().size()];
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            CustomerEvent e = events.get(i);
            micros[i] = e.occurredAt().getEpochSecond() * 1_000_000 + e.occurredAt().getNano() / 1_000;
            for (int s = 0; s < steps; s++) {
                takes[i][s] = funnel.steps().get(s).matcher().matches(e);
            }
            for (int x = 0; x < funnel.exclusions().size(); x++) {
                excluded[i][x] = funnel.exclusions().get(x).matcher().matches(e);
            }
        }
        long window = funnel.window().toNanos() / 1_000;
        return funnel.order() == FunnelOrder.UNORDERED ? unordered(n, takes, micros, window, steps, first)
                : ordered(n, takes, excluded, micros, window, steps, first);
    }

    /** The timeline with an event repeated at the same instant (same id) kept once. */
    static List<CustomerEvent> dedupe(List<CustomerEvent> events) {
        List<CustomerEvent> kept = new ArrayList<>();
        for (CustomerEvent e : events) {
            boolean seen = kept.stream().anyMatch(k -> k.eventId().equals(e.eventId()) && k.occurredAt().equals(e.occurredAt()));
            if (!seen) {
                kept.add(e);
            }
        }
        return kept;
    }

    private Outcome ordered(int n, boolean[][] takes, boolean[][] excluded, long[] micros, long window, int steps,
            int first) {
        List<int[]> all = new ArrayList<>();
        extend(new int[0], n, takes, all, steps);
        int[] best = null;
        for (int[] path : all) {
            if ((first >= 0 && path[0] != first) || !valid(path, excluded, micros, window)) {
                continue;
            }
            if (best == null || better(path, best)) {
                best = path;
            }
        }
        return best == null ? new Outcome(0, new int[0]) : new Outcome(best.length, best);
    }

    private void extend(int[] prefix, int n, boolean[][] takes, List<int[]> all, int steps) {
        if (prefix.length > 0) {
            all.add(prefix);
        }
        if (prefix.length == steps) {
            return;
        }
        int from = prefix.length == 0 ? 0 : prefix[prefix.length - 1] + 1;
        for (int p = from; p < n; p++) {
            if (takes[p][prefix.length]) {
                int[] next = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                next[prefix.length] = p;
                extend(next, n, takes, all, steps);
            }
        }
    }

    private boolean valid(int[] path, boolean[][] excluded, long[] micros, long window) {
        int k = path.length;
        if (micros[path[k - 1]] - micros[path[0]] > window) {
            return false;
        }
        if (funnel.order() == FunnelOrder.STRICT) {
            for (int i = 1; i < k; i++) {
                if (path[i] != path[i - 1] + 1) {
                    return false;
                }
            }
        }
        for (int x = 0; x < funnel.exclusions().size(); x++) {
            FunnelExclusion exclusion = funnel.exclusions().get(x);
            int f = exclusion.fromStep();
            if (f >= k) {
                continue;
            }
            int until = Math.min(exclusion.toStep(), k);
            for (int q = path[f - 1] + 1; q < path[until - 1]; q++) {
                if (excluded[q][x] && !onPath(path, q)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean onPath(int[] path, int q) {
        for (int p : path) {
            if (p == q) {
                return true;
            }
        }
        return false;
    }

    /** Longer first; then the earlier last event; then the later start; then later steps from the end back. */
    private static boolean better(int[] a, int[] b) {
        if (a.length != b.length) {
            return a.length > b.length;
        }
        int k = a.length;
        if (a[k - 1] != b[k - 1]) {
            return a[k - 1] < b[k - 1];
        }
        if (a[0] != b[0]) {
            return a[0] > b[0];
        }
        for (int i = k - 2; i >= 1; i--) {
            if (a[i] != b[i]) {
                return a[i] > b[i];
            }
        }
        return false;
    }

    private Outcome unordered(int n, boolean[][] takes, long[] micros, long window, int steps, int first) {
        int level = 0;
        int bestEnd = Integer.MAX_VALUE;
        int[] bestPositions = new int[0];
        for (int s = 0; s < n; s++) {
            if (!any(takes[s]) || (first >= 0 && s != first)) {
                continue;
            }
            int[] firstReach = new int[steps + 1];
            java.util.Arrays.fill(firstReach, -1);
            for (int c = s; c < n && micros[c] - micros[s] <= window; c++) {
                int m = matching(takes, s, c, steps);
                for (int j = 1; j <= m; j++) {
                    if (firstReach[j] < 0) {
                        firstReach[j] = c;
                    }
                }
            }
            int reached = 0;
            while (reached < steps && firstReach[reached + 1] >= 0) {
                reached++;
            }
            if (reached == 0) {
                continue;
            }
            int end = firstReach[reached];
            if (reached > level || (reached == level && end <= bestEnd)) {
                level = reached;
                bestEnd = end;
                bestPositions = java.util.Arrays.copyOfRange(firstReach, 1, reached + 1);
            }
        }
        return new Outcome(level, bestPositions);
    }

    private static boolean any(boolean[] row) {
        for (boolean b : row) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** The largest number of steps that distinct events of positions s..c take, by trying every assignment. */
    private static int matching(boolean[][] takes, int s, int c, int steps) {
        return assign(takes, s, c, 0, steps, new boolean[c + 1]);
    }

    private static int assign(boolean[][] takes, int s, int c, int step, int steps, boolean[] used) {
        if (step == steps) {
            return 0;
        }
        int best = assign(takes, s, c, step + 1, steps, used);
        for (int p = s; p <= c; p++) {
            if (!used[p] && takes[p][step]) {
                used[p] = true;
                best = Math.max(best, 1 + assign(takes, s, c, step + 1, steps, used));
                used[p] = false;
            }
        }
        return best;
    }
}
