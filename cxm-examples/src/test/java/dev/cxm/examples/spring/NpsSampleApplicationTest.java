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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.micrometer.FeedbackMeters;

/**
 * The sample service starts on a random local port with the starter's beans and answers NPS per channel over
 * HTTP; the oracle is {@code NetPromoterScore.ofDefaults().collector()} over the posted responses per channel.
 *
 * <p>It starts the application with {@code SpringApplication} rather than {@code @SpringBootTest}: Spring
 * Framework 7's JUnit extension calls {@code ExtensionContext.Store.computeIfAbsent(key, function, type)},
 * which the project's JUnit 5.14 does not have.
 */
class NpsSampleApplicationTest {

    private static ConfigurableApplicationContext context;
    private static int port;
    private static FeedbackMeters meters;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(NpsSampleApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off").run();
        port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        meters = context.getBean(FeedbackMeters.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void postedResponsesComeBackAsNpsPerChannel() throws Exception {
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

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
