/** Implementation; not API. */
@NullMarked
package dev.cxm.journey.funnel.internal;

import org.jspecify.annotations.NullMarked;
