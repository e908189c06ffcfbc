/**
 * The in-memory store's timelines as primitive columns, for the calculators of cxm-journey (exported to that
 * module only); not API.
 */
@NullMarked
package dev.cxm.core.internal.store.columns;

import org.jspecify.annotations.NullMarked;
