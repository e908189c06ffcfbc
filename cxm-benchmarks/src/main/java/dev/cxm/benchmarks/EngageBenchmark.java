package dev.cxm.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.engage.action.Action;
import dev.cxm.engage.action.ActionKind;
import dev.cxm.engage.action.ActionValue;
import dev.cxm.engage.action.Contact;
import dev.cxm.engage.action.Decision;
import dev.cxm.engage.action.DecisionContext;
import dev.cxm.engage.action.NextBestAction;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Comparison;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentReport;
import dev.cxm.engage.segment.TimeField;

/**
 * cxm-engage on one thread, against the targets of issue 14: profile updates (at least 2 million events per
 * second), 20 segments evaluated over 1 million profiles (at most 0.5 s) and a decision over 20 actions for 1
 * million customers (at most 1 s). One operation of {@code segments} and {@code decide} is the whole million.
 *
 * <p>To stay within a shared machine's memory the million profiles are 100,000 distinct profiles (built from
 * 1,000,000 generated events: interactions on six channels, purchases in one currency, NPS answers) each
 * evaluated ten times; the events of {@code updateEachEvent} and {@code recordEachEvent} are those 1,000,000.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar EngageBenchmark -prof
 * dev.cxm.benchmarks.CpuTimeProfiler}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class EngageBenchmark {

    static final int EVENTS = 1_000_000;
    static final int CUSTOMERS = 100_000;
    static final int EVALUATIONS = 1_000_000;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * Noon UTC, outside the default quiet hours (21:00 to 08:00), so that decisions choose actions and the
     * benchmark measures the choice, not only the quiet-hours refusal (midnight, until 2026-12-06, refused all).
     */
    static final Instant NOW = START.plus(Duration.ofDays(400)).plus(Duration.ofHours(12));

    private CustomerEvent[] events;
    private List<CustomerEvent> eventList;
    private CustomerProfiles known;
    private int[] customerOf;
    private Customer[] records;
    private ProfileBuilder builder;
    private List<CustomerProfile> profiles;
    private List<Segment> segments;
    private NextBestAction nba;
    private DecisionContext[] contexts;

    /** Generates the events, the profiles, 20 segments and 20 actions. */
    @Setup(Level.Trial)
    public void generate() {
        Random random = new Random(14);
        List<Touchpoint> touchpoints = new ArrayList<>();
        Channel[] channels = {Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL, Channel.PHONE, Channel.STORE, Channel.CHAT};
        for (int i = 0; i < 24; i++) {
            touchpoints.add(Touchpoint.of("t" + i, "Touchpoint " + i, channels[i % channels.length]));
        }
        records = new Customer[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            Customer.Builder record = Customer.builder(CustomerId.of("c" + c), START)
                    .profile("tier", random.nextInt(5) == 0 ? "gold" : "silver");
            for (String purpose : List.of("marketing-email", "service-call", "research")) {
                record.consent(purpose, random.nextInt(4) == 0 ? ConsentStatus.DENIED : ConsentStatus.GRANTED, START);
            }
            records[c] = record.build();
        }
        events = new CustomerEvent[EVENTS];
        customerOf = new int[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            int c = random.nextInt(CUSTOMERS);
            CustomerId id = records[c].id();
            Instant at = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
            int kind = random.nextInt(20);
            EventId eventId = EventId.of("e" + i);
            customerOf[i] = c;
            if (kind < 12) {
                events[i] = Interaction.builder(id, at, touchpoints.get(random.nextInt(touchpoints.size())))
                        .eventId(eventId).build();
            } else if (kind < 17) {
                events[i] = Purchase.builder(id, at, Money.of(random.nextInt(300) + "." + random.nextInt(100), "EUR"))
                        .eventId(eventId).build();
            } else {
                events[i] = FeedbackResponse.builder(id, at, "relationship", FeedbackScale.NPS, random.nextInt(11))
                        .eventId(eventId).build();
            }
        }
        builder = ProfileBuilder.ofDefaults();
        CustomerProfile[] built = new CustomerProfile[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            built[c] = builder.of(records[c]);
        }
        for (int i = 0; i < EVENTS; i++) {
            built[customerOf[i]] = builder.update(built[customerOf[i]], events[i]);
        }
        profiles = List.of(built);
        eventList = Arrays.asList(events);
        known = CustomerProfiles.create(builder);
        for (Customer record : records) {
            known.put(record);
        }
        known.recordAll(eventList);
        segments = segmentDefinitions();
        nba = NextBestAction.ofDefaults(actions());
        contexts = new DecisionContext[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            Set<String> in = new HashSet<>();
            for (Segment segment : segments) {
                if (segment.contains(built[c], NOW)) {
                    in.add(segment.name());
                }
            }
            List<Contact> contacts = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                contacts.add(new Contact(records[c].id(), "a" + random.nextInt(20), Channel.EMAIL,
                        NOW.minus(Duration.ofHours(1 + random.nextInt(24 * 20)))));
            }
            contexts[c] = new DecisionContext(NOW, in, contacts);
        }
    }

    private static List<Segment> segmentDefinitions() {
        List<Segment> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(Segment.of("buyers-" + i, Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, i)));
            list.add(Segment.of("quiet-" + i, Condition.since(TimeField.LAST_SEEN, Comparison.GREATER,
                    Duration.ofDays(30L * (i + 1)))));
            list.add(Segment.of("detractor-gold-" + i, Condition.allOf(
                    Condition.category(CategoryField.NPS_CATEGORY, "detractor"), Condition.attribute("tier", "gold"),
                    Condition.number(NumberField.EVENT_COUNT, Comparison.GREATER, i))));
            list.add(Segment.of("reachable-" + i, Condition.anyOf(Condition.channelUsed(Channel.values()[i]),
                    Condition.not(Condition.consent("marketing-email")))));
        }
        return list;
    }

    private static List<Action> actions() {
        List<Action> list = new ArrayList<>();
        String[] purposes = {"marketing-email", "service-call", "research"};
        for (int i = 0; i < 20; i++) {
            list.add(new Action("a" + i, ActionKind.values()[i % 4], Set.of(segmentDefinitions().get(i).name()),
                    List.of(Channel.EMAIL, Channel.PHONE), purposes[i % 3], ActionValue.fixed(i * 7 % 13),
                    Duration.ofDays(i % 10)));
        }
        return list;
    }

    /** Folds each of the 1,000,000 events into its customer's profile with {@code ProfileBuilder.update}. */
    @Benchmark
    public CustomerProfile[] updateEachEvent() {
        CustomerProfile[] current = new CustomerProfile[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            current[c] = builder.empty(records[c].id());
        }
        for (int i = 0; i < EVENTS; i++) {
            current[customerOf[i]] = builder.update(current[customerOf[i]], events[i]);
        }
        return current;
    }

    /** Records each of the 1,000,000 events in live {@code CustomerProfiles} (map lookup and lock included). */
    @Benchmark
    public int recordEachEvent() {
        CustomerProfiles live = CustomerProfiles.create(builder);
        for (CustomerEvent event : events) {
            live.record(event);
        }
        return live.size();
    }

    /**
     * Counts the 1,000,000 events in live {@code CustomerProfiles} with {@code recordAll}, without listeners:
     * profiles updated in place, 64 events' profiles read ahead at a time.
     */
    @Benchmark
    public int recordAllEvents() {
        CustomerProfiles live = CustomerProfiles.create(builder);
        live.recordAll(eventList);
        return live.size();
    }

    /**
     * Counts the 1,000,000 events again in live {@code CustomerProfiles} that know every customer already (the
     * steady state of a host: profiles kept in place, none made), with {@code recordAll} and no listeners.
     */
    @Benchmark
    public long recordAllKnownCustomers() {
        return known.recordAll(eventList);
    }

    /** Evaluates 20 segments over 1,000,000 profiles, with sizes and overlaps. */
    @Benchmark
    public SegmentReport evaluateSegments() {
        List<CustomerProfile> million = new ArrayList<>(EVALUATIONS);
        for (int round = 0; round < EVALUATIONS / CUSTOMERS; round++) {
            million.addAll(profiles);
        }
        return SegmentReport.of(segments, million, NOW);
    }

    /** Decides over 20 actions for 1,000,000 customers. */
    @Benchmark
    public long decide() {
        long chosen = 0;
        for (int round = 0; round < EVALUATIONS / CUSTOMERS; round++) {
            for (int c = 0; c < CUSTOMERS; c++) {
                Decision decision = nba.decide(profiles.get(c), contexts[c]);
                if (decision.chosen().isPresent()) {
                    chosen++;
                }
            }
        }
        return chosen;
    }
}
