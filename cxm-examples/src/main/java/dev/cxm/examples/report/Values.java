package dev.cxm.examples.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Checks and copies for the report's records. */
final class Values {

    private Values() {}

    /** Returns {@code value}, or throws naming the field when it is null. */
    static <T> T present(String field, T value) {
        return Objects.requireNonNull(value, field);
    }

    /** Returns an unmodifiable copy of {@code map} that keeps its order. */
    static <K, V> Map<K, V> orderedCopy(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
