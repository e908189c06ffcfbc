package dev.cxm.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.micrometer.FeedbackMeters;

/**
 * The sample service, started by {@code @SpringBootTest} on a random local port with the starter's beans,
 * answers NPS per channel over HTTP; the oracle is {@code NetPromoterScore.ofDefaults().collector()} over the
 * posted responses per channel.
 */
@SpringBootTest(classes = NpsSampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "spring.main.banner-mode=off"})
class NpsSampleApplicationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private FeedbackMeters meters;

    @Autowired
    private EventStore store;

    @Test
    void postedResponsesComeBackAsNpsPerChannel() throws Exception {
        assertThat(store).as("the starter's default store").isInstanceOf(InMemoryEventStore.class);
        Random random = new Random(3);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Channel channel = random.nextBoolean() ? Channel.WEB : Channel.PHONE;
            events.add(FeedbackResponse.builder(CustomerId.of("c" + i), Instant.parse("2026-03-02T10:00:00Z")
                    .plusSeconds(i), "relationship", FeedbackScale.NPS, random.nextInt(11)).eventId("f" + i)
                    .touchpoint(Touchpoint.of("tp-" + channel, "Touchpoint", channel)).build());
        }
        events.add(Interaction.builder(CustomerId.of("c1"), Instant.parse("2026-03-02T10:00:00Z"),
                Touchpoint.of("tp-web", "Touchpoint", Channel.WEB)).eventId("i1").outcome("completed").build());
        HttpClient http = HttpClient.newHttpClient();
        for (CustomerEvent event : events) {
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri("/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            CxmJson.mapper().writerFor(CustomerEvent.class).writeValueAsString(event))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
        }

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/nps/by-channel")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, NpsResult> expected = events.stream().filter(FeedbackResponse.class::isInstance)
                .map(FeedbackResponse.class::cast)
                .collect(Collectors.groupingBy(GroupKeys.channel()::groupOf, TreeMap::new,
                        NetPromoterScore.ofDefaults().collector()));
        JsonNode body = CxmJson.mapper().readTree(answer.body());
        assertThat(body.size()).isEqualTo(2);
        for (Map.Entry<String, NpsResult> channel : expected.entrySet()) {
            assertThat(body.get(channel.getKey())).as(channel.getKey()).isEqualTo(
                    CxmJson.mapper().readTree(CxmJson.resultMapper().writeValueAsString(channel.getValue())));
            assertThat(meters.result(NetPromoterScore.ofDefaults(), channel.getKey())).contains(channel.getValue());
        }
    }

    @Test
    void aBodyThatIsNoEventIsABadRequest() throws Exception {
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).isEqualTo("not a cxm event");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
