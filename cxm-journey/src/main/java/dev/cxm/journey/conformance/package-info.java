/** placeholder. */
@NullMarked
package dev.cxm.journey.conformance;

import org.jspecify.annotations.NullMarked;
