/**
 * The CX report: {@link dev.cxm.examples.report.CxAnalysis} runs every capability of cxm on a world (events in
 * a store, and the optional journey map, driver ratings, subjects, segments and actions beside them) through the
 * library's public API and returns a {@link dev.cxm.examples.report.CxReport}; {@link
 * dev.cxm.examples.report.TextReport} prints it for a terminal and {@link dev.cxm.examples.report.HtmlReport}
 * writes it as one self-contained HTML file with charts.
 */
package dev.cxm.examples.report;
