/** placeholder. */
@NullMarked
package dev.cxm.journey.path;

import org.jspecify.annotations.NullMarked;
