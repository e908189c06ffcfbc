/** Implementation of cxm-core's import and export; not exported, not API. */
@NullMarked
package dev.cxm.core.internal.io;

import org.jspecify.annotations.NullMarked;
