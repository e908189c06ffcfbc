/**
 * What every command family shares: the one command tail ({@link dev.cxm.examples.cli.common.ReportCommand},
 * {@link dev.cxm.examples.cli.common.Report}), the input options of event files, option converters, the
 * output rules (escaped text, safe {@code --output} files, CSV cells guarded against formulas) and the
 * one-line errors.
 */
package dev.cxm.examples.cli.common;
