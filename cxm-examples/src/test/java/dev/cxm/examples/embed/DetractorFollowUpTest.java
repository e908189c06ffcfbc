package dev.cxm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.engage.action.Decision;
import dev.cxm.examples.simulate.SimulatedWorld;
import dev.cxm.examples.simulate.WorldSimulator;

/**
 * The follow-up loop decides what a brute force over the same files decides: for each NPS answer of 6 or less,
 * a call when the customer's latest service-call consent grants it and no call was made in the last 30 days,
 * else an apology e-mail under the same rule for marketing e-mail, else nothing.
 */
class DetractorFollowUpTest {

    @Test
    void followsUpEveryDetractorAnswerAsTheConsentsAndCooldownsAllow(@TempDir Path dir) throws Exception {
        SimulatedWorld world = WorldSimulator.custom().customers(1_500).seed(8).build().writeTo(dir);
        List<Customer> customers = ExampleData.customers(world);
        List<CustomerEvent> events = ExampleData.eventsInTimeOrder(world);
        List<Decision> decisions = DetractorFollowUp.run(customers, events);

        Map<String, Customer> byId = new HashMap<>();
        customers.forEach(customer -> byId.put(customer.id().value(), customer));
        Map<String, Instant> lastContact = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (CustomerEvent event : events) {
            if (event instanceof FeedbackResponse answer && answer.scale().equals(FeedbackScale.NPS)
                    && answer.score() <= 6) {
                Customer customer = byId.get(answer.customerId().value());
                String action = "none";
                for (String[] option : new String[][] {{"follow-up-call", "service-call"},
                        {"apology-email", "marketing-email"}}) {
                    Instant last = lastContact.get(customer.id().value() + "/" + option[0]);
                    boolean cooled = last == null || !last.isAfter(answer.occurredAt().minus(Duration.ofDays(30)));
                    if (granted(customer, option[1]) && cooled) {
                        action = option[0];
                        lastContact.put(customer.id().value() + "/" + action, answer.occurredAt());
                        break;
                    }
                }
                expected.add(customer.id().value() + " " + action);
            }
        }
        assertThat(decisions.stream().map(d -> d.customer().value() + " "
                + d.chosen().map(c -> c.action()).orElse("none")).toList()).isEqualTo(expected);
        assertThat(expected).anyMatch(line -> line.endsWith("follow-up-call"))
                .anyMatch(line -> line.endsWith("apology-email")).anyMatch(line -> line.endsWith("none"));
    }

    /** The decision with the latest instant for the purpose grants it. */
    private static boolean granted(Customer customer, String purpose) {
        return customer.consents().stream().filter(consent -> consent.purpose().equals(purpose))
                .max(Comparator.comparing(ConsentRecord::at)).map(c -> c.status() == ConsentStatus.GRANTED)
                .orElse(false);
    }

    @Test
    void mainPrintsWhatWasDone() throws Exception {
        String printed = Printed.by(() -> DetractorFollowUp.main(new String[0]));
        assertThat(printed).matches("\\d+ detractor answers: \\{apology-email=\\d+, follow-up-call=\\d+, no action is"
                + " eligible=\\d+\\}" + System.lineSeparator());
    }
}
