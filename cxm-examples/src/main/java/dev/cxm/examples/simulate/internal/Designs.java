package dev.cxm.examples.simulate.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.EventType;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Comparison;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.TimeField;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;

/** What the simulated company designed: its journey map and its segments. */
public final class Designs {

    private Designs() {}

    /**
     * Returns the designed journey map: five stages holding the touchpoints of {@link Place}, the moves the
     * design allows, and the time a customer is expected to stay in awareness (7 days) and consideration (14
     * days). Customers leave it where the simulation has them do so: a return through the home page after a
     * purchase is a backward move, an ad straight to the cart skips a stage, and prospects and browsers stall
     * in awareness and consideration. Purchase, service and loyalty are final: a customer may rest there.
     *
     * @return the map
     */
    public static JourneyMap journeyMap() {
        JourneyMap.Builder map = JourneyMap.builder();
        for (Place.Stage stage : Place.Stage.values()) {
            List<String> touchpoints = new ArrayList<>();
            for (Place place : Place.values()) {
                if (place.stage() == stage) {
                    touchpoints.add(place.id());
                }
            }
            Stage.Builder builder = Stage.named(stage.label()).touchpoints(touchpoints.toArray(String[]::new));
            switch (stage) {
                case AWARENESS -> builder.expectedTime(Duration.ofDays(7));
                case CONSIDERATION -> builder.expectedTime(Duration.ofDays(14));
                case PURCHASE -> builder.eventTypes(EventType.PURCHASE)
                        .momentsOfTruth(Place.CHECKOUT.id(), Place.APP_CHECKOUT.id()).finalStage();
                case SERVICE -> builder.momentsOfTruth(Place.HOTLINE.id()).finalStage();
                case LOYALTY -> builder.finalStage();
            }
            map.stage(builder.build());
        }
        return map
                .transition("awareness", "consideration")
                .transition("consideration", "purchase")
                .transition("purchase", "service")
                .transition("purchase", "loyalty")
                .transition("purchase", "consideration")
                .transition("service", "loyalty")
                .transition("service", "purchase")
                .transition("service", "consideration")
                .transition("loyalty", "consideration")
                .transition("loyalty", "service")
                .transition("loyalty", "purchase")
                .build();
    }

    /**
     * Returns the segment definitions written to {@code segments.json}: conditions on the profiles cxm-engage
     * rebuilds from events alone, so that {@code cxm segment} can count them from the event file.
     *
     * @return the segments
     */
    public static List<Segment> segments() {
        return List.of(
                Segment.of("detractors", Condition.category(CategoryField.NPS_CATEGORY, "detractor")),
                Segment.of("promoters", Condition.category(CategoryField.NPS_CATEGORY, "promoter")),
                Segment.of("frequent-buyers", Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 4)),
                Segment.of("phone-users", Condition.channelUsed(Channel.PHONE)),
                Segment.of("unhappy-with-service", Condition.anyOf(
                        Condition.number(NumberField.LATEST_CSAT, Comparison.AT_MOST, 2),
                        Condition.number(NumberField.LATEST_CES, Comparison.AT_MOST, 3))),
                Segment.of("dormant-buyers", Condition.allOf(
                        Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 1),
                        Condition.since(TimeField.LAST_PURCHASE, Comparison.GREATER, Duration.ofDays(120)))),
                Segment.of("negative-voices", Condition.number(NumberField.MEAN_SENTIMENT, Comparison.AT_MOST, -0.3)));
    }

    /**
     * Returns the next-best-action catalogue written to {@code actions.json} (cxm-engage's {@code ActionJson}
     * form): actions for the segments of {@link #segments()}, under the consent purposes the simulated customers
     * give or deny, at most two contacts a week, no calls or messages at night in the customer's time zone.
     *
     * @return the catalogue as JSON
     */
    public static String actionsJson() {
        return """
                {"policy": {"maxContacts": 2, "period": "P7D", "quietHours": {"from": "21:00", "to": "08:00"},
                            "timeZoneAttribute": "timeZone", "defaultTimeZone": "Europe/Berlin", "preferChannel": true},
                 "actions": [
                  {"name": "service-recovery-call", "kind": "call", "segments": ["unhappy-with-service"],
                   "channels": ["phone"], "consent": "service-call", "value": {"fixed": 80}, "cooldown": "P30D"},
                  {"name": "detractor-follow-up", "kind": "call", "segments": ["detractors"], "channels": ["phone"],
                   "consent": "service-call", "value": {"fixed": 50}, "cooldown": "P30D"},
                  {"name": "win-back-offer", "kind": "offer", "segments": ["dormant-buyers"],
                   "channels": ["email", "sms"], "consent": "marketing-email", "value": {"fixed": 25},
                   "cooldown": "P14D"},
                  {"name": "referral-invitation", "kind": "offer", "segments": ["promoters"],
                   "channels": ["email"], "consent": "marketing-email", "value": {"fixed": 20}, "cooldown": "P30D"},
                  {"name": "loyalty-thank-you", "kind": "message", "segments": ["frequent-buyers"],
                   "channels": ["email"], "consent": "marketing-email", "value": {"fixed": 5}, "cooldown": "P30D"}]}
                """;
    }
}
