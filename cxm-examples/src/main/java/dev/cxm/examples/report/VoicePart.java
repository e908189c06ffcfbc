package dev.cxm.examples.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.drivers.KeyDrivers;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.text.SentimentBreakdown;
import dev.cxm.metrics.text.SentimentBreakdownResult;
import dev.cxm.metrics.text.SentimentScore;
import dev.cxm.metrics.text.Themes;
import dev.cxm.metrics.text.VaderSentiment;

/** The voice of the customer: key drivers, what detractors talk about, the comments' sentiment. */
final class VoicePart {

    /** The NPS category of a response on the NPS scale: detractor, passive or promoter. */
    static final GroupKey NPS_CATEGORY = GroupKey.of("nps-category", event -> event instanceof FeedbackResponse r
            && r.scale().equals(FeedbackScale.NPS) ? Optional.of(category(r.score())) : Optional.empty());

    private VoicePart() {}

    static String category(int score) {
        return score >= NetPromoterScore.PROMOTER_MIN ? "promoter"
                : score <= NetPromoterScore.DETRACTOR_MAX ? "detractor" : "passive";
    }

    /** Returns the first quote of each text, with how many detractors wrote that text. */
    private static List<CxReport.Quote> distinctTexts(List<CxReport.Quote> sorted) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        sorted.forEach(quote -> counts.merge(quote.text(), 1, Integer::sum));
        java.util.Map<String, CxReport.Quote> first = new java.util.LinkedHashMap<>();
        sorted.forEach(quote -> first.putIfAbsent(quote.text(), new CxReport.Quote(quote.customer(), quote.score(),
                quote.channel(), quote.compound(), quote.text(), counts.get(quote.text()))));
        return new ArrayList<>(first.values());
    }

    static CxReport.Voice analyse(CxAnalysis settings, ReportInput input) {
        VaderSentiment vader = VaderSentiment.ofDefaults();
        List<String> detractors = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<CxReport.Quote> quotes = new ArrayList<>();
        try (Stream<FeedbackResponse> responses = input.events().query(FeedbackPart.FEEDBACK,
                FeedbackResponse.class)) {
            responses.filter(r -> r.scale().equals(FeedbackScale.NPS) && r.comment().isPresent()).forEach(r -> {
                String comment = r.comment().get();
                if (category(r.score()).equals("detractor")) {
                    detractors.add(comment);
                    SentimentScore sentiment = vader.score(comment);
                    quotes.add(new CxReport.Quote(r.customerId(), r.score(), GroupKeys.channel().groupOf(r),
                            sentiment.compound(), comment, 1));
                } else {
                    others.add(comment);
                }
            });
        }
        quotes.sort(Comparator.comparingDouble(CxReport.Quote::compound)
                .thenComparing(quote -> quote.customer().value()));
        List<CxReport.Quote> distinct = distinctTexts(quotes);
        var drivers = input.drivers().map(data -> KeyDrivers.custom().resamples(settings.driverResamples()).build()
                .compute(data));
        var themes = detractors.isEmpty() || others.isEmpty() ? Optional.<dev.cxm.metrics.text.ThemeComparison>empty()
                : Optional.of(Themes.custom().top(settings.top()).build().compare(detractors, others));
        SentimentBreakdown byCategory = SentimentBreakdown.custom().analyzer(vader).groupBy(NPS_CATEGORY).build();
        SentimentBreakdownResult sentiment;
        try (Stream<FeedbackResponse> responses = input.events().query(FeedbackPart.FEEDBACK, FeedbackResponse.class)) {
            sentiment = byCategory.computeComments(responses.filter(r -> r.scale().equals(FeedbackScale.NPS)));
        }
        return new CxReport.Voice(drivers, themes, sentiment,
                distinct.subList(0, Math.min(settings.top(), distinct.size())));
    }
}
