package dev.cxm.examples.spring;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.micrometer.FeedbackMeters;

/**
 * A small Spring Boot service on cxm-spring-boot-starter: {@code POST /events} takes one cxm event as JSON and
 * stores it in the starter's {@link EventStore} (recording feedback on the live meters too), and
 * {@code GET /nps/by-channel} answers NPS per channel, as the command line prints it. Every bean it uses comes
 * from the starter; run it with {@code SpringApplication.run(NpsSampleApplication.class)}.
 */
@SpringBootApplication
public class NpsSampleApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(NpsSampleApplication.class, args);
    }

    /** The two endpoints. */
    @RestController
    static class FeedbackController {
        private final EventStore store;
        private final NetPromoterScore nps;
        private final Optional<FeedbackMeters> meters;

        FeedbackController(EventStore store, NetPromoterScore nps, Optional<FeedbackMeters> meters) {
            this.store = store;
            this.nps = nps;
            this.meters = meters;
        }

        @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> append(@RequestBody String json) {
            CustomerEvent event;
            try {
                event = CxmJson.mapper().readValue(json, CustomerEvent.class);
            } catch (IOException e) {
                return ResponseEntity.badRequest().body("not a cxm event");
            }
            store.append(event);
            if (event instanceof FeedbackResponse response) {
                meters.ifPresent(live -> live.record(response));
            }
            return ResponseEntity.accepted().body(event.eventId().value());
        }

        @GetMapping(path = "/nps/by-channel", produces = MediaType.APPLICATION_JSON_VALUE)
        String npsByChannel() throws JsonProcessingException {
            Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(nps).groupBy(GroupKeys.channel()).build()
                    .compute(store, EventQuery.ofTypes(EventType.FEEDBACK));
            Map<String, NpsResult> byChannel = new LinkedHashMap<>();
            for (GroupResult<NpsResult> group : breakdown.groups()) {
                byChannel.put(group.group(), group.result());
            }
            return CxmJson.resultMapper().writeValueAsString(byChannel);
        }
    }
}
