/**
 * Churn and retention: churn and retention rates per period and group for contractual and non-contractual
 * businesses, cohort retention tables, the shifted-beta-geometric model of contractual retention, and a
 * ranking of valuable customers who are likely gone.
 */
@NullMarked
package dev.cxm.metrics.churn;

import org.jspecify.annotations.NullMarked;
