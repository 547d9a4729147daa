#!/usr/bin/env Rscript
# Reference values for BacktestOverfittingPublishedExampleTests and RRandomTests (Keel.Core.Tests/Research).
#
# The published example: the CRAN package pbo by Matt Barry (github mrbcuda/pbo), file
# tests/test_pbo_function.R: set.seed(852), a 200 x 40 matrix of rnorm filled by row, S = 4,
# Sharpe ratio with rf = 0.03/252; it asserts phi and below_threshold in (0.49, 0.51), "slope" in
# (0.19, 0.20), adjusted R^2 in (-0.24, -0.22) and 6 lambdas. The package is not needed: the CSCV
# steps of its pbo() are restated below in plain R (combn order, partitions of T/S consecutive rows,
# which.max in sample, rank() out of sample, omega = rank/N, lm(Rn ~ Rbn)).
#
# Local verification only (not run by CI). Run from the repository root:  Rscript tests/reference/pbo_reference.R
# The values pinned in the C# tests were printed by R 4.2.2 (Debian's r-base-core).
options(digits = 17)
f <- function(x) paste(sprintf("%.17g", x), collapse = " ")

cat("R:", R.version.string, "\n")
cat("RNGkind:", RNGkind(), "\n")
set.seed(123); cat("set.seed(123); runif(3):", f(runif(3)), "\n")
set.seed(123); cat("set.seed(123); rnorm(3):", f(rnorm(3)), "\n")
set.seed(1);   cat("set.seed(1); rnorm(3):", f(rnorm(3)), "\n")
set.seed(42);  cat("set.seed(42); rnorm(1):", f(rnorm(1)), "\n")
cat("qnorm(c(0.3, 0.975, 0.01, 1e-20, 1e-300)):", f(qnorm(c(0.3, 0.975, 0.01, 1e-20, 1e-300))), "\n")

N <- 40; T <- 200; S <- 4
set.seed(852)
draws <- rnorm(N * T, mean = 0, sd = 1)
cat("set.seed(852): first 3, last 3, sum of", N * T, "draws:",
    f(c(head(draws, 3), tail(draws, 3), sum(draws))), "\n")
M <- matrix(draws, nrow = T, ncol = N, byrow = TRUE)
rf <- 0.03 / 252
sharpe <- function(x) apply(x, 2, function(col) { er <- col - rf; mean(er) / sd(er) })

combos <- combn(S, S / 2)
rows_of <- function(parts) unlist(lapply(parts, function(i) ((i - 1) * T / S + 1):(i * T / S)))
rn <- c(); rbn <- c(); lambda <- c()
for (c in seq_len(ncol(combos))) {
  in_sample <- rows_of(combos[, c])
  R <- sharpe(M[in_sample, ]); R_bar <- sharpe(M[-in_sample, ])
  n_star <- which.max(R)
  rank_oos <- rank(R_bar)[n_star]
  omega <- rank_oos / N
  lambda <- c(lambda, log(omega / (1 - omega)))
  rn <- c(rn, R[n_star]); rbn <- c(rbn, R_bar[n_star])
  cat(sprintf("combination %d: in-sample partitions (0-based) %s; n* (0-based) %d; OOS rank %g; lambda %.17g; Rn %.17g; Rbn %.17g\n",
              c, paste(combos[, c] - 1, collapse = ","), n_star - 1, rank_oos, tail(lambda, 1), R[n_star], R_bar[n_star]))
}
fit <- lm(data.frame(Rn = rn, Rbn = rbn))  # first column is the response: Rn ~ Rbn
cat("phi:", f(sum(lambda <= 0) / length(lambda)), "\n")
cat("below_threshold:", f(sum(rbn < 0) / length(rbn)), "\n")
cat("lm coefficients (intercept = the package's 'slope', then Rbn):", f(fit$coefficients), "\n")
cat("adjusted R^2:", f(summary(fit)$adj.r.squared), "\n")
