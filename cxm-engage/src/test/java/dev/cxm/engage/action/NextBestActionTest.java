package dev.cxm.engage.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.engage.EngageLogs;
import dev.cxm.engage.action.Rejection.Reason;
import dev.cxm.engage.profile.ClvEstimate;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.NumberField;

/**
 * Decisions and their reasons on hand-made cases. Dan is a detractor at risk: his CLV estimate is set by hand
 * to a lifetime value of 200 with P(alive) 0.4, so the win-back offer is worth 200 x (1 - 0.4) = 120, more than
 * the follow-up call's fixed 50.
 */
class NextBestActionTest {

    static final CustomerId DAN = CustomerId.of("dan");
    static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    static final Action FOLLOW_UP = new Action("follow-up-call", ActionKind.CALL, Set.of("detractors"),
            List.of(Channel.PHONE), "service-call", ActionValue.fixed(50), Duration.ofDays(30));
    static final Action WIN_BACK = new Action("win-back-offer", ActionKind.OFFER, Set.of("at-risk"),
            List.of(Channel.EMAIL, Channel.PHONE), "marketing-email",
            ActionValue.fromProfile(NumberField.VALUE_AT_RISK, 1), Duration.ofDays(14));
    static final Action SURVEY = new Action("survey", ActionKind.SURVEY, Set.of("detractors", "promoters"),
            List.of(Channel.EMAIL), "research", ActionValue.fixed(5), Duration.ZERO);
    static final Action NEWSLETTER = new Action("newsletter", ActionKind.MESSAGE, Set.of("promoters"),
            List.of(Channel.EMAIL), "marketing-email", ActionValue.fixed(1), Duration.ZERO);
    static final List<Action> CATALOGUE = List.of(FOLLOW_UP, WIN_BACK, SURVEY, NEWSLETTER);
    static final Set<String> SEGMENTS = Set.of("detractors", "at-risk");

    static Customer record(ConsentStatus email, String zone) {
        return Customer.builder(DAN, NOON.minus(Duration.ofDays(400))).profile("timeZone", zone)
                .consent("service-call", ConsentStatus.GRANTED, NOON.minus(Duration.ofDays(300)))
                .consent("marketing-email", email, NOON.minus(Duration.ofDays(200))).build();
    }

    static CustomerProfiles dansProfiles(String zone) {
        CustomerProfiles profiles = CustomerProfiles.create(ProfileBuilder.ofDefaults());
        profiles.put(record(ConsentStatus.GRANTED, zone));
        profiles.record(Interaction.builder(DAN, NOON.minus(Duration.ofDays(3)), EngageLogs.TOUCHPOINTS.get(3))
                .eventId("d1").build());
        profiles.record(FeedbackResponse.builder(DAN, NOON.minus(Duration.ofDays(2)), "relationship",
                FeedbackScale.NPS, 3).eventId("d2").build());
        return profiles;
    }

    static CustomerProfile valued(CustomerProfile profile) {
        return profile.withClv(Optional.of(new ClvEstimate(NOON, "bg-nbd", 0.4, Duration.ofDays(365), 1.5,
                OptionalDouble.of(200), Optional.of(java.util.Currency.getInstance("EUR")))));
    }

    @Test
    void choosesTheMostValuableEligibleActionAndSaysWhyEveryOtherWasNot() {
        CustomerProfile dan = valued(dansProfiles("UTC").get(DAN).orElseThrow());
        Decision decision = NextBestAction.ofDefaults(CATALOGUE).decide(dan, new DecisionContext(NOON, SEGMENTS,
                List.of()));
        // phone is Dan's preferred channel (his one hotline call), and the win-back offer can use it
        assertThat(decision.chosen()).contains(new ChosenAction("win-back-offer", ActionKind.OFFER, Channel.PHONE,
                120.0, "marketing-email"));
        assertThat(decision.reason()).isEqualTo("highest value 120.0 of 2 eligible actions");
        assertThat(decision.rejected()).extracting(Rejection::action, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("follow-up-call", Reason.LOWER_VALUE),
                org.assertj.core.groups.Tuple.tuple("survey", Reason.NO_CONSENT),
                org.assertj.core.groups.Tuple.tuple("newsletter", Reason.NOT_IN_SEGMENT));
        assertThat(decision.rejected().get(0)).isEqualTo(new Rejection("follow-up-call", Reason.LOWER_VALUE,
                "worth less than win-back-offer", OptionalDouble.of(50)));
    }

