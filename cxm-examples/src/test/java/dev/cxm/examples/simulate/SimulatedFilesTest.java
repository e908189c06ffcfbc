package dev.cxm.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.NdjsonEventImporter;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.IdentityType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.action.ActionJson;
import dev.cxm.engage.action.NextBestAction;
import dev.cxm.engage.profile.IdentityGraph;
import dev.cxm.engage.profile.IdentityResolution;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentJson;
import dev.cxm.examples.simulate.internal.Designs;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.metrics.drivers.DriverCsv;
import dev.cxm.metrics.drivers.DriverData;
import dev.cxm.metrics.survival.SurvivalCsv;
import dev.cxm.metrics.survival.SurvivalData;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * Every file of a simulated world (2,000 customers) is read by cxm's own reader with nothing rejected, holds what
 * its layout promises, and agrees with the other files. The oracles: the library's readers and writers
 * ({@code CxmJson}, the importers, {@code Identity}), and counts made in the test from the files themselves.
 */
class SimulatedFilesTest {

    private static SimulatedWorld world;
    private static List<CustomerEvent> events;
    private static List<String> ndjsonLines;
    private static List<Customer> customers;

    @BeforeAll
    static void readTheWorld() throws IOException {
        world = Worlds.small();
        events = new ArrayList<>();
        ImportReport report = NdjsonEventImporter.ofDefaults(ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(events::add, world.eventsNdjson());
        assertThat(report.rejectedCount()).isZero();
        assertThat(report.readToEnd()).isTrue();
        ndjsonLines = Files.readAllLines(world.eventsNdjson(), StandardCharsets.UTF_8);
        customers = new ArrayList<>();
        for (String line : Files.readAllLines(world.customers(), StandardCharsets.UTF_8)) {
            customers.add(CxmJson.mapper().readValue(line, Customer.class));
        }
    }

    @Test
    void bothEventFilesImportIntoAStoreWithDefaultOptionsAndNothingRejected() throws IOException {
        InMemoryEventStore fromCsv = InMemoryEventStore.create();
        ImportReport csv = CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(fromCsv, world.eventsCsv());
        assertThat(csv.rejectedCount()).isZero();
        assertThat(csv.appended()).isEqualTo(world.eventCount()).isEqualTo(events.size());
        InMemoryEventStore fromNdjson = InMemoryEventStore.create();
        ImportReport ndjson = NdjsonEventImporter.ofDefaults(ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(fromNdjson, world.eventsNdjson());
        assertThat(ndjson.rejectedCount()).isZero();
        assertThat(ndjson.appended()).isEqualTo(world.eventCount());
        assertThat(fromCsv.count()).isEqualTo(fromNdjson.count()).isEqualTo(world.eventCount());
    }

    @Test
    void eachNdjsonLineIsExactlyWhatCxmJsonWritesForItsEvent() throws IOException {
        assertThat(ndjsonLines).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(CxmJson.mapper().writeValueAsString(events.get(i))).isEqualTo(ndjsonLines.get(i));
        }
    }

    @Test
    void theCsvHoldsTheSameEventsWhenItsExtraColumnsAreReadAsAttributes() throws IOException {
        List<CustomerEvent> fromCsv = new ArrayList<>();
        CsvColumnMapping mapping = CsvColumnMapping.custom()
                .attributeColumns(List.of("wait_seconds", "plan", "campaign")).build();
        CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(fromCsv::add, world.eventsCsv());
        assertThat(fromCsv).isEqualTo(events);
    }

    /**
     * Each line holds what {@code CxmJson} writes for the customer it reads as: the same JSON tree, the arrays of
     * the two sets (segments, identities) compared as sets, since a set read back has no order.
     */
    @Test
    void eachCustomerLineIsWhatCxmJsonWritesAndHashesAreThoseOfIdentity() throws IOException {
        List<String> lines = Files.readAllLines(world.customers(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize((int) world.customerRecords());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode written = CxmJson.mapper().readTree(lines.get(i));
            JsonNode expected = CxmJson.mapper().readTree(CxmJson.mapper().writeValueAsString(customers.get(i)));
            for (String set : List.of("segments", "identities")) {
                assertThat(written.get(set)).containsExactlyInAnyOrderElementsOf(expected.get(set));
                ((com.fasterxml.jackson.databind.node.ObjectNode) written).remove(set);
                ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove(set);
            }
            assertThat(written).isEqualTo(expected);
        }
        Customer first = customers.get(0);
        assertThat(first.id()).isEqualTo(CustomerId.of("c-0000001"));
        assertThat(first.identities()).contains(Identity.ofEmail("customer0000001@example.com"));
        Customer withPhone = customers.stream().filter(c -> c.identities().stream()
                .anyMatch(identity -> identity.type() == IdentityType.PHONE_HASH)).findFirst().orElseThrow();
        String number = withPhone.id().value().substring(2);
        int index = Integer.parseInt(number) - 1;
        assertThat(withPhone.identities()).contains(Identity.ofPhone("+49 15 " + number + " " + index % 10));
    }

    /** Oracle: the second ids in the file, each {@code s-N} beside its customer {@code c-N}. */
    @Test
    void identityResolutionLinksEachSecondIdToItsCustomerThroughTheSharedEmail() {
        Set<Set<CustomerId>> expected = customers.stream().map(Customer::id).filter(id -> id.value().startsWith("s-"))
                .map(id -> Set.of(id, CustomerId.of("c-" + id.value().substring(2)))).collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();
        IdentityGraph graph = IdentityResolution.ofDefaults().resolve(customers);
        assertThat(new HashSet<>(graph.linkedGroups())).isEqualTo(expected);
    }

    @Test
    void eventsComeGroupedByCustomerInTimeOrderWithinTheObservedYears() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(world.truth().toFile());
        Instant start = Instant.parse(truth.at("/observation/start").asText());
        Instant end = Instant.parse(truth.at("/observation/end").asText());
        Set<CustomerId> finished = new HashSet<>();
        CustomerEvent previous = null;
        for (CustomerEvent event : events) {
            assertThat(event.occurredAt()).isAfterOrEqualTo(start).isBefore(end);
            if (previous != null && previous.customerId().equals(event.customerId())) {
                assertThat(event.occurredAt()).isAfterOrEqualTo(previous.occurredAt());
            } else {
                assertThat(finished.add(event.customerId())).as("%s comes in one run", event.customerId()).isTrue();
            }
            previous = event;
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        events.forEach(event -> event.atTouchpoint().ifPresent(touchpoint -> channels.add(touchpoint.channel())));
        assertThat(channels).isEqualTo(EnumSet.complementOf(EnumSet.of(Channel.OTHER)));
    }

    /** Oracle: the NPS responses and the members counted in the event and customer files. */
    @Test
    void theDriverSubjectMapSegmentAndTruthFilesAreReadByTheirReaders() throws IOException {
        long npsResponses = events.stream().filter(e -> e instanceof FeedbackResponse response
                && response.scale().equals(FeedbackScale.NPS)).count();
        DriverData drivers = DriverCsv.ofDefaults("recommend",
                List.of("wait_time", "resolution", "product", "price", "delivery")).read(world.drivers());
        assertThat((long) drivers.rows()).isEqualTo(npsResponses).isPositive();

        long members = customers.stream().filter(c -> !c.profile().getOrDefault("plan", "none").equals("none")
                && c.id().value().startsWith("c-")).count();
        SurvivalData subjects = SurvivalCsv.custom(ChronoUnit.DAYS).durationColumn("tenure_days")
                .eventColumn("churned").groupColumn("plan").groups("basic", "plus", "premium")
                .covariates("discount", "contacts_per_month", "unresolved_share").build().read(world.subjects());
        assertThat((long) subjects.size()).isEqualTo(members).isPositive();

        try (Reader map = Files.newBufferedReader(world.journeyMap())) {
            assertThat(JourneyMap.fromJson(map)).isEqualTo(Designs.journeyMap());
        }
        List<Segment> segments = SegmentJson.read(Files.readString(world.segments()));
        assertThat(segments).isEqualTo(Designs.segments());
        // The catalogue reads with the segments' names; every action names one of them.
        NextBestAction actions = ActionJson.read(Files.readString(world.actions()),
                segments.stream().map(Segment::name).toList());
        assertThat(actions.actions()).hasSize(5);

        JsonNode truth = new ObjectMapper().readTree(world.truth().toFile());
        assertThat(truth.at("/written/events").asLong()).isEqualTo(world.eventCount());
        assertThat(truth.at("/written/customerRecords").asLong()).isEqualTo(world.customerRecords());
        assertThat(truth.at("/customers").asInt()).isEqualTo(2_000);
    }

    /**
     * What happened shows in the answers: after an unresolved contact the support CSAT is lower than after a
     * resolved one, and detractors' comments score negative with VADER while promoters' score positive. Oracle:
     * the means computed here from the events.
     */
    @Test
    void scoresAndCommentsFollowWhatHappenedToTheCustomer() {
        double[] csat = new double[4];
        Interaction lastContact = null;
        List<Double> detractors = new ArrayList<>();
        List<Double> promoters = new ArrayList<>();
        VaderSentiment vader = VaderSentiment.ofDefaults();
        for (CustomerEvent event : events) {
            if (event instanceof Interaction interaction && interaction.attributes().containsKey("wait_seconds")
                    && !interaction.outcome().equals("cancelled")) {
                lastContact = interaction;
            } else if (event instanceof FeedbackResponse response && response.surveyId().equals("support-csat")
                    && lastContact != null && lastContact.customerId().equals(response.customerId())) {
                int k = lastContact.outcome().equals("resolved") ? 0 : 2;
                csat[k] += response.score();
                csat[k + 1]++;
            }
            if (event instanceof FeedbackResponse response && response.scale().equals(FeedbackScale.NPS)
                    && response.comment().isPresent()) {
                double compound = vader.score(response.comment().get()).compound();
                if (response.score() <= 6) {
                    detractors.add(compound);
                } else if (response.score() >= 9) {
                    promoters.add(compound);
                }
            }
        }
        assertThat(csat[1]).isGreaterThan(30);
        assertThat(csat[3]).isGreaterThan(30);
        assertThat(csat[2] / csat[3]).isLessThan(csat[0] / csat[1] - 1);
        assertThat(detractors.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isLessThan(-0.2);
        assertThat(promoters.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isGreaterThan(0.5);
    }
}
