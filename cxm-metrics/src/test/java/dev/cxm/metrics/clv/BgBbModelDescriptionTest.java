package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/**
 * How a BG/BB model describes itself: its short name and its parameters by name, in the documented order.
 * Oracle: the Javadoc of {@link BgBbModel#name()} and {@link BgBbModel#parameters()}, and the values the test
 * built the model from (Fader, Hardie &amp; Shang's donation estimates).
 */
class BgBbModelDescriptionTest {

    @Test
    void namesItselfAndItsParametersInOrder() {
        BgBbModel model = BgBbModel.of(1.204, 0.750, 0.657, 2.783, ChronoUnit.YEARS);

        assertThat(model.name()).isEqualTo("bg-bb");
        assertThat(model.parameters()).containsExactly(java.util.Map.entry("alpha", 1.204),
                java.util.Map.entry("beta", 0.750), java.util.Map.entry("gamma", 0.657),
                java.util.Map.entry("delta", 2.783));
    }
}
