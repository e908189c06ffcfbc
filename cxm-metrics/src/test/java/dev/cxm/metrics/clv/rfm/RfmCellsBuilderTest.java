package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/**
 * {@link RfmCells} as its builder fills it: an impossible history is refused when added, naming the row; the
 * repeat buyers and whether there are any; ids kept through the growth of the columns. Oracle: the documented
 * rules, and the rows the test added, filtered and counted by hand.
 */
class RfmCellsBuilderTest {

    @Test
    void anImpossibleHistoryIsRefusedWhenAddedNamingTheRow() {
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.WEEKS).add(1, 2, 10);

        assertThatThrownBy(() -> builder.add(0, 3, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency: 3.0 is not 0 although frequency is 0 (row 2); without repeat purchases the"
                        + " recency is 0");
        assertThatThrownBy(() -> builder.add(2, 11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency: 11.0 is greater than T 10.0 (row 2); the last purchase cannot come after the"
                        + " end of calibration");
        assertThat(builder.build().size()).isEqualTo(1);
    }

    @Test
    void repeatBuyersAreTheRowsWithAFrequencyAboveZero() {
        int[] frequencies = {0, 2, 0, 1, 0, 0, 5};
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.WEEKS);
        List<Integer> expected = new ArrayList<>();
        for (int x : frequencies) {
            builder.add(x, x == 0 ? 0 : 4, 10);
            if (x > 0) {
                expected.add(x);
            }
        }
        RfmCells cells = builder.build();
        RfmCells buyers = cells.repeatBuyers();

        assertThat(buyers.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(buyers.frequency(i)).isEqualTo(expected.get(i));
        }
        assertThat(cells.hasRepeatPurchases()).isTrue();
        assertThat(RfmCells.builder(ChronoUnit.WEEKS).add(0, 0, 10).add(0, 0, 3).build().hasRepeatPurchases())
                .isFalse();
    }

    @Test
    void customerIdsSurviveTheColumnsGrowth() {
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.WEEKS);
        for (int i = 0; i < 100; i++) {
            builder.add(CustomerSummary.of(CustomerId.of("c" + i), i % 3, i % 3 == 0 ? 0 : 5, 20));
        }
        RfmCells cells = builder.build();

        assertThat(cells.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(cells.customerId(i)).contains(CustomerId.of("c" + i));
            assertThat(cells.frequency(i)).isEqualTo(i % 3);
        }
    }
}
