package dev.cxm.examples.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cxm.engage.action.Action;
import dev.cxm.engage.action.ChosenAction;
import dev.cxm.engage.action.Decision;
import dev.cxm.engage.action.DecisionContext;
import dev.cxm.engage.action.NextBestAction;
import dev.cxm.engage.profile.ClvValuation;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.IdentityGraph;
import dev.cxm.engage.profile.IdentityResolution;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentReport;
import dev.cxm.metrics.text.VaderSentiment;

/** Acting on it: profiles valued by the CLV models, linked identities, segment sizes, next-best actions. */
final class EngagementPart {

    private EngagementPart() {}

    static CxReport.Engagement analyse(CxAnalysis analysis, ReportInput input, ValuePart.Fitted value, Instant asOf,
            List<String> notes) {
        ProfileBuilder.Builder configured = ProfileBuilder.custom().sentiment(VaderSentiment.ofDefaults());
        input.map().ifPresent(configured::journey);
        value.purchases().ifPresent(model -> configured.valuation(value.spend().isPresent()
                ? ClvValuation.of(model, value.spend().get(), value.settings(), value.currency().orElseThrow())
                : ClvValuation.of(model, value.settings())));
        ProfileBuilder builder = configured.build();
        List<CustomerProfile> profiles = CustomerProfiles.load(builder, input.customers(), input.events()).all()
                .stream().map(profile -> builder.valued(profile, asOf)).toList();
        IdentityGraph identities = IdentityResolution.ofDefaults().resolve(input.customers());
        List<Set<dev.cxm.core.model.CustomerId>> linked = identities.linkedGroups();
        Optional<SegmentReport> segments = input.segments().isEmpty() ? Optional.empty()
                : Optional.of(SegmentReport.of(input.segments(), profiles, asOf));
        Optional<CxReport.Actions> actions = input.actions()
                .map(catalogue -> decide(catalogue, input.segments(), profiles, decisionTime(asOf)));
        return new CxReport.Engagement(profiles.size(), linked.size(), linked.stream().mapToLong(Set::size).sum(),
                segments, actions);
    }

    /**
     * Returns the instant the actions are chosen at: noon (UTC) of the day the analysis stands at, or of the next
     * day when the last event came after noon; "today" in working hours, so that quiet hours do not rule out
     * every call because the world's last event came at night.
     */
    static Instant decisionTime(Instant asOf) {
        Instant noon = asOf.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofHours(12));
        return noon.isBefore(asOf) ? noon.plus(java.time.Duration.ofDays(1)) : noon;
    }

    /** Decides the next-best action of every profile at {@code now}, with no contact made before. */
    private static CxReport.Actions decide(NextBestAction catalogue, List<Segment> segments,
            List<CustomerProfile> profiles, Instant now) {
        Map<String, Long> chosen = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Action action : catalogue.actions()) {
            chosen.put(action.name(), 0L);
            values.put(action.name(), 0.0);
        }
        long none = 0;
        double total = 0;
        for (CustomerProfile profile : profiles) {
            Set<String> in = segments.stream().filter(segment -> segment.contains(profile, now)).map(Segment::name)
                    .collect(Collectors.toSet());
            Decision decision = catalogue.decide(profile, new DecisionContext(now, in, List.of()));
            if (decision.chosen().isEmpty()) {
                none++;
                continue;
            }
            ChosenAction action = decision.chosen().get();
            chosen.merge(action.action(), 1L, Long::sum);
            values.merge(action.action(), action.value(), Double::sum);
            total += action.value();
        }
        Map<String, OptionalDouble> means = new LinkedHashMap<>();
        chosen.forEach((name, count) -> means.put(name, count == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(values.get(name) / count)));
        return new CxReport.Actions(now, profiles.size(), chosen, none, total, means);
    }
}
