package dev.cxm.engage.profile;

import static dev.cxm.engage.EngageLogs.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.IdentityType;
import dev.cxm.engage.EngageLogs;

/**
 * Identity resolution on hand-built cases (a chain A-B-C, a shared identity joining two groups, an identity on
 * one customer only, device ids that do not link), and on random records against a brute-force computation of
 * connected components (breadth-first search over "shares a linking identity"). The merged profile of a group is
 * checked against the brute-force fields of all its members' events together.
 */
class IdentityResolutionTest {

    private static final Identity MAIL = Identity.ofEmail("a@example.com");
    private static final Identity PHONE = Identity.ofPhone("+44 20 7946 0018");
    private static final Identity CRM = new Identity(IdentityType.EXTERNAL_ID, "crm-7");
    private static final Identity TABLET = Identity.ofDevice("tablet-1");

    private static Customer customer(String id, Identity... identities) {
        Customer.Builder builder = Customer.builder(CustomerId.of(id), minute(0));
        for (Identity identity : identities) {
            builder.identity(identity);
        }
        return builder.build();
    }

    private static Set<CustomerId> ids(String... values) {
        Set<CustomerId> ids = new TreeSet<>();
        for (String value : values) {
            ids.add(CustomerId.of(value));
        }
        return ids;
    }

    @Test
    void aChainLinksItsEndsAndExplainsEachLink() {
        // a and b share an e-mail hash, b and c a phone hash: one group a-b-c, canonical a
        IdentityGraph graph = IdentityResolution.ofDefaults().resolve(List.of(customer("c", PHONE),
                customer("a", MAIL), customer("b", MAIL, PHONE)));
        assertThat(graph.groupOf(CustomerId.of("c"))).containsExactlyElementsOf(ids("a", "b", "c"));
        assertThat(graph.canonicalOf(CustomerId.of("c"))).isEqualTo(CustomerId.of("a"));
        assertThat(graph.linksOf(CustomerId.of("b"))).containsExactly(new IdentityLink(MAIL, ids("a", "b")),
                new IdentityLink(PHONE, ids("b", "c")));
    }

    @Test
    void aSharedIdentityJoinsTwoGroupsAndALoneIdentityLinksNobody() {
        // {a, b} by e-mail and {c, d} by phone, joined by the CRM id that b and d share; e's CRM id is its own
        IdentityGraph graph = IdentityResolution.ofDefaults().resolve(List.of(customer("a", MAIL),
                customer("b", MAIL, CRM), customer("c", PHONE), customer("d", PHONE, CRM),
                customer("e", new Identity(IdentityType.EXTERNAL_ID, "crm-8"))));
        assertThat(graph.linkedGroups()).containsExactly(ids("a", "b", "c", "d"));
        assertThat(graph.groupOf(CustomerId.of("e"))).containsExactly(CustomerId.of("e"));
        assertThat(graph.linksOf(CustomerId.of("e"))).isEmpty();
        assertThat(graph.groupOf(CustomerId.of("unknown"))).containsExactly(CustomerId.of("unknown"));
    }

    @Test
    void deviceIdsLinkOnlyWhenConfiguredTo() {
        List<Customer> family = List.of(customer("a", TABLET), customer("b", TABLET));
        assertThat(IdentityResolution.ofDefaults().resolve(family).linkedGroups()).isEmpty();
        IdentityResolution devices = IdentityResolution.custom().linkingTypes(List.of(IdentityType.DEVICE_ID)).build();
        assertThat(devices.resolve(family).linkedGroups()).containsExactly(ids("a", "b"));
        assertThat(IdentityResolution.from(devices).build()).isEqualTo(devices);
        assertThatThrownBy(() -> IdentityResolution.custom().linkingTypes(List.of()))
                .hasMessage("linkingTypes: is empty; at least one identity type must link customers");
    }

    @Test
    void groupsEqualTheConnectedComponentsOfABruteForceSearch() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(30);
            List<Identity> pool = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                pool.add(List.of(Identity.ofEmail("m" + i + "@x.org"), Identity.ofPhone("+1 555 0" + i),
                        new Identity(IdentityType.EXTERNAL_ID, "crm" + i), Identity.ofDevice("dev" + i))
                        .get(random.nextInt(4)));
            }
            List<Customer> customers = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                Customer.Builder builder = Customer.builder(CustomerId.of("c" + c), minute(0));
                for (int k = random.nextInt(3); k > 0; k--) {
                    builder.identity(pool.get(random.nextInt(pool.size())));
                }
                customers.add(builder.build());
            }
            IdentityGraph graph = IdentityResolution.ofDefaults().resolve(customers);
            for (Customer customer : customers) {
                assertThat(graph.groupOf(customer.id())).isEqualTo(component(customers, customer));
            }
        });
    }

    /** Breadth-first search from {@code start} over pairs of customers sharing a non-device identity. */
    private static Set<CustomerId> component(List<Customer> customers, Customer start) {
        Set<CustomerId> seen = new HashSet<>(Set.of(start.id()));
        Deque<Customer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Customer current = queue.poll();
            for (Customer other : customers) {
                boolean shares = current.identities().stream().anyMatch(identity ->
                        identity.type() != IdentityType.DEVICE_ID && other.identities().contains(identity));
                if (shares && seen.add(other.id())) {
                    queue.add(other);
                }
            }
        }
        return new TreeSet<>(seen);
    }

    @Test
    void theProfileOfAGroupHoldsEveryMembersEvents() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerEvent> events = EngageLogs.random(random, 4, 15, true);
            // c0, c1 and c2 share one e-mail hash (those of them who have events); c3 stands alone
            ProfileBuilder builder = ProfileBuilder.ofDefaults();
            CustomerProfiles profiles = CustomerProfiles.create(builder);
            List<Customer> records = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Customer record = Customer.builder(CustomerId.of("c" + c), minute(500))
                        .identity(c < 3 ? MAIL : PHONE).build();
                records.add(record);
                profiles.put(record);
            }
            events.forEach(profiles::record);
            IdentityGraph graph = IdentityResolution.ofDefaults().resolve(records);
            CustomerProfile group = graph.profileOf(CustomerId.of("c2"), profiles).orElseThrow();
            List<CustomerEvent> members = events.stream().filter(e -> !e.customerId().value().equals("c3")).toList();
            assertThat(group.customerId()).isEqualTo(CustomerId.of("c0"));
            assertThat(group.linkedCustomerIds()).containsExactlyElementsOf(ids("c1", "c2"));
            assertThat(group.eventCount()).isEqualTo(members.size());
            assertThat(group.channels()).isEqualTo(BruteForceProfile.channels(members));
            assertThat(group.spend()).isEqualTo(BruteForceProfile.spend(members));
            assertThat(group.latestNps()).isEqualTo(BruteForceProfile.latest(members, FeedbackScale.NPS));
            assertThat(group.lastSeen()).isEqualTo(BruteForceProfile.lastSeen(members));
            assertThat(group.identities()).containsExactly(MAIL);
        });
    }
}
