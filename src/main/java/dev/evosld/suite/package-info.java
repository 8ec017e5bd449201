/**
 * {@code evosld bench}: discovery over many SLDBench tasks and seeds, one run directory per task and seed
 * under {@code <out>/<task>/seed-<s>/}, summarized in {@code bench.md} and {@code bench.json}.
 *
 * <p>{@link dev.evosld.suite.Bench} runs the suite and reuses what an earlier invocation left: a run with a
 * complete {@code law.json} is read back, one with only a checkpoint is resumed;
 * {@link dev.evosld.suite.BenchReport} writes the table.
 */
package dev.evosld.suite;
