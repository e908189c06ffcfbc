package dev.cxm.metrics.text;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import dev.cxm.core.internal.Checks;

/**
 * How often each term occurs in a group of texts, as {@link Themes#count} counts them: the input of a theme
 * comparison.
 *
 * @param texts the number of texts counted
 * @param total the number of term occurrences, the sum of {@code counts}
 * @param counts each term's number of occurrences, ordered by term
 */
public record TermCounts(long texts, long total, Map<String, Long> counts) {

    /**
     * Validates the counts and copies the map.
     *
     * @param texts the number of texts counted
     * @param total the number of term occurrences, the sum of {@code counts}
     * @param counts each term's number of occurrences, ordered by term
     * @throws IllegalArgumentException naming the field when a count is negative or the total is not the sum
     */
    public TermCounts {
        if (texts < 0) {
            throw new IllegalArgumentException("texts: " + texts + " is negative");
        }
        long sum = 0;
        for (Map.Entry<String, Long> entry : Checks.present("counts", counts).entrySet()) {
            Checks.nonBlank("term", entry.getKey());
            long count = Checks.present("count", entry.getValue());
            if (count < 1) {
                throw new IllegalArgumentException("counts: a term counted " + count + " times; a term in the counts"
                        + " occurs at least once");
            }
            sum = Math.addExact(sum, count);
        }
        if (sum != total) {
            throw new IllegalArgumentException("total: " + total + " is not the sum of the counts, " + sum);
        }
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /**
     * Returns how often {@code term} occurs.
     *
     * @param term the term
     * @return its count, 0 when it does not occur
     */
    public long count(String term) {
        return counts.getOrDefault(term, 0L);
    }

    /**
     * Returns the counts of the texts of this group and {@code other} together.
     *
     * @param other other counts, made by an equal {@link Themes}
     * @return the sum
     */
    public TermCounts plus(TermCounts other) {
        Map<String, Long> sum = new TreeMap<>(counts);
        Checks.present("other", other).counts.forEach((term, count) -> sum.merge(term, count, Math::addExact));
        return new TermCounts(Math.addExact(texts, other.texts), Math.addExact(total, other.total), sum);
    }
}
