/**
 * Survival analysis of time to churn with right censoring: {@link dev.cxm.metrics.survival.SurvivalData}
 * holds the subjects, {@link dev.cxm.metrics.survival.KaplanMeier} estimates survival curves with Greenwood
 * variance and log-log confidence bands, {@link dev.cxm.metrics.survival.LogRankTest} compares groups, and
 * {@link dev.cxm.metrics.survival.CoxProportionalHazards} fits the proportional-hazards regression.
 */
@NullMarked
package dev.cxm.metrics.survival;

import org.jspecify.annotations.NullMarked;
