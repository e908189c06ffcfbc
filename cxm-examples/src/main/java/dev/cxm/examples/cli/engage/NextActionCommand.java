package dev.cxm.examples.cli.engage;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.model.Channel;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.action.Action;
import dev.cxm.engage.action.ActionCatalogue;
import dev.cxm.engage.action.ActionJson;
import dev.cxm.engage.action.ChosenAction;
import dev.cxm.engage.action.Decision;
import dev.cxm.engage.action.Rejection;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.CsvCells;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.RawCsvOption;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.metrics.text.VaderSentiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxm next-action}: the next-best action of every customer at an instant, with its reason and why every
 * other action was not chosen, from a self-contained catalogue (segments, contact policy, actions) over the
 * profiles rebuilt from a file of events (as {@code cxm segment} rebuilds them) and, optionally, a file of
 * customer records for consent and time zones. No contact has been made yet as far as the command knows.
 */
@Command(name = "next-action", mixinStandardHelpOptions = true,
        description = "Decide every customer's next-best action at an instant from a JSON catalogue of segments,"
                + " contact policy and actions, over the profiles rebuilt from a file of events.")
public final class NextActionCommand extends ReportCommand {

    @Mixin
    EventInputOptions input;

    @Option(names = "--actions", required = true, paramLabel = "FILE.json",
            description = "The catalogue: {\"segments\": [...], \"policy\": {...}, \"actions\": [...]}.")
    Path actionsFile;

    @Option(names = "--at", required = true, paramLabel = "INSTANT",
            description = "The instant of the decisions (ISO-8601, such as 2026-03-23T10:00:00Z).")
    Instant at;

    @Option(names = "--customers", paramLabel = "FILE.ndjson", description = "Customer records, one JSON object"
            + " per line (id, firstSeen, profile, consents, segments, identities): consent and time zones."
            + " Without it no customer has consented to anything.")
    Path customersFile;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the decisions as CSV: customer_id,action,channel,value,reason.")
    Path output;

    @Mixin
    RawCsvOption rawCsv;

    /**
     * The JSON result of {@code cxm next-action --json}: {@code input}, {@code actionsFile},
     * {@code customersFile}, {@code at}, {@code customers}, {@code chosen} (action name to the customers it was
     * chosen for, in catalogue order), {@code decisions} (by customer id: {@code customerId}, {@code action} or
     * {@code null}, {@code channel}, {@code value}, {@code reason}, {@code rejected}: each other action with
     * {@code action}, {@code reason}, {@code detail} and {@code value}) and {@code output}.
     */
    @Override
    protected Report<ObjectNode> report() throws Exception {
        Path[] inputs = customersFile == null ? new Path[] {input.input(), actionsFile}
                : new Path[] {input.input(), actionsFile, customersFile};
        Optional<OutputFile> file = Optional.ofNullable(output).map(path -> OutputFile.checked(path, inputs));
        CsvCells csv = rawCsv.cells(spec, file.isPresent());
        ActionCatalogue catalogue = readCatalogue(actionsFile);
        InMemoryCustomerStore customers = InMemoryCustomerStore.create();
        if (customersFile != null) {
            CustomerFile.read("--customers", customersFile).forEach(customers::put);
        }
        InMemoryEventStore store = InMemoryEventStore.create();
        input.importInto(store, Optional.empty(), Optional.empty());
        List<CustomerProfile> profiles = new ArrayList<>(CustomerProfiles.load(ProfileBuilder.custom()
                .sentiment(VaderSentiment.ofDefaults()).build(), customers, store).all());
        profiles.sort(Comparator.comparing(CustomerProfile::customerId));
        List<Decision> decisions = new ArrayList<>(profiles.size());
        for (CustomerProfile profile : profiles) {
            decisions.add(catalogue.decide(profile, at, List.of()));
        }
        if (file.isPresent()) {
            file.get().write(writer -> {
                writer.write("customer_id,action,channel,value,reason\n");
                for (Decision decision : decisions) {
                    Optional<ChosenAction> chosen = decision.chosen();
                    writer.write(csv.text(decision.customer().value()) + ","
                            + chosen.map(choice -> csv.text(choice.action())).orElse("") + ","
                            + chosen.map(choice -> name(choice.channel())).orElse("") + ","
                            + chosen.map(choice -> CsvCells.number(choice.value())).orElse("") + ","
                            + csv.text(decision.reason()) + "\n");
                }
            });
        }
        Map<String, Long> chosen = chosenCounts(catalogue, decisions);
        ObjectNode json = JsonOutput.objectNode();
        json.put("input", input.input().toString());
        json.put("actionsFile", actionsFile.toString());
        json.put("customersFile", customersFile == null ? null : customersFile.toString());
        json.put("at", at.toString());
        json.put("customers", decisions.size());
        ObjectNode counts = json.putObject("chosen");
        chosen.forEach(counts::put);
        ArrayNode list = json.putArray("decisions");
        for (Decision decision : decisions) {
            ObjectNode node = list.addObject();
            node.put("customerId", decision.customer().value());
            Optional<ChosenAction> choice = decision.chosen();
            node.put("action", choice.map(ChosenAction::action).orElse(null));
            node.put("channel", choice.map(c -> name(c.channel())).orElse(null));
            if (choice.isPresent()) {
                node.put("value", choice.get().value());
            } else {
                node.putNull("value");
            }
            node.put("reason", decision.reason());
            ArrayNode rejected = node.putArray("rejected");
            for (Rejection rejection : decision.rejected()) {
                ObjectNode other = rejected.addObject().put("action", rejection.action())
                        .put("reason", rejection.reason().name()).put("detail", rejection.detail());
                if (rejection.value().isPresent()) {
                    other.put("value", rejection.value().getAsDouble());
                } else {
                    other.putNull("value");
                }
            }
        }
        json.put("output", output == null ? null : output.toString());
        return Report.of(json, (ignored, out) -> printText(out, decisions, chosen));
    }

    private static ActionCatalogue readCatalogue(Path file) throws IOException {
        CommandFailure.requireReadableFile(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ActionJson.readCatalogue(reader);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--actions: " + file + ": " + e.getMessage());
        }
    }

    /** Returns how many customers each action was chosen for, in catalogue order. */
    private static Map<String, Long> chosenCounts(ActionCatalogue catalogue, List<Decision> decisions) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Action action : catalogue.decider().actions()) {
            counts.put(action.name(), 0L);
        }
        decisions.forEach(decision -> decision.chosen().ifPresent(choice -> counts.merge(choice.action(), 1L,
                Long::sum)));
        return counts;
    }

    private static String name(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    private void printText(TextOut out, List<Decision> decisions, Map<String, Long> chosen) {
        out.printf("Next-best actions of %s at %s for %,d customers%n", actionsFile, at, decisions.size());
        for (Decision decision : decisions) {
            Optional<ChosenAction> choice = decision.chosen();
            out.printf("  %-14s %-22s %-10s %8s  %s%n", decision.customer(),
                    choice.map(ChosenAction::action).orElse("-"), choice.map(c -> name(c.channel())).orElse("-"),
                    choice.map(c -> String.format(Locale.ROOT, "%.2f", c.value())).orElse("-"), decision.reason());
        }
        out.printf("Chosen:%n");
        chosen.forEach((action, count) -> out.printf("  %-22s %,10d%n", action, count));
        long none = decisions.stream().filter(decision -> decision.chosen().isEmpty()).count();
        out.printf("  %-22s %,10d%n", "(none)", none);
        if (output != null) {
            out.printf("Wrote the decisions to %s%n", output);
        }
    }
}
