/**
 * Import and export: JSON and NDJSON through Jackson ({@link dev.cxm.core.io.CxmJson}), and CSV import
 * of events with column mapping and an explicit error policy.
 */
@NullMarked
package dev.cxm.core.io;

import org.jspecify.annotations.NullMarked;
