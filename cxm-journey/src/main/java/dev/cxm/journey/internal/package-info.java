/** Implementation shared by the journey packages; not API. */
@NullMarked
package dev.cxm.journey.internal;

import org.jspecify.annotations.NullMarked;
