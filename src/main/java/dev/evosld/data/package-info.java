/**
 * Task data: task configs ({@code configs/<task>.yaml}), strict RFC 4180 CSV reading, columnar per-group
 * tables, and the data directory.
 *
 * <p>Train and test rows are kept apart by type ({@link dev.evosld.data.Train}, {@link dev.evosld.data.Test})
 * so that test rows cannot reach fitting or selection by accident. Every problem with the input is a
 * {@link dev.evosld.data.DataException} whose one-line message names the file, line and column.
 */
package dev.evosld.data;
