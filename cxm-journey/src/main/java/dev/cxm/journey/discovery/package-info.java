/** placeholder. */
@NullMarked
package dev.cxm.journey.discovery;

import org.jspecify.annotations.NullMarked;
