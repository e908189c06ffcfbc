package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.metrics.text.SentimentAnalyzer;

/**
 * The oracle of the profile tests: every field recomputed from the whole list of raw events by sorting, grouping
 * and summing, without the incremental code (so a mistake in one is not repeated in the other).
 */
final class BruteForceProfile {

    private BruteForceProfile() {}

    static Optional<Instant> firstSeen(Optional<Customer> record, List<CustomerEvent> events) {
        List<Instant> instants = new ArrayList<>();
        record.ifPresent(customer -> instants.add(customer.firstSeen()));
        events.forEach(event -> instants.add(event.occurredAt()));
        return instants.stream().min(Comparator.naturalOrder());
    }

    static Optional<Instant> lastSeen(List<CustomerEvent> events) {
        return events.stream().map(CustomerEvent::occurredAt).max(Comparator.naturalOrder());
    }

    static Map<Channel, ChannelUse> channels(List<CustomerEvent> events) {
        Map<Channel, List<CustomerEvent>> byChannel = new EnumMap<>(Channel.class);
        for (CustomerEvent event : events) {
            event.atTouchpoint().ifPresent(tp -> byChannel.computeIfAbsent(tp.channel(), c -> new ArrayList<>()).add(event));
        }
        Map<Channel, ChannelUse> uses = new EnumMap<>(Channel.class);
        byChannel.forEach((channel, list) -> uses.put(channel, new ChannelUse(list.size(),
                list.stream().map(CustomerEvent::occurredAt).max(Comparator.naturalOrder()).orElseThrow())));
        return uses;
    }

    /** The channel with most events; then the one used last; then the first in Channel's order. */
    static Optional<Channel> preferredChannel(List<CustomerEvent> events) {
        Map<Channel, ChannelUse> uses = channels(events);
        List<Channel> ordered = new ArrayList<>(uses.keySet());
        ordered.sort(Comparator.<Channel>comparingLong(c -> -uses.get(c).count())
                .thenComparing(c -> uses.get(c).lastUsed(), Comparator.reverseOrder())
                .thenComparing(Comparator.naturalOrder()));
        return ordered.stream().findFirst();
    }

    static Set<TouchpointId> touchpoints(List<CustomerEvent> events) {
        Set<TouchpointId> ids = new HashSet<>();
        events.forEach(event -> event.atTouchpoint().ifPresent(tp -> ids.add(tp.id())));
        return ids;
    }

    static List<Purchase> purchasesInOrder(List<CustomerEvent> events) {
        return events.stream().filter(Purchase.class::isInstance).map(Purchase.class::cast)
                .sorted(Comparator.comparing(Purchase::occurredAt).thenComparing(Purchase::eventId)).toList();
    }

    static Map<Currency, SpendTotal> spend(List<CustomerEvent> events) {
        Map<Currency, List<Purchase>> byCurrency = purchasesInOrder(events).stream()
                .collect(Collectors.groupingBy(p -> p.amount().currency()));
        Map<Currency, SpendTotal> totals = new HashMap<>();
        byCurrency.forEach((currency, list) -> totals.put(currency, new SpendTotal(list.size(), Money.of(
                list.stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add), currency))));
        return totals;
    }

    static Optional<LatestAnswer> latest(List<CustomerEvent> events, FeedbackScale scale) {
        List<FeedbackResponse> answers = events.stream().filter(FeedbackResponse.class::isInstance)
                .map(FeedbackResponse.class::cast).filter(r -> r.scale().equals(scale))
                .sorted(Comparator.comparing(FeedbackResponse::occurredAt).thenComparing(FeedbackResponse::eventId))
                .toList();
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        FeedbackResponse last = answers.get(answers.size() - 1);
        return Optional.of(new LatestAnswer(last.eventId(), last.surveyId(), last.score(), last.occurredAt()));
    }

    static OptionalDouble meanSentiment(List<CustomerEvent> events, SentimentAnalyzer analyzer) {
        return events.stream().filter(FeedbackResponse.class::isInstance).map(FeedbackResponse.class::cast)
                .filter(r -> r.comment().isPresent())
                .mapToDouble(r -> analyzer.score(r.comment().get()).compound()).average();
    }

    static Map<String, ConsentRecord> consents(Optional<Customer> record) {
        Map<String, ConsentRecord> latest = new HashMap<>();
        record.ifPresent(customer -> customer.consents().forEach(consent -> {
            ConsentRecord kept = latest.get(consent.purpose());
            // the first recorded of the latest decisions, as Customer.consentFor decides it
            if (kept == null || consent.at().isAfter(kept.at())) {
                latest.put(consent.purpose(), consent);
            }
        }));
        return latest;
    }

    /** The current stage: the stage of the latest placed event (instants distinct), since its run began. */
    static Optional<StageVisit> journeyStage(JourneyMap map, List<CustomerEvent> events) {
        List<CustomerEvent> placed = events.stream().filter(e -> map.stageOf(e).isPresent())
                .sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
        if (placed.isEmpty()) {
            return Optional.empty();
        }
        int i = placed.size() - 1;
        String stage = map.stageOf(placed.get(i)).orElseThrow();
        while (i > 0 && map.stageOf(placed.get(i - 1)).orElseThrow().equals(stage)) {
            i--;
        }
        return Optional.of(new StageVisit(stage, placed.get(i).occurredAt()));
    }
}
