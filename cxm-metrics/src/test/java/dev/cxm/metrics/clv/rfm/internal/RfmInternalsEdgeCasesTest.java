package dev.cxm.metrics.clv.rfm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/**
 * The RFM internals at their edges. Oracles: java.time (unit lengths, local dates, standard offsets), the
 * documented key rules (a month's key is 12 * year + month - 1; sub-day periods count elapsed units on the
 * zone's standard offset), a list numbering customers in order of first appearance, and brute-force
 * frequency tables (a TreeSet of the distinct frequencies, their weights summed per frequency).
 */
class RfmInternalsEdgeCasesTest {

    @Test
    void unitLengthsIncludeTheirFractionOfASecond() {
        assertThat(Units.seconds(ChronoUnit.MILLIS)).isEqualTo(0.001);
        assertThat(Units.seconds(ChronoUnit.DAYS)).isEqualTo(86_400);
        assertThat(Units.inUnits(Duration.ofMillis(1_500), ChronoUnit.SECONDS)).isEqualTo(1.5);
        assertThat(Units.inUnits(Duration.ofHours(36), ChronoUnit.DAYS)).isEqualTo(1.5);
        assertThat(Units.requireFixedUnit("unit", ChronoUnit.SECONDS)).isEqualTo(ChronoUnit.SECONDS);
        assertThat(Units.requireFixedUnit("unit", ChronoUnit.WEEKS)).isEqualTo(ChronoUnit.WEEKS);
        assertThatThrownBy(() -> Units.requireFixedUnit("unit", ChronoUnit.MILLIS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit: Millis");
        assertThatThrownBy(() -> Units.requireFixedUnit("unit", ChronoUnit.MONTHS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit: Months");
    }

    @Test
    void keysFollowTheZonesLocalDateAndStandardOffset() {
        SplittableRandom random = new SplittableRandom(13);
        ZoneId[] zones = {ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-7), ZoneId.of("Europe/Berlin"),
                ZoneId.of("America/New_York"), ZoneOffset.UTC};
        for (ZoneId zone : zones) {
            PeriodClock days = new PeriodClock(Optional.of(ChronoUnit.DAYS), zone);
            PeriodClock months = new PeriodClock(Optional.of(ChronoUnit.MONTHS), zone);
            PeriodClock hours = new PeriodClock(Optional.of(ChronoUnit.HOURS), zone);
            PeriodClock minutes = new PeriodClock(Optional.of(ChronoUnit.MINUTES), zone);
            for (int i = 0; i < 500; i++) {
                Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L));
                LocalDate date = instant.atZone(zone).toLocalDate();
                long standard = instant.getEpochSecond()
                        + zone.getRules().getStandardOffset(instant).getTotalSeconds();
                assertThat(days.key(instant)).as("%s in %s", instant, zone).isEqualTo(date.toEpochDay());
                assertThat(months.key(instant)).isEqualTo(12L * date.getYear() + date.getMonthValue() - 1);
                assertThat(hours.key(instant)).isEqualTo(Math.floorDiv(standard, 3_600));
                assertThat(minutes.key(instant)).isEqualTo(Math.floorDiv(standard, 60));
            }
        }
    }

    @Test
    void customersAreNumberedInOrderOfFirstAppearanceEvenWhenTheirHashesCollide() {
        // "Aa" and "BB" have the same String hash, so their slots and mixed hashes agree.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        CustomerIndex index = new CustomerIndex();
        assertThat(index.numberOf(CustomerId.of("Aa"))).isEqualTo(0);
        assertThat(index.numberOf(CustomerId.of("BB"))).isEqualTo(1);
        assertThat(index.numberOf(CustomerId.of("Aa"))).isEqualTo(0);
        assertThat(index.numberOf(CustomerId.of("x"))).isEqualTo(2);
        assertThat(index.size()).isEqualTo(3);
        // Batches, past several table growths, against a list of first appearances.
        SplittableRandom random = new SplittableRandom(29);
        List<CustomerId> order = new ArrayList<>(List.of(CustomerId.of("Aa"), CustomerId.of("BB"), CustomerId.of("x")));
        CustomerId[] batch = new CustomerId[300];
        int[] hashes = new int[batch.length];
        int[] numbers = new int[batch.length];
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < batch.length; i++) {
                batch[i] = random.nextInt(4) == 0 && !order.isEmpty() ? order.get(random.nextInt(order.size()))
                        : CustomerId.of("c" + random.nextInt(3_000));
            }
            index.numbersOf(batch, batch.length, hashes, numbers);
            for (int i = 0; i < batch.length; i++) {
                if (!order.contains(batch[i])) {
                    order.add(batch[i]);
                }
                assertThat(numbers[i]).isEqualTo(order.indexOf(batch[i]));
            }
        }
        assertThat(index.size()).isEqualTo(order.size());
        for (int n = 0; n < order.size(); n++) {
            assertThat(index.customer(n)).isEqualTo(order.get(n));
        }
    }

    @Test
    void frequencyTablesAndEveryNthRowAgreeWithABruteForce() {
        SplittableRandom random = new SplittableRandom(31);
        for (int example = 0; example < 60; example++) {
            int size = 1 + random.nextInt(40);
            // Dense frequencies, or a few large ones (a sparse range).
            int range = random.nextBoolean() ? 10 : 1_000_000;
            int[] x = new int[size];
            double[] tx = new double[size];
            double[] t = new double[size];
            double[] spend = new double[size];
            double[] w = new double[size];
            CustomerId[] ids = new CustomerId[size];
            for (int i = 0; i < size; i++) {
                x[i] = random.nextInt(range);
                t[i] = 10 + random.nextInt(10);
                tx[i] = random.nextInt(10);
                spend[i] = random.nextDouble();
                w[i] = 1 + random.nextInt(3);
                ids[i] = CustomerId.of("c" + i);
            }
            CellColumns columns = new CellColumns(ChronoUnit.DAYS, x, tx, t, spend, w, CustomerIds.of(ids));
            TreeSet<Integer> distinct = new TreeSet<>();
            for (int v : x) {
                distinct.add(v);
            }
            List<Integer> sorted = new ArrayList<>(distinct);
            assertThat(columns.distinctFrequencies()).containsExactly(sorted.stream().mapToInt(Integer::intValue).toArray());
            double[] perFrequency = new double[sorted.size()];
            for (int i = 0; i < size; i++) {
                assertThat(columns.frequencyIndex()[i]).isEqualTo(sorted.indexOf(x[i]));
                perFrequency[sorted.indexOf(x[i])] += w[i];
            }
            assertThat(columns.weightPerFrequency()).containsExactly(perFrequency);
            assertThat(columns.ids()).isNotNull();
            assertThat(columns.customerId(size - 1)).contains(ids[size - 1]);

            int step = 1 + random.nextInt(5);
            CellColumns sample = columns.everyNth(step);
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < size; i += step) {
                kept.add(i);
            }
            assertThat(sample.size()).isEqualTo(kept.size());
            for (int k = 0; k < kept.size(); k++) {
                int row = kept.get(k);
                assertThat(sample.frequency(k)).isEqualTo(x[row]);
                assertThat(sample.recency(k)).isEqualTo(tx[row]);
                assertThat(sample.age(k)).isEqualTo(t[row]);
                assertThat(sample.monetaryValues()[k]).isEqualTo(spend[row]);
                assertThat(sample.weight(k)).isEqualTo(w[row]);
            }
            assertThat(sample.totalWeight()).isCloseTo(kept.stream().mapToDouble(r -> w[r]).sum(), within(1e-12));
        }
        assertThat(new CellColumns(ChronoUnit.DAYS, new int[] {1}, new double[] {1}, new double[] {2},
                new double[] {1}, new double[] {1}).ids()).isNull();
    }
}
