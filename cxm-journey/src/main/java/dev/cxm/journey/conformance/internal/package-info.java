/** Implementation; not API. */
@NullMarked
package dev.cxm.journey.conformance.internal;

import org.jspecify.annotations.NullMarked;
