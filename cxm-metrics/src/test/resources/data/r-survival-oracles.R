# How the R figures quoted in the survival tests were obtained (R 4.2.2, survival 3.5-3, Debian bookworm's
# r-cran-survival). The published figures (data README of the project's shared data, lifelines tests) agree
# with these where both exist. Run from this folder: Rscript r-survival-oracles.R
library(survival)

g3 <- read.csv("lifelines_g3.csv")
g3$ev <- g3$event == "True"
km <- survfit(Surv(time, ev) ~ group, data = g3, conf.type = "log-log")
print(summary(km), digits = 8)          # S, std.err, log-log band per group
print(km)                               # median 33 (Control) with 0.95LCL 9, UCL NA
print(survdiff(Surv(time, ev) ~ group, data = g3), digits = 10)   # chisq 6.0629, p = 0.013805

rossi <- read.csv("lifelines_rossi.csv")
fit <- coxph(Surv(week, arrest) ~ fin + age + race + wexp + mar + paro + prio, data = rossi)
print(summary(fit), digits = 10)        # coefficients, se, z, p, exp(coef) intervals, LR test, concordance
print(fit$loglik, digits = 12)          # -675.380632347 -658.747659446
print(fit$concordance, digits = 12)     # 27242 concordant, 15291 discordant, 49 tied.x
new <- data.frame(fin = 1, age = 25, race = 1, wexp = 0, mar = 0, paro = 1, prio = 2)
print(summary(survfit(fit, newdata = new), times = c(1, 10, 20, 30, 52)), digits = 10)
