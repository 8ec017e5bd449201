/**
 * {@code evosld data pull}: downloads SLDBench ({@code pkuHaowei/sldbench}) from the Hugging Face dataset
 * viewer API into the data directory, one folder of {@code train.csv} and {@code test.csv} per task.
 *
 * <p>{@link dev.evosld.data.hub.HubClient} speaks HTTP (paging, retries, one-line failures);
 * {@link dev.evosld.data.hub.TaskPull} verifies what came back against the task's columns and row counts
 * and replaces the CSVs atomically; {@link dev.evosld.data.hub.PullProgress} shows progress on stderr.
 */
package dev.evosld.data.hub;
