/**
 * The implementation of key-driver analysis: moments and correlations from rows, R² of every subset of
 * drivers, the Shapley and relative-weight decompositions, variance inflation, the bootstrap, and the strict
 * reading of numeric CSV cells. Not exported.
 */
@NullMarked
package dev.cxm.metrics.drivers.internal;

import org.jspecify.annotations.NullMarked;
