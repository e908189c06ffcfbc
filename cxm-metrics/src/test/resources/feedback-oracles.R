# Independent oracles for the feedback tests (R 4.2, base R only). Run:
#   Rscript cxm-metrics/src/test/resources/feedback-oracles.R
# Each block prints the numbers a test states, with the test that uses them. The tests do not call R.

# 1. NetScoreIntervalTest.widenedOnlyWhereTheObservedScoreFallsOutside:
#    how many (n, promoters, detractors) with 1 <= n <= 200 have an observed net score outside Rocks'
#    adjusted Wald interval (clipped to [-1, 1]), at 95% and at 80%.
widened <- function(level, nmax = 200) {
  z <- qnorm(1 - (1 - level) / 2)
  total <- 0
  for (n in 1:nmax) {
    g <- expand.grid(p = 0:n, m = 0:n)
    g <- g[g$p + g$m <= n, ]
    s <- n + 3
    pp <- (g$p + 0.75) / s
    pm <- (g$m + 0.75) / s
    net <- pp - pm
    half <- z * sqrt(pmax(0, pp + pm - net^2) / s)
    lower <- pmax(-1, net - half)
    upper <- pmin(1, net + half)
    observed <- (g$p - g$m) / n
    total <- total + sum(observed < lower | observed > upper)
  }
  total
}
cat("widened at 95%:", widened(0.95), "\n")   # 2 (one promoter, or one detractor)
cat("widened at 80%:", widened(0.80), "\n")   # 792

# 2. FeedbackBreakdownTest.theMinimumNIsOnTheEffectiveSampleSizeAndFlagsTheOverallResultToo:
#    Kish's effective n of one weight 1000 and 99 weights 0.001.
w <- c(1000, rep(0.001, 99))
cat("n_eff:", format(sum(w)^2 / sum(w^2), digits = 10), "\n")   # 1.000198

# 3. FeedbackAccumulatorTest.weightsAtTheEndsOfTheRangeGiveTheUnweightedShares:
#    n_eff of two equal weights c is 2 for any c (here at the ends of the accepted range), and the
#    unweighted NPS of {10, 3} is 0 with the adjusted Wald interval below.
for (c in c(1e-100, 1e100)) cat("n_eff for c =", c, ":", (2 * c)^2 / (2 * c^2), "\n")
s <- 2 + 3; pp <- 1.75 / s; pm <- 1.75 / s; net <- pp - pm
half <- qnorm(0.975) * sqrt((pp + pm - net^2) / s)
cat("NPS {10, 3}: score 0, interval", format(100 * c(net - half, net + half), digits = 10), "\n")
