package dev.cxm.examples.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.metrics.churn.ChurnDefinition;
import dev.cxm.metrics.churn.ChurnRates;
import dev.cxm.metrics.churn.CohortRetention;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.CoxModel;
import dev.cxm.metrics.survival.CoxProportionalHazards;
import dev.cxm.metrics.survival.KaplanMeier;
import dev.cxm.metrics.survival.LogRankResult;
import dev.cxm.metrics.survival.LogRankTest;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.survival.SurvivalData;
import dev.cxm.metrics.time.CalendarPeriod;

/** Churn and retention: churn per month, the cohort table, survival by group. */
final class RetentionPart {

    /** The cohort table's columns: the cohort's own month and twelve after it. */
    static final int COHORT_MONTHS = 12;

    private RetentionPart() {}

    static CxReport.Retention analyse(CxAnalysis analysis, ReportInput input, Instant asOf, List<String> notes) {
        var churn = ChurnRates.custom(ChurnDefinition.nonContractual(analysis.churnInactivity()))
                .period(CalendarPeriod.MONTH, ZoneOffset.UTC).to(asOf).build().compute(input.events());
        var cohorts = CohortRetention.custom().period(CalendarPeriod.MONTH, ZoneOffset.UTC).until(asOf)
                .maxOffset(COHORT_MONTHS).build().compute(input.events());
        return new CxReport.Retention(analysis.churnInactivity(), churn, cohorts, input.subjects().map(subjects -> survival(subjects, notes)));
    }

    private static CxReport.Survival survival(ReportInput.Subjects subjects, List<String> notes) {
        SurvivalData data = subjects.data();
        Map<String, SurvivalCurve> curves = KaplanMeier.ofDefaults().fitByGroup(data);
        Optional<LogRankResult> logRank = data.groups().size() > 1
                ? Optional.of(LogRankTest.ofDefaults().compare(data)) : Optional.empty();
        Optional<ModelFit<CoxModel>> cox = data.covariateNames().isEmpty() ? Optional.empty()
                : Optional.of(CoxProportionalHazards.ofDefaults().fit(data));
        cox.filter(fit -> !fit.converged()).ifPresent(fit -> notes.add("the Cox model of the subjects did not"
                + " converge: " + fit.problem().orElseThrow()));
        return new CxReport.Survival(subjects.groupColumn(), curves, logRank, cox);
    }
}
