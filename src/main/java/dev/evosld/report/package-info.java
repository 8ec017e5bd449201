/**
 * The HTML report of a run directory ({@link dev.evosld.report.Report}): the law as MathML, scores and
 * provenance, every group's parameters, and XChart plots (PNG and SVG, drawn headless) of the Pareto front,
 * the search history, predicted against actual values, and the target against the scale axis with the
 * fitted law extended over the test range.
 *
 * <p>{@code scripts/screenshot-report.sh} renders a report in headless Chromium, to check it as a reader
 * sees it.
 */
package dev.evosld.report;
