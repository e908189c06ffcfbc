package dev.cxm.examples.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.model.EventType;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.TimeSpan;
import dev.cxm.metrics.churn.AtRiskRanking;
import dev.cxm.metrics.churn.CustomerOutlook;
import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.ClvPrediction;
import dev.cxm.metrics.clv.ClvSettings;
import dev.cxm.metrics.clv.CustomerPrediction;
import dev.cxm.metrics.clv.CustomerPredictions;
import dev.cxm.metrics.clv.GammaGamma;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;
import dev.cxm.metrics.stats.ModelFit;

/** Customer lifetime value: the RFM summary in weeks, BG/NBD and Gamma-Gamma, predictions and value at risk. */
final class ValuePart {

    /** The length of a discounting period: 4 weeks. */
    static final Duration DISCOUNT_PERIOD = Duration.ofDays(28);
    /** The bars of the lifetime values' histogram. */
    static final int BINS = 20;

    private ValuePart() {}

    /**
     * The value part and the models behind it, which the engagement part values profiles with.
     *
     * @param section the report's part
     * @param purchases the converged purchase model
     * @param spend the converged spend model with a finite mean spend
     * @param currency the purchases' currency
     * @param settings horizon, period and discount rate
     */
    record Fitted(CxReport.Value section, Optional<BgNbdModel> purchases, Optional<GammaGammaModel> spend,
            Optional<Currency> currency, ClvSettings settings) {
    }

    static Fitted analyse(CxAnalysis analysis, ReportInput input, List<String> notes) {
        Optional<TimeSpan> purchases = input.events().span(EventQuery.ofTypes(EventType.PURCHASE));
        LocalDate lastDay = purchases.map(span -> LocalDate.ofInstant(span.last(), ZoneOffset.UTC))
                .orElse(LocalDate.of(1970, 1, 1));
        RfmSummaryOptions options = RfmSummaryOptions.ofDefaults(lastDay, ZoneOffset.UTC, ChronoUnit.WEEKS);
        RfmSummary summary = RfmSummary.of(input.events(), options);
        RfmCells cells = summary.cells();
        double totalSpend = summary.customers().stream().mapToDouble(c -> c.totalSpend().orElse(0)).sum();
        ModelFit<BgNbdModel> bgNbd = BgNbd.ofDefaults().fit(cells);
        ClvSettings settings = ClvSettings.custom(analysis.horizon()).period(DISCOUNT_PERIOD)
                .discountRate(analysis.discountRate()).build();
        Optional<ModelFit<GammaGammaModel>> gammaGamma = Optional.empty();
        Optional<GammaGammaModel> spend = Optional.empty();
        Optional<CxReport.Outlook> outlook = Optional.empty();
        if (!bgNbd.converged()) {
            notes.add("the BG/NBD fit did not converge (" + bgNbd.problem().orElseThrow() + "): no CLV predictions");
        } else {
            gammaGamma = Optional.of(GammaGamma.ofDefaults().fit(cells));
            spend = gammaGamma.flatMap(ModelFit::model).filter(model -> model.hasFiniteSpend(0));
            if (spend.isEmpty()) {
                notes.add("the Gamma-Gamma fit gave no finite mean spend ("
                        + gammaGamma.get().problem().orElse("q <= 1") + "): no lifetime values");
            } else {
                outlook = Optional.of(outlook(analysis, settings, bgNbd.requireModel(), spend.get(), cells));
            }
        }
        Instant calibrationEnd = options.calibrationEnd();
        CxReport.Value section = new CxReport.Value(calibrationEnd, cells.totals(), totalSpend,
                summary.currency().map(Currency::getCurrencyCode), bgNbd, gammaGamma, outlook);
        return new Fitted(section, bgNbd.model(), spend, summary.currency(), settings);
    }

    private static CxReport.Outlook outlook(CxAnalysis analysis, ClvSettings settings, BgNbdModel model,
            GammaGammaModel spend, RfmCells cells) {
        CustomerPredictions predictions = ClvPrediction.custom(settings.horizon()).settings(settings)
                .top(analysis.top()).build().predict(model, spend, cells);
        double valueAtRisk = 0;
        double aliveSum = 0;
        double weights = 0;
        long atRisk = 0;
        List<CustomerOutlook> outlooks = new ArrayList<>();
        double[] values = new double[predictions.size()];
        for (int row = 0; row < predictions.size(); row++) {
            CustomerPrediction p = predictions.get(row);
            double alive = p.probabilityAlive().orElseThrow();
            double value = p.value().orElse(0);
            values[row] = value;
            valueAtRisk += p.weight() * value * (1 - alive);
            aliveSum += p.weight() * alive;
            weights += p.weight();
            if (alive < analysis.atRiskThreshold()) {
                atRisk += Math.round(p.weight());
            }
            outlooks.add(new CustomerOutlook(p.customerId().orElseThrow(), alive, value));
        }
        List<CxReport.ValuedCustomer> top = predictions.top().stream().map(p -> new CxReport.ValuedCustomer(
                p.customerId().orElseThrow(), p.history().frequency(), p.probabilityAlive().orElseThrow(),
                p.expectedPurchases().orElseThrow(), p.value().orElse(0))).toList();
        return new CxReport.Outlook(settings.horizon(), settings.discountRate(), Math.round(weights),
                predictions.totalValue().orElse(0), valueAtRisk, analysis.atRiskThreshold(), atRisk,
                weights == 0 ? 0 : aliveSum / weights, top,
                AtRiskRanking.custom(analysis.atRiskThreshold()).limit(analysis.top()).build().rank(outlooks),
                Histogram.of(values, BINS));
    }
}
