/**
 * Key-driver analysis: how much of an outcome (likelihood to recommend, overall satisfaction) each driver
 * rating (wait time, staff friendliness, price) explains, as its share of the explained variance.
 *
 * <p>{@link dev.cxm.metrics.drivers.KeyDrivers} is the configured calculator: the Shapley decomposition of
 * R² (LMG), exact for up to {@value dev.cxm.metrics.drivers.KeyDrivers#MAX_SHAPLEY_DRIVERS} drivers, or
 * Johnson's relative weights, with seeded bootstrap percentile intervals. Its input is a
 * {@link dev.cxm.metrics.drivers.DriverData} (numeric columns by name, built by columns, by rows, or read by
 * {@link dev.cxm.metrics.drivers.DriverCsv}) or, for a stream without intervals, the
 * {@link dev.cxm.metrics.drivers.DriverMoments} a {@link dev.cxm.metrics.drivers.DriverAccumulator} counts;
 * its result a {@link dev.cxm.metrics.drivers.KeyDriverResult} with one
 * {@link dev.cxm.metrics.drivers.DriverImportance} per driver.
 */
@NullMarked
package dev.cxm.metrics.drivers;

import org.jspecify.annotations.NullMarked;
