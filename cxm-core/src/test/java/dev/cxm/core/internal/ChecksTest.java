package dev.cxm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableMap;

/**
 * The shared argument checks at the edges of their rules. Oracle: each method's Javadoc rule applied by hand
 * (1 is the least positive int; 0 and -0.0 are 0 or more, the least double above 0 is positive; NaN and the
 * infinities are not finite), the value returned unchanged when it passes, and the message naming the field,
 * the value and the rule (the position of a null counted from 0).
 */
class ChecksTest {

    @Test
    void intsAreReturnedWhenTheyPassAndNamedWhenTheyFail() {
        assertThat(Checks.nonNegative("count", 0)).isZero();
        assertThat(Checks.nonNegative("count", 7)).isEqualTo(7);
        assertThatThrownBy(() -> Checks.nonNegative("count", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count: -1 is negative; it must be 0 or more");
        assertThat(Checks.positive("size", 1)).isEqualTo(1);
        assertThat(Checks.positive("size", Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Checks.positive("size", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size: 0 is not positive; it must be 1 or more");
        assertThatThrownBy(() -> Checks.positive("size", -3)).hasMessage("size: -3 is not positive; it must be 1 or more");
    }

    @Test
    void doublesAreReturnedWhenTheyPassAndNamedWhenTheyFail() {
        assertThat(Checks.finite("rate", -2.5)).isEqualTo(-2.5);
        assertThatThrownBy(() -> Checks.finite("rate", Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate: NaN is not a finite number; it must be one");
        assertThatThrownBy(() -> Checks.finite("rate", Double.NEGATIVE_INFINITY))
                .hasMessage("rate: -Infinity is not a finite number; it must be one");

        assertThat(Checks.nonNegative("weight", 0.0)).isZero();
        assertThat(Checks.nonNegative("weight", -0.0)).isZero();
        assertThat(Checks.nonNegative("weight", 3.25)).isEqualTo(3.25);
        assertThatThrownBy(() -> Checks.nonNegative("weight", -Double.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weight: -4.9E-324 is negative; it must be 0 or more");
        assertThatThrownBy(() -> Checks.nonNegative("weight", Double.POSITIVE_INFINITY))
                .hasMessage("weight: Infinity is not a finite number; it must be one");

        assertThat(Checks.positive("scale", Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(Checks.positive("scale", 0.5)).isEqualTo(0.5);
        assertThatThrownBy(() -> Checks.positive("scale", 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: 0.0 is not positive; it must be above 0");
        assertThatThrownBy(() -> Checks.positive("scale", Double.NaN))
                .hasMessage("scale: NaN is not a finite number; it must be one");
    }

    @Test
    void aNullElementIsNamedByItsPosition() {
        assertThatThrownBy(() -> Checks.noNullElements("ids", Arrays.asList("a", "b", null, "d")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ids: the element at position 2 (counting from 0) is null; every element must be present");
        assertThatThrownBy(() -> Checks.noNullElements("ids", Arrays.asList((String) null)))
                .hasMessageContaining("at position 0 ");
        assertThat(Checks.noNullElements("ids", Arrays.asList("a", "b"))).containsExactly("a", "b");
    }

    @Test
    void attributesAreAnImmutableCopyAndEmptyOnesTheSharedEmptyMap() {
        Map<String, String> withNullKey = new HashMap<>();
        withNullKey.put(null, "x");
        assertThatThrownBy(() -> Checks.attributes("attributes", withNullKey)).isInstanceOf(NullPointerException.class)
                .hasMessage("attributes must not contain a null key");
        Map<String, String> withNullValue = new HashMap<>();
        withNullValue.put("region", null);
        assertThatThrownBy(() -> Checks.attributes("attributes", withNullValue))
                .hasMessage("attributes: the value of key \"region\" must not be null");

        assertThat(Checks.attributes("attributes", new HashMap<>())).isSameAs(ImmutableMap.of());
        Map<String, String> source = new HashMap<>(Map.of("region", "north"));
        Map<String, String> copy = Checks.attributes("attributes", source);
        source.put("plan", "pro");
        assertThat(copy).isInstanceOf(ImmutableMap.class).containsExactly(Map.entry("region", "north"));
    }
}
