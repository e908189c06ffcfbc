/** Implementation of the segment package; not API. */
@NullMarked
package dev.cxm.engage.segment.internal;

import org.jspecify.annotations.NullMarked;
