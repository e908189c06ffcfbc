/** Implementation of the journey map; not API. */
@NullMarked
package dev.cxm.journey.map.internal;

import org.jspecify.annotations.NullMarked;