    @Test
    void aRecentContactCoolsTheActionDownAndThreeInAWeekCapEveryAction() {
        CustomerProfile dan = valued(dansProfiles("UTC").get(DAN).orElseThrow());
        NextBestAction nba = NextBestAction.ofDefaults(CATALOGUE);
        Contact offered = new Contact(DAN, "win-back-offer", Channel.EMAIL, NOON.minus(Duration.ofDays(3)));
        Decision cooling = nba.decide(dan, new DecisionContext(NOON, SEGMENTS, List.of(offered)));
        assertThat(cooling.chosen().orElseThrow().action()).isEqualTo("follow-up-call");
        assertThat(cooling.rejected().get(0)).isEqualTo(Rejection.of("win-back-offer", Reason.COOLING_DOWN,
                "last made at 2026-02-27T12:00:00Z, within its cooldown of PT336H"));
        // 3 contacts within 7 days: the default cap
        List<Contact> three = List.of(offered, new Contact(DAN, "survey", Channel.EMAIL, NOON.minus(Duration.ofDays(1))),
                new Contact(DAN, "newsletter", Channel.EMAIL, NOON.minus(Duration.ofDays(6))));
        Decision capped = nba.decide(dan, new DecisionContext(NOON, SEGMENTS, three));
        assertThat(capped.chosen()).isEmpty();
        assertThat(capped.reason()).isEqualTo("no action is eligible");
        assertThat(capped.rejected()).filteredOn(r -> r.reason() == Reason.CAPPED).extracting(Rejection::action)
                .containsExactly("follow-up-call", "win-back-offer");
        assertThat(capped.rejected().get(0).detail()).isEqualTo("3 contacts in the last PT168H; the policy allows 3");
    }

    @Test
    void quietHoursAreTheCustomersOwn() {
        // 20:30 UTC is 21:30 in Berlin (winter, UTC+1): quiet from 21:00 there, not yet in UTC
        Instant evening = Instant.parse("2026-03-02T20:30:00Z");
        NextBestAction nba = NextBestAction.ofDefaults(CATALOGUE);
        CustomerProfile berliner = valued(dansProfiles("Europe/Berlin").get(DAN).orElseThrow());
        CustomerProfile londoner = valued(dansProfiles("UTC").get(DAN).orElseThrow());
        Decision quiet = nba.decide(berliner, new DecisionContext(evening, SEGMENTS, List.of()));
        assertThat(quiet.chosen()).isEmpty();
        assertThat(quiet.rejected().get(0)).isEqualTo(Rejection.of("follow-up-call", Reason.QUIET_HOURS,
                "21:30 in Europe/Berlin is within the quiet hours 21:00 to 08:00"));
        assertThat(nba.decide(londoner, new DecisionContext(evening, SEGMENTS, List.of())).chosen()).isPresent();
    }

    @Test
    void withdrawingConsentStopsEveryActionOfThatPurposeAtOnce() {
        CustomerProfiles profiles = dansProfiles("UTC");
        NextBestAction nba = NextBestAction.ofDefaults(CATALOGUE);
        Set<String> everywhere = Set.of("detractors", "at-risk", "promoters");
        profiles.put(record(ConsentStatus.REVOKED, "UTC"));
        Decision decision = nba.decide(valued(profiles.get(DAN).orElseThrow()),
                new DecisionContext(NOON, everywhere, List.of()));
        assertThat(decision.chosen().orElseThrow().action()).isEqualTo("follow-up-call");
        assertThat(decision.rejected()).filteredOn(r -> r.reason() == Reason.NO_CONSENT).extracting(Rejection::action)
                .containsExactly("win-back-offer", "survey", "newsletter");
    }

    @Test
    void aPolicyThatCouldNeverAllowAContactIsRefused() {
        assertThatThrownBy(() -> ContactPolicy.custom().maxContacts(0))
                .hasMessage("maxContacts: 0 is below 1; the policy would never allow a contact");
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .hasMessage("quietHours: start and end are both 08:00; quiet hours that never end would never allow a"
                        + " contact");
        assertThatThrownBy(() -> ContactPolicy.custom().period(Duration.ZERO))
                .hasMessage("period: PT0S is not positive; the cap counts over a positive window");
        ContactPolicy policy = ContactPolicy.custom().maxContacts(2).defaultTimeZone(ZoneOffset.ofHours(2)).build();
        assertThat(ContactPolicy.from(policy).build()).isEqualTo(policy);
        assertThat(NextBestAction.from(NextBestAction.custom(CATALOGUE).policy(policy).build()).build())
                .isEqualTo(NextBestAction.custom(CATALOGUE).policy(policy).build());
    }
}
