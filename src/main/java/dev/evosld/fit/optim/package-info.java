/**
 * Bound-constrained minimization for fitting the constants of candidate laws: {@link
 * dev.evosld.fit.optim.LbfgsB}, the limited-memory quasi-Newton method L-BFGS-B of Byrd, Lu, Nocedal
 * and Zhu (1995) with the line search of Moré and Thuente (1994), written here because no permissively
 * licensed implementation is on Maven Central.
 *
 * <p>Built for many small problems (1–12 variables) solved back to back: one {@code LbfgsB} per thread
 * holds all work arrays, so a minimization allocates only its {@link dev.evosld.fit.optim.Result}.
 * Objectives may be undefined (NaN, ±∞) in places; the optimizer backs off from them and never
 * reports a non-finite minimum once it has seen a finite value.
 */
package dev.evosld.fit.optim;
