package dev.cxm.engage.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.engage.EngageLogs;

/**
 * The rules that tie a {@link PurchaseHistory}'s fields together: the oracle for the refusals is each hand-made
 * history's own fields (a count of 0 with a mark, a first purchase after the last, totals that cannot include
 * the marks); the oracle for the histories the library makes is a brute-force computation over the purchases
 * themselves (count, per-currency sums, minimum and maximum by instant and event id).
 */
class PurchaseHistoryTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-02-01T00:00:00Z");
    private static final PurchaseMark P1 = new PurchaseMark(EventId.of("p1"), EARLY, Money.of("12.50", "EUR"));
    private static final PurchaseMark P2 = new PurchaseMark(EventId.of("p2"), LATE, Money.of("3", "EUR"));
    private static final PurchaseMark P3_USD = new PurchaseMark(EventId.of("p3"), LATE, Money.of("4", "USD"));

    private static Map<Currency, SpendTotal> spend(long purchases, String total) {
        return Map.of(EUR, new SpendTotal(purchases, Money.of(total, "EUR")));
    }

    @Test
    void consistentHistoriesAreAccepted() {
        assertThat(new PurchaseHistory(0, Map.of(), Optional.empty(), Optional.empty())).isEqualTo(PurchaseHistory.none());
        assertThat(new PurchaseHistory(1, spend(1, "12.50"), Optional.of(P1), Optional.of(P1)).count()).isOne();
        assertThat(new PurchaseHistory(2, spend(2, "15.50"), Optional.of(P1), Optional.of(P2)).count()).isEqualTo(2);
        Map<Currency, SpendTotal> twoCurrencies = new LinkedHashMap<>(spend(1, "12.50"));
        twoCurrencies.put(USD, new SpendTotal(1, Money.of("4", "USD")));
        assertThat(new PurchaseHistory(2, twoCurrencies, Optional.of(P1), Optional.of(P3_USD)).spend()).hasSize(2);
        // Two marks at one instant: the first is the one with the smaller event id.
        PurchaseMark sameInstant = new PurchaseMark(EventId.of("p0"), LATE, Money.of("1", "EUR"));
        assertThat(new PurchaseHistory(2, spend(2, "4"), Optional.of(sameInstant), Optional.of(P2)).count())
                .isEqualTo(2);
    }

    @Test
    void aHistoryWithoutPurchasesHasNoSpendAndNoMarks() {
        assertThatThrownBy(() -> new PurchaseHistory(0, spend(1, "3"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spend: holds 1 currencies while count is 0; a history without purchases has no spend");
        assertThatThrownBy(() -> new PurchaseHistory(0, Map.of(), Optional.of(P1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first: is purchase p1 while count is 0; a history without purchases has no first or"
                        + " last purchase");
        assertThatThrownBy(() -> new PurchaseHistory(0, Map.of(), Optional.empty(), Optional.of(P2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("last: is purchase p2 while count is 0; a history without purchases has no first or"
                        + " last purchase");
    }

    @Test
    void aHistoryWithPurchasesHasAFirstAndALast() {
        assertThatThrownBy(() -> new PurchaseHistory(1, spend(1, "3"), Optional.empty(), Optional.of(P2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first: is empty while count is 1; a history with purchases has a first and a last"
                        + " purchase");
        assertThatThrownBy(() -> new PurchaseHistory(1, spend(1, "3"), Optional.of(P2), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("last: is empty while count is 1; a history with purchases has a first and a last"
                        + " purchase");
    }

    @Test
    void theSpendCountsEveryPurchaseOnce() {
        assertThatThrownBy(() -> new PurchaseHistory(3, spend(2, "15.50"), Optional.of(P1), Optional.of(P2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spend: counts 2 purchases over its currencies while count is 3; each purchase is counted"
                        + " in its one currency");
        assertThatThrownBy(() -> new PurchaseHistory(1, Map.of(), Optional.of(P1), Optional.of(P1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spend: counts 0 purchases over its currencies while count is 1; each purchase is counted"
                        + " in its one currency");
    }

    @Test
    void theFirstPurchaseIsNotAfterTheLast() {
        assertThatThrownBy(() -> new PurchaseHistory(2, spend(2, "15.50"), Optional.of(P2), Optional.of(P1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first: purchase p2 comes after the last purchase p1 (by instant, then event id); the"
                        + " first is the earliest");
        PurchaseMark sameInstant = new PurchaseMark(EventId.of("p9"), LATE, Money.of("1", "EUR"));
        assertThatThrownBy(() -> new PurchaseHistory(2, spend(2, "4"), Optional.of(sameInstant), Optional.of(P2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first: purchase p9 comes after the last purchase p2 (by instant, then event id); the"
                        + " first is the earliest");
    }

    @Test
    void theTotalsIncludeTheFirstAndLastPurchases() {
        assertThatThrownBy(() -> new PurchaseHistory(1, spend(1, "4"), Optional.of(P3_USD), Optional.of(P3_USD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first: purchase p3 is in USD, in which the spend counts no purchase; the spend counts"
                        + " every purchase");
        assertThatThrownBy(() -> new PurchaseHistory(1, spend(1, "10"), Optional.of(P1), Optional.of(P1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first: purchase p1 of 12.50 EUR exceeds the spend's total of 10.00 EUR in EUR; the"
                        + " total includes it");
        assertThatThrownBy(() -> new PurchaseHistory(2, spend(2, "14"), Optional.of(P1), Optional.of(P2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spend: the total in EUR (2 purchases, 14.00 EUR) cannot include both the first purchase"
                        + " p1 and the last purchase p2 (15.50 EUR together); the total includes both");
        Map<Currency, SpendTotal> oneEach = new LinkedHashMap<>(spend(1, "15.50"));
        oneEach.put(USD, new SpendTotal(1, Money.of("4", "USD")));
        assertThatThrownBy(() -> new PurchaseHistory(2, oneEach, Optional.of(P1), Optional.of(P2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spend: the total in EUR (1 purchases, 15.50 EUR) cannot include both the first purchase"
                        + " p1 and the last purchase p2 (15.50 EUR together); the total includes both");
    }

    @Test
    void theHistoriesTheLibraryMakesMeetTheRulesAndTheBruteForce() {
        // Folded event by event, rebuilt through the checking constructor, and merged across two customers: each
        // equals the brute force over its purchases, and none is refused.
        ProfileBuilder builder = ProfileBuilder.ofDefaults();
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerEvent> log = EngageLogs.random(random, 2, 25, random.nextBoolean());
            CustomerProfile c0 = builder.empty(CustomerId.of("c0"));
            CustomerProfile c1 = builder.empty(CustomerId.of("c1"));
            for (CustomerEvent event : log) {
                if (event.customerId().value().equals("c0")) {
                    c0 = builder.update(c0, event);
                } else {
                    c1 = builder.update(c1, event);
                }
            }
            List<Purchase> purchases = new ArrayList<>();
            log.stream().filter(Purchase.class::isInstance).map(Purchase.class::cast).forEach(purchases::add);
            PurchaseHistory merged = builder.merge(c0, c1).purchases();
            assertThat(merged).isEqualTo(bruteForce(purchases));
            PurchaseHistory rebuilt = new PurchaseHistory(merged.count(), merged.spend(), merged.first(),
                    merged.last());
            assertThat(rebuilt).isEqualTo(merged);
            assertThat(c0.purchases()).isEqualTo(bruteForce(purchases.stream()
                    .filter(p -> p.customerId().value().equals("c0")).toList()));
        });
    }

    private static PurchaseHistory bruteForce(List<Purchase> purchases) {
        if (purchases.isEmpty()) {
            return PurchaseHistory.none();
        }
        Map<Currency, SpendTotal> spend = new LinkedHashMap<>();
        List<Purchase> inOrder = purchases.stream().sorted(Comparator.comparing(Purchase::occurredAt)
                .thenComparing(Purchase::eventId)).toList();
        for (Purchase purchase : purchases) {
            Currency currency = purchase.amount().currency();
            SpendTotal before = spend.get(currency);
            spend.put(currency, before == null ? new SpendTotal(1, purchase.amount())
                    : new SpendTotal(before.purchases() + 1, before.total().plus(purchase.amount())));
        }
        Purchase first = inOrder.get(0);
        Purchase last = inOrder.get(inOrder.size() - 1);
        return new PurchaseHistory(purchases.size(), spend,
                Optional.of(new PurchaseMark(first.eventId(), first.occurredAt(), first.amount())),
                Optional.of(new PurchaseMark(last.eventId(), last.occurredAt(), last.amount())));
    }
}
