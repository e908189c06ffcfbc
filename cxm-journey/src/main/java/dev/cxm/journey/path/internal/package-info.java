/** Implementation; not API. */
@NullMarked
package dev.cxm.journey.path.internal;

import org.jspecify.annotations.NullMarked;
