/** Implementation of the in-memory stores; not exported, not API. */
@NullMarked
package dev.cxm.core.internal.store;

import org.jspecify.annotations.NullMarked;
