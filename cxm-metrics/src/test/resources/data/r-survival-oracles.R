# How the R figures quoted in the survival tests were obtained (R 4.2.2, survival 3.5-3, Debian bookworm's
# r-cran-survival). The published figures (data README of the project's shared data, lifelines tests) agree
# with these where both exist. Run from this folder: Rscript r-survival-oracles.R
library(survival)

g3 <- read.csv("lifelines_g3.csv")
g3$ev <- g3$event == "True"
km <- survfit(Surv(time, ev) ~ group, data = g3, conf.type = "log-log")
print(summary(km), digits = 8)          # S, std.err, log-log band per group
print(km)                               # median 33 (Control) with 0.95LCL 9, UCL NA
sd <- survdiff(Surv(time, ev) ~ group, data = g3)
print(sd, digits = 10)                  # chisq 6.0629, p = 0.013805
print(sd$exp, digits = 10)              # expected: Control 1.489800151, RIT 4.510199849
print(sd$chisq, digits = 10)            # 6.062887816
print(pchisq(sd$chisq, 1, lower.tail = FALSE), digits = 10)      # 0.01380517586

rossi <- read.csv("lifelines_rossi.csv")
fit <- coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio, data = rossi)
print(summary(fit), digits = 10)        # coefficients, se, z, p, exp(coef) intervals, LR test, concordance
print(fit$loglik, digits = 12)          # -675.380632347 -658.747659446
print(fit$concordance, digits = 12)     # 27242 concordant, 15291 discordant, 49 tied.x
breslow <- coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio, data = rossi, ties = "breslow")
print(coef(breslow), digits = 10)       # fin -0.37902188743, prio 0.09111154209
print(sqrt(diag(vcov(breslow))), digits = 10)   # fin 0.19136442586, prio 0.02863125296
print(breslow$loglik, digits = 12)      # -675.683389417 -659.120605677
new <- data.frame(fin = 1, age = 25, race = 1, wexp = 0, mar = 0, paro = 1, prio = 2)
print(summary(survfit(fit, newdata = new), times = c(1, 10, 20, 30, 52)), digits = 10)
print(quantile(km, 0.5))                # RIT: median NA, lower 53, upper NA (KaplanMeierTest)

# ---- Curves that reach zero (KaplanMeierTest): R reports std.err NaN and the band NA where S = 0, and reads
# the quantiles' confidence limits only where the band is defined.
print(survfit(Surv(c(4, 6, 9), c(1, 1, 1)) ~ 1, conf.type = "log-log"))          # median 6, LCL 4, UCL NA
print(summary(survfit(Surv(c(4, 6, 9), c(1, 1, 1)) ~ 1, conf.type = "log-log")))
# Five small sets (drawn with Python's random.seed(20251123), exponential durations of mean 20, about a
# quarter censored, the longest always a churn); "+" marks a censored duration.
zero_sets <- c("37+ 6+ 28 16 1 1+ 61 16+ 3",
               "29.48 5.42 85.74 5.14 26.03 4.99 16.75 21.66 9.45 24.39 79.29 35.11 54.75 13.16",
               "20+ 21 0 3 5 0 9 9 4 30 56 1+ 5+ 2 1 8 47 1 26 1+",
               paste("11.87 0.07 30.52+ 12.69+ 0.37 3.33 62.19 1.23+ 23.61 5.37 49.61+ 1.77 21.96 0.93 2.52",
                     "37.63 3.66 8.48+ 8.63 1.04+ 8.04+ 9.38+ 30.33 17.7+ 15.69"),
               "3 28 2 0 44 10 17 42 34 17+ 2 38")
for (s in seq_along(zero_sets)) {
  cells <- strsplit(zero_sets[s], " ")[[1]]
  status <- ifelse(endsWith(cells, "+"), 0, 1)
  time <- as.numeric(sub("\\+$", "", cells))
  fit <- survfit(Surv(time, status) ~ 1, conf.type = "log-log")
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  cat("set", s - 1, "\n")
  print(rbind(quantile = q$quantile, lower = q$lower, upper = q$upper), digits = 10)
  sm <- summary(fit)
  print(data.frame(time = sm$time, surv = sm$surv, se = sm$std.err, lower = sm$lower, upper = sm$upper), digits = 10)
}

# ---- sBG without heterogeneity (ShiftedBetaGeometricTest): for the counts 1000, 900, 810, 729, 656, 590 the
# profile log-likelihood (maximised over alpha / (alpha + beta)) rises with alpha + beta towards the geometric
# model's -1332.31305 (theta = 0.1001221): the sBG likelihood has no maximum. (Beyond 1e6 lbeta's rounding,
# about 1e-6, shows.)
sbg_ll <- function(a, b, n) {
  T <- length(n) - 1; lb <- lbeta(a, b); s <- 0
  for (t in 1:T) { d <- n[t] - n[t + 1]; if (d > 0) s <- s + d * (lbeta(a + 1, b + t - 1) - lb) }
  s + n[T + 1] * (lbeta(a, b + T) - lb)
}
n <- c(1000, 900, 810, 729, 656, 590)
theta <- (n[1] - n[6]) / sum(n[1:5])
cat("geometric: theta", format(theta, digits = 10), "ll",
    format((n[1] - n[6]) * log(theta) + (sum(n[1:5]) - (n[1] - n[6])) * log(1 - theta), digits = 12), "\n")
for (s in 10^(1:7)) {
  o <- optimize(function(p) sbg_ll(p * s, (1 - p) * s, n), c(1e-6, 1 - 1e-6), maximum = TRUE, tol = 1e-12)
  cat("alpha + beta =", s, " profile ll", format(o$objective, digits = 12), "\n")
}
