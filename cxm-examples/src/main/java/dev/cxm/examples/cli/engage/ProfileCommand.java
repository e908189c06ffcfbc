package dev.cxm.examples.cli.engage;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Money;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.profile.ChannelUse;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.LatestAnswer;
import dev.cxm.engage.profile.NpsCategory;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.metrics.text.VaderSentiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxm profile}: one customer's Customer 360 profile, rebuilt from a file of events (a duplicate event id
 * counts once), comments scored with VADER.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Show one customer's profile: first and last seen, events, channels, purchases and spend,"
                + " latest NPS, CSAT and CES, mean comment sentiment.")
public final class ProfileCommand extends ReportCommand {

    @Mixin
    EventInputOptions input;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer's id.")
    String customer;

    /**
     * The JSON result of {@code cxm profile --json}: {@code customerId}, {@code firstSeen}, {@code lastSeen},
     * {@code eventCount}, {@code purchaseCount}, {@code totalSpend} (currency code to amount), {@code latestNps}
     * (the score or {@code null}), {@code npsCategory} ({@code promoter}, {@code passive}, {@code detractor} or
     * {@code null}), {@code channels} (lower-case channel name to event count), {@code linkedCustomerIds}, and
     * {@code preferredChannel}, {@code latestCsat}, {@code latestCes}, {@code meanSentiment}.
     */
    @Override
    protected Report<ObjectNode> report() throws Exception {
        CustomerId id;
        try {
            id = CustomerId.of(customer);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--customer: " + e.getMessage());
        }
        InMemoryEventStore store = InMemoryEventStore.create();
        input.importInto(store, Optional.empty(), Optional.empty());
        List<CustomerEvent> events = store.eventsOf(id);
        if (events.isEmpty()) {
            throw new CommandFailure("--customer: " + id + " has no events in " + input.input());
        }
        CustomerProfile profile = ProfileBuilder.custom().sentiment(VaderSentiment.ofDefaults()).build()
                .rebuild(id, Optional.empty(), events);
        ObjectNode json = JsonOutput.objectNode();
        json.put("customerId", id.value());
        json.put("firstSeen", profile.firstSeen().map(Instant::toString).orElse(null));
        json.put("lastSeen", profile.lastSeen().map(Instant::toString).orElse(null));
        json.put("eventCount", profile.eventCount());
        json.put("purchaseCount", profile.purchaseCount());
        ObjectNode spend = json.putObject("totalSpend");
        profile.totalSpend().entrySet().stream().sorted(Map.Entry.comparingByKey(
                java.util.Comparator.comparing(Currency::getCurrencyCode)))
                .forEach(entry -> spend.put(entry.getKey().getCurrencyCode(), entry.getValue().amount()));
        score(json, "latestNps", profile.latestNps());
        json.put("npsCategory", profile.npsCategory().map(NpsCategory::label).orElse(null));
        ObjectNode channels = json.putObject("channels");
        profile.channels().forEach((channel, use) -> channels.put(name(channel), use.count()));
        json.putArray("linkedCustomerIds");
        profile.linkedCustomerIds().forEach(linked -> json.withArray("linkedCustomerIds").add(linked.value()));
        json.put("preferredChannel", profile.preferredChannel().map(ProfileCommand::name).orElse(null));
        score(json, "latestCsat", profile.latestCsat());
        score(json, "latestCes", profile.latestCes());
        if (profile.meanSentiment().isPresent()) {
            json.put("meanSentiment", profile.meanSentiment().getAsDouble());
        } else {
            json.putNull("meanSentiment");
        }
        return Report.of(json, (ignored, out) -> printText(out, profile));
    }

    private static void score(ObjectNode json, String key, Optional<LatestAnswer> answer) {
        if (answer.isPresent()) {
            json.put(key, answer.get().score());
        } else {
            json.putNull(key);
        }
    }

    private static String name(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    private static void printText(TextOut out, CustomerProfile profile) {
        out.printf("Profile of %s%n", profile.customerId());
        out.printf("  %-18s %s%n", "first seen", profile.firstSeen().map(Instant::toString).orElse("-"));
        out.printf("  %-18s %s%n", "last seen", profile.lastSeen().map(Instant::toString).orElse("-"));
        out.printf("  %-18s %d%n", "events", profile.eventCount());
        out.printf("  %-18s %d%n", "purchases", profile.purchaseCount());
        profile.totalSpend().values().stream().map(Money::toString).sorted()
                .forEach(total -> out.printf("  %-18s %s%n", "spent", total));
        out.printf("  %-18s %s%n", "latest NPS", profile.latestNps().map(a -> a.score() + " ("
                + NpsCategory.of(a.score()).label() + ")").orElse("-"));
        out.printf("  %-18s %s%n", "latest CSAT", profile.latestCsat().map(a -> Integer.toString(a.score())).orElse("-"));
        out.printf("  %-18s %s%n", "latest CES", profile.latestCes().map(a -> Integer.toString(a.score())).orElse("-"));
        out.printf("  %-18s %s%n", "mean sentiment", profile.meanSentiment().isPresent()
                ? String.format(Locale.ROOT, "%.3f", profile.meanSentiment().getAsDouble()) : "-");
        out.printf("  %-18s %s%n", "preferred channel", profile.preferredChannel().map(ProfileCommand::name).orElse("-"));
        for (Map.Entry<Channel, ChannelUse> entry : profile.channels().entrySet()) {
            out.printf("  %-18s %d events, last %s%n", "channel " + name(entry.getKey()), entry.getValue().count(),
                    entry.getValue().lastUsed());
        }
    }
}
